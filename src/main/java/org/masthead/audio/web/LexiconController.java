package org.masthead.audio.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Mp3Encoder;
import org.masthead.audio.engine.NarrationEngines;
import org.masthead.audio.engine.Narrator;
import org.masthead.audio.engine.SynthesisException;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.lexicon.Pronunciation;
import org.masthead.audio.lexicon.PronunciationRepository;
import org.masthead.audio.speech.SpokenText;
import org.masthead.identity.CurrentStaff;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.platform.AuditLog;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pronunciation lexicon in the newsroom: the list, a form to add or change a word (Editors),
 * the lexicon as a PLS document for cloud providers, and "listen": a word or sentence spoken by a
 * voice, at once, so an editor hears a respelling before narrations use it.
 */
@Controller
class LexiconController {

	/** The longest text "listen" speaks: a sentence, not an article. */
	static final int MAX_PREVIEW = 300;

	private final PronunciationRepository lexicon;

	private final NarrationEngines engines;

	private final NarrationAdminController narrations;

	private final AudioProperties properties;

	private final AuditLog audit;

	private final Narrator narrator;

	/** Previews run in request threads: one at a time, so they never crowd out narrations. */
	private final Semaphore previews = new Semaphore(1);

	LexiconController(PronunciationRepository lexicon, NarrationEngines engines, NarrationAdminController narrations,
			AudioProperties properties, AuditLog audit) {
		this.lexicon = lexicon;
		this.engines = engines;
		this.narrations = narrations;
		this.properties = properties;
		this.audit = audit;
		this.narrator = new Narrator(properties.commands().lame(), properties.bitrate());
	}

	@GetMapping("/admin/narration/lexicon")
	String showLexicon(CsrfToken csrf, Model model) {
		return form(model, csrf, "", "", "", Map.of(), (String) model.getAttribute("notice"));
	}

	@PostMapping("/admin/narration/lexicon")
	String processLexicon(@RequestParam(defaultValue = "") String word, @RequestParam(defaultValue = "") String respelling,
			@RequestParam(defaultValue = "") String phonemes, CsrfToken csrf, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		StaffMember staff = NarrationAdminController.requireEditor();
		Map<String, String> errors = new LinkedHashMap<>();
		put(errors, "word", Pronunciation.checkWord(word));
		put(errors, "respelling", Pronunciation.checkRespelling(respelling));
		put(errors, "phonemes", Pronunciation.checkPhonemes(phonemes));
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, csrf, truncate(word), truncate(respelling), truncate(phonemes), errors, null);
		}
		Pronunciation saved = lexicon.save(word, respelling, phonemes);
		audit.record(staff.id(), staff.name(), "lexicon.saved", "pronunciation:" + saved.word(),
				saved.respelling() + (saved.hasPhonemes() ? " / " + saved.phonemes() : ""));
		redirect.addFlashAttribute("notice", "\u201c" + saved.word() + "\u201d is now said \u201c" + saved.respelling()
				+ "\u201d. New narrations use it; regenerate older ones to hear it there.");
		return "redirect:/admin/narration/lexicon";
	}

	@PostMapping("/admin/narration/lexicon/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		StaffMember staff = NarrationAdminController.requireEditor();
		long entry = NarrationAdminController.articleId(id);
		if (!lexicon.delete(entry)) {
			throw new NotFound("No such entry");
		}
		audit.record(staff.id(), staff.name(), "lexicon.removed", "pronunciation:" + entry, null);
		redirect.addFlashAttribute("notice", "The entry was removed.");
		return "redirect:/admin/narration/lexicon";
	}

	@GetMapping("/admin/narration/lexicon.pls")
	ResponseEntity<String> pls() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/pls+xml;charset=UTF-8"))
			.header("Content-Disposition", "attachment; filename=\"lexicon.pls\"")
			.body(lexicon.lexicon().pls("en-US"));
	}

	/** Speaks a word or a sentence with a voice: the "listen" button. */
	@GetMapping("/admin/narration/listen.mp3")
	ResponseEntity<?> listen(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String voice)
			throws InterruptedException {
		if (text.isBlank() || text.length() > MAX_PREVIEW) {
			return problem(HttpStatus.BAD_REQUEST, "Enter a word or a sentence of at most " + MAX_PREVIEW + " characters.");
		}
		String chosen = voice.isBlank() ? properties.voices().getOrDefault("en", "festival:cmu_us_slt_arctic_hts") : voice.strip();
		if (!narrations.voices().contains(chosen)) {
			return problem(HttpStatus.BAD_REQUEST, "That voice is not offered here.");
		}
		NarrationEngines.Choice choice = engines.choose(Voice.parse(chosen));
		if (!choice.isReady()) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, choice.remedy() != null ? "No engine can speak yet: " + choice.remedy()
					: choice.impossible());
		}
		SpokenText spoken = SpokenText.ofPlain(text);
		if (spoken.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "There is nothing to say in that text.");
		}
		if (!previews.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "Another preview is being spoken; try again in a moment.");
		}
		try {
			Mp3Encoder.Encoded mp3 = narrator.narrate(spoken, choice.engine(), choice.voice(), lexicon.lexicon(),
					Duration.ofSeconds(30));
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("audio/mpeg"))
				.cacheControl(CacheControl.noStore())
				.body(mp3.mp3());
		}
		catch (SynthesisException ex) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		}
		finally {
			previews.release();
		}
	}

	private String form(Model model, CsrfToken csrf, String word, String respelling, String phonemes,
			Map<String, String> errors, String notice) {
		model.addAttribute("page", new AdminPage("Pronunciation lexicon", CurrentStaff.get().orElse(null), csrf, notice));
		List<Pronunciation> entries = lexicon.all();
		model.addAttribute("entries", entries);
		model.addAttribute("word", word);
		model.addAttribute("respelling", respelling);
		model.addAttribute("phonemes", phonemes);
		model.addAttribute("errors", errors);
		model.addAttribute("mayEdit", CurrentStaff.may(Role.EDITOR));
		model.addAttribute("voices", narrations.voices());
		return "admin/narration/lexicon";
	}

	/** What a refused form shows again: never more than a field could hold. */
	private static String truncate(String value) {
		return value.length() > 300 ? value.substring(0, 300) : value;
	}

	private static void put(Map<String, String> errors, String field, String error) {
		if (error != null) {
			errors.put(field, error);
		}
	}

	private static ResponseEntity<String> problem(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
	}

}
