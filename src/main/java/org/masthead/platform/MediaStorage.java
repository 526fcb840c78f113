package org.masthead.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where media files live: the data directory on one machine, object storage when scaled out.
 * Keys are relative paths of lowercase letters, digits, dots, dashes and slashes; anything else is
 * refused before it reaches the file system.
 */
public interface MediaStorage {

	/** The only shape a storage key may take: no {@code ..}, no leading slash, no backslash. */
	Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9._-]*)*");

	/** Stores bytes under a key, replacing what was there. */
	void put(String key, byte[] bytes) throws IOException;

	/** The stored object, or empty when the key is unknown or malformed. */
	Optional<StoredMedia> get(String key) throws IOException;

	/** Whether a key is well formed (see {@link #KEY}) and free of traversal. */
	static boolean isValidKey(String key) {
		return key != null && key.length() <= 300 && KEY.matcher(key).matches() && !key.contains("..");
	}

	/** An object read from storage. */
	record StoredMedia(long length, InputStream content) {
	}

}
