package org.masthead.newsletter.web;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.SignupBlock;
import org.masthead.newsletter.signup.SelfService;

/** What the subscriber pages render: a heading, a message, and the parts the state calls for. */
public record SubscriberPage(ReaderFrame frame, String title, String message, String confirmToken,
		SignupBlock newLink, boolean offerManageLink, SelfService.Overview overview, String manageToken,
		String unsubscribeToken, Newsletter newsletter, String notice) {

	public String manageBase() {
		return "/newsletters/manage/" + manageToken + "/";
	}

}

