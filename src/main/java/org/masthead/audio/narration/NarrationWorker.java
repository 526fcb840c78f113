package org.masthead.audio.narration;

import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.NarrationReady;
import org.masthead.audio.engine.Mp3Encoder;
import org.masthead.audio.engine.NarrationEngines;
import org.masthead.audio.engine.Narrator;
import org.masthead.audio.engine.SynthesisException;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.lexicon.PronunciationRepository;
import org.masthead.audio.narration.NarrationRepository.NarrationRow;
import org.masthead.audio.speech.SpokenText;
import org.masthead.platform.MediaStorage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes pending narrations, run by the recurring {@code narrations} job: at most
 * {@code masthead.audio.concurrency} at a time (the job runs on one node at a time, so the limit
 * holds for the cluster), each claimed in the database first. A failed try is retried with
 * doubling waits; a narration whose engine is not installed waits, saying what to install.
 */
@Component
public class NarrationWorker {

	private static final Logger log = LoggerFactory.getLogger(NarrationWorker.class);

	/** How long one run of the job keeps taking work before it lets the scheduler breathe. */
	private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

	private final NarrationRepository narrations;

	private final NarrationPlanner planner;

	private final NarrationEngines engines;

	private final PronunciationRepository lexicon;

	private final MediaStorage storage;

	private final ApplicationEventPublisher events;

	private final AudioProperties properties;

	private final Clock clock;

	private final Narrator narrator;

	private final ExecutorService pool;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

	private volatile boolean stopping;

	NarrationWorker(NarrationRepository narrations, NarrationPlanner planner, NarrationEngines engines,
			PronunciationRepository lexicon, MediaStorage storage, ApplicationEventPublisher events,
			AudioProperties properties, Clock clock) {
		this.narrations = narrations;
		this.planner = planner;
		this.engines = engines;
		this.lexicon = lexicon;
		this.storage = storage;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.narrator = new Narrator(properties.commands().lame(), properties.bitrate());
		this.pool = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
			Thread thread = new Thread(runnable, "narration");
			thread.setDaemon(true);
			thread.setPriority(Thread.MIN_PRIORITY);
			return thread;
		});
	}

	/** One run of the job: plan changed articles, then narrate what is due. Returns narrations made. */
	public int run() {
		if (!properties.enabled() || stopping) {
			return 0;
		}
		planner.planDue();
		Instant deadline = clock.instant().plus(RUN_LIMIT);
		int made = 0;
		while (!stopping && clock.instant().isBefore(deadline)) {
			List<Future<Boolean>> running = startDue();
			if (running.isEmpty()) {
				break;
			}
			for (Future<Boolean> future : running) {
				try {
					made += future.get() ? 1 : 0;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return made;
				}
				catch (ExecutionException ex) {
					log.warn("A narration failed unexpectedly", ex.getCause());
				}
			}
			planner.planDue();
		}
		return made;
	}

	private List<Future<Boolean>> startDue() {
		Instant now = clock.instant();
		List<Future<Boolean>> running = new ArrayList<>();
		for (NarrationRow row : narrations.due(now, 50)) {
			if (running.size() >= properties.concurrency()) {
				break;
			}
			NarrationEngines.Choice choice;
			try {
				choice = engines.choose(Voice.parse(row.voice()));
			}
			catch (IllegalArgumentException ex) {
				narrations.failed(row.id(), NarrationStatus.FAILED, row.attempts(), now, "Unknown voice " + row.voice());
				continue;
			}
			if (choice.impossible() != null) {
				narrations.failed(row.id(), NarrationStatus.FAILED, row.attempts(), now, choice.impossible());
				continue;
			}
			if (!choice.isReady()) {
				String reason = "Waiting for an engine: " + choice.remedy();
				if (!reason.equals(row.reason())) {
					narrations.waiting(row.id(), reason);
				}
				continue;
			}
			Duration budget = properties.chunkTimeout().multipliedBy(2 + row.wordCount() / 250).plusMinutes(2);
			if (narrations.claim(row.id(), node, now.plus(budget), now)) {
				running.add(pool.submit(() -> narrate(row, choice)));
			}
		}
		return running;
	}

	private boolean narrate(NarrationRow row, NarrationEngines.Choice choice) {
		long started = System.nanoTime();
		try {
			SpokenText text = new SpokenText(List.of(narrations.spokenText(row.id()).split("\n")));
			Mp3Encoder.Encoded encoded = narrator.narrate(text, choice.engine(), choice.voice(), lexicon.lexicon(),
					properties.chunkTimeout());
			String key = "audio/" + sha256(encoded.mp3()).substring(0, 40) + ".mp3";
			storage.put(key, encoded.mp3());
			narrations.ready(row.id(), key, encoded.durationMillis(), encoded.mp3().length, choice.voice().id(),
					clock.instant());
			log.info("Narrated article {}: {} words, {} s of audio, {} KB, {} ms with {}", row.articleId(),
					row.wordCount(), encoded.durationMillis() / 1000, encoded.mp3().length / 1024,
					(System.nanoTime() - started) / 1_000_000, choice.voice());
			narrations.article(row.articleId())
				.ifPresent(article -> events.publishEvent(new NarrationReady(row.articleId(), article.slug())));
			return true;
		}
		catch (SynthesisException ex) {
			retryOrFail(row, ex.getMessage(), ex.isRetryable());
		}
		catch (Exception ex) {
			log.warn("Narration of article {} failed", row.articleId(), ex);
			retryOrFail(row, ex.toString(), true);
		}
		return false;
	}

	private void retryOrFail(NarrationRow row, String reason, boolean retryable) {
		int attempts = row.attempts() + 1;
		Instant now = clock.instant();
		if (!retryable || attempts >= properties.maxAttempts()) {
			narrations.failed(row.id(), NarrationStatus.FAILED, attempts, now, reason);
			log.warn("Narration of article {} failed for good after {} tries: {}", row.articleId(), attempts, reason);
			return;
		}
		Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
		narrations.failed(row.id(), NarrationStatus.PENDING, attempts, now.plus(wait),
				"Try " + attempts + " of " + properties.maxAttempts() + " failed (" + reason + "); trying again in "
						+ wait.toSeconds() + " s");
		log.info("Narration of article {} will be tried again in {} s: {}", row.articleId(), wait.toSeconds(), reason);
	}

	/** Stops taking work and stops running engines as soon as the application starts to close. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		stopping = true;
		pool.shutdownNow();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
