package org.masthead.audio;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Narration settings, under {@code masthead.audio.*}.
 *
 * @param enabled make narrations at all (the player, feed and admin stay, showing what exists)
 * @param voices the voice for each article language, {@code engine:name}; a language without one
 *     gets no narration ("no voice for uk")
 * @param sections a voice for a section, by section slug, instead of the language's voice
 * @param fallbackVoice used when the chosen voice's engine is not installed (flite when Festival is missing)
 * @param concurrency how many narrations may be synthesised at once, across all nodes
 * @param narrateWithin articles first published longer ago than this are narrated only on request
 *     (so importing an archive does not queue years of audio)
 * @param pollInterval how often the narration job looks for work
 * @param chunkTimeout how long an engine may take for one chunk (Festival: about 2,000 characters)
 * @param maxAttempts tries before a narration is marked failed
 * @param retryBackoff the wait after the first failed try, doubled after each further one
 * @param bitrate MP3 bit rate in kbit/s (mono)
 * @param commands the programs local engines run
 * @param podcast the podcast feed's channel
 * @param polly Amazon Polly
 * @param google Google Cloud Text-to-Speech
 * @param azure Azure AI Speech
 * @param elevenlabs ElevenLabs
 * @param openai OpenAI
 */
@ConfigurationProperties("masthead.audio")
public record AudioProperties(
		@DefaultValue("true") boolean enabled,
		Map<String, String> voices,
		Map<String, String> sections,
		@DefaultValue("flite:slt") String fallbackVoice,
		@DefaultValue("1") @Min(1) @Max(16) int concurrency,
		@DefaultValue("7d") @NotNull Duration narrateWithin,
		@DefaultValue("5s") @NotNull Duration pollInterval,
		@DefaultValue("180s") @NotNull Duration chunkTimeout,
		@DefaultValue("5") @Min(1) @Max(20) int maxAttempts,
		@DefaultValue("60s") @NotNull Duration retryBackoff,
		@DefaultValue("48") @Min(32) @Max(128) int bitrate,
		@DefaultValue @Valid Commands commands,
		@DefaultValue @Valid Podcast podcast,
		@DefaultValue @Valid Cloud polly,
		@DefaultValue @Valid Cloud google,
		@DefaultValue @Valid Cloud azure,
		@DefaultValue @Valid Cloud elevenlabs,
		@DefaultValue @Valid Cloud openai) {

	public AudioProperties {
		voices = voices == null || voices.isEmpty() ? Map.of("en", "festival:cmu_us_slt_arctic_hts") : Map.copyOf(voices);
		sections = sections == null ? Map.of() : Map.copyOf(sections);
	}

	/**
	 * @param text2wave Festival's text-to-wave script
	 * @param flite the flite program
	 * @param lame the MP3 encoder
	 */
	public record Commands(
			@DefaultValue("text2wave") @NotBlank String text2wave,
			@DefaultValue("flite") @NotBlank String flite,
			@DefaultValue("lame") @NotBlank String lame) {
	}

	/**
	 * @param title the show's title; the site name when blank
	 * @param author the show's author; the site name when blank
	 * @param email the owner's address podcast directories may show
	 * @param category an Apple Podcasts category
	 * @param items the most recent narrations the feed lists
	 */
	public record Podcast(
			@DefaultValue("") String title,
			@DefaultValue("") String author,
			@DefaultValue("") String email,
			@DefaultValue("News") @NotBlank String category,
			@DefaultValue("100") @Min(1) @Max(1000) int items) {
	}

	/**
	 * A cloud voice provider. It is used only when a voice names it and {@code apiKey} is set.
	 *
	 * @param baseUrl the API's address (change it for a proxy, a region or a test stub)
	 * @param apiKey the key or access key id
	 * @param secret the secret key (Polly)
	 * @param region the region (Polly, Azure)
	 * @param model the model, where the provider has several (ElevenLabs, OpenAI)
	 * @param timeout how long one request may take
	 */
	public record Cloud(
			URI baseUrl,
			@DefaultValue("") String apiKey,
			@DefaultValue("") String secret,
			@DefaultValue("") String region,
			@DefaultValue("") String model,
			@DefaultValue("60s") @NotNull Duration timeout) {

		public boolean isConfigured() {
			return apiKey != null && !apiKey.isBlank();
		}

	}

}
