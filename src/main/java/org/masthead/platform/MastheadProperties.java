package org.masthead.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Masthead's own settings, under {@code masthead.*}.
 *
 * @param dataDir where the SQLite file, media and search index live (default {@code ./data})
 * @param demo load the demo newsroom into an empty database on start
 * @param site how the publication presents itself
 * @param cache the page cache for anonymous readers
 */
@ConfigurationProperties("masthead")
public record MastheadProperties(
		@DefaultValue("./data") @NotNull Path dataDir,
		@DefaultValue("false") boolean demo,
		@DefaultValue @Valid Site site,
		@DefaultValue @Valid Cache cache) {

	/**
	 * @param name the publication's name, shown in the header and in metadata
	 * @param tagline one line under the name
	 * @param baseUrl absolute address readers reach the site at, used for canonical links and feeds
	 * @param timeZone the newsroom's time zone; every date a reader sees is in it
	 * @param language BCP 47 language of the site
	 * @param pageSize articles per listing page
	 */
	public record Site(
			@DefaultValue("The Vesna Ledger") @NotBlank String name,
			@DefaultValue("Independent journalism from the Ostra coast") String tagline,
			@DefaultValue("http://localhost:8080") @NotNull URI baseUrl,
			@DefaultValue("Europe/Kyiv") @NotNull ZoneId timeZone,
			@DefaultValue("en") @NotBlank String language,
			@DefaultValue("12") @Min(1) @Max(100) int pageSize) {

		/** The base URL without a trailing slash, ready to prefix a path. */
		public String absolute(String path) {
			String base = baseUrl.toString();
			if (base.endsWith("/")) {
				base = base.substring(0, base.length() - 1);
			}
			return base + path;
		}
	}

	/**
	 * @param enabled serve anonymous reader pages from the cache of final bytes
	 * @param maxPages how many pages to keep
	 * @param sharedMaxAgeSeconds how long a CDN may keep a page ({@code s-maxage})
	 * @param staleWhileRevalidateSeconds how long a CDN may serve a stale page while it refreshes
	 */
	public record Cache(
			@DefaultValue("true") boolean enabled,
			@DefaultValue("20000") @Min(0) int maxPages,
			@DefaultValue("60") @Min(0) int sharedMaxAgeSeconds,
			@DefaultValue("300") @Min(0) int staleWhileRevalidateSeconds) {
	}

}
