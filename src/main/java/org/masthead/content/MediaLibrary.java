package org.masthead.content;

import java.util.Optional;

/** Stores uploaded pictures with their scaled copies and words. */
public interface MediaLibrary {

	/** Largest upload accepted, in bytes. */
	long MAX_BYTES = 20L * 1024 * 1024;

	/** Largest picture accepted, in pixels (width times height). */
	long MAX_PIXELS = 40_000_000L;

	/**
	 * Checks the bytes are a JPEG, PNG or WebP picture within the limits, stores it with scaled
	 * copies, and returns it.
	 *
	 * @throws MediaRejectedException when the upload is refused, with the reason
	 */
	Image store(byte[] bytes, String alt, String caption, String credit);

	/** The picture with this asset id, with the words it was uploaded with. */
	Optional<Image> find(long assetId);

	/** The library's pictures, newest first, for the media grid and the hero picker. */
	Page<Image> recent(int page, int size);

	/** Why an upload was refused, in words an editor understands, with a stable code. */
	class MediaRejectedException extends RuntimeException {

		private final String code;

		public MediaRejectedException(String code, String message) {
			super(message);
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

}
