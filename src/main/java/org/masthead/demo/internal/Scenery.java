package org.masthead.demo.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/**
 * Shared palette and landscape primitives for the demo artwork. Every scene is drawn on a virtual
 * 1600×900 canvas so the motif code can use fixed coordinates; {@link DemoArtwork} scales it.
 */
final class Scenery {

	static final int W = 1600;
	static final int H = 900;

	private Scenery() {
	}

	/** The colours of one picture, derived from the seed so neighbouring articles look different. */
	record Palette(Color skyTop, Color skyBottom, Color sun, Color far, Color mid, Color near,
				   Color ground, Color waterTop, Color waterBottom, Color accent1, Color accent2,
				   Color accent3, Color light, boolean dusk) {
	}

	static Palette palette(Random rng) {
		int mood = rng.nextInt(4);
		float j = (rng.nextFloat() - 0.5f) * 24f;
		float a = rng.nextFloat() * 360f;
		Color accent1 = hsb(a, 0.62f, 0.86f);
		Color accent2 = hsb(a + 120 + j, 0.55f, 0.80f);
		Color accent3 = hsb(a + 220 - j, 0.50f, 0.92f);
		return switch (mood) {
			case 0 -> new Palette(hsb(205 + j, 0.55f, 0.88f), hsb(195 + j, 0.18f, 0.98f),
					hsb(48, 0.35f, 1f), hsb(210 + j, 0.22f, 0.78f), hsb(205 + j, 0.32f, 0.58f),
					hsb(215 + j, 0.45f, 0.34f), hsb(100 + j, 0.38f, 0.55f), hsb(200 + j, 0.55f, 0.70f),
					hsb(215 + j, 0.70f, 0.38f), accent1, accent2, accent3, hsb(50, 0.25f, 1f), false);
			case 1 -> new Palette(hsb(265 + j, 0.50f, 0.42f), hsb(22 + j, 0.62f, 0.98f),
					hsb(40, 0.50f, 1f), hsb(300 + j, 0.25f, 0.55f), hsb(280 + j, 0.35f, 0.38f),
					hsb(255 + j, 0.45f, 0.20f), hsb(20 + j, 0.35f, 0.40f), hsb(20 + j, 0.45f, 0.80f),
					hsb(260 + j, 0.55f, 0.30f), accent1, accent2, accent3, hsb(45, 0.55f, 1f), true);
			case 2 -> new Palette(hsb(180 + j, 0.30f, 0.70f), hsb(165 + j, 0.12f, 0.93f),
					hsb(60, 0.12f, 1f), hsb(175 + j, 0.15f, 0.70f), hsb(185 + j, 0.28f, 0.50f),
					hsb(195 + j, 0.40f, 0.30f), hsb(120 + j, 0.30f, 0.50f), hsb(178 + j, 0.40f, 0.62f),
					hsb(195 + j, 0.60f, 0.32f), accent1, accent2, accent3, hsb(55, 0.30f, 1f), false);
			default -> new Palette(hsb(30 + j, 0.45f, 0.95f), hsb(45 + j, 0.20f, 1f),
					hsb(35, 0.55f, 1f), hsb(25 + j, 0.20f, 0.82f), hsb(15 + j, 0.32f, 0.60f),
					hsb(350 + j, 0.40f, 0.33f), hsb(70 + j, 0.40f, 0.58f), hsb(190 + j, 0.40f, 0.72f),
					hsb(215 + j, 0.55f, 0.40f), accent1, accent2, accent3, hsb(48, 0.45f, 1f), false);
		};
	}

	/**
	 * Spreads nearby seeds apart: {@link Random}'s first outputs for consecutive seeds are strongly
	 * correlated, which would give neighbouring articles the same palette.
	 */
	static Random random(long seed) {
		long z = seed + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return new Random(z ^ (z >>> 31));
	}

	static Color hsb(float hueDegrees, float s, float b) {
		float h = ((hueDegrees % 360f) + 360f) % 360f / 360f;
		return Color.getHSBColor(h, clamp(s), clamp(b));
	}

	static Color alpha(Color c, int a) {
		return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0, Math.min(255, a)));
	}

	static Color mix(Color a, Color b, double t) {
		return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
				(int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
				(int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
	}

	private static float clamp(float v) {
		return Math.max(0f, Math.min(1f, v));
	}

	static void vertical(Graphics2D g, double x, double y, double w, double h, Color top, Color bottom) {
		g.setPaint(new GradientPaint(0, (float) y, top, 0, (float) (y + h), bottom));
		g.fill(new Rectangle2D.Double(x, y, w, h));
	}

	/** Sky gradient with a glowing sun (or low evening sun) and a few soft clouds. */
	static void sky(Graphics2D g, Palette p, Random rng, double horizon) {
		vertical(g, 0, 0, W, horizon + 40, p.skyTop(), p.skyBottom());
		double sx = 200 + rng.nextDouble() * 1200;
		double sy = p.dusk() ? horizon - 90 : 120 + rng.nextDouble() * 140;
		float r = p.dusk() ? 300f : 220f;
		g.setPaint(new RadialGradientPaint((float) sx, (float) sy, r, new float[] {0f, 0.25f, 1f},
				new Color[] {alpha(p.sun(), 230), alpha(p.sun(), 110), alpha(p.sun(), 0)}));
		g.fill(new Ellipse2D.Double(sx - r, sy - r, r * 2, r * 2));
		g.setColor(alpha(p.sun(), 250));
		g.fill(new Ellipse2D.Double(sx - 48, sy - 48, 96, 96));
		int clouds = 2 + rng.nextInt(3);
		for (int i = 0; i < clouds; i++) {
			cloud(g, 100 + rng.nextDouble() * 1400, 80 + rng.nextDouble() * (horizon * 0.45),
					0.6 + rng.nextDouble() * 0.8, alpha(Color.WHITE, p.dusk() ? 90 : 170));
		}
	}

	static void cloud(Graphics2D g, double x, double y, double s, Color c) {
		g.setColor(c);
		g.fill(new Ellipse2D.Double(x, y, 200 * s, 56 * s));
		g.fill(new Ellipse2D.Double(x + 40 * s, y - 30 * s, 90 * s, 70 * s));
		g.fill(new Ellipse2D.Double(x + 95 * s, y - 18 * s, 80 * s, 60 * s));
	}

	/** A band of rolling hills whose outline is a sum of sines, filled down to the bottom edge. */
	static void hills(Graphics2D g, Random rng, double baseY, double amp, Color c) {
		double f1 = 0.002 + rng.nextDouble() * 0.003;
		double f2 = 0.006 + rng.nextDouble() * 0.006;
		double ph = rng.nextDouble() * 10;
		Path2D path = new Path2D.Double();
		path.moveTo(0, H);
		for (int x = 0; x <= W; x += 10) {
			double y = baseY - amp * (0.6 * Math.sin(x * f1 + ph) + 0.4 * Math.sin(x * f2 + ph * 2));
			path.lineTo(x, y);
		}
		path.lineTo(W, H);
		path.closePath();
		g.setColor(c);
		g.fill(path);
	}

	/** Water from {@code top} to the bottom edge with horizontal glints. */
	static void water(Graphics2D g, Palette p, Random rng, double top) {
		vertical(g, 0, top, W, H - top, p.waterTop(), p.waterBottom());
		for (int i = 0; i < 70; i++) {
			double y = top + 8 + Math.pow(rng.nextDouble(), 1.6) * (H - top);
			double len = 20 + rng.nextDouble() * 90 * (1 + (y - top) / 300);
			g.setColor(alpha(p.light(), 40 + rng.nextInt(70)));
			g.fill(new Rectangle2D.Double(rng.nextDouble() * W, y, len, 2 + (y - top) / 160));
		}
	}

	/** A row of flat-roofed city blocks with lit windows, used by several scenes as a backdrop. */
	static void buildings(Graphics2D g, Random rng, double baseY, double minH, double maxH,
						  Color body, Color windows, double windowChance) {
		double x = -20;
		while (x < W) {
			double w = 60 + rng.nextDouble() * 110;
			double h = minH + rng.nextDouble() * (maxH - minH);
			g.setColor(body);
			g.fill(new Rectangle2D.Double(x, baseY - h, w + 1, h));
			if (rng.nextInt(5) == 0) {
				g.fill(new Rectangle2D.Double(x + w * 0.45, baseY - h - 40, 4, 40));
			}
			g.setColor(windows);
			for (double wy = baseY - h + 14; wy < baseY - 18; wy += 24) {
				for (double wx = x + 10; wx < x + w - 16; wx += 20) {
					if (rng.nextDouble() < windowChance) {
						g.fill(new Rectangle2D.Double(wx, wy, 9, 12));
					}
				}
			}
			x += w + rng.nextInt(8);
		}
	}

	static void roundTree(Graphics2D g, double x, double baseY, double size, Color leaves, Color trunk) {
		g.setColor(trunk);
		g.fill(new Rectangle2D.Double(x - size * 0.07, baseY - size * 0.55, size * 0.14, size * 0.55));
		g.setColor(leaves);
		g.fill(new Ellipse2D.Double(x - size * 0.4, baseY - size * 1.25, size * 0.8, size * 0.8));
		g.fill(new Ellipse2D.Double(x - size * 0.5, baseY - size * 0.95, size * 0.55, size * 0.5));
		g.fill(new Ellipse2D.Double(x - size * 0.05, baseY - size * 0.98, size * 0.55, size * 0.5));
	}

	static void pine(Graphics2D g, double x, double baseY, double h, Color c) {
		g.setColor(c);
		g.fill(new Rectangle2D.Double(x - h * 0.03, baseY - h * 0.2, h * 0.06, h * 0.2));
		for (int i = 0; i < 3; i++) {
			double top = baseY - h + i * h * 0.22;
			double half = h * (0.16 + i * 0.07);
			Path2D t = new Path2D.Double();
			t.moveTo(x, top);
			t.lineTo(x + half, top + h * 0.42);
			t.lineTo(x - half, top + h * 0.42);
			t.closePath();
			g.fill(t);
		}
	}

	static void gulls(Graphics2D g, Random rng, int count, Color c) {
		g.setColor(c);
		g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		for (int i = 0; i < count; i++) {
			double x = 150 + rng.nextDouble() * 1300;
			double y = 90 + rng.nextDouble() * 220;
			double s = 12 + rng.nextDouble() * 14;
			Path2D p = new Path2D.Double();
			p.moveTo(x - s, y - s * 0.3);
			p.quadTo(x - s * 0.5, y - s * 0.7, x, y);
			p.quadTo(x + s * 0.5, y - s * 0.7, x + s, y - s * 0.3);
			g.draw(p);
		}
	}
}
