package org.masthead.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Where media files live: the data directory on one machine, object storage when scaled out.
 * Keys are relative paths of lowercase letters, digits, dots, dashes and slashes; anything else is
 * refused before it reaches the file system. A store that cannot be reached answers with
 * {@link MediaStorageUnavailableException}.
 */
public interface MediaStorage {

	/** The only shape a storage key may take: no {@code ..}, no leading slash, no backslash. */
	Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9._-]*)*");

	/** Stores bytes under a key, replacing what was there. */
	void put(String key, byte[] bytes) throws IOException;

	/** The stored object, or empty when the key is unknown or malformed. */
	Optional<StoredMedia> get(String key) throws IOException;

	/**
	 * Part of a stored object: {@code length} bytes from {@code offset}, fewer when the object ends
	 * sooner. Audio players seek with ranges, so a store should fetch only the part asked for; this
	 * default reads and skips.
	 */
	default Optional<StoredMedia> get(String key, long offset, long length) throws IOException {
		if (offset < 0 || length < 0) {
			throw new IllegalArgumentException("Negative range " + offset + "+" + length);
		}
		Optional<StoredMedia> whole = get(key);
		if (whole.isEmpty()) {
			return whole;
		}
		InputStream in = whole.get().content();
		long available = Math.max(0, Math.min(length, whole.get().length() - offset));
		in.skipNBytes(Math.min(offset, whole.get().length()));
		return Optional.of(new StoredMedia(available, new BoundedInputStream(in, available)));
	}

	/** The size of a stored object without reading it, or empty when the key is unknown or malformed. */
	default OptionalLong length(String key) throws IOException {
		Optional<StoredMedia> media = get(key);
		if (media.isEmpty()) {
			return OptionalLong.empty();
		}
		media.get().content().close();
		return OptionalLong.of(media.get().length());
	}

	/** Whether a key is well formed (see {@link #KEY}) and free of traversal. */
	static boolean isValidKey(String key) {
		return key != null && key.length() <= 300 && KEY.matcher(key).matches() && !key.contains("..");
	}

	/** An object (or part of one) read from storage: the caller closes the stream. */
	record StoredMedia(long length, InputStream content) {
	}

}
