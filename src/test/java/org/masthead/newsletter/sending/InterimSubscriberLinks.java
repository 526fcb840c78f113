package org.masthead.newsletter.sending;

import org.masthead.newsletter.SubscriberLinks;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Links for sending tests until sign-up's own {@link SubscriberLinks} bean exists: plain URLs that
 * carry the subscriber and newsletter ids, enough to check each message has its own links.
 */
@TestConfiguration(proxyBeanMethods = false)
class InterimSubscriberLinks {

	@Bean
	SubscriberLinks interimSubscriberLinks() {
		return new SubscriberLinks() {

			@Override
			public String manage(long subscriberId) {
				return "https://ledger.test/newsletters/manage?s=" + subscriberId + "&sig=x";
			}

			@Override
			public String oneClickUnsubscribe(long subscriberId, long newsletterId) {
				return "https://ledger.test/newsletters/unsubscribe?s=" + subscriberId + "&n=" + newsletterId + "&sig=x";
			}

			@Override
			public String unsubscribeMailto(long subscriberId, long newsletterId) {
				return "mailto:unsubscribe@ledger.test?subject=unsubscribe-" + subscriberId + "-" + newsletterId;
			}

		};
	}

}
