package org.masthead.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;

/**
 * Addresses of the files under {@code static/assets/} that carry a hash of their content
 * ({@code /assets/site.css?v=19a7bdcd3268}), so browsers and CDNs may keep them for a year and still
 * get a changed file at once. Computed once, by whoever builds a page frame at start-up.
 */
public final class StaticAssets {

	private StaticAssets() {
	}

	/** The versioned address of {@code name}, a file in {@code static/assets/} ("site.css"). */
	public static String versioned(String name) {
		try (InputStream in = new ClassPathResource("static/assets/" + name).getInputStream()) {
			return "/assets/" + name + "?v="
					+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()), 0, 6);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
