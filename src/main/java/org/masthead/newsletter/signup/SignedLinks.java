package org.masthead.newsletter.signup;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.masthead.newsletter.NewsletterProperties;
import org.masthead.newsletter.SubscriberLinks;
import org.masthead.platform.MastheadProperties;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links for a subscriber, usable without an account or cookie. A link's token is
 * {@code KIND.SUBSCRIBER[.NEWSLETTER].EXPIRES.SIGNATURE} (numbers in base 36, the signature an
 * HMAC-SHA256 under {@link LinkKey}), so any node checks it without a lookup, and nothing about it
 * is stored. Erasing a subscriber makes all their links dead, as the ids lead nowhere.
 */
@Component
public class SignedLinks implements SubscriberLinks {

	private final LinkKey key;

	private final Clock clock;

	private final NewsletterProperties properties;

	private final MastheadProperties site;

	SignedLinks(LinkKey key, Clock clock, NewsletterProperties properties, MastheadProperties site) {
		this.key = key;
		this.clock = clock;
		this.properties = properties;
		this.site = site;
	}

	/** What a link is for. */
	public enum Kind {
		MANAGE("m"), UNSUBSCRIBE("u");

		private final String code;

		Kind(String code) {
			this.code = code;
		}
	}

	/** A link's content once its signature checked out; {@code newsletterId} is 0 for manage links. */
	public record Link(Kind kind, long subscriberId, long newsletterId, Instant expiresAt) {
	}

	/** The outcome of reading a token. */
	public sealed interface Checked permits Good, Expired, Bad {
	}

	public record Good(Link link) implements Checked {
	}

	public record Expired(Link link) implements Checked {
	}

	public record Bad() implements Checked {
	}

	@Override
	public String manage(long subscriberId) {
		return site.site().absolute("/newsletters/manage/" + token(Kind.MANAGE, subscriberId, 0) + "/");
	}

	@Override
	public String oneClickUnsubscribe(long subscriberId, long newsletterId) {
		return site.site().absolute("/newsletters/unsubscribe/" + token(Kind.UNSUBSCRIBE, subscriberId, newsletterId));
	}

	@Override
	public String unsubscribeMailto(long subscriberId, long newsletterId) {
		String mailbox = properties.unsubscribeMailbox() == null || properties.unsubscribeMailbox().isBlank()
				? "unsubscribe@" + site.site().baseUrl().getHost() : properties.unsubscribeMailbox();
		return "mailto:" + mailbox + "?subject="
				+ URLEncoder.encode("unsubscribe " + token(Kind.UNSUBSCRIBE, subscriberId, newsletterId), StandardCharsets.UTF_8)
					.replace("+", "%20");
	}

	/** A fresh token (exposed for the self-service pages, which link to each other). */
	public String token(Kind kind, long subscriberId, long newsletterId) {
		long expires = clock.instant().plus(properties.linkValidity()).getEpochSecond();
		String payload = kind.code + "." + Long.toString(subscriberId, 36)
				+ (kind == Kind.UNSUBSCRIBE ? "." + Long.toString(newsletterId, 36) : "") + "." + Long.toString(expires, 36);
		return payload + "." + key.sign("link:" + payload);
	}

	public Checked check(String token, Kind expected) {
		Optional<Link> link = parse(token, expected);
		if (link.isEmpty()) {
			return new Bad();
		}
		return link.get().expiresAt().isBefore(clock.instant()) ? new Expired(link.get()) : new Good(link.get());
	}

	private Optional<Link> parse(String token, Kind expected) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		int cut = token.lastIndexOf('.');
		if (cut < 0) {
			return Optional.empty();
		}
		String payload = token.substring(0, cut);
		if (!key.verify("link:" + payload, token.substring(cut + 1))) {
			return Optional.empty();
		}
		String[] parts = payload.split("\\.");
		try {
			if (!parts[0].equals(expected.code) || parts.length != (expected == Kind.UNSUBSCRIBE ? 4 : 3)) {
				return Optional.empty();
			}
			long subscriber = Long.parseLong(parts[1], 36);
			long newsletter = expected == Kind.UNSUBSCRIBE ? Long.parseLong(parts[2], 36) : 0;
			long expires = Long.parseLong(parts[parts.length - 1], 36);
			return Optional.of(new Link(expected, subscriber, newsletter, Instant.ofEpochSecond(expires)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
