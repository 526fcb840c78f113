package org.masthead.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.masthead.content.ArticleDraft;
import org.masthead.content.Newsroom;

/** Small fixtures for tests that write content: unique slugs, a section, an author, pictures. */
public final class TestContent {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private TestContent() {
	}

	public static String unique(String prefix) {
		return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
	}

	/** A section, a tag and an author, freshly made. */
	public record Basics(long sectionId, String sectionSlug, long tagId, String tagSlug, long authorId,
			String authorSlug) {

		public static Basics create(Newsroom newsroom) {
			String section = unique("section");
			String tag = unique("tag");
			String author = unique("author");
			return new Basics(newsroom.createSection(section, "Section " + section, null), section,
					newsroom.createTag(tag, "Tag " + tag, null), tag,
					newsroom.createAuthor(author, "Author " + author, "Reporter", "Writes things.", null), author);
		}

		public ArticleDraft draft(String slug, String headline, String body) {
			return new ArticleDraft(slug, headline, "A dek for " + headline, body, null, null, null, null, sectionId,
					List.of(authorId), List.of(tagId), "en");
		}

	}

	/** A PNG signature, header chunk and end chunk: claims a size without any pixel data. */
	public static byte[] pngHeaderOnly(int width, int height) {
		java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width).putInt(height)
			.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(ihdr.array());
		java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
		png.putInt(0).put("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(0xAE426082);
		return png.array();
	}

	/** A real picture of the given size and format ("png" or "jpg"). */
	public static byte[] picture(int width, int height, String format) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 90, 140));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.ORANGE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
