package org.masthead.demo.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.newsletter.NewsletterDraft;
import org.masthead.newsletter.NewsletterStatus;
import org.masthead.newsletter.Newsletters;
import org.masthead.platform.MastheadProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo newsroom's three newsletters: a weekday morning briefing, an explainer series with a
 * named host and a weekly culture letter, created through the same command Editors use. Only into
 * a newsroom that has no newsletter yet.
 */
@Component
@Order(6)
class DemoNewsletters implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNewsletters.class);

	static final List<NewsletterDraft> NEWSLETTERS = List.of(
			new NewsletterDraft("Ostra Morning", "ostra-morning",
					"The five stories the coast is talking about, the weather at sea and what the council decides today, in your inbox before the first tram.",
					null, "Every weekday at 7 AM", "The Vesna Ledger", "morning@ledger.example", "desk@ledger.example",
					NewsletterStatus.ACTIVE, 10, false),
			new NewsletterDraft("Making Sense of the Coast with Iryna Holub", "making-sense",
					"Our data editor takes one question readers keep asking (why ferries get cancelled, where the harbour money goes) and answers it with maps, numbers and plain words.",
					"Iryna Holub", "Every other Thursday", "Iryna Holub at The Vesna Ledger", "explainers@ledger.example",
					null, NewsletterStatus.ACTIVE, 20, false),
			new NewsletterDraft("Weekend Lantern", "weekend-lantern",
					"Exhibitions worth the trip, the books our critics could not put down and where the town goes to hear music, every Friday afternoon.",
					null, "Every Friday", "Weekend Lantern", "culture@ledger.example", null, NewsletterStatus.ACTIVE, 30,
					false));

	private final Newsletters newsletters;

	private final MastheadProperties properties;

	DemoNewsletters(Newsletters newsletters, MastheadProperties properties) {
		this.newsletters = newsletters;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo() || !newsletters.all().isEmpty()) {
			return;
		}
		NEWSLETTERS.forEach(newsletters::create);
		log.info("Demo newsletters: created {}", NEWSLETTERS.size());
	}

}
