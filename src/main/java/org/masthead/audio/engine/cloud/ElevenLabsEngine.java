package org.masthead.audio.engine.cloud;

import java.time.Duration;
import java.util.Map;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Pcm;
import org.masthead.audio.engine.SynthesisException;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.lexicon.Lexicon;

/**
 * ElevenLabs ({@code POST /v1/text-to-speech/{voice_id}?output_format=pcm_24000}). The voice name is
 * the voice id. Lexicon words are respelled (pronunciation dictionaries live in their account).
 * Requests carry at most 4,500 characters, under every model's limit.
 */
public class ElevenLabsEngine extends CloudEngine {

	public ElevenLabsEngine(AudioProperties.Cloud settings, String lame) {
		super(settings, lame);
	}

	@Override
	public String name() {
		return "elevenlabs";
	}

	@Override
	String defaultBaseUrl() {
		return "https://api.elevenlabs.io";
	}

	@Override
	public int maxChunkChars() {
		return 4500;
	}

	@Override
	public Pcm synthesize(String text, Voice voice, Lexicon lexicon, Duration timeout) throws SynthesisException {
		String model = settings.model().isBlank() ? "eleven_multilingual_v2" : settings.model();
		String body = json(Map.of("text", lexicon.respell(text, false), "model_id", model));
		// The voice name passed Voice's pattern (letters, digits, dot, dash, underscore): safe in a path.
		byte[] pcm = send(post(baseUrl() + "/v1/text-to-speech/" + voice.name() + "?output_format=pcm_24000")
			.header("xi-api-key", settings.apiKey())
			.header("Content-Type", "application/json")
			.header("Accept", "audio/pcm"), body, timeout);
		return new Pcm(24000, pcm);
	}

}
