package org.masthead.site.cache;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reader pages rendered at the same time, under {@code masthead.render.*}.
 *
 * @param concurrency how many reader pages render at once (pages answered from the page cache never
 *     wait); 0 means one per processor core. Rendering is CPU work, so more at once only makes
 *     every page slower; raise it when the database is far away (PostgreSQL over a network), where
 *     a render spends much of its time waiting for answers
 * @param maxWait how long a request waits for its turn before it renders anyway, so a stuck render
 *     can never stop the site
 */
@ConfigurationProperties("masthead.render")
public record RenderProperties(
		@DefaultValue("0") @Min(0) @Max(1000) int concurrency,
		@DefaultValue("2s") @NotNull Duration maxWait) {

	/** The number of renders at once, 0 resolved to the number of cores. */
	int permits() {
		return concurrency == 0 ? Runtime.getRuntime().availableProcessors() : concurrency;
	}

}
