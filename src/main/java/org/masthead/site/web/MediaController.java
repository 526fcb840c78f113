package org.masthead.site.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.platform.MediaStorage;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves stored media. Keys are content-addressed and never reused, so files may be cached for a
 * year. Anything that is not a well-formed key (traversal, odd characters) is simply not found.
 */
@Controller
class MediaController {

	private static final Map<String, MediaType> TYPES = Map.of("jpg", MediaType.IMAGE_JPEG, "png", MediaType.IMAGE_PNG,
			"webp", MediaType.parseMediaType("image/webp"), "mp3", MediaType.parseMediaType("audio/mpeg"));

	private final MediaStorage storage;

	MediaController(MediaStorage storage) {
		this.storage = storage;
	}

	@GetMapping("/media/**")
	ResponseEntity<InputStreamResource> media(HttpServletRequest request) throws IOException {
		String key = request.getRequestURI().substring("/media/".length());
		String extension = key.substring(key.lastIndexOf('.') + 1);
		MediaType type = TYPES.get(extension);
		if (type == null || !MediaStorage.isValidKey(key)) {
			throw new NotFoundException("No media " + key);
		}
		MediaStorage.StoredMedia media = storage.get(key).orElseThrow(() -> new NotFoundException("No media " + key));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.contentType(type)
			.contentLength(media.length())
			.body(new InputStreamResource(media.content()));
	}

}
