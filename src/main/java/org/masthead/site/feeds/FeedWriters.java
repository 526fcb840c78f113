package org.masthead.site.feeds;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link FeedChannel} as RSS 2.0, Atom 1.0 or JSON Feed 1.1; every text is escaped by the writer. */
final class FeedWriters {

	static final String RSS = "application/rss+xml;charset=UTF-8";

	static final String ATOM = "application/atom+xml;charset=UTF-8";

	static final String JSON_FEED = "application/feed+json;charset=UTF-8";

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FeedWriters() {
	}

	static String rss(FeedChannel channel) {
		return xml(w -> {
			w.writeStartElement("rss");
			w.writeAttribute("version", "2.0");
			w.writeNamespace("atom", "http://www.w3.org/2005/Atom");
			w.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
			w.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
			w.writeNamespace("media", "http://search.yahoo.com/mrss/");
			w.writeStartElement("channel");
			text(w, "title", channel.title());
			text(w, "link", channel.link());
			text(w, "description", channel.description());
			text(w, "language", channel.language());
			text(w, "lastBuildDate", rfc822(channel.updated()));
			w.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
			w.writeAttribute("href", channel.self());
			w.writeAttribute("rel", "self");
			w.writeAttribute("type", "application/rss+xml");
			for (FeedEntry e : channel.entries()) {
				w.writeStartElement("item");
				text(w, "title", e.title());
				text(w, "link", e.url());
				w.writeStartElement("guid");
				w.writeAttribute("isPermaLink", Boolean.toString(e.id().equals(e.url())));
				w.writeCharacters(clean(e.id()));
				w.writeEndElement();
				text(w, "pubDate", rfc822(e.published()));
				for (FeedEntry.Author a : e.authors()) {
					w.writeStartElement("dc", "creator", "http://purl.org/dc/elements/1.1/");
					w.writeCharacters(clean(a.name()));
					w.writeEndElement();
				}
				for (String category : e.categories()) {
					text(w, "category", category);
				}
				if (e.summary() != null) {
					text(w, "description", e.summary());
				}
				if (e.contentHtml() != null) {
					w.writeStartElement("content", "encoded", "http://purl.org/rss/1.0/modules/content/");
					w.writeCharacters(clean(e.contentHtml()));
					w.writeEndElement();
				}
				if (e.imageUrl() != null) {
					w.writeEmptyElement("media", "content", "http://search.yahoo.com/mrss/");
					w.writeAttribute("url", e.imageUrl());
					w.writeAttribute("medium", "image");
				}
				w.writeEndElement();
			}
			w.writeEndElement();
			w.writeEndElement();
		});
	}

	static String atom(FeedChannel channel) {
		return xml(w -> {
			w.setDefaultNamespace("http://www.w3.org/2005/Atom");
			w.writeStartElement("feed");
			w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
			w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", channel.language());
			text(w, "id", channel.self());
			text(w, "title", channel.title());
			text(w, "subtitle", channel.description());
			text(w, "updated", iso(channel.updated()));
			link(w, "alternate", channel.link(), "text/html");
			link(w, "self", channel.self(), "application/atom+xml");
			w.writeStartElement("author");
			text(w, "name", channel.title());
			w.writeEndElement();
			for (FeedEntry e : channel.entries()) {
				w.writeStartElement("entry");
				text(w, "id", e.id());
				text(w, "title", e.title());
				link(w, "alternate", e.url(), "text/html");
				text(w, "published", iso(e.published()));
				text(w, "updated", iso(e.updated() != null ? e.updated() : e.published()));
				for (FeedEntry.Author a : e.authors()) {
					w.writeStartElement("author");
					text(w, "name", a.name());
					if (a.url() != null) {
						text(w, "uri", a.url());
					}
					w.writeEndElement();
				}
				for (String category : e.categories()) {
					w.writeEmptyElement("category");
					w.writeAttribute("term", clean(category));
				}
				if (e.summary() != null) {
					text(w, "summary", e.summary());
				}
				if (e.contentHtml() != null) {
					w.writeStartElement("content");
					w.writeAttribute("type", "html");
					w.writeCharacters(clean(e.contentHtml()));
					w.writeEndElement();
				}
				w.writeEndElement();
			}
			w.writeEndElement();
		});
	}

	static String jsonFeed(FeedChannel channel) {
		Map<String, Object> feed = new LinkedHashMap<>();
		feed.put("version", "https://jsonfeed.org/version/1.1");
		feed.put("title", channel.title());
		feed.put("home_page_url", channel.link());
		feed.put("feed_url", channel.self());
		feed.put("description", channel.description());
		feed.put("language", channel.language());
		List<Map<String, Object>> items = new ArrayList<>();
		for (FeedEntry e : channel.entries()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", e.id());
			item.put("url", e.url());
			item.put("title", e.title());
			if (e.contentHtml() != null) {
				item.put("content_html", e.contentHtml());
			}
			else {
				item.put("content_text", e.summary() == null ? e.title() : e.summary());
			}
			if (e.summary() != null) {
				item.put("summary", e.summary());
			}
			if (e.imageUrl() != null) {
				item.put("image", e.imageUrl());
			}
			item.put("date_published", iso(e.published()));
			if (e.updated() != null) {
				item.put("date_modified", iso(e.updated()));
			}
			if (!e.authors().isEmpty()) {
				item.put("authors", e.authors().stream().map(a -> {
					Map<String, Object> author = new LinkedHashMap<>();
					author.put("name", a.name());
					if (a.url() != null) {
						author.put("url", a.url());
					}
					return author;
				}).toList());
			}
			if (!e.categories().isEmpty()) {
				item.put("tags", e.categories());
			}
			items.add(item);
		}
		feed.put("items", items);
		return JSON.writeValueAsString(feed);
	}

	/** RFC 822 dates, as RSS 2.0 wants them, in UTC. */
	static String rfc822(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

	static String iso(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC).withNano(0));
	}

	interface XmlBody {

		void write(XMLStreamWriter writer) throws XMLStreamException;

	}

	static String xml(XmlBody body) {
		StringWriter out = new StringWriter(16_384);
		try {
			XMLStreamWriter w = XML.createXMLStreamWriter(out);
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
			body.write(w);
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
		w.writeStartElement(name);
		w.writeCharacters(value == null ? "" : clean(value));
		w.writeEndElement();
	}

	private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
		w.writeEmptyElement("link");
		w.writeAttribute("rel", rel);
		w.writeAttribute("href", href);
		w.writeAttribute("type", type);
	}

	/** XML 1.0 cannot carry most control characters at all, escaped or not. */
	static String clean(String text) {
		return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
	}

}
