package org.masthead.audio.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Installation;
import org.masthead.audio.engine.NarrationEngine;
import org.masthead.audio.engine.NarrationEngines;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.narration.NarrationRepository;
import org.masthead.audio.narration.NarrationRepository.ArticleNarration;
import org.masthead.identity.CurrentStaff;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.platform.AuditLog;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The newsroom's narration page: which engines can run here (and what to install when none can),
 * each published article's narration (pending, ready, failed with the reason, no voice), and for
 * Editors: regenerate, switch voice, listen.
 */
@Controller
class NarrationAdminController {

	static final int PAGE_SIZE = 30;

	/** Voices offered for an article; cloud voices appear when their provider is configured. */
	private static final List<String> LOCAL_VOICES = List.of("festival:cmu_us_slt_arctic_hts", "flite:slt", "flite:awb",
			"flite:rms", "flite:kal16");

	private final NarrationRepository narrations;

	private final NarrationEngines engines;

	private final AudioProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	NarrationAdminController(NarrationRepository narrations, NarrationEngines engines, AudioProperties properties,
			AuditLog audit, Clock clock) {
		this.narrations = narrations;
		this.engines = engines;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping({ "/admin/narration", "/admin/narration/" })
	String showNarrations(@RequestParam(defaultValue = "1") String page, CsrfToken csrf, Model model) {
		int number = page(page);
		List<ArticleNarration> rows = narrations.articles(PAGE_SIZE + 1, (number - 1) * PAGE_SIZE);
		model.addAttribute("page", new AdminPage("Narration", CurrentStaff.get().orElse(null), csrf, model.getAttribute("notice")));
		model.addAttribute("engines", engineRows());
		model.addAttribute("counts", narrations.counts());
		model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
		model.addAttribute("number", number);
		model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
		model.addAttribute("voices", voices());
		model.addAttribute("mayEdit", CurrentStaff.may(Role.EDITOR));
		model.addAttribute("enabled", properties.enabled());
		return "admin/narration/narrations";
	}

	@PostMapping("/admin/narration/articles/{id}/regenerate")
	String regenerate(@PathVariable String id, RedirectAttributes redirect) {
		StaffMember staff = requireEditor();
		long articleId = articleId(id);
		var article = narrations.article(articleId).orElseThrow(() -> new NotFound("No such article"));
		if (article.currentHash() != null) {
			narrations.narration(articleId, article.currentHash()).ifPresent(n -> narrations.requeue(n.id(), clock.instant()));
		}
		narrations.requestRefresh(articleId, true, clock.instant());
		audit.record(staff.id(), staff.name(), "narration.regenerated", "article:" + articleId + " \"" + article.headline() + "\"", null);
		redirect.addFlashAttribute("notice", "The narration of \u201c" + article.headline() + "\u201d will be made again.");
		return "redirect:/admin/narration";
	}

	@PostMapping("/admin/narration/articles/{id}/voice")
	String switchVoice(@PathVariable String id, @RequestParam(defaultValue = "") String voice, RedirectAttributes redirect) {
		StaffMember staff = requireEditor();
		long articleId = articleId(id);
		var article = narrations.article(articleId).orElseThrow(() -> new NotFound("No such article"));
		String chosen = voice.strip();
		if (!chosen.isEmpty() && !voices().contains(chosen)) {
			redirect.addFlashAttribute("notice", "That voice is not offered here; nothing was changed.");
			return "redirect:/admin/narration";
		}
		narrations.chooseVoice(articleId, chosen.isEmpty() ? null : chosen, clock.instant());
		audit.record(staff.id(), staff.name(), "narration.voice-changed", "article:" + articleId + " \"" + article.headline() + "\"",
				chosen.isEmpty() ? "default voice" : chosen);
		redirect.addFlashAttribute("notice", "\u201c" + article.headline() + "\u201d will be narrated with "
				+ (chosen.isEmpty() ? "the default voice" : chosen) + ".");
		return "redirect:/admin/narration";
	}

	List<NarrationViews.EngineRow> engineRows() {
		List<NarrationViews.EngineRow> rows = new ArrayList<>();
		for (NarrationEngine engine : engines.all()) {
			Installation installation = engine.installation();
			rows.add(new NarrationViews.EngineRow(engine.name(), installation.isReady(), installation.remedy()));
		}
		return rows;
	}

	/** The voices an Editor may choose: local ones, configured ones, and cloud ones whose provider is set up. */
	List<String> voices() {
		Set<String> voices = new LinkedHashSet<>(LOCAL_VOICES);
		voices.addAll(properties.voices().values());
		voices.addAll(properties.sections().values());
		Map<String, String> cloud = new LinkedHashMap<>();
		cloud.put("polly", "polly:Joanna");
		cloud.put("google", "google:en-US-Neural2-F");
		cloud.put("azure", "azure:en-US-JennyNeural");
		cloud.put("elevenlabs", "elevenlabs:21m00Tcm4TlvDq8ikWAM");
		cloud.put("openai", "openai:alloy");
		cloud.forEach((engine, example) -> {
			if (engines.engine(engine).map(e -> e.installation().isReady()).orElse(false)) {
				voices.add(example);
			}
		});
		voices.removeIf(v -> !Voice.isValid(v));
		return List.copyOf(voices);
	}

	static StaffMember requireEditor() {
		StaffMember staff = CurrentStaff.get().orElseThrow(() -> new AccessDeniedException("Sign in"));
		if (!staff.may(Role.EDITOR)) {
			throw new AccessDeniedException("Only Editors change narrations");
		}
		return staff;
	}

	static long articleId(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFound("No such article");
		}
	}

	static int page(String page) {
		try {
			int n = Integer.parseInt(page);
			return n < 1 || n > 100_000 ? 1 : n;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
