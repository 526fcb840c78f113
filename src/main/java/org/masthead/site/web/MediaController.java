package org.masthead.site.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.platform.MediaStorage;
import org.masthead.platform.MediaStorageUnavailableException;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Serves stored media. Keys are content-addressed and never reused, so files may be cached for a
 * year. Anything that is not a well-formed key (traversal, odd characters) is simply not found.
 * Range requests are answered (206, or 416 for a range beyond the end): audio players seek with them,
 * and a single range is fetched from the store alone, so seeking in S3-stored audio does not download
 * the whole file. A store that cannot be reached answers 503 with {@code Retry-After}.
 */
@Controller
class MediaController {

	private static final Map<String, MediaType> TYPES = Map.of("jpg", MediaType.IMAGE_JPEG, "png", MediaType.IMAGE_PNG,
			"webp", MediaType.parseMediaType("image/webp"), "mp3", MediaType.parseMediaType("audio/mpeg"));

	private static final Logger log = LoggerFactory.getLogger(MediaController.class);

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final MediaStorage storage;

	MediaController(MediaStorage storage) {
		this.storage = storage;
	}

	@GetMapping("/media/**")
	ResponseEntity<Resource> media(HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) String range) throws IOException {
		String key = request.getRequestURI().substring("/media/".length());
		String extension = key.substring(key.lastIndexOf('.') + 1);
		MediaType type = TYPES.get(extension);
		if (type == null || !MediaStorage.isValidKey(key)) {
			throw new NotFoundException("No media " + key);
		}
		try {
			long length = storage.length(key).orElseThrow(() -> new NotFoundException("No media " + key));
			List<HttpRange> ranges = parse(range);
			if (ranges.size() == 1) {
				return part(key, type, ranges.get(0), length);
			}
			// No range, or several: a re-readable resource of known length, Spring MVC answers the ranges.
			return ResponseEntity.ok()
				.cacheControl(CACHE)
				.contentType(type)
				.body(new StoredResource(storage, key, length));
		}
		catch (MediaStorageUnavailableException ex) {
			// The page that links the file still serves; only the file itself waits for the store.
			log.warn("Media {} not served: {}", key, ex.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").build();
		}
	}

	/** One byte range, fetched from the store alone: an object store sends only that part. */
	private ResponseEntity<Resource> part(String key, MediaType type, HttpRange range, long length) throws IOException {
		if (length == 0 || (range.getRangeStart(length) >= length)) {
			return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
				.header(HttpHeaders.CONTENT_RANGE, "bytes */" + length)
				.build();
		}
		long start = range.getRangeStart(length);
		long end = range.getRangeEnd(length);
		MediaStorage.StoredMedia media = storage.get(key, start, end - start + 1)
			.orElseThrow(() -> new NotFoundException("No media " + key));
		return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
			.cacheControl(CACHE)
			.contentType(type)
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length)
			.contentLength(media.length())
			.body(new InputStreamResource(media.content()));
	}

	private static List<HttpRange> parse(String header) {
		if (header == null || header.isBlank()) {
			return List.of();
		}
		try {
			return HttpRange.parseRanges(header);
		}
		catch (IllegalArgumentException ex) {
			return List.of(); // a malformed Range header is ignored: the whole file is sent
		}
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
