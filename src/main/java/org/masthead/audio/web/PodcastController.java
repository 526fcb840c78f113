package org.masthead.audio.web;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.imageio.ImageIO;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.Narration;
import org.masthead.audio.narration.NarrationRepository;
import org.masthead.audio.narration.NarrationRepository.ArticleNarration;
import org.masthead.platform.MastheadProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The podcast feed at {@code /podcast/rss/}: RSS 2.0 with Apple Podcasts tags, one item per
 * narrated, published article, newest first, each with its MP3 as the enclosure (length and type).
 */
@Controller
class PodcastController {

	private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final NarrationRepository narrations;

	private final MastheadProperties site;

	private final AudioProperties audio;

	private volatile byte[] artwork;

	PodcastController(NarrationRepository narrations, MastheadProperties site, AudioProperties audio) {
		this.narrations = narrations;
		this.site = site;
		this.audio = audio;
	}

	@GetMapping("/podcast/rss/")
	ResponseEntity<String> feed() {
		List<ArticleNarration> items = narrations.playableArticles(audio.podcast().items());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(rss(items));
	}

	@GetMapping("/podcast/rss")
	ResponseEntity<Void> withoutSlash() {
		return ResponseEntity.status(301).header("Location", "/podcast/rss/").build();
	}

	String rss(List<ArticleNarration> items) {
		var s = site.site();
		String title = blank(audio.podcast().title()) ? s.name() + ": narrated articles" : audio.podcast().title();
		String author = blank(audio.podcast().author()) ? s.name() : audio.podcast().author();
		String description = "Articles from " + s.name() + ", read aloud. " + Narration.DISCLOSURE + ".";
		StringBuilder xml = new StringBuilder(4096 + items.size() * 800);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"")
			.append(" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
		element(xml, "title", title);
		element(xml, "link", s.absolute("/"));
		xml.append("<atom:link href=\"").append(escape(s.absolute("/podcast/rss/")))
			.append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
		element(xml, "description", description);
		element(xml, "language", s.language());
		element(xml, "generator", "Masthead");
		Instant newest = items.isEmpty() ? null : items.get(0).narration().readyAt();
		if (newest != null) {
			element(xml, "lastBuildDate", RFC_822.format(newest));
		}
		xml.append("<image>");
		element(xml, "url", s.absolute("/podcast/artwork.png"));
		element(xml, "title", title);
		element(xml, "link", s.absolute("/"));
		xml.append("</image>\n");
		element(xml, "itunes:author", author);
		element(xml, "itunes:summary", description);
		xml.append("<itunes:image href=\"").append(escape(s.absolute("/podcast/artwork.png"))).append("\"/>\n");
		xml.append("<itunes:category text=\"").append(escape(audio.podcast().category())).append("\"/>\n");
		element(xml, "itunes:explicit", "false");
		element(xml, "itunes:type", "episodic");
		if (!blank(audio.podcast().email())) {
			xml.append("<itunes:owner>");
			element(xml, "itunes:name", author);
			element(xml, "itunes:email", audio.podcast().email());
			xml.append("</itunes:owner>\n");
		}
		for (ArticleNarration item : items) {
			var article = item.article();
			var narration = item.narration();
			String link = s.absolute("/" + article.slug() + "/");
			xml.append("<item>\n");
			element(xml, "title", article.headline() == null ? article.slug() : article.headline());
			element(xml, "link", link);
			xml.append("<guid isPermaLink=\"false\">").append(escape(narration.storageKey())).append("</guid>\n");
			Instant published = article.firstPublishedAt() != null ? article.firstPublishedAt() : narration.readyAt();
			element(xml, "pubDate", RFC_822.format(published));
			String summary = (article.dek() == null ? "" : article.dek() + " ") + Narration.DISCLOSURE + ".";
			element(xml, "description", summary);
			element(xml, "itunes:summary", summary);
			xml.append("<enclosure url=\"").append(escape(s.absolute("/media/" + narration.storageKey())))
				.append("\" length=\"").append(narration.byteSize() == null ? 0 : narration.byteSize())
				.append("\" type=\"audio/mpeg\"/>\n");
			element(xml, "itunes:duration", String.valueOf(Math.max(1, (narration.durationMs() == null ? 0 : narration.durationMs()) / 1000)));
			element(xml, "itunes:explicit", "false");
			element(xml, "itunes:episodeType", "full");
			xml.append("</item>\n");
		}
		return xml.append("</channel>\n</rss>\n").toString();
	}

	/** Square show artwork (Apple asks for 1400 to 3000 pixels): the publication's name on its colour. */
	@GetMapping("/podcast/artwork.png")
	ResponseEntity<byte[]> artwork() throws IOException {
		byte[] png = artwork;
		if (png == null) {
			png = draw(site.site().name());
			artwork = png;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(png);
	}

	static byte[] draw(String name) throws IOException {
		int size = 1400;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(0x9e2418));
		g.fillRect(0, 0, size, size);
		g.setColor(Color.WHITE);
		int fontSize = 150;
		Font font = new Font(Font.SERIF, Font.BOLD, fontSize);
		FontMetrics metrics = g.getFontMetrics(font);
		while (metrics.stringWidth(name) > size - 160 && fontSize > 40) {
			fontSize -= 10;
			font = new Font(Font.SERIF, Font.BOLD, fontSize);
			metrics = g.getFontMetrics(font);
		}
		g.setFont(font);
		g.drawString(name, (size - metrics.stringWidth(name)) / 2, size / 2);
		Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 64);
		g.setFont(small);
		FontMetrics sm = g.getFontMetrics(small);
		String line = "Narrated articles";
		g.drawString(line, (size - sm.stringWidth(line)) / 2, size / 2 + 140);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static void element(StringBuilder xml, String name, String text) {
		xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					// Characters XML 1.0 forbids are left out rather than breaking the feed.
					if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
							|| Character.isSurrogate(c)) {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
