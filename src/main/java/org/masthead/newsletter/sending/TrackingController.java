package org.masthead.newsletter.sending;

import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The tracking pixel and the click redirect ({@link Tracking}); never cached, never an open redirect. */
@Controller
class TrackingController {

	private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private final Tracking tracking;

	private final Clock clock;

	TrackingController(Tracking tracking, Clock clock) {
		this.tracking = tracking;
		this.clock = clock;
	}

	@GetMapping("/newsletters/t/o/{token}.gif")
	ResponseEntity<byte[]> pixel(@PathVariable String token) {
		tracking.check(token).ifPresent(recipient -> tracking.opened(recipient, clock.instant()));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.IMAGE_GIF)
			.body(GIF);
	}

	@GetMapping("/newsletters/t/c/{token}")
	ResponseEntity<String> click(@PathVariable String token, @RequestParam(name = "u", required = false) String url) {
		Optional<Tracking.Recipient> recipient = tracking.check(token);
		if (recipient.isEmpty() || url == null || !tracking.issueLinksTo(recipient.get().issueId(), url)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.cacheControl(CacheControl.noStore())
				.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
				.body("<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Link not found</title>"
						+ "<p>This link is not part of a newsletter issue. <a href=\"/\">Go to the front page</a>.</p></html>");
		}
		tracking.clicked(recipient.get(), clock.instant());
		return ResponseEntity.status(HttpStatus.FOUND)
			.cacheControl(CacheControl.noStore())
			.header("Location", url)
			.build();
	}

}
