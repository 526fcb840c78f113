package org.masthead.newsletter.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.Newsletters;
import org.masthead.newsletter.SignupBlock;
import org.masthead.newsletter.signup.Confirmations;
import org.masthead.newsletter.signup.ManageLinks;
import org.masthead.newsletter.signup.SelfService;
import org.masthead.newsletter.signup.SignedLinks;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The subscriber's own pages, reached through links in emails, without an account or cookie:
 * confirming a sign-up, managing newsletters (choose, unsubscribe from all, download or erase my
 * data) and the one-click unsubscribe of RFC 8058. A link that is unknown, tampered with, used or
 * expired gets a page that says so and offers a new one. Never cached: the links are private.
 */
@Controller
class SubscriberPagesController {

	static final String ONE_CLICK = "One-Click";

	private final Confirmations confirmations;

	private final SelfService selfService;

	private final SignedLinks links;

	private final ManageLinks manageLinks;

	private final Newsletters newsletters;

	private final ReaderFrame frame;

	SubscriberPagesController(Confirmations confirmations, SelfService selfService, SignedLinks links,
			ManageLinks manageLinks, Newsletters newsletters, ReaderFrame frame) {
		this.confirmations = confirmations;
		this.selfService = selfService;
		this.links = links;
		this.manageLinks = manageLinks;
		this.newsletters = newsletters;
		this.frame = frame;
	}

	private SubscriberPage page(String title, String message) {
		return new SubscriberPage(frame, title, message, null, null, false, null, null, null, null, null);
	}

	// --- confirmation -----------------------------------------------------------------------

	@GetMapping("/newsletters/confirm")
	String showConfirmForm(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		return confirmation(confirmations.check(token), token, response, model);
	}

	@PostMapping("/newsletters/confirm")
	String processConfirmForm(@RequestParam(required = false) String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return confirmation(confirmations.confirm(token, request.getRemoteAddr()), token, response, model);
	}

	private String confirmation(Confirmations.State state, String token, HttpServletResponse response, Model model) {
		SubscriberPage page;
		if (state instanceof Confirmations.Usable usable) {
			page = new SubscriberPage(frame, "Confirm your subscription",
					"One more step: confirm that you want to receive " + usable.newsletter().name() + " by email.", token,
					null, false, null, null, null, usable.newsletter(), null);
		}
		else if (state instanceof Confirmations.Done done) {
			page = new SubscriberPage(frame, "You're subscribed",
					"Thank you. " + done.newsletter().name() + " will arrive " + done.newsletter().cadence().toLowerCase()
							+ ". Every issue has a link to unsubscribe or to manage your newsletters.",
					null, null, false, null, links.token(SignedLinks.Kind.MANAGE, done.subscriberId(), 0), null,
					done.newsletter(), null);
		}
		else if (state instanceof Confirmations.Used used && used.confirmed()) {
			page = new SubscriberPage(frame, "Already confirmed",
					"This confirmation link has been used already, and your subscription to " + used.newsletter().name()
							+ " is confirmed. There is nothing more to do.",
					null, null, false, null, null, null, used.newsletter(), null);
		}
		else if (state instanceof Confirmations.Used used) {
			page = problem(response, 410, "This link was used already",
					"This confirmation link has been used already. To subscribe to " + used.newsletter().name()
							+ ", ask for a new link below.", used.newsletter());
		}
		else if (state instanceof Confirmations.Expired expired) {
			page = problem(response, 410, "This link has expired",
					"Confirmation links work for a limited time, and this one has expired. Ask for a new link below and confirm within the time it gives.",
					expired.newsletter());
		}
		else {
			page = problem(response, 404, "This link does not work",
					"We could not find this confirmation link. It may be incomplete (some email programs cut long links) or changed. Ask for a new one by signing up again.",
					null);
		}

		model.addAttribute("page", page);
		noStore(response);
		return "newsletter/confirm";
	}

	private SubscriberPage problem(HttpServletResponse response, int status, String title, String message,
			Newsletter newsletter) {
		response.setStatus(status);
		SignupBlock block = newsletter != null && newsletter.isOpen() ? new SignupBlock(newsletter, newsletter.path(), null) : null;
		return new SubscriberPage(frame, title, message, null, block, false, null, null, null, newsletter, null);
	}

	// --- manage -------------------------------------------------------------------------------

	@GetMapping("/newsletters/manage/{token}/")
	String showManagePage(@PathVariable String token, HttpServletResponse response, Model model) {
		return manage(token, response, model, null);
	}

	@PostMapping("/newsletters/manage/{token}/")
	String processManageForm(@PathVariable String token, @RequestParam(name = "newsletter", required = false) List<String> chosen,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Long> subscriber = subscriber(token);
		if (subscriber.isPresent()) {
			Set<Long> ids = new HashSet<>();
			if (chosen != null) {
				chosen.stream().filter(id -> id.matches("[0-9]{1,19}")).map(Long::parseLong).forEach(ids::add);
			}
			selfService.choose(subscriber.get(), ids, request.getRemoteAddr());
		}
		return manage(token, response, model, "Your choices are saved.");
	}

	@PostMapping("/newsletters/manage/{token}/unsubscribe-all")
	String processUnsubscribeAll(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<Long> subscriber = subscriber(token);
		subscriber.ifPresent(id -> selfService.unsubscribeAll(id, request.getRemoteAddr()));
		return manage(token, response, model, "You are unsubscribed from all our newsletters.");
	}

	@GetMapping(path = "/newsletters/manage/{token}/data.json")
	ResponseEntity<Map<String, Object>> downloadData(@PathVariable String token) {
		return subscriber(token).flatMap(selfService::export)
			.map(data -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("my-newsletter-data.json").build().toString())
				.body(data))
			.orElseGet(() -> ResponseEntity.status(404).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
	}

	@PostMapping("/newsletters/manage/{token}/erase")
	String processErase(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<Long> subscriber = subscriber(token);
		if (subscriber.isEmpty()) {
			return manage(token, response, model, null);
		}
		selfService.erase(subscriber.get());
		noStore(response);
		model.addAttribute("page", page("Your data is erased",
				"We have deleted your address, your subscriptions and the records of your consent. You will get no more newsletters from us, and the links in earlier emails no longer work."));
		return "newsletter/done";
	}

	@PostMapping("/newsletters/manage-link")
	String processManageLinkRequest(@RequestParam(required = false) String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		manageLinks.request(email, request.getRemoteAddr());
		noStore(response);
		model.addAttribute("page", page("Check your inbox",
				"If that address is on one of our newsletters, we have sent it a new link to manage your newsletters. It can take a few minutes to arrive."));
		return "newsletter/done";
	}

	private String manage(String token, HttpServletResponse response, Model model, String notice) {
		noStore(response);
		SignedLinks.Checked checked = links.check(token, SignedLinks.Kind.MANAGE);
		Optional<SelfService.Overview> overview = checked instanceof SignedLinks.Good good
				? selfService.overview(good.link().subscriberId()) : Optional.empty();
		if (overview.isEmpty()) {
			response.setStatus(checked instanceof SignedLinks.Expired ? 410 : 404);
			String message = checked instanceof SignedLinks.Expired
					? "Links to manage your newsletters work for a limited time, and this one has expired. Enter your address and we'll email you a new one."
					: "We could not find what this link leads to. It may be incomplete, changed, or your data was erased. Enter your address and, if it is on one of our newsletters, we'll email you a new link.";
			model.addAttribute("page", new SubscriberPage(frame,
					checked instanceof SignedLinks.Expired ? "This link has expired" : "This link does not work", message,
					null, null, true, null, null, null, null, null));
			return "newsletter/confirm";
		}
		model.addAttribute("page", new SubscriberPage(frame, "Your newsletters", null, null, null, false, overview.get(),
				token, null, null, notice));
		return "newsletter/manage";
	}

	private Optional<Long> subscriber(String token) {
		return links.check(token, SignedLinks.Kind.MANAGE) instanceof SignedLinks.Good good
				? Optional.of(good.link().subscriberId()) : Optional.empty();
	}

	// --- one-click unsubscribe (RFC 8058) ---------------------------------------------------------

	@GetMapping("/newsletters/unsubscribe/{token}")
	String showUnsubscribeForm(@PathVariable String token, HttpServletResponse response, Model model) {
		noStore(response);
		Optional<SignedLinks.Link> link = unsubscribeLink(token);
		Optional<Newsletter> newsletter = link.flatMap(l -> newsletters.byId(l.newsletterId()));
		if (link.isEmpty() || newsletter.isEmpty() || selfService.address(link.get().subscriberId()).isEmpty()) {
			return unsubscribeProblem(response, model);
		}
		model.addAttribute("page", new SubscriberPage(frame, "Unsubscribe from " + newsletter.get().name() + "?",
				"You will get no more issues of " + newsletter.get().name() + ". Your other newsletters stay as they are.",
				null, null, false, null, null, token, newsletter.get(), null));
		return "newsletter/unsubscribe";
	}

	/**
	 * Unsubscribes at once, for mail programs (RFC 8058: body {@code List-Unsubscribe=One-Click}, no
	 * cookie, no login) and for the button on the page above. A genuine link keeps working after its
	 * expiry here: leaving a list must never fail.
	 */
	@PostMapping("/newsletters/unsubscribe/{token}")
	String processUnsubscribe(@PathVariable String token,
			@RequestParam(name = "List-Unsubscribe", required = false) String oneClick, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		noStore(response);
		Optional<SignedLinks.Link> link = unsubscribeLink(token);
		Optional<Newsletter> newsletter = link.flatMap(l -> newsletters.byId(l.newsletterId()));
		if (link.isEmpty() || newsletter.isEmpty()) {
			return unsubscribeProblem(response, model);
		}
		if (!ONE_CLICK.equals(oneClick)) {
			response.setStatus(400);
			model.addAttribute("page", page("Not an unsubscribe request",
					"This address unsubscribes with a one-click request (List-Unsubscribe=One-Click). Open the link in a browser to unsubscribe with a button."));
			return "newsletter/done";
		}
		selfService.unsubscribe(link.get().subscriberId(), link.get().newsletterId(), "one-click unsubscribe link",
				request.getRemoteAddr());
		boolean exists = selfService.address(link.get().subscriberId()).isPresent();
		model.addAttribute("page", new SubscriberPage(frame, "You're unsubscribed",
				"You will get no more issues of " + newsletter.get().name() + ".", null, null, false, null,
				exists ? links.token(SignedLinks.Kind.MANAGE, link.get().subscriberId(), 0) : null, null, newsletter.get(),
				null));
		return "newsletter/done";
	}

	private Optional<SignedLinks.Link> unsubscribeLink(String token) {
		SignedLinks.Checked checked = links.check(token, SignedLinks.Kind.UNSUBSCRIBE);
		if (checked instanceof SignedLinks.Good good) {
			return Optional.of(good.link());
		}
		if (checked instanceof SignedLinks.Expired expired) {
			return Optional.of(expired.link());
		}
		return Optional.empty();
	}

	private String unsubscribeProblem(HttpServletResponse response, Model model) {
		response.setStatus(404);
		model.addAttribute("page", new SubscriberPage(frame, "This link does not work",
				"We could not find what this unsubscribe link leads to: it may be incomplete, changed, or your data was erased already. Enter your address and, if it is on one of our newsletters, we'll email you a link to manage them.",
				null, null, true, null, null, null, null, null));
		return "newsletter/confirm";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

}
