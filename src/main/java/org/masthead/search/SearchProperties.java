package org.masthead.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings, under {@code masthead.search.*}.
 *
 * @param pageSize results per page
 * @param maxQueryLength characters of a query that are read; the rest is ignored, with a note
 * @param rebuildOnStart rebuild the index in the background when it is missing or empty and
 *     articles are published
 */
@ConfigurationProperties("masthead.search")
public record SearchProperties(
		@DefaultValue("10") @Min(1) @Max(50) int pageSize,
		@DefaultValue("200") @Min(10) @Max(2000) int maxQueryLength,
		@DefaultValue("true") boolean rebuildOnStart) {
}
