package org.masthead.audio.web;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.masthead.audio.engine.FestivalEngine;
import org.masthead.audio.lexicon.PronunciationRepository;
import org.masthead.audio.narration.NarrationPlanner;
import org.masthead.audio.narration.NarrationRepository;
import org.masthead.audio.narration.NarrationStatus;
import org.masthead.content.Newsroom;
import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.platform.AuditLog;
import org.masthead.testing.Components;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.masthead.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The newsroom's narration pages: status per article, regenerate, switch voice, the lexicon, listen. */
@MastheadIntegrationTest
class NarrationAdminIntegrationTests {

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Newsroom newsroom;

	@Autowired
	NarrationRepository narrations;

	@Autowired
	NarrationPlanner planner;

	@Autowired
	PronunciationRepository lexicon;

	@Autowired
	FestivalEngine festival;

	@Autowired
	AuditLog audit;

	@LocalServerPort
	int port;

	StaffBrowser signedIn(Role role) {
		TestStaff.Credentials staff = TestStaff.create(accounts, role);
		StaffBrowser browser = new StaffBrowser(port);
		assertThat(browser.signIn(staff.email(), StaffBrowser.PASSWORD).status()).isEqualTo(302);
		return browser;
	}

	long published(String headline) {
		Basics basics = Basics.create(newsroom);
		long id = newsroom.createDraft(basics.draft(TestContent.unique("admin"), headline, "<p>Body text.</p>"));
		newsroom.publish(id, Instant.now());
		planner.planDue();
		return id;
	}

	@Test
	void editorsSeeStatusRegenerateAndSwitchVoice() {
		long id = published("Narrated in the newsroom");
		StaffBrowser editor = signedIn(Role.EDITOR);

		Page page = editor.get("/admin/narration");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Narrated in the newsroom", "Pending", "festival");
		assertThat(page.html().select("h2").eachText()).contains("Engines on this machine", "Articles");

		Page switched = editor.post("/admin/narration/articles/" + id + "/voice", Map.of("voice", "flite:slt"));
		assertThat(switched.status()).isEqualTo(302);
		assertThat(editor.follow(switched).body()).contains("will be narrated with flite:slt");
		assertThat(narrations.article(id).orElseThrow().voice()).isEqualTo("flite:slt");
		planner.planDue();
		assertThat(narrations.history(id)).extracting(NarrationRepository.NarrationRow::voice).contains("flite:slt");

		Page refused = editor.post("/admin/narration/articles/" + id + "/voice", Map.of("voice", "festival:(system \"x\")"));
		assertThat(editor.follow(refused).body()).contains("That voice is not offered here");
		assertThat(narrations.article(id).orElseThrow().voice()).isEqualTo("flite:slt");

		assertThat(editor.post("/admin/narration/articles/" + id + "/regenerate", Map.of()).status()).isEqualTo(302);
		assertThat(audit.recent(10, 0)).anySatisfy(e -> assertThat(e.action()).isEqualTo("narration.regenerated"));
		assertThat(editor.post("/admin/narration/articles/12345/regenerate", Map.of()).status()).isEqualTo(404);
		assertThat(editor.post("/admin/narration/articles/abc/voice", Map.of("voice", "")).status()).isEqualTo(404);
	}

	@Test
	void contributorsMayLookButNotChange() {
		long id = published("Contributors look");
		StaffBrowser contributor = signedIn(Role.CONTRIBUTOR);
		Page page = contributor.get("/admin/narration");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("form[action$=/regenerate]")).isEmpty();
		assertThat(contributor.post("/admin/narration/articles/" + id + "/regenerate", Map.of()).status()).isEqualTo(403);
		assertThat(contributor.post("/admin/narration/lexicon", Map.of("word", "kyiv", "respelling", "Kiev")).status())
			.isEqualTo(403);
		assertThat(new StaffBrowser(port).get("/admin/narration").status()).isEqualTo(302);
	}

	@Test
	void theLexiconIsEditedFieldByFieldAndRefusesSyntax() {
		StaffBrowser editor = signedIn(Role.EDITOR);
		Page lexiconPage = editor.get("/admin/narration/lexicon");
		assertThat(lexiconPage.body()).contains("kyiv", "Keev", "k iy1 v", "zelensky", "volodymyr", "lavrov");

		Page bad = editor.post("/admin/narration/lexicon",
				Map.of("word", "<script>alert(1)</script>", "respelling", "", "phonemes", "k iy1 v)) (system \"rm\""));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.fieldError("word")).contains("letters only");
		assertThat(bad.fieldError("respelling")).contains("Enter how the word sounds");
		assertThat(bad.fieldError("phonemes")).contains("is not an ARPAbet phoneme");
		assertThat(bad.body()).doesNotContain("<script>alert(1)</script>");

		Page tooLong = editor.post("/admin/narration/lexicon", Map.of("word", "a".repeat(5000), "respelling", "A"));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.fieldError("word")).contains("at most 64");

		String word = "ostrava";
		Page saved = editor.post("/admin/narration/lexicon", Map.of("word", "Ostrava", "respelling", "Ostrahva", "phonemes", "ao1 s t r aa0 v ax0"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(lexicon.find(word)).hasValueSatisfying(p -> assertThat(p.phonemes()).isEqualTo("ao1 s t r aa0 v ax0"));
		Page again = editor.post("/admin/narration/lexicon", Map.of("word", "ostrava", "respelling", "Ostrava"));
		assertThat(again.status()).as("saving a word twice replaces it").isEqualTo(302);
		assertThat(lexicon.find(word)).hasValueSatisfying(p -> assertThat(p.respelling()).isEqualTo("Ostrava"));

		long entry = lexicon.find(word).orElseThrow().id();
		editor.get("/admin/narration/lexicon");
		assertThat(editor.post("/admin/narration/lexicon/" + entry + "/delete", Map.of()).status()).isEqualTo(302);
		assertThat(lexicon.find(word)).isEmpty();

		Page pls = editor.get("/admin/narration/lexicon.pls");
		assertThat(pls.body()).contains("<grapheme>kyiv</grapheme><phoneme>kˈiv</phoneme>");
	}

	@Test
	void listenSpeaksAWordAndRefusesTooMuch() {
		StaffBrowser editor = signedIn(Role.EDITOR);
		assertThat(editor.get("/admin/narration/listen.mp3?text=").status()).isEqualTo(400);
		assertThat(editor.get("/admin/narration/listen.mp3?text=" + "a".repeat(301)).status()).isEqualTo(400);
		assertThat(editor.get("/admin/narration/listen.mp3?text=Kyiv&voice=festival:evil").status()).isEqualTo(400);
		Components.assume(festival.installation().isReady() && festival.hasVoice("cmu_us_slt_arctic_hts"), "Festival",
				"apt-get install -y festival festvox-us-slt-hts lame");
		Page mp3 = editor.get("/admin/narration/listen.mp3?text=Kyiv");
		assertThat(mp3.status()).isEqualTo(200);
		assertThat(mp3.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
	}

	@Test
	void aNarrationWaitingForAnEngineSaysWhatToInstall() {
		long id = published("Waiting for an engine");
		narrations.chooseVoice(id, "flite:slt", Instant.now());
		planner.planDue();
		var row = narrations.history(id).get(0);
		narrations.waiting(row.id(), "Waiting for an engine: apt-get install flite lame");
		StaffBrowser editor = signedIn(Role.EDITOR);
		assertThat(editor.get("/admin/narration").body()).contains("Pending: Waiting for an engine: apt-get install flite lame");
		assertThat(row.status()).isEqualTo(NarrationStatus.PENDING);
	}

}
