package org.masthead.content;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A picture as a page shows it: the original's size, its scaled copies, and the words that go
 * with it (alt text for screen readers, caption, and the credit kept apart from the caption).
 */
public record Image(long assetId, String url, int width, int height, String alt, String caption, String credit,
		List<Variant> variants) {

	/** A scaled copy of the picture. */
	public record Variant(int width, int height, String url) {
	}

	/** The {@code srcset} attribute value: every scaled copy plus the original. */
	public String srcset() {
		String scaled = variants.stream().map(v -> v.url() + " " + v.width() + "w").collect(Collectors.joining(", "));
		String original = url + " " + width + "w";
		return scaled.isEmpty() ? original : scaled + ", " + original;
	}

	/** The smallest copy at least {@code minWidth} wide, or the original. */
	public String urlAtLeast(int minWidth) {
		return variants.stream().filter(v -> v.width() >= minWidth).map(Variant::url).findFirst().orElse(url);
	}

	/** The same picture with the words an article gave it, falling back to the library's. */
	public Image withWords(String alt, String caption, String credit) {
		return new Image(assetId, url, width, height, alt != null ? alt : this.alt,
				caption != null ? caption : this.caption, credit != null ? credit : this.credit, variants);
	}

}
