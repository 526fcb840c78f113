package org.masthead.audio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.masthead.audio.engine.FestivalEngine;
import org.masthead.audio.speech.SpeechNormaliser;
import org.masthead.content.BodyFormat;
import org.masthead.content.Newsroom;
import org.masthead.testing.Components;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The narration figures of issue 5, measured with the production settings (job polled every 5 s,
 * one synthesis at a time): a 1,000-word article published like an editor does, from publishing
 * until its narration is ready; the CPU time the whole process and its engines spent per second of
 * audio; the MP3's size per minute. The baseline is the bare tools (text2wave and lame run by hand
 * on the same speech text). Not a test: its name keeps it out of the build; bench/narration.sh runs it.
 * Prints lines starting with "BENCH".
 */
@MastheadIntegrationTest
@TestPropertySource(properties = "masthead.audio.enabled=true")
class NarrationBenchmark {

	@Autowired
	Newsroom newsroom;

	@Autowired
	Narrations narrations;

	@Autowired
	FestivalEngine festival;

	@LocalServerPort
	int port;

	@Test
	void narrationFigures() throws Exception {
		Components.assume(festival.installation().isReady() && festival.hasVoice("cmu_us_slt_arctic_hts"), "Festival",
				"apt-get install -y festival festvox-us-slt-hts lame");
		int words = Integer.getInteger("bench.words", 1000);
		Basics basics = Basics.create(newsroom);

		// Warm-up: the JIT, Festival's files in the page cache.
		long warm = newsroom.createDraft(basics.draft(TestContent.unique("warm-up"), "Warm-up", "<p>" + prose(60) + "</p>"));
		newsroom.publish(warm, Instant.now());
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> narrations.readyFor(warm).isPresent());

		String markdown = prose(words);
		String html = BodyFormat.markdownToHtml(markdown);
		long id = newsroom.createDraft(basics.draft(TestContent.unique("bench"), "Harbour works: a long read", html));

		double cpuBefore = processCpuSeconds();
		long started = System.nanoTime();
		newsroom.publish(id, Instant.now());
		Narration narration = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
			.until(() -> narrations.readyFor(id).orElse(null), n -> n != null);
		double latency = (System.nanoTime() - started) / 1e9;
		double cpu = processCpuSeconds() - cpuBefore;
		double audioSeconds = narration.duration().toMillis() / 1000.0;
		double kbPerMinute = narration.byteSize() / 1024.0 / (audioSeconds / 60);

		HttpResponse<byte[]> mp3 = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + narration.path())).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		if (mp3.statusCode() != 200 || mp3.body().length != narration.byteSize()) {
			throw new AssertionError("The MP3 is not served whole: " + mp3.statusCode());
		}

		double[] raw = bareTools(markdown);
		int actualWords = SpeechNormaliser.normalise(markdown).split("\\s+").length;
		System.out.printf("BENCH words=%d audio_s=%.1f%n", actualWords, audioSeconds);
		System.out.printf("BENCH latency_s=%.1f target_s=60 ratio=%.2f%n", latency, latency / 60);
		System.out.printf("BENCH cpu_s=%.2f cpu_per_audio_s=%.4f target=0.06 ratio=%.2f%n", cpu, cpu / audioSeconds,
				cpu / audioSeconds / 0.06);
		System.out.printf("BENCH baseline_cpu_per_audio_s=%.4f masthead_vs_baseline=%.2f%n", raw[0] / raw[1],
				(cpu / audioSeconds) / (raw[0] / raw[1]));
		System.out.printf("BENCH mp3_kb_per_min=%.0f target=400 ratio=%.2f bytes=%d%n", kbPerMinute, kbPerMinute / 400,
				narration.byteSize());
	}

	/** CPU seconds of this process and of the children it waited for (Festival, lame), from /proc. */
	static double processCpuSeconds() throws IOException {
		String stat = Files.readString(Path.of("/proc/self/stat"));
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields 14-17 (utime, stime, cutime, cstime) are at 11-14 after the command name
		long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
		return ticks / 100.0;
	}

	/** text2wave and lame on the same speech text, by hand: {CPU seconds, audio seconds}. */
	static double[] bareTools(String markdown) throws Exception {
		Path dir = Files.createTempDirectory("bench-raw");
		List<String> paragraphs = new ArrayList<>();
		for (String p : markdown.split("\n\n")) {
			paragraphs.add(SpeechNormaliser.paragraph(p));
		}
		Files.writeString(dir.resolve("speech.txt"), String.join("\n", paragraphs), StandardCharsets.US_ASCII);
		double before = processCpuSeconds();
		run(dir, "text2wave", "-o", "speech.wav", "-eval", "(voice_cmu_us_slt_arctic_hts)", "speech.txt");
		run(dir, "lame", "--quiet", "-m", "m", "-b", "48", "speech.wav", "speech.mp3");
		double cpu = processCpuSeconds() - before;
		double audio = (Files.size(dir.resolve("speech.wav")) - 44) / 64000.0;
		return new double[] { cpu, audio };
	}

	private static void run(Path dir, String... command) throws Exception {
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		if (p.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed");
		}
	}

	/** About {@code words} words of the demo newsroom's prose, paragraph by paragraph. */
	static String prose(int words) throws IOException {
		Resource[] articles = new PathMatchingResourcePatternResolver().getResources("classpath:demo/articles/*.md");
		List<String> paragraphs = new ArrayList<>();
		for (Resource article : articles) {
			String text = new String(article.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String body = text.substring(text.indexOf("\n---\n") + 5);
			for (String p : body.split("\n\n")) {
				if (!p.isBlank() && !p.startsWith("[[") && !p.startsWith("#") && !p.startsWith(">")) {
					paragraphs.add(p.strip());
				}
			}
		}
		StringBuilder out = new StringBuilder();
		int count = 0;
		for (String p : paragraphs) {
			if (count >= words) {
				break;
			}
			String[] w = p.split("\\s+");
			String piece = w.length + count > words ? String.join(" ", java.util.Arrays.copyOf(w, words - count)) + "." : p;
			out.append(piece).append("\n\n");
			count += Math.min(w.length, words - count);
		}
		return out.toString().strip();
	}

}
