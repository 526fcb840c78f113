package org.masthead.site.api;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public Content API, under {@code masthead.content-api.*}.
 *
 * @param corsOrigins origins whose pages may call the API from a browser ({@code *} for any)
 * @param requestsPerMinute requests one client address may make per minute; more get 429
 */
@ConfigurationProperties("masthead.content-api")
public record ContentApiProperties(
		@DefaultValue("*") @NotNull List<String> corsOrigins,
		@DefaultValue("120") @Min(1) int requestsPerMinute) {
}
