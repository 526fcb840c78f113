package org.masthead.audio.narration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.masthead.audio.engine.FestivalEngine;
import org.masthead.content.ArticleDraft;
import org.masthead.content.Newsroom;
import org.masthead.testing.Components;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.audio.narration.NarrationIntegrationTests.retrying;

/**
 * An engine that hangs is stopped at its timeout and tried again later, then given up on with the
 * reason; a voice whose engine is not installed waits and says what to install.
 */
@MastheadIntegrationTest
class NarrationRetryIntegrationTests {

	static Path hanging;

	/** How long the fake engine sleeps: unique to this run, so another build's engines on the machine never count. */
	static final String SLEEP = "120." + (100000 + new java.util.Random().nextInt(900000));

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("hanging-engine");
		hanging = dir.resolve("text2wave");
		Files.writeString(hanging, "#!/bin/sh\nexec sleep " + SLEEP + "\n");
		hanging.toFile().setExecutable(true);
		registry.add("masthead.audio.enabled", () -> "true");
		registry.add("masthead.audio.poll-interval", () -> "1s");
		registry.add("masthead.audio.commands.text2wave", hanging::toString);
		registry.add("masthead.audio.commands.flite", () -> "/nonexistent/flite");
		registry.add("masthead.audio.chunk-timeout", () -> "1s");
		registry.add("masthead.audio.retry-backoff", () -> "1s");
		registry.add("masthead.audio.max-attempts", () -> "2");
		registry.add("masthead.audio.fallback-voice", () -> "");
		registry.add("masthead.audio.voices.en", () -> "festival:cmu_us_slt_arctic_hts");
		registry.add("masthead.audio.voices.de", () -> "flite:slt");
	}

	@Autowired
	Newsroom newsroom;

	@Autowired
	NarrationRepository narrations;

	@Autowired
	FestivalEngine festival;

	@Test
	void aHangingEngineIsStoppedRetriedWithBackoffThenGivenUp() {
		Components.assume(festival.hasVoice("cmu_us_slt_arctic_hts"), "Festival's voice",
				"apt-get install -y festival festvox-us-slt-hts lame");
		Basics basics = retrying(() -> Basics.create(newsroom));
		long id = retrying(() -> newsroom.createDraft(basics.draft(TestContent.unique("hang"), "It hangs", "<p>Words.</p>")));
		retrying(() -> {
			newsroom.publish(id, Instant.now());
			return null;
		});

		await().atMost(Duration.ofSeconds(60)).until(() -> !narrations.history(id).isEmpty()
				&& narrations.history(id).get(0).status() == NarrationStatus.FAILED);
		NarrationRepository.NarrationRow row = narrations.history(id).get(0);
		assertThat(row.attempts()).isEqualTo(2);
		assertThat(row.reason()).isEqualTo("text2wave did not finish within 1 s and was stopped");
		assertThat(ProcessHandle.allProcesses()
			.filter(p -> p.info().commandLine().map(c -> c.contains("sleep " + SLEEP)).orElse(false))
			.filter(ProcessHandle::isAlive)).as("no engine left running").isEmpty();
	}

	@Test
	void aVoiceWhoseEngineIsMissingWaitsAndSaysWhatToInstall() {
		Basics basics = retrying(() -> Basics.create(newsroom));
		ArticleDraft english = basics.draft(TestContent.unique("warten"), "Nachrichten", "<p>Ein Text.</p>");
		ArticleDraft german = new ArticleDraft(english.slug(), english.headline(), english.dek(), english.bodyHtml(), null,
				null, null, null, english.sectionId(), english.authorIds(), english.tagIds(), "de");
		long id = retrying(() -> newsroom.createDraft(german));
		retrying(() -> {
			newsroom.publish(id, Instant.now());
			return null;
		});

		await().atMost(Duration.ofSeconds(30)).until(() -> !narrations.history(id).isEmpty()
				&& narrations.history(id).get(0).reason() != null);
		NarrationRepository.NarrationRow row = narrations.history(id).get(0);
		assertThat(row.status()).isEqualTo(NarrationStatus.PENDING);
		assertThat(row.reason()).isEqualTo("Waiting for an engine: apt-get install flite lame");
		assertThat(row.attempts()).isZero();
	}

}
