package org.masthead.demo.internal;

import static org.masthead.demo.internal.Scenery.H;
import static org.masthead.demo.internal.Scenery.W;
import static org.masthead.demo.internal.Scenery.alpha;
import static org.masthead.demo.internal.Scenery.mix;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

import org.masthead.demo.internal.Scenery.Palette;

/**
 * The built-environment scenes (port, streets, public buildings) that most city and politics stories
 * use. Split from {@link Motifs} only to keep each file readable.
 */
final class CityMotifs {

	private CityMotifs() {
	}

	static void harbor(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 520);
		Scenery.hills(g, rng, 500, 40, p.far());
		Scenery.water(g, p, rng, 520);
		// container ship
		double sx = 180 + rng.nextDouble() * 300;
		Path2D hull = new Path2D.Double();
		hull.moveTo(sx, 560);
		hull.lineTo(sx + 720, 560);
		hull.lineTo(sx + 680, 640);
		hull.lineTo(sx + 40, 640);
		hull.closePath();
		g.setColor(p.near());
		g.fill(hull);
		g.setColor(p.accent1());
		g.fill(new Rectangle2D.Double(sx + 20, 596, 690, 10));
		Color[] boxes = {p.accent1(), p.accent2(), p.accent3(), mix(p.accent1(), Color.WHITE, 0.3)};
		for (int col = 0; col < 12; col++) {
			int stack = 1 + rng.nextInt(3);
			for (int r = 0; r < stack; r++) {
				g.setColor(boxes[rng.nextInt(boxes.length)]);
				g.fill(new Rectangle2D.Double(sx + 110 + col * 46, 530 - r * 30, 44, 28));
			}
		}
		g.setColor(mix(p.near(), Color.WHITE, 0.75));
		g.fill(new Rectangle2D.Double(sx + 40, 470, 60, 90));
		g.setColor(p.near());
		g.fill(new Rectangle2D.Double(sx + 50, 485, 40, 8));
		// quay and cranes
		g.setColor(mix(p.near(), p.ground(), 0.3));
		g.fill(new Rectangle2D.Double(0, 700, W, 200));
		g.setColor(alpha(Color.BLACK, 40));
		g.fill(new Rectangle2D.Double(0, 700, W, 14));
		g.setColor(p.accent3());
		g.fill(new Rectangle2D.Double(0, 760, W, 8));
		for (int x = 40; x < W; x += 210) {
			g.setColor(mix(p.near(), Color.BLACK, 0.4));
			g.fill(new RoundRectangle2D.Double(x, 716, 26, 30, 10, 10));
		}
		Scenery.vertical(g, 0, 780, W, 120, alpha(Color.BLACK, 0), alpha(Color.BLACK, 60));
		for (int i = 0; i < 3; i++) {
			crane(g, 1000 + i * 190, 700, 1 - i * 0.12, i == 0 ? p.accent1() : p.accent2());
		}
		for (int i = 0; i < 9; i++) {
			g.setColor(boxes[rng.nextInt(boxes.length)]);
			g.fill(new Rectangle2D.Double(60 + i * 96, 640 + (i % 2) * 30, 90, i % 2 == 0 ? 60 : 30));
		}
		Scenery.gulls(g, rng, 5, alpha(p.near(), 200));
	}

	static void crane(Graphics2D g, double x, double base, double s, Color c) {
		g.setColor(c);
		g.setStroke(new BasicStroke((float) (10 * s)));
		double top = base - 380 * s;
		g.draw(new Line2D.Double(x - 60 * s, base, x - 60 * s, top));
		g.draw(new Line2D.Double(x + 60 * s, base, x + 60 * s, top));
		g.draw(new Line2D.Double(x - 60 * s, base - 150 * s, x + 60 * s, base - 150 * s));
		g.draw(new Line2D.Double(x - 60 * s, base - 150 * s, x + 60 * s, top + 40 * s));
		g.fill(new Rectangle2D.Double(x - 330 * s, top - 16 * s, 470 * s, 22 * s));
		g.fill(new Rectangle2D.Double(x + 40 * s, top - 70 * s, 50 * s, 60 * s));
		g.setStroke(new BasicStroke((float) (3 * s)));
		g.draw(new Line2D.Double(x + 65 * s, top - 70 * s, x - 300 * s, top - 16 * s));
		g.draw(new Line2D.Double(x - 250 * s, top + 6 * s, x - 250 * s, top + 160 * s));
		g.fill(new Rectangle2D.Double(x - 275 * s, top + 160 * s, 50 * s, 14 * s));
	}

	static void bridge(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 500);
		Scenery.buildings(g, rng, 520, 60, 200, p.far(), alpha(p.light(), 120), 0.25);
		Scenery.water(g, p, rng, 520);
		double deck = 470;
		Color stone = mix(p.mid(), p.accent3(), 0.15);
		g.setColor(stone);
		Area area = new Area(new Rectangle2D.Double(-10, deck, W + 20, 170));
		for (int i = 0; i < 4; i++) {
			double cx = 200 + i * 400;
			area.subtract(new Area(new Ellipse2D.Double(cx - 165, deck + 50, 330, 330)));
		}
		g.fill(area);
		// reflection
		g.setColor(alpha(stone, 70));
		Area refl = new Area(area);
		refl.transform(new AffineTransform(1, 0, 0, -0.5, 0, (deck + 170) * 1.5));
		g.fill(refl);
		g.setColor(mix(stone, Color.BLACK, 0.25));
		g.fill(new Rectangle2D.Double(-10, deck - 18, W + 20, 20));
		for (int x = 0; x < W; x += 40) {
			g.fill(new Rectangle2D.Double(x, deck - 50, 6, 34));
		}
		g.fill(new Rectangle2D.Double(0, deck - 52, W, 6));
		for (int i = 0; i < 5; i++) {
			double lx = i * 400;
			g.fill(new Rectangle2D.Double(lx - 3, deck - 120, 6, 100));
			g.setColor(p.light());
			g.fill(new Ellipse2D.Double(lx - 12, deck - 134, 24, 24));
			g.setColor(mix(stone, Color.BLACK, 0.25));
		}
		if (rng.nextBoolean()) {
			tramBody(g, 300 + rng.nextDouble() * 600, deck - 18, 0.55, p);
		}
		Scenery.gulls(g, rng, 4, alpha(p.near(), 180));
	}

	static void tram(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 560);
		Scenery.buildings(g, rng, 700, 220, 520, p.mid(), alpha(p.light(), 150), 0.45);
		Scenery.buildings(g, rng, 700, 90, 260, mix(p.mid(), p.near(), 0.5), alpha(p.light(), 170), 0.5);
		Scenery.vertical(g, 0, 690, W, 210, mix(p.near(), Color.GRAY, 0.4), mix(p.near(), Color.BLACK, 0.2));
		g.setColor(mix(p.near(), Color.WHITE, 0.5));
		g.fill(new Rectangle2D.Double(0, 686, W, 10));
		g.setColor(alpha(Color.LIGHT_GRAY, 200));
		g.fill(new Rectangle2D.Double(0, 792, W, 7));
		g.fill(new Rectangle2D.Double(0, 820, W, 7));
		g.setColor(alpha(Color.DARK_GRAY, 220));
		g.setStroke(new BasicStroke(3f));
		g.draw(new Line2D.Double(0, 300, W, 300));
		for (int x = 120; x < W; x += 520) {
			g.fill(new Rectangle2D.Double(x, 280, 12, 410));
		}
		tramBody(g, 280 + rng.nextDouble() * 250, 792, 1.45, p);
	}

	/** Side view of a tram standing on rails at {@code railY}. */
	static void tramBody(Graphics2D g, double x, double railY, double s, Palette p) {
		double w = 700 * s;
		double h = 150 * s;
		double top = railY - h - 26 * s;
		Color body = p.accent1();
		g.setColor(Color.DARK_GRAY);
		g.setStroke(new BasicStroke((float) (4 * s)));
		g.draw(new Line2D.Double(x + w * 0.4, top, x + w * 0.5, top - 60 * s));
		g.draw(new Line2D.Double(x + w * 0.6, top, x + w * 0.5, top - 60 * s));
		g.setColor(body);
		g.fill(new RoundRectangle2D.Double(x, top, w, h, 60 * s, 60 * s));
		g.setColor(mix(body, Color.WHITE, 0.75));
		g.fill(new Rectangle2D.Double(x, top + h * 0.62, w, h * 0.12));
		g.setColor(mix(p.near(), p.skyTop(), 0.35));
		for (double wx = x + 70 * s; wx < x + w - 90 * s; wx += 82 * s) {
			g.fill(new RoundRectangle2D.Double(wx, top + 20 * s, 64 * s, 58 * s, 12 * s, 12 * s));
		}
		g.fill(new RoundRectangle2D.Double(x + 12 * s, top + 20 * s, 44 * s, 58 * s, 22 * s, 12 * s));
		g.fill(new RoundRectangle2D.Double(x + w - 56 * s, top + 20 * s, 44 * s, 58 * s, 22 * s, 12 * s));
		g.setColor(mix(body, Color.BLACK, 0.3));
		for (double dx : new double[] {0.22, 0.74}) {
			g.fill(new Rectangle2D.Double(x + w * dx, top + 18 * s, 40 * s, h - 22 * s));
		}
		g.setColor(Color.DARK_GRAY);
		for (double wx : new double[] {0.12, 0.26, 0.74, 0.88}) {
			g.fill(new Ellipse2D.Double(x + w * wx - 16 * s, railY - 34 * s, 32 * s, 32 * s));
		}
		g.setColor(p.light());
		g.fill(new Ellipse2D.Double(x + w - 22 * s, top + h * 0.8, 12 * s, 12 * s));
	}

	static void skyline(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 600);
		Scenery.buildings(g, rng, 640, 180, 420, p.far(), alpha(p.light(), 90), 0.2);
		Scenery.buildings(g, rng, 640, 100, 300, p.mid(), alpha(p.light(), 160), 0.35);
		double tx = 300 + rng.nextDouble() * 1000;
		g.setColor(p.mid());
		g.fill(new Rectangle2D.Double(tx - 8, 140, 16, 500));
		g.fill(new Ellipse2D.Double(tx - 34, 250, 68, 40));
		g.setColor(p.accent1());
		g.fill(new Ellipse2D.Double(tx - 6, 128, 12, 12));
		Scenery.buildings(g, rng, 660, 40, 140, p.near(), alpha(p.light(), 200), 0.4);
		Scenery.water(g, p, rng, 660);
	}

	static void parliament(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 700);
		Scenery.buildings(g, rng, 700, 80, 220, alpha(p.far(), 200), alpha(p.light(), 80), 0.15);
		Color stone = mix(p.light(), p.far(), 0.35);
		Color shade = mix(stone, p.near(), 0.35);
		double cx = W / 2.0;
		g.setColor(stone);
		g.fill(new Ellipse2D.Double(cx - 150, 150, 300, 260));
		g.setColor(shade);
		g.fill(new Rectangle2D.Double(cx - 170, 270, 340, 60));
		g.fill(new Rectangle2D.Double(cx - 6, 100, 12, 60));
		g.setColor(p.accent1());
		g.fill(new Rectangle2D.Double(cx + 6, 100, 60, 36));
		g.setColor(stone);
		g.fill(new Rectangle2D.Double(cx - 560, 380, 1120, 300));
		Path2D ped = new Path2D.Double();
		ped.moveTo(cx - 330, 380);
		ped.lineTo(cx, 300);
		ped.lineTo(cx + 330, 380);
		ped.closePath();
		g.fill(ped);
		g.setColor(shade);
		g.fill(new Rectangle2D.Double(cx - 340, 380, 680, 24));
		for (int i = 0; i < 8; i++) {
			double x = cx - 300 + i * 84;
			g.setColor(shade);
			g.fill(new Rectangle2D.Double(x, 404, 36, 250));
			g.setColor(alpha(Color.WHITE, 60));
			g.fill(new Rectangle2D.Double(x + 4, 404, 10, 250));
		}
		g.setColor(shade);
		for (int side = -1; side <= 1; side += 2) {
			for (int i = 0; i < 3; i++) {
				double wx = cx + side * (400 + i * 50) - 16;
				g.fill(new RoundRectangle2D.Double(wx, 440, 32, 70, 30, 30));
				g.fill(new RoundRectangle2D.Double(wx, 560, 32, 70, 30, 30));
			}
		}
		for (int s = 0; s < 4; s++) {
			g.setColor(mix(stone, shade, s / 4.0));
			g.fill(new Rectangle2D.Double(cx - 380 - s * 30, 654 + s * 14, 760 + s * 60, 16));
		}
		Scenery.vertical(g, 0, 710, W, 190, p.ground(), mix(p.ground(), Color.BLACK, 0.3));
		for (int i = 0; i < 4; i++) {
			double tx = i < 2 ? 90 + i * 150 : W - 90 - (i - 2) * 150;
			Scenery.roundTree(g, tx, 760, 240, mix(p.ground(), Color.BLACK, 0.3), p.near());
		}
	}

	static void factory(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 600);
		Scenery.hills(g, rng, 600, 30, p.far());
		for (int i = 0; i < 3; i++) {
			double x = 250 + i * 170;
			g.setColor(p.mid());
			g.fill(new Rectangle2D.Double(x, 220 + i * 40, 46, 420));
			g.setColor(p.accent1());
			g.fill(new Rectangle2D.Double(x, 250 + i * 40, 46, 14));
			for (int k = 0; k < 5; k++) {
				double r = 40 + k * 22;
				g.setColor(alpha(Color.WHITE, 150 - k * 25));
				g.fill(new Ellipse2D.Double(x + 20 + k * 60 - r / 2, 190 + i * 40 - k * 35 - r / 2, r, r));
			}
		}
		Color shed = mix(p.near(), p.mid(), 0.3);
		Path2D roof = new Path2D.Double();
		roof.moveTo(80, 720);
		for (int i = 0; i < 8; i++) {
			double x = 80 + i * 180;
			roof.lineTo(x, 480);
			roof.lineTo(x + 180, 560);
		}
		roof.lineTo(1520, 720);
		roof.closePath();
		g.setColor(shed);
		g.fill(roof);
		g.setColor(mix(p.light(), p.skyTop(), 0.4));
		for (int i = 0; i < 8; i++) {
			g.fill(new Rectangle2D.Double(80 + i * 180 + 2, 488, 10, 70));
		}
		g.setColor(alpha(p.light(), 200));
		for (int i = 0; i < 14; i++) {
			g.fill(new Rectangle2D.Double(120 + i * 98, 610, 60, 40));
		}
		Scenery.vertical(g, 0, 720, W, 180, mix(p.ground(), Color.GRAY, 0.5), mix(p.near(), Color.BLACK, 0.3));
		g.setColor(alpha(p.near(), 220));
		g.setStroke(new BasicStroke(3f));
		for (int x = 0; x < W; x += 24) {
			g.draw(new Line2D.Double(x, 760, x, 860));
		}
		g.draw(new Line2D.Double(0, 770, W, 770));
		g.draw(new Line2D.Double(0, 850, W, 850));
	}

	static void school(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 640);
		Scenery.hills(g, rng, 640, 30, p.far());
		Color brick = mix(p.accent1(), new Color(170, 80, 60), 0.6);
		double cx = W / 2.0;
		g.setColor(brick);
		g.fill(new Rectangle2D.Double(cx - 600, 400, 1200, 320));
		g.fill(new Rectangle2D.Double(cx - 90, 230, 180, 200));
		Path2D roof = new Path2D.Double();
		roof.moveTo(cx - 120, 235);
		roof.lineTo(cx, 140);
		roof.lineTo(cx + 120, 235);
		roof.closePath();
		g.setColor(mix(p.near(), brick, 0.3));
		g.fill(roof);
		g.fill(new Rectangle2D.Double(cx - 620, 380, 1240, 30));
		g.setColor(Color.WHITE);
		g.fill(new Ellipse2D.Double(cx - 50, 260, 100, 100));
		g.setColor(p.near());
		g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		double hh = rng.nextDouble() * Math.PI * 2;
		g.draw(new Line2D.Double(cx, 310, cx + Math.cos(hh) * 26, 310 + Math.sin(hh) * 26));
		g.draw(new Line2D.Double(cx, 310, cx + Math.cos(hh * 3) * 38, 310 + Math.sin(hh * 3) * 38));
		Color glass = mix(p.skyTop(), Color.WHITE, 0.35);
		for (int row = 0; row < 2; row++) {
			for (int i = 0; i < 10; i++) {
				double x = cx - 560 + i * 112 + (i >= 5 ? 60 : 0);
				if (i == 4 || i == 5) {
					continue;
				}
				g.setColor(glass);
				g.fill(new Rectangle2D.Double(x, 440 + row * 140, 70, 90));
				g.setColor(Color.WHITE);
				g.fill(new Rectangle2D.Double(x + 33, 440 + row * 140, 4, 90));
				g.fill(new Rectangle2D.Double(x, 482 + row * 140, 70, 4));
			}
		}
		g.setColor(mix(p.near(), Color.BLACK, 0.2));
		g.fill(new RoundRectangle2D.Double(cx - 70, 560, 140, 160, 60, 60));
		Scenery.vertical(g, 0, 720, W, 180, p.ground(), mix(p.ground(), Color.BLACK, 0.3));
		Path2D path = new Path2D.Double();
		path.moveTo(cx - 70, 720);
		path.lineTo(cx + 70, 720);
		path.lineTo(cx + 260, H);
		path.lineTo(cx - 260, H);
		path.closePath();
		g.setColor(mix(p.light(), Color.GRAY, 0.4));
		g.fill(path);
		Scenery.roundTree(g, 120, 780, 300, mix(p.ground(), Color.BLACK, 0.35), p.near());
		Scenery.roundTree(g, 1480, 790, 280, mix(p.ground(), Color.BLACK, 0.25), p.near());
	}

	static void stadium(Graphics2D g, Palette p, Random rng) {
		Scenery.sky(g, p, rng, 420);
		Scenery.buildings(g, rng, 440, 40, 160, p.far(), alpha(p.light(), 80), 0.2);
		double cx = W / 2.0;
		g.setColor(mix(p.mid(), p.accent2(), 0.3));
		g.fill(new Ellipse2D.Double(cx - 900, 330, 1800, 760));
		Color[] seats = {p.accent1(), p.accent2(), mix(p.accent1(), Color.WHITE, 0.3)};
		for (int r = 0; r < 6; r++) {
			g.setColor(seats[r % 3]);
			g.setStroke(new BasicStroke(14f));
			g.draw(new Ellipse2D.Double(cx - 860 + r * 40, 360 + r * 26, 1720 - r * 80, 700 - r * 52));
		}
		g.setColor(mix(p.ground(), new Color(60, 150, 70), 0.6));
		Ellipse2D pitch = new Ellipse2D.Double(cx - 600, 530, 1200, 460);
		g.fill(pitch);
		Shape old = g.getClip();
		g.clip(pitch);
		for (int i = 0; i < 12; i++) {
			g.setColor(i % 2 == 0 ? alpha(Color.WHITE, 25) : alpha(Color.BLACK, 15));
			g.fill(new Rectangle2D.Double(cx - 600 + i * 100, 530, 100, 460));
		}
		g.setClip(old);
		g.setColor(alpha(Color.WHITE, 220));
		g.setStroke(new BasicStroke(5f));
		g.draw(new Line2D.Double(cx, 560, cx, 900));
		g.draw(new Ellipse2D.Double(cx - 90, 680, 180, 110));
		g.draw(new Rectangle2D.Double(cx - 520, 620, 1040, 320));
		for (int side = -1; side <= 1; side += 2) {
			double x = cx + side * 720;
			g.setColor(p.near());
			g.fill(new Rectangle2D.Double(x - 8, 130, 16, 340));
			g.fill(new Rectangle2D.Double(x - 70, 100, 140, 70));
			g.setColor(p.light());
			for (int k = 0; k < 6; k++) {
				g.fill(new Ellipse2D.Double(x - 62 + (k % 3) * 44, 106 + (k / 3) * 30, 36, 26));
			}
		}
	}
}
