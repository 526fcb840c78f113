package org.masthead.site.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.masthead.platform.MastheadProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/content/openapi.json}: the Content API's OpenAPI 3.1 document, written by hand
 * ({@code src/main/resources/api/content-openapi.json}) and checked against the endpoints by a test.
 * The Admin API's own document, generated, is at {@code /api/admin/openapi.json}.
 */
@RestController
class ContentApiDocument {

	private final String document;

	ContentApiDocument(MastheadProperties properties) {
		try {
			String raw = new ClassPathResource("api/content-openapi.json").getContentAsString(StandardCharsets.UTF_8);
			this.document = raw.replaceFirst("\"info\"", "\"servers\": [{\"url\": \"" + properties.site().absolute("") + "\"}],\n \"info\"");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(path = "/api/content/openapi.json", produces = "application/json")
	ResponseEntity<String> openApi() {
		return ResponseEntity.ok(document);
	}

}
