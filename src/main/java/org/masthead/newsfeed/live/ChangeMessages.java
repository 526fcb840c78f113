package org.masthead.newsfeed.live;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.masthead.newsfeed.NewsFeedChange;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.platform.MastheadProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/**
 * A change as one Server-Sent Event: {@code id} is the change's number, the event name says what
 * happened ("posted", "edited", "deleted"), the data is JSON with the item's words and its times
 * already in the newsroom's time zone, so the page's script only places text.
 */
@Component
class ChangeMessages {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	/** A comment line: keeps idle connections open through proxies and finds dead ones. */
	static Set<DataWithMediaType> heartbeat() {
		return SseEmitter.event().comment("").build();
	}

	/**
	 * The last message of a node that shuts down: reconnect soon (through the load balancer, to a
	 * node that stays), each browser after its own wait so they do not all arrive at once.
	 */
	static Set<DataWithMediaType> goodbye(long reconnectMillis) {
		return SseEmitter.event().reconnectTime(reconnectMillis).comment("node shutting down").build();
	}

	/** The first message: how long a browser waits before reconnecting. */
	static Set<DataWithMediaType> hello() {
		return SseEmitter.event().reconnectTime(3000).comment("news feed").build();
	}

	private final JsonMapper json = JsonMapper.builder().build();

	private final MastheadProperties properties;

	ChangeMessages(MastheadProperties properties) {
		this.properties = properties;
	}

	/** The event, built once and written to every connection as is. */
	Set<DataWithMediaType> event(NewsFeedChange change) {
		NewsFeedItem item = change.item();
		boolean gone = item == null;
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("seq", change.seq());
		data.put("id", Long.toString(change.itemId())); // a string: ids exceed JavaScript's exact integers
		if (!gone) {
			var at = item.postedAt().atZone(properties.site().timeZone());
			data.put("headline", item.headline());
			data.put("body", item.body());
			data.put("permalink", item.path());
			data.put("articlePath", item.articlePath());
			data.put("postedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withNano(0)));
			data.put("time", TIME.format(at));
			data.put("day", DAY.format(at));
			data.put("breaking", item.breaking());
			data.put("pinned", item.pinned());
		}
		String name = gone ? NewsFeedChange.Kind.DELETED.eventName() : change.kind().eventName();
		return SseEmitter.event()
			.id(Long.toString(change.seq()))
			.name(name)
			.data(json.writeValueAsString(data), MediaType.TEXT_PLAIN)
			.build();
	}

}
