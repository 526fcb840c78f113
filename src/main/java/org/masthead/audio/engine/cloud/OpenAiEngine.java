package org.masthead.audio.engine.cloud;

import java.time.Duration;
import java.util.Map;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Pcm;
import org.masthead.audio.engine.SynthesisException;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.lexicon.Lexicon;

/**
 * OpenAI's speech endpoint ({@code POST /v1/audio/speech}), asked for raw 24 kHz PCM. It takes no
 * lexicon, so words of the lexicon are respelled. Requests carry at most 4,096 characters.
 */
public class OpenAiEngine extends CloudEngine {

	public OpenAiEngine(AudioProperties.Cloud settings, String lame) {
		super(settings, lame);
	}

	@Override
	public String name() {
		return "openai";
	}

	@Override
	String defaultBaseUrl() {
		return "https://api.openai.com";
	}

	@Override
	public int maxChunkChars() {
		return 4000;
	}

	@Override
	public Pcm synthesize(String text, Voice voice, Lexicon lexicon, Duration timeout) throws SynthesisException {
		String model = settings.model().isBlank() ? "gpt-4o-mini-tts" : settings.model();
		String body = json(Map.of("model", model, "voice", voice.name(), "input", lexicon.respell(text, false),
				"response_format", "pcm"));
		byte[] pcm = send(post(baseUrl() + "/v1/audio/speech").header("Authorization", "Bearer " + settings.apiKey())
			.header("Content-Type", "application/json"), body, timeout);
		return new Pcm(24000, pcm);
	}

}
