package org.masthead.site.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.platform.MediaStorage;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves stored media. Keys are content-addressed and never reused, so files may be cached for a
 * year. Anything that is not a well-formed key (traversal, odd characters) is simply not found.
 * Range requests are answered (206, or 416 for a range beyond the end): audio players seek with them.
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
	ResponseEntity<Resource> media(HttpServletRequest request) throws IOException {
		String key = request.getRequestURI().substring("/media/".length());
		String extension = key.substring(key.lastIndexOf('.') + 1);
		MediaType type = TYPES.get(extension);
		if (type == null || !MediaStorage.isValidKey(key)) {
			throw new NotFoundException("No media " + key);
		}
		MediaStorage.StoredMedia media = storage.get(key).orElseThrow(() -> new NotFoundException("No media " + key));
		media.content().close();
		// A re-readable resource of known length: Spring MVC answers Range headers for it.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.contentType(type)
			.body(new StoredResource(storage, key, media.length()));
	}

	/** A stored object that opens a fresh stream on every read, so any byte range can be served. */
	private static final class StoredResource extends AbstractResource {

		private final MediaStorage storage;

		private final String key;

		private final long length;

		StoredResource(MediaStorage storage, String key, long length) {
			this.storage = storage;
			this.key = key;
			this.length = length;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return storage.get(key).orElseThrow(() -> new IOException("Media " + key + " is gone")).content();
		}

		@Override
		public long contentLength() {
			return length;
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public String getFilename() {
			return key.substring(key.lastIndexOf('/') + 1);
		}

		@Override
		public String getDescription() {
			return "media " + key;
		}

	}

}
