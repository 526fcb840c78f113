package org.masthead.newsletter.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.masthead.platform.MastheadProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The plain frame of the subscriber's own pages (confirm, manage, unsubscribe): the publication's
 * name and the site's stylesheet, without the sections or anything cached, as these pages are
 * reached through private links and never stored.
 */
@Component
public class ReaderFrame {

	private final MastheadProperties properties;

	private final String cssHref = "/assets/site.css?v=" + hash("static/assets/site.css");

	ReaderFrame(MastheadProperties properties) {
		this.properties = properties;
	}

	public String siteName() {
		return properties.site().name();
	}

	public String language() {
		return properties.site().language();
	}

	public String cssHref() {
		return cssHref;
	}

	private static String hash(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()), 0, 6);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
