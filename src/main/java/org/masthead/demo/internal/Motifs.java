package org.masthead.demo.internal;

import static org.masthead.demo.internal.Scenery.H;
import static org.masthead.demo.internal.Scenery.W;
import static org.masthead.demo.internal.Scenery.alpha;
import static org.masthead.demo.internal.Scenery.mix;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

import org.masthead.demo.internal.Scenery.Palette;

/**
 * One flat-art scene per hero motif, drawn on the 1600×900 virtual canvas of {@link Scenery}.
 * The scenes are illustrative rather than realistic: they only need to hint at the story's subject.
 */
final class Motifs {

	private Motifs() {
	}

	static void draw(String motif, Graphics2D g, Palette p, Random rng) {
		switch (motif) {
			case "harbor" -> CityMotifs.harbor(g, p, rng);
			case "bridge" -> CityMotifs.bridge(g, p, rng);
			case "tram" -> CityMotifs.tram(g, p, rng);
			case "field" -> field(g, p, rng);
			case "parliament" -> CityMotifs.parliament(g, p, rng);
			case "factory" -> CityMotifs.factory(g, p, rng);
			case "concert" -> concert(g, p, rng);
			case "lab" -> lab(g, p, rng);
			case "forest" -> forest(g, p, rng);
			case "market" -> market(g, p, rng);
			case "river" -> river(g, p, rng);
			case "school" -> CityMotifs.school(g, p, rng);
			case "stadium" -> CityMotifs.stadium(g, p, rng);
			default -> CityMotifs.skyline(g, p, rng);
		}
	}

	static void field(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 520);
		Scenery.hills(g, rng, 520, 50, p.far());
		for (int i = 0; i < 4; i++) {
			turbine(g, 300 + i * 330 + rng.nextDouble() * 80, 470 + rng.nextDouble() * 40,
					0.5 + rng.nextDouble() * 0.4, rng.nextDouble() * 120, mix(p.light(), Color.WHITE, 0.6));
		}
		Scenery.hills(g, rng, 640, 60, p.ground());
		Color row = mix(p.ground(), p.accent3(), 0.35);
		g.setStroke(new BasicStroke(10f));
		for (int i = -12; i < 14; i++) {
			g.setColor(i % 2 == 0 ? row : mix(p.ground(), Color.BLACK, 0.12));
			g.draw(new Line2D.Double(800 + i * 30, 650, 800 + i * 180, H));
		}
		Scenery.roundTree(g, 1350, 720, 220, mix(p.ground(), Color.BLACK, 0.35), p.near());
	}

	private static void turbine(Graphics2D g, double x, double y, double s, double angle, Color c) {
		g.setColor(c);
		Path2D tower = new Path2D.Double();
		tower.moveTo(x - 4 * s, y - 300 * s);
		tower.lineTo(x + 4 * s, y - 300 * s);
		tower.lineTo(x + 10 * s, y);
		tower.lineTo(x - 10 * s, y);
		tower.closePath();
		g.fill(tower);
		g.setStroke(new BasicStroke((float) (9 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		for (int b = 0; b < 3; b++) {
			double a = Math.toRadians(angle + b * 120);
			g.draw(new Line2D.Double(x, y - 300 * s, x + Math.cos(a) * 170 * s, y - 300 * s + Math.sin(a) * 170 * s));
		}
		g.fill(new Ellipse2D.Double(x - 10 * s, y - 310 * s, 20 * s, 20 * s));
	}

	static void concert(Graphics2D g, Palette p, Random rng) {
		Scenery.vertical(g, 0, 0, W, H, mix(p.skyTop(), Color.BLACK, 0.75), mix(p.accent2(), Color.BLACK, 0.6));
		Color[] beams = {p.accent1(), p.accent3(), p.light()};
		for (int i = 0; i < 6; i++) {
			double x = 200 + i * 240;
			double spread = 160 + rng.nextDouble() * 120;
			double tilt = (rng.nextDouble() - 0.5) * 500;
			Path2D beam = new Path2D.Double();
			beam.moveTo(x - 10, 60);
			beam.lineTo(x + 10, 60);
			beam.lineTo(x + tilt + spread, 620);
			beam.lineTo(x + tilt - spread, 620);
			beam.closePath();
			g.setPaint(new GradientPaint((float) x, 60, alpha(beams[i % 3], 150),
					(float) x, 620, alpha(beams[i % 3], 0)));
			g.fill(beam);
			g.setColor(beams[i % 3]);
			g.fill(new Ellipse2D.Double(x - 18, 44, 36, 36));
		}
		g.setColor(mix(p.near(), Color.BLACK, 0.5));
		g.fill(new Rectangle2D.Double(0, 30, W, 20));
		g.setColor(mix(p.accent2(), Color.BLACK, 0.45));
		g.fill(new Rectangle2D.Double(0, 560, W, 60));
		g.setColor(mix(p.accent2(), Color.BLACK, 0.25));
		for (int i = 0; i < 4; i++) {
			double x = 420 + i * 240;
			g.fill(new Ellipse2D.Double(x - 22, 440, 44, 44));
			g.fill(new RoundRectangle2D.Double(x - 40, 484, 80, 80, 30, 30));
		}
		Color crowd = new Color(14, 12, 22);
		g.setColor(crowd);
		for (int row = 0; row < 3; row++) {
			double y = 700 + row * 70;
			for (double x = -30 + row * 25; x < W + 40; x += 70 + rng.nextInt(30)) {
				double hy = y + rng.nextDouble() * 20;
				g.fill(new Ellipse2D.Double(x - 26, hy - 60, 52, 60));
				g.fill(new RoundRectangle2D.Double(x - 55, hy - 6, 110, 200, 60, 60));
				if (rng.nextInt(6) == 0) {
					g.setStroke(new BasicStroke(16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
					g.draw(new Line2D.Double(x + 40, hy + 10, x + 70, hy - 110));
				}
			}
		}
	}

	static void lab(Graphics2D g, Palette p, Random rng) {
		Scenery.vertical(g, 0, 0, W, 620, mix(p.skyBottom(), Color.WHITE, 0.4), mix(p.skyTop(), Color.WHITE, 0.3));
		g.setColor(alpha(p.mid(), 60));
		for (int i = 0; i < 3; i++) {
			g.fill(new Rectangle2D.Double(100, 120 + i * 150, 1400, 12));
			for (double x = 130; x < 1480; x += 40 + rng.nextInt(60)) {
				double h = 50 + rng.nextDouble() * 70;
				g.fill(new RoundRectangle2D.Double(x, 120 + i * 150 - h, 26, h, 8, 8));
			}
		}
		Scenery.vertical(g, 0, 620, W, 280, mix(p.near(), Color.WHITE, 0.15), mix(p.near(), Color.BLACK, 0.3));
		g.setColor(mix(p.near(), Color.WHITE, 0.4));
		g.fill(new Rectangle2D.Double(0, 610, W, 18));
		Color[] liquids = {p.accent1(), p.accent2(), p.accent3()};
		for (int i = 0; i < 3; i++) {
			double x = 260 + i * 330;
			double s = 0.8 + rng.nextDouble() * 0.5;
			flask(g, x, 610, s, liquids[i], 0.35 + rng.nextDouble() * 0.3);
		}
		g.setColor(mix(p.near(), Color.BLACK, 0.2));
		g.fill(new RoundRectangle2D.Double(1180, 540, 260, 70, 16, 16));
		for (int i = 0; i < 5; i++) {
			double x = 1205 + i * 48;
			g.setColor(alpha(Color.WHITE, 160));
			g.fill(new RoundRectangle2D.Double(x, 380, 26, 190, 26, 26));
			g.setColor(liquids[i % 3]);
			g.fill(new RoundRectangle2D.Double(x + 3, 450 + i * 10, 20, 117 - i * 10, 20, 20));
		}
		g.setColor(mix(p.near(), Color.BLACK, 0.2));
		g.fill(new Rectangle2D.Double(1160, 470, 300, 22));
	}

	private static void flask(Graphics2D g, double x, double base, double s, Color liquid, double fill) {
		Path2D f = new Path2D.Double();
		f.moveTo(x - 22 * s, base - 320 * s);
		f.lineTo(x + 22 * s, base - 320 * s);
		f.lineTo(x + 22 * s, base - 200 * s);
		f.lineTo(x + 120 * s, base - 10 * s);
		f.quadTo(x + 125 * s, base, x + 110 * s, base);
		f.lineTo(x - 110 * s, base);
		f.quadTo(x - 125 * s, base, x - 120 * s, base - 10 * s);
		f.lineTo(x - 22 * s, base - 200 * s);
		f.closePath();
		g.setColor(alpha(Color.WHITE, 150));
		g.fill(f);
		Shape old = g.getClip();
		g.clip(f);
		g.setColor(liquid);
		g.fill(new Rectangle2D.Double(x - 130 * s, base - 200 * s * fill, 260 * s, 200 * s));
		g.setColor(alpha(Color.WHITE, 170));
		for (int b = 0; b < 6; b++) {
			double r = (6 + b * 3) * s;
			g.fill(new Ellipse2D.Double(x - 40 * s + b * 15 * s, base - 30 * s - b * 24 * s, r, r));
		}
		g.setClip(old);
		g.setColor(alpha(Color.DARK_GRAY, 160));
		g.setStroke(new BasicStroke((float) (4 * s)));
		g.draw(f);
		g.draw(new Line2D.Double(x - 30 * s, base - 320 * s, x + 30 * s, base - 320 * s));
	}

	static void forest(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 500);
		Path2D mountains = new Path2D.Double();
		mountains.moveTo(0, 560);
		for (int x = 0; x <= W; x += 200) {
			mountains.lineTo(x + 100, 250 + rng.nextDouble() * 150);
			mountains.lineTo(x + 200, 420 + rng.nextDouble() * 80);
		}
		mountains.lineTo(W, 560);
		mountains.closePath();
		g.setColor(p.far());
		g.fill(mountains);
		Color green = Scenery.hsb(130 + rng.nextInt(40), 0.45f, 0.42f);
		for (int l = 0; l < 4; l++) {
			double t = l / 3.0;
			double base = 520 + l * 120;
			Color c = mix(mix(p.far(), green, 0.35), mix(green, Color.BLACK, 0.45), t);
			for (double x = -40 + rng.nextInt(60); x < W + 60; x += 70 + l * 30 + rng.nextInt(60)) {
				Scenery.pine(g, x, base + rng.nextDouble() * 40, 150 + l * 80 + rng.nextDouble() * 90, c);
			}
			g.setColor(c);
			g.fill(new Rectangle2D.Double(0, base + 20, W, H));
			if (l < 3) {
				Scenery.vertical(g, 0, base - 40, W, 90, alpha(p.skyBottom(), 0), alpha(p.skyBottom(), 90));
			}
		}
		Scenery.gulls(g, rng, 3, alpha(p.near(), 200));
	}

	static void market(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 500);
		Scenery.buildings(g, rng, 560, 150, 360, p.mid(), alpha(p.light(), 130), 0.35);
		Scenery.vertical(g, 0, 540, W, 360, mix(p.ground(), Color.GRAY, 0.6), mix(p.near(), Color.GRAY, 0.3));
		g.setStroke(new BasicStroke(3f));
		for (int i = 0; i < 30; i++) {
			double x = i * 56;
			g.setColor(alpha(p.near(), 200));
			g.draw(new Line2D.Double(x, 150 + Math.sin(i) * 8, x + 56, 150 + Math.sin(i + 1) * 8));
			Path2D flag = new Path2D.Double();
			flag.moveTo(x + 6, 152);
			flag.lineTo(x + 50, 152);
			flag.lineTo(x + 28, 196);
			flag.closePath();
			g.setColor(i % 3 == 0 ? p.accent1() : i % 3 == 1 ? p.accent2() : p.accent3());
			g.fill(flag);
		}
		Color[] awn = {p.accent1(), p.accent2(), p.accent3()};
		for (int s = 0; s < 4; s++) {
			double x = 40 + s * 390;
			Color c = awn[s % 3];
			g.setColor(mix(p.near(), Color.BLACK, 0.2));
			g.fill(new Rectangle2D.Double(x + 10, 420, 12, 320));
			g.fill(new Rectangle2D.Double(x + 318, 420, 12, 320));
			for (int k = 0; k < 8; k++) {
				g.setColor(k % 2 == 0 ? c : Color.WHITE);
				Path2D stripe = new Path2D.Double();
				stripe.moveTo(x + k * 42.5, 400);
				stripe.lineTo(x + (k + 1) * 42.5, 400);
				stripe.lineTo(x + (k + 1) * 42.5, 480);
				stripe.quadTo(x + (k + 0.5) * 42.5, 505, x + k * 42.5, 480);
				stripe.closePath();
				g.fill(stripe);
			}
			g.setColor(mix(p.ground(), p.near(), 0.6));
			g.fill(new Rectangle2D.Double(x, 640, 340, 110));
			Color fruit = awn[(s + 1) % 3];
			for (int k = 0; k < 3; k++) {
				g.setColor(mix(p.near(), p.accent3(), 0.2));
				g.fill(new Rectangle2D.Double(x + 15 + k * 108, 600, 96, 50));
				g.setColor(k == 1 ? mix(fruit, Color.WHITE, 0.2) : mix(fruit, p.accent1(), 0.4 * k));
				for (int f = 0; f < 5; f++) {
					g.fill(new Ellipse2D.Double(x + 18 + k * 108 + f * 17, 578 + (f % 2) * 8, 28, 28));
				}
			}
		}
	}

	static void river(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 430);
		Scenery.hills(g, rng, 450, 40, p.far());
		Scenery.hills(g, rng, 520, 40, mix(p.ground(), p.far(), 0.5));
		Path2D river = new Path2D.Double();
		double bend = (rng.nextDouble() - 0.5) * 500;
		river.moveTo(760, 500);
		river.curveTo(700 + bend, 600, 1100 - bend, 700, 500, H);
		river.lineTo(1400, H);
		river.curveTo(1300 - bend, 700, 760 + bend, 600, 840, 500);
		river.closePath();
		Scenery.vertical(g, 0, 520, W, 380, mix(p.ground(), p.far(), 0.2), p.ground());
		g.setPaint(new GradientPaint(0, 500, p.waterTop(), 0, H, p.waterBottom()));
		g.fill(river);
		g.setColor(alpha(p.light(), 90));
		for (int i = 0; i < 25; i++) {
			double y = 520 + rng.nextDouble() * 370;
			g.fill(new Rectangle2D.Double(760 + (y - 520) * 0.4 + rng.nextDouble() * 200 - 100, y, 40 + (y - 500) / 6, 3));
		}
		Color reed = mix(p.ground(), Color.BLACK, 0.35);
		g.setColor(reed);
		g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		for (int i = 0; i < 60; i++) {
			double x = i < 30 ? rng.nextDouble() * 420 : 1200 + rng.nextDouble() * 400;
			double y = 780 + rng.nextDouble() * 120;
			double h = 60 + rng.nextDouble() * 120;
			g.draw(new Line2D.Double(x, y, x + (rng.nextDouble() - 0.5) * 30, y - h));
			if (i % 4 == 0) {
				g.fill(new RoundRectangle2D.Double(x - 5, y - h - 10, 10, 34, 10, 10));
			}
		}
		for (int i = 0; i < 5; i++) {
			Scenery.roundTree(g, 80 + i * 110 + rng.nextDouble() * 40, 600, 130 + rng.nextDouble() * 60,
					mix(p.ground(), Color.BLACK, 0.3), p.near());
		}
		g.setColor(p.accent1());
		Path2D boat = new Path2D.Double();
		boat.moveTo(860, 640);
		boat.lineTo(960, 640);
		boat.lineTo(940, 662);
		boat.lineTo(880, 662);
		boat.closePath();
		g.fill(boat);
		g.fill(new Arc2D.Double(890, 610, 20, 30, 0, 180, Arc2D.CHORD));
	}
}
