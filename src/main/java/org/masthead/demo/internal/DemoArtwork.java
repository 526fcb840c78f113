package org.masthead.demo.internal;

import static org.masthead.demo.internal.Scenery.alpha;
import static org.masthead.demo.internal.Scenery.hsb;
import static org.masthead.demo.internal.Scenery.mix;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Generates the pictures of the demo newsroom.
 *
 * <p>The demo must look like a real front page without shipping photographs whose licences we would
 * have to track, so every hero image and author portrait is painted here with Java2D. Pictures are a
 * pure function of their inputs: loading the demo twice yields byte-identical files, which keeps
 * image caches and tests stable. Everything works with {@code java.awt.headless=true}.
 */
public final class DemoArtwork {

	/** Motifs the article files may name; anything else falls back to a skyline. */
	public static final List<String> MOTIFS = List.of("harbor", "bridge", "tram", "skyline", "field",
			"parliament", "factory", "concert", "lab", "forest", "market", "river", "school", "stadium");

	private static final float JPEG_QUALITY = 0.85f;

	private DemoArtwork() {
	}

	/**
	 * Paints an illustrative hero picture for an article.
	 *
	 * <p>The scene is chosen by motif so the picture hints at the story, while the seed varies the
	 * palette, time of day and details so that two harbour stories on the same page do not look
	 * identical. The scene is composed for 16:9 and scaled to cover other aspect ratios.
	 *
	 * @param motif  one of {@link #MOTIFS}; unknown or {@code null} values draw a generic skyline
	 * @param seed   any number, typically derived from the article slug
	 * @param width  output width in pixels
	 * @param height output height in pixels
	 * @return a baseline JPEG
	 */
	public static byte[] hero(String motif, long seed, int width, int height) {
		requirePositive(width, height);
		String key = motif == null ? "" : motif.trim().toLowerCase(Locale.ROOT);
		if (!MOTIFS.contains(key)) {
			key = "skyline";
		}
		Random rng = Scenery.random(seed * 31 + key.hashCode());
		Scenery.Palette palette = Scenery.palette(rng);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = begin(image);
		try {
			double scale = Math.max(width / (double) Scenery.W, height / (double) Scenery.H);
			g.translate((width - Scenery.W * scale) / 2, (height - Scenery.H * scale) / 2);
			g.scale(scale, scale);
			Motifs.draw(key, g, palette, rng);
			vignette(g);
		} finally {
			g.dispose();
		}
		return jpeg(image);
	}

	/**
	 * Paints a stylised head-and-shoulders portrait for a demo author.
	 *
	 * <p>Fictional journalists need faces, but generated photographs of people who do not exist would
	 * be misleading; a friendly flat illustration makes clear these are placeholders. The hue sets the
	 * background so each author is recognisable at a glance; the name picks hair, skin tone, clothes
	 * and accessories so the six authors look like different people.
	 *
	 * @param name the author's display name, used only as a source of variation
	 * @param hue  background hue in degrees (0–359)
	 * @param size edge length of the square output in pixels
	 * @return a baseline JPEG
	 */
	public static byte[] portrait(String name, int hue, int size) {
		requirePositive(size, size);
		// The salt was picked so the six demo authors get six clearly different looks.
		Random rng = Scenery.random((name == null ? 0 : name.hashCode()) * 31L + 32);
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = begin(image);
		try {
			g.scale(size / 400.0, size / 400.0);
			drawPortrait(g, name, hue, rng);
		} finally {
			g.dispose();
		}
		return jpeg(image);
	}

	private static void drawPortrait(Graphics2D g, String name, int hue, Random rng) {
		Color bgLight = hsb(hue, 0.35f, 0.95f);
		Color bgDark = hsb(hue + 12, 0.60f, 0.70f);
		g.setPaint(new RadialGradientPaint(200f, 160f, 300f, new float[] {0f, 1f}, new Color[] {bgLight, bgDark}));
		g.fill(new Rectangle2D.Double(0, 0, 400, 400));
		Color[] skins = {new Color(247, 214, 186), new Color(234, 192, 155), new Color(206, 156, 116),
						 new Color(160, 110, 76), new Color(111, 74, 52)};
		Color[] hairs = {new Color(40, 30, 26), new Color(92, 60, 38), new Color(170, 120, 70),
						 new Color(215, 180, 120), new Color(140, 140, 145), new Color(120, 45, 30)};
		Color skin = skins[rng.nextInt(skins.length)];
		Color hair = hairs[rng.nextInt(hairs.length)];
		Color shirt = hsb(hue + 150 + rng.nextInt(90), 0.45f, 0.55f + rng.nextFloat() * 0.2f);
		int hairStyle = rng.nextInt(5);
		boolean glasses = rng.nextInt(3) == 0;
		// Slavic feminine first names mostly end in "a"; keep beards off those to avoid odd results.
		String first = name == null ? "" : name.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
		boolean beard = hairStyle < 2 && !first.endsWith("a") && rng.nextInt(2) == 0;

		if (hairStyle == 2) { // long hair falls behind the shoulders
			g.setColor(hair);
			g.fill(new RoundRectangle2D.Double(112, 110, 176, 230, 90, 90));
		}
		// shoulders and collar
		Path2D body = new Path2D.Double();
		body.moveTo(40, 400);
		body.curveTo(50, 300, 110, 280, 200, 280);
		body.curveTo(290, 280, 350, 300, 360, 400);
		body.closePath();
		g.setColor(shirt);
		g.fill(body);
		g.setColor(mix(skin, Color.BLACK, 0.12));
		g.fill(new Rectangle2D.Double(172, 230, 56, 62));
		Path2D collar = new Path2D.Double();
		collar.moveTo(160, 284);
		collar.lineTo(200, 330);
		collar.lineTo(240, 284);
		collar.closePath();
		g.setColor(rng.nextBoolean() ? Color.WHITE : mix(shirt, Color.BLACK, 0.3));
		g.fill(collar);
		g.setColor(mix(skin, Color.BLACK, 0.12));
		Path2D neck = new Path2D.Double();
		neck.moveTo(172, 284);
		neck.lineTo(200, 316);
		neck.lineTo(228, 284);
		neck.closePath();
		g.fill(neck);
		// head
		g.setColor(skin);
		g.fill(new Ellipse2D.Double(136, 100, 128, 160));
		g.fill(new Ellipse2D.Double(126, 170, 22, 34));
		g.fill(new Ellipse2D.Double(252, 170, 22, 34));
		// hair on top
		g.setColor(hair);
		switch (hairStyle) {
			case 0 -> g.fill(new Arc2D.Double(132, 88, 136, 110, 0, 180, Arc2D.CHORD));
			case 1 -> {
				g.fill(new Arc2D.Double(132, 84, 136, 120, 10, 170, Arc2D.CHORD));
				g.fill(new Ellipse2D.Double(140, 96, 80, 50));
			}
			case 2 -> {
				g.fill(new Arc2D.Double(128, 86, 144, 130, 0, 180, Arc2D.CHORD));
				g.fill(new RoundRectangle2D.Double(126, 140, 22, 110, 20, 20));
				g.fill(new RoundRectangle2D.Double(252, 140, 22, 110, 20, 20));
			}
			case 3 -> {
				for (int i = 0; i < 9; i++) {
					double a = Math.PI * (0.95 + i * 1.1 / 8);
					g.fill(new Ellipse2D.Double(200 + Math.cos(a) * 72 - 30, 170 + Math.sin(a) * 80 - 30, 60, 60));
				}
				g.fill(new Ellipse2D.Double(150, 86, 100, 60));
			}
			default -> {
				g.fill(new Ellipse2D.Double(166, 50, 68, 60));
				g.fill(new Arc2D.Double(132, 88, 136, 110, 0, 180, Arc2D.CHORD));
			}
		}
		if (beard) {
			Path2D b = new Path2D.Double();
			b.moveTo(140, 196);
			b.curveTo(146, 268, 254, 268, 260, 196);
			b.curveTo(236, 226, 164, 226, 140, 196);
			g.fill(b);
		}
		// face
		Color ink = new Color(45, 35, 35);
		g.setColor(ink);
		g.fill(new Ellipse2D.Double(167, 176, 12, 14));
		g.fill(new Ellipse2D.Double(221, 176, 12, 14));
		g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.setColor(mix(hair, ink, 0.4));
		g.draw(new Arc2D.Double(162, 162, 24, 12, 20, 140, Arc2D.OPEN));
		g.draw(new Arc2D.Double(214, 162, 24, 12, 20, 140, Arc2D.OPEN));
		g.setColor(mix(skin, Color.BLACK, 0.25));
		g.draw(new Arc2D.Double(192, 196, 16, 22, 200, 140, Arc2D.OPEN));
		g.setColor(new Color(170, 70, 70));
		g.draw(new Arc2D.Double(180, 206, 40, 24, 200, 140, Arc2D.OPEN));
		g.setColor(alpha(new Color(230, 120, 120), 60));
		g.fill(new Ellipse2D.Double(150, 200, 26, 16));
		g.fill(new Ellipse2D.Double(224, 200, 26, 16));
		if (glasses) {
			g.setColor(ink);
			g.setStroke(new BasicStroke(3.5f));
			g.draw(new RoundRectangle2D.Double(155, 168, 36, 28, 10, 10));
			g.draw(new RoundRectangle2D.Double(209, 168, 36, 28, 10, 10));
			g.draw(new Arc2D.Double(191, 172, 18, 10, 0, 180, Arc2D.OPEN));
		}
	}

	private static Graphics2D begin(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
		return g;
	}

	/** A soft darkening towards the corners, which makes flat scenes read more like photographs. */
	private static void vignette(Graphics2D g) {
		g.setPaint(new RadialGradientPaint(Scenery.W / 2f, Scenery.H / 2f, Scenery.W * 0.62f,
				new float[] {0.55f, 1f}, new Color[] {alpha(Color.BLACK, 0), alpha(Color.BLACK, 70)}));
		g.fill(new Rectangle2D.Double(0, 0, Scenery.W, Scenery.H));
	}

	private static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not encode demo artwork", e);
		} finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static void requirePositive(int width, int height) {
		if (width <= 0 || height <= 0 || (long) width * height > 40_000_000L) {
			throw new IllegalArgumentException("Unsupported picture size " + width + "x" + height);
		}
	}
}
