package org.masthead.newsletter.web;

import org.masthead.platform.MastheadProperties;
import org.masthead.platform.StaticAssets;
import org.springframework.stereotype.Component;

/**
 * The plain frame of the subscriber's own pages (confirm, manage, unsubscribe): the publication's
 * name and the site's stylesheet, without the sections or anything cached, as these pages are
 * reached through private links and never stored.
 */
@Component
public class ReaderFrame {

	private final MastheadProperties properties;

	private final String cssHref = StaticAssets.versioned("site.css");

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

}
