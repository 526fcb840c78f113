package org.masthead.editorial.api;

import java.io.IOException;
import java.net.URI;

import org.masthead.content.Image;
import org.masthead.content.MediaLibrary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Picture uploads through the Admin API; checked by content, never by file name. */
@RestController
class MediaApi {

	private final MediaLibrary media;

	MediaApi(MediaLibrary media) {
		this.media = media;
	}

	@PostMapping(path = "/api/admin/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Image> upload(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String alt, @RequestParam(required = false) String caption,
			@RequestParam(required = false) String credit) throws IOException {
		ArticlesApi.actor();
		if (file.getSize() > MediaLibrary.MAX_BYTES) {
			throw new MediaLibrary.MediaRejectedException("media.too-large", "The file is larger than 20 MB.");
		}
		Image image = media.store(file.getBytes(), limit(alt, 1000), limit(caption, 2000), limit(credit, 500));
		return ResponseEntity.created(URI.create(image.url())).body(image);
	}

	private static String limit(String text, int max) {
		if (text != null && text.length() > max) {
			throw new IllegalArgumentException("Keep it under " + max + " characters.");
		}
		return text;
	}

}
