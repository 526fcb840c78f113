package org.masthead.newsfeed.live;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /news-feed/events}: the news feed's changes as Server-Sent Events. A browser resumes
 * with {@code Last-Event-ID}; a page that has not connected yet names the change it was rendered
 * at ({@code ?since=N}) so nothing posted in between is missed.
 */
@Controller
class NewsFeedStreamController {

	private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

	private final LiveNewsFeed live;

	NewsFeedStreamController(LiveNewsFeed live) {
		this.live = live;
	}

	@GetMapping(path = "/news-feed/events", produces = { MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<SseEmitter> events(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(required = false) String since, HttpServletRequest request) {
		Long after = number(lastEventId);
		if (after == null) {
			after = number(since);
		}
		SseEmitter emitter = live.subscribe(after, request.getRemoteAddr() + ":" + request.getRemotePort());
		if (emitter == null) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").build();
		}
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.header("X-Accel-Buffering", "no")
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.body(emitter);
	}

	private static Long number(String text) {
		return text != null && NUMBER.matcher(text.strip()).matches() ? Long.parseLong(text.strip()) : null;
	}

}
