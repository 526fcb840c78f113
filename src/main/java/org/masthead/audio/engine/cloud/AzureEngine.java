package org.masthead.audio.engine.cloud;

import java.time.Duration;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Pcm;
import org.masthead.audio.engine.SynthesisException;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.engine.Wav;
import org.masthead.audio.lexicon.Lexicon;

/**
 * Azure AI Speech ({@code POST /cognitiveservices/v1} with SSML), asked for 24 kHz mono WAV. Lexicon
 * words with phonemes go in as SSML {@code <phoneme alphabet="ipa">}, others are respelled.
 */
public class AzureEngine extends CloudEngine {

	public AzureEngine(AudioProperties.Cloud settings, String lame) {
		super(settings, lame);
	}

	@Override
	public String name() {
		return "azure";
	}

	@Override
	String defaultBaseUrl() {
		return "https://" + (settings.region().isBlank() ? "westeurope" : settings.region().replaceAll("[^a-z0-9]", ""))
				+ ".tts.speech.microsoft.com";
	}

	@Override
	String extraSettings() {
		return " and masthead.audio.azure.region";
	}

	@Override
	public int maxChunkChars() {
		return 3000;
	}

	@Override
	public Pcm synthesize(String text, Voice voice, Lexicon lexicon, Duration timeout) throws SynthesisException {
		String language = languageOf(voice.name());
		String ssml = "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"" + language + "\">"
				+ "<voice name=\"" + voice.name() + "\">" + lexicon.ssmlBody(text) + "</voice></speak>";
		byte[] wav = send(post(baseUrl() + "/cognitiveservices/v1").header("Ocp-Apim-Subscription-Key", settings.apiKey())
			.header("Content-Type", "application/ssml+xml")
			.header("X-Microsoft-OutputFormat", "riff-24khz-16bit-mono-pcm"), ssml, timeout);
		return Wav.parse(wav);
	}

}
