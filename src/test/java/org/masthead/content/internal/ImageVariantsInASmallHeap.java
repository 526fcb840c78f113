package org.masthead.content.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Run by {@link ImageVariantsTests} in a JVM of its own with a small heap: makes the variants of the
 * picture in the file named by the first argument and prints their sizes.
 */
final class ImageVariantsInASmallHeap {

	private ImageVariantsInASmallHeap() {
	}

	public static void main(String[] args) throws Exception {
		byte[] bytes = Files.readAllBytes(Path.of(args[0]));
		ImageVariants.Picture picture = ImageVariants.make(bytes, ImageMediaLibrary.VARIANT_WIDTHS);
		System.out.println("decoded " + picture.decodedBytes() + " bytes of pixels in a heap of "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; variants " + picture.variants().stream()
					.map(v -> v.width() + "x" + v.height()).collect(Collectors.joining(" ")));
	}

}
