package org.masthead.audio.engine.cloud;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Mp3Encoder;
import org.masthead.audio.engine.Narrator;
import org.masthead.audio.engine.Pcm;
import org.masthead.audio.engine.SynthesisException;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.lexicon.Lexicon;
import org.masthead.audio.lexicon.Pronunciation;
import org.masthead.audio.speech.SpokenText;
import org.masthead.testing.Components;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every cloud voice against a stub of its API (WireMock, no network): the request each provider
 * expects (address, credentials, voice, text escaped, lexicon as SSML phonemes or respelling), the
 * audio read back, long texts split under each provider's limit, and HTTP errors sorted into
 * "retry later" and "fix the settings".
 */
class CloudEnginesTests {

	static WireMockServer server;

	static final Lexicon LEXICON = new Lexicon(List.of(new Pronunciation(1, "kyiv", "Keev", "k iy1 v")));

	static final String TEXT = "Talks in Kyiv resumed, said Mr Koval & <friends>.";

	@BeforeAll
	static void start() {
		server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
	}

	static AudioProperties.Cloud settings(String key, String secret, String region, String model) {
		return new AudioProperties.Cloud(URI.create(server.baseUrl()), key, secret, region, model, Duration.ofSeconds(10));
	}

	/** {@code seconds} of silence as 16-bit samples. */
	static byte[] pcm(int rate, double seconds) {
		return new byte[(int) (rate * seconds) * 2];
	}

	static byte[] wav(int rate, double seconds) {
		byte[] data = pcm(rate, seconds);
		ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
			.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
			.put("data".getBytes()).putInt(data.length).put(data);
		return b.array();
	}

	static String body(LoggedRequest request) {
		return request.getBodyAsString();
	}

	@Test
	void openAi() throws Exception {
		server.stubFor(post(urlEqualTo("/v1/audio/speech")).willReturn(aResponse().withBody(pcm(24000, 1.5))));
		OpenAiEngine engine = new OpenAiEngine(settings("sk-test", "", "", ""), "lame");

		Pcm pcm = engine.synthesize(TEXT, Voice.parse("openai:alloy"), LEXICON, Duration.ofSeconds(5));

		assertThat(pcm.durationMillis()).isEqualTo(1500);
		LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/v1/audio/speech"))).get(0);
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test");
		assertThat(body(request)).contains("\"voice\":\"alloy\"", "\"response_format\":\"pcm\"", "\"model\":\"gpt-4o-mini-tts\"",
				"Talks in Keev resumed", "& <friends>");
	}

	@Test
	void elevenLabs() throws Exception {
		server.stubFor(post(urlPathEqualTo("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM")).willReturn(aResponse().withBody(pcm(24000, 2))));
		ElevenLabsEngine engine = new ElevenLabsEngine(settings("xi-test", "", "", ""), "lame");

		Pcm pcm = engine.synthesize(TEXT, Voice.parse("elevenlabs:21m00Tcm4TlvDq8ikWAM"), LEXICON, Duration.ofSeconds(5));

		assertThat(pcm.durationMillis()).isEqualTo(2000);
		LoggedRequest request = server.findAll(postRequestedFor(urlPathEqualTo("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM"))).get(0);
		assertThat(request.getHeader("xi-api-key")).isEqualTo("xi-test");
		assertThat(request.queryParameter("output_format").firstValue()).isEqualTo("pcm_24000");
		assertThat(body(request)).contains("\"model_id\":\"eleven_multilingual_v2\"", "Talks in Keev resumed");
	}

	@Test
	void azure() throws Exception {
		server.stubFor(post(urlEqualTo("/cognitiveservices/v1")).willReturn(aResponse().withBody(wav(24000, 1))));
		AzureEngine engine = new AzureEngine(settings("az-test", "", "westeurope", ""), "lame");

		Pcm pcm = engine.synthesize(TEXT, Voice.parse("azure:en-GB-SoniaNeural"), LEXICON, Duration.ofSeconds(5));

		assertThat(pcm.sampleRate()).isEqualTo(24000);
		assertThat(pcm.durationMillis()).isEqualTo(1000);
		LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/cognitiveservices/v1"))).get(0);
		assertThat(request.getHeader("Ocp-Apim-Subscription-Key")).isEqualTo("az-test");
		assertThat(request.getHeader("X-Microsoft-OutputFormat")).isEqualTo("riff-24khz-16bit-mono-pcm");
		assertThat(body(request)).isEqualTo("<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"en-GB\">"
				+ "<voice name=\"en-GB-SoniaNeural\">Talks in <phoneme alphabet=\"ipa\" ph=\"kˈiv\">Kyiv</phoneme> resumed,"
				+ " said Mr Koval &amp; &lt;friends&gt;.</voice></speak>");
	}

	@Test
	void google() throws Exception {
		String audio = Base64.getEncoder().encodeToString(wav(24000, 0.5));
		server.stubFor(post(urlEqualTo("/v1/text:synthesize"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"audioContent\":\"" + audio + "\"}")));
		GoogleEngine engine = new GoogleEngine(settings("g-key", "", "", ""), "lame");

		Pcm pcm = engine.synthesize(TEXT, Voice.parse("google:en-US-Neural2-F"), LEXICON, Duration.ofSeconds(5));

		assertThat(pcm.durationMillis()).isEqualTo(500);
		LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/v1/text:synthesize"))).get(0);
		assertThat(request.getHeader("X-Goog-Api-Key")).isEqualTo("g-key");
		assertThat(body(request)).contains("\"audioEncoding\":\"LINEAR16\"", "\"name\":\"en-US-Neural2-F\"",
				"\"languageCode\":\"en-US\"", "<phoneme alphabet=\\\"ipa\\\" ph=\\\"kˈiv\\\">Kyiv</phoneme>", "&amp; &lt;friends&gt;");
	}

	@Test
	void pollyThroughTheAwsSdk() throws Exception {
		server.stubFor(post(urlEqualTo("/v1/speech"))
			.willReturn(aResponse().withHeader("Content-Type", "audio/pcm").withBody(pcm(16000, 1.25))));
		PollyEngine engine = new PollyEngine(settings("AKIDEXAMPLE", "secret", "eu-west-1", ""), "lame");

		Pcm pcm = engine.synthesize(TEXT, Voice.parse("polly:Joanna"), LEXICON, Duration.ofSeconds(5));

		assertThat(pcm.sampleRate()).isEqualTo(16000);
		assertThat(pcm.durationMillis()).isEqualTo(1250);
		LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/v1/speech"))).get(0);
		assertThat(request.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
			.contains("/eu-west-1/polly/aws4_request");
		assertThat(body(request)).contains("\"VoiceId\":\"Joanna\"", "\"OutputFormat\":\"pcm\"", "\"SampleRate\":\"16000\"",
				"\"TextType\":\"ssml\"", "\"Engine\":\"neural\"", "<phoneme alphabet=\\\"ipa\\\" ph=\\\"kˈiv\\\">Kyiv</phoneme>");
	}

	@Test
	void longTextsAreSplitAtSentencesUnderEachProvidersLimit() throws Exception {
		Components.assume(org.masthead.audio.engine.Commands.find("lame").isPresent(), "lame", "apt-get install -y lame");
		server.stubFor(post(urlEqualTo("/v1/audio/speech")).willReturn(aResponse().withBody(pcm(24000, 1))));
		OpenAiEngine engine = new OpenAiEngine(settings("sk-test", "", "", ""), "lame");
		String sentence = "The council met again on Tuesday to discuss the ferry timetable and the harbour works.";
		SpokenText text = SpokenText.ofPlain((sentence + " ").repeat(150));

		Mp3Encoder.Encoded mp3 = new Narrator("lame", 48).narrate(text, engine, Voice.parse("openai:alloy"), Lexicon.EMPTY,
				Duration.ofSeconds(5));

		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/v1/audio/speech")));
		assertThat(requests).hasSizeGreaterThanOrEqualTo(4);
		assertThat(mp3.durationMillis()).isEqualTo(requests.size() * 1000L);
		for (LoggedRequest request : requests) {
			String input = CloudEngine.Shared.JSON.readTree(request.getBodyAsString()).get("input").asString();
			assertThat(input.length()).isLessThanOrEqualTo(4000);
			assertThat(input).startsWith("The council").endsWith("harbour works.");
		}
	}

	@Test
	void refusedCredentialsAreNotRetriedButOutagesAre() {
		OpenAiEngine engine = new OpenAiEngine(settings("sk-wrong", "", "", ""), "lame");
		server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid key\"}")));
		assertThatThrownBy(() -> engine.synthesize("Hello.", Voice.parse("openai:alloy"), Lexicon.EMPTY, Duration.ofSeconds(5)))
			.isInstanceOfSatisfying(SynthesisException.class, ex -> {
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getMessage()).contains("refused the credentials (HTTP 401)");
			});

		server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		assertThatThrownBy(() -> engine.synthesize("Hello.", Voice.parse("openai:alloy"), Lexicon.EMPTY, Duration.ofSeconds(5)))
			.isInstanceOfSatisfying(SynthesisException.class, ex -> assertThat(ex.isRetryable()).isTrue());

		server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody("voice unknown")));
		assertThatThrownBy(() -> engine.synthesize("Hello.", Voice.parse("openai:alloy"), Lexicon.EMPTY, Duration.ofSeconds(5)))
			.isInstanceOfSatisfying(SynthesisException.class, ex -> assertThat(ex.isRetryable()).isFalse());

		PollyEngine polly = new PollyEngine(settings("AKID", "secret", "eu-west-1", ""), "lame");
		server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("x-amzn-ErrorType", "InvalidSsmlException")
			.withBody("{\"message\":\"bad ssml\"}")));
		assertThatThrownBy(() -> polly.synthesize("Hello.", Voice.parse("polly:Joanna"), Lexicon.EMPTY, Duration.ofSeconds(5)))
			.isInstanceOfSatisfying(SynthesisException.class, ex -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void aProviderThatHangsIsGivenUpAtTheTimeout() {
		server.stubFor(post(anyUrl()).willReturn(aResponse().withFixedDelay(5000).withBody(pcm(24000, 1))));
		ElevenLabsEngine engine = new ElevenLabsEngine(settings("xi", "", "", ""), "lame");
		long started = System.nanoTime();
		assertThatThrownBy(() -> engine.synthesize("Hello.", Voice.parse("elevenlabs:abc"), Lexicon.EMPTY, Duration.ofSeconds(1)))
			.isInstanceOfSatisfying(SynthesisException.class, ex -> assertThat(ex.isRetryable()).isTrue());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void anUnconfiguredProviderSaysWhatToSet() {
		var none = new AudioProperties.Cloud(null, "", "", "", "", Duration.ofSeconds(10));
		assertThat(new PollyEngine(none, "lame").installation().remedy())
			.isEqualTo("set masthead.audio.polly.api-key, masthead.audio.polly.secret and masthead.audio.polly.region");
		assertThat(new OpenAiEngine(none, "lame").installation().isReady()).isFalse();
		assertThat(new AzureEngine(none, "lame").installation().remedy()).contains("masthead.audio.azure.region");
	}

}
