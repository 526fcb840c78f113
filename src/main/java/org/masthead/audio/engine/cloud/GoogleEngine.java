package org.masthead.audio.engine.cloud;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Pcm;
import org.masthead.audio.engine.SynthesisException;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.engine.Wav;
import org.masthead.audio.lexicon.Lexicon;

/**
 * Google Cloud Text-to-Speech over its REST API ({@code POST /v1/text:synthesize}) with an API key,
 * or an OAuth access token when the key starts with {@code ya29.}. SSML input with IPA phonemes from
 * the lexicon; LINEAR16 (WAV) output at 24 kHz. Requests stay under the 5,000-byte input limit.
 * Plain HTTP keeps the gRPC stack of the client library out of the application.
 */
public class GoogleEngine extends CloudEngine {

	public GoogleEngine(AudioProperties.Cloud settings, String lame) {
		super(settings, lame);
	}

	@Override
	public String name() {
		return "google";
	}

	@Override
	String defaultBaseUrl() {
		return "https://texttospeech.googleapis.com";
	}

	@Override
	public int maxChunkChars() {
		return 3000;
	}

	@Override
	public Pcm synthesize(String text, Voice voice, Lexicon lexicon, Duration timeout) throws SynthesisException {
		String language = languageOf(voice.name());
		String body = json(Map.of("input", Map.of("ssml", lexicon.ssml(text, language)),
				"voice", Map.of("languageCode", language, "name", voice.name()),
				"audioConfig", Map.of("audioEncoding", "LINEAR16", "sampleRateHertz", 24000)));
		var request = post(baseUrl() + "/v1/text:synthesize").header("Content-Type", "application/json; charset=utf-8");
		if (settings.apiKey().startsWith("ya29.")) {
			request.header("Authorization", "Bearer " + settings.apiKey());
		}
		else {
			request.header("X-Goog-Api-Key", settings.apiKey());
		}
		byte[] answer = send(request, body, timeout);
		JsonNode audio;
		try {
			audio = Shared.JSON.readTree(answer).get("audioContent");
		}
		catch (RuntimeException ex) {
			throw new SynthesisException("google answered something that is not JSON", true, ex);
		}
		if (audio == null || !audio.isString()) {
			throw new SynthesisException("google answered without audioContent", true);
		}
		return Wav.parse(Base64.getDecoder().decode(audio.asString()));
	}

}
