package org.masthead.newsletter.sending;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.newsletter.signup.LinkKey;
import org.masthead.platform.MastheadProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open and click tracking, only for newsletters whose Editors turned it on. Each message gets a pixel
 * and its links lead through a redirect, both carrying a signed {@code issue.subscriber} token. The
 * redirect only goes to an address the issue itself links to, so it can never be used to send
 * readers elsewhere.
 */
@Component
class Tracking {

	private static final Pattern LINK = Pattern.compile("href=\"(https?://[^\"]+)\"");

	private final LinkKey key;

	private final JdbcClient jdbc;

	private final MastheadProperties.Site site;

	Tracking(LinkKey key, JdbcClient jdbc, MastheadProperties properties) {
		this.key = key;
		this.jdbc = jdbc;
		this.site = properties.site();
	}

	/** Whom a genuine token names. */
	record Recipient(long issueId, long subscriberId) {
	}

	String token(long issueId, long subscriberId) {
		String payload = Long.toString(issueId, 36) + "." + Long.toString(subscriberId, 36);
		return payload + "." + key.sign("track." + payload);
	}

	Optional<Recipient> check(String token) {
		String[] parts = token.split("\\.");
		if (parts.length != 3 || !key.verify("track." + parts[0] + "." + parts[1], parts[2])) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Recipient(Long.parseLong(parts[0], 36), Long.parseLong(parts[1], 36)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The pixel for the end of a message. */
	String pixel(String token) {
		return "<img src=\"" + site.absolute("/newsletters/t/o/" + token + ".gif")
				+ "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px;\">";
	}

	/** The HTML with every web link led through the click redirect. */
	String trackLinks(String html, String token) {
		Matcher matcher = LINK.matcher(html);
		StringBuilder out = new StringBuilder(html.length() + 2048);
		while (matcher.find()) {
			String url = matcher.group(1).replace("&amp;", "&");
			String tracked = site.absolute("/newsletters/t/c/" + token + "?u=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
			matcher.appendReplacement(out, Matcher.quoteReplacement("href=\"" + tracked.replace("&", "&amp;") + "\""));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** Whether the issue's email links to {@code url} (the only addresses the redirect goes to). */
	boolean issueLinksTo(long issueId, String url) {
		String html = jdbc.sql("select html_snapshot from newsletter_issue where id = :id")
			.param("id", issueId)
			.query(String.class)
			.optional()
			.orElse(null);
		return html != null && html.contains("href=\"" + url.replace("&", "&amp;").replace("\"", "&quot;") + "\"");
	}

	void opened(Recipient recipient, Instant now) {
		jdbc.sql("update newsletter_delivery set opened_at = :now where issue_id = :i and subscriber_id = :s and opened_at is null "
				+ "and exists (select 1 from newsletter_issue i join newsletter n on n.id = i.newsletter_id "
				+ "where i.id = :i and n.tracking_enabled = :on)")
			.param("now", Timestamp.from(now))
			.param("i", recipient.issueId())
			.param("s", recipient.subscriberId())
			.param("on", true)
			.update();
	}

	void clicked(Recipient recipient, Instant now) {
		opened(recipient, now);
		jdbc.sql("update newsletter_delivery set clicked_at = :now where issue_id = :i and subscriber_id = :s and clicked_at is null "
				+ "and exists (select 1 from newsletter_issue i join newsletter n on n.id = i.newsletter_id "
				+ "where i.id = :i and n.tracking_enabled = :on)")
			.param("now", Timestamp.from(now))
			.param("i", recipient.issueId())
			.param("s", recipient.subscriberId())
			.param("on", true)
			.update();
	}

}
