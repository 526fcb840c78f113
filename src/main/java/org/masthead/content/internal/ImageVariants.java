package org.masthead.content.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

import org.masthead.content.MediaLibrary;
import org.masthead.content.MediaLibrary.MediaRejectedException;

/**
 * Reads an uploaded picture and makes its variants (scaled JPEG copies) without ever holding the
 * full-size pixels: the picture is decoded with source subsampling (every n-th pixel of every n-th
 * row) to at most {@link #DECODE_BUDGET} bytes of pixels, which still leaves it at least twice as wide
 * as the largest variant when the budget allows. A 40-megapixel JPEG decoded whole takes 120 MB of
 * heap (160 MB as a PNG with transparency); decoded this way it takes under 24 MB, so uploads are
 * safe on a small heap. The variants are made largest first, each from the one before, so every
 * scaling step stays small (Thumbnailator's multi-step scaling allocates a scratch image of its
 * source's size).
 */
final class ImageVariants {

	/** The most bytes of decoded pixels one upload may take on the heap. */
	static final long DECODE_BUDGET = 24L * 1024 * 1024;

	/** The most heap a WebP decode may take (see {@link #checkWebPCost}). */
	static final long WEBP_DECODE_BUDGET = 48L * 1024 * 1024;

	/** Heap a lossy WebP pixel takes while decoded, measured: a 4-megapixel picture needed 96-128 MB. */
	static final int WEBP_LOSSY_BYTES_PER_PIXEL = 30;

	/** Heap a lossless WebP pixel takes while decoded, measured: a 10-megapixel picture fit in 64 MB. */
	static final int WEBP_LOSSLESS_BYTES_PER_PIXEL = 6;

	private static final List<String> FORMATS = List.of("jpeg", "png", "webp");

	private ImageVariants() {
	}

	/**
	 * A checked picture: its format and full size (from its header), the bytes its decoded pixels
	 * took, and its variants, widest first.
	 */
	record Picture(String format, int width, int height, long decodedBytes, List<Variant> variants) {

		String extension() {
			return format.equals("jpeg") ? "jpg" : format;
		}

	}

	/** A scaled JPEG copy. */
	record Variant(int width, int height, byte[] jpeg) {
	}

	/**
	 * Checks the bytes are a JPEG, PNG or WebP picture of at most 40 megapixels (from its header,
	 * before any pixel is decoded) and makes a variant for each of {@code widths} narrower than the
	 * picture.
	 *
	 * @throws MediaRejectedException when it is not such a picture
	 */
	static Picture make(byte[] bytes, int[] widths) {
		try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw notAnImage();
			}
			ImageReader reader = readers.next();
			try {
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				if (format.equals("jpg")) {
					format = "jpeg";
				}
				if (!FORMATS.contains(format)) {
					throw new MediaRejectedException("media.unsupported-format",
							"Only JPEG, PNG and WebP pictures can be uploaded, not " + format.toUpperCase(Locale.ROOT) + ".");
				}
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > MediaLibrary.MAX_PIXELS) {
					throw new MediaRejectedException("media.too-many-pixels",
							"The picture has more than 40 megapixels (" + width + " x " + height + ").");
				}
				if (format.equals("webp")) {
					checkWebPCost(bytes, width, height);
				}
				int widest = 0;
				for (int w : widths) {
					if (w < width) {
						widest = Math.max(widest, w);
					}
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = subsampling(width, height, bytesPerPixel(reader), widest);
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				BufferedImage decoded = reader.read(0, param);
				long decodedBytes = bytes(decoded);
				return new Picture(format, width, height, decodedBytes, variants(decoded, width, height, widths));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof MediaRejectedException rejected) {
				throw rejected;
			}
			throw notAnImage();
		}
	}

	/**
	 * The subsampling step: the smallest that keeps the decoded pixels within the budget, and no
	 * smaller than needed to leave the picture twice as wide as its widest variant (a finer decode
	 * would be scaled away anyway).
	 */
	static int subsampling(int width, int height, int bytesPerPixel, int widestVariant) {
		int step = widestVariant > 0 ? Math.max(1, width / (2 * widestVariant)) : 1;
		while (step < Math.max(width, height)
				&& (long) ceilDiv(width, step) * ceilDiv(height, step) * bytesPerPixel > DECODE_BUDGET) {
			step++;
		}
		return step;
	}

	/**
	 * WebP is the exception: its decoder (TwelveMonkeys) holds the whole picture whatever the
	 * subsampling, a lossy one as macroblock objects of about 30 bytes a pixel (a 4-megapixel photo
	 * needs over 96 MB of heap; a 40-megapixel one did not fit in 256 MB), a lossless one as a
	 * full-size raster of 4 bytes a pixel plus its work. So a WebP picture is refused when that would
	 * take more than {@link #WEBP_DECODE_BUDGET}, with the limit for its kind in the message.
	 */
	private static void checkWebPCost(byte[] bytes, int width, int height) {
		int perPixel = isLosslessWebP(bytes) ? WEBP_LOSSLESS_BYTES_PER_PIXEL : WEBP_LOSSY_BYTES_PER_PIXEL;
		if ((long) width * height * perPixel > WEBP_DECODE_BUDGET) {
			throw new MediaRejectedException("media.webp-too-many-pixels", String.format(Locale.ROOT,
					"A WebP picture can have at most %.1f megapixels here (this one is %d x %d). Save it as JPEG or PNG"
							+ " to upload it at this size.",
					WEBP_DECODE_BUDGET / (double) perPixel / 1_000_000, width, height));
		}
	}

	/** Whether the first image chunk of a WebP file is lossless ("VP8L") rather than lossy ("VP8 "). */
	static boolean isLosslessWebP(byte[] bytes) {
		long at = 12; // after "RIFF", the size and "WEBP"
		while (at + 8 <= bytes.length) {
			int i = (int) at;
			String chunk = new String(bytes, i, 4, java.nio.charset.StandardCharsets.US_ASCII);
			if (chunk.equals("VP8L")) {
				return true;
			}
			if (chunk.equals("VP8 ")) {
				return false;
			}
			long size = (bytes[i + 4] & 0xFFL) | (bytes[i + 5] & 0xFFL) << 8 | (bytes[i + 6] & 0xFFL) << 16
					| (bytes[i + 7] & 0xFFL) << 24;
			at += 8 + size + (size & 1);
		}
		return false;
	}

	/** Bytes a decoded pixel takes on the heap, from the type the reader decodes into. */
	private static int bytesPerPixel(ImageReader reader) throws IOException {
		Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
		if (types == null || !types.hasNext()) {
			return 4;
		}
		SampleModel model = types.next().getSampleModel(1, 1);
		int bits = DataBuffer.getDataTypeSize(model.getDataType()) * model.getNumDataElements();
		return Math.max(1, (bits + 7) / 8);
	}

	private static long bytes(BufferedImage image) {
		DataBuffer buffer = image.getRaster().getDataBuffer();
		return (long) buffer.getSize() * buffer.getNumBanks() * DataBuffer.getDataTypeSize(buffer.getDataType()) / 8;
	}

	/**
	 * Scales widest first, each variant from the one before, so each step shrinks what is held.
	 * Heights come from the picture's full size, so subsampling's rounding never changes them; a
	 * variant is never wider than what was decoded (only a very long strip decodes narrower).
	 */
	private static List<Variant> variants(BufferedImage decoded, int width, int height, int[] widths) throws IOException {
		int[] sorted = widths.clone();
		java.util.Arrays.sort(sorted);
		List<Variant> variants = new ArrayList<>();
		BufferedImage source = decoded;
		for (int i = sorted.length - 1; i >= 0; i--) {
			int w = sorted[i];
			if (w >= width || w > decoded.getWidth()) {
				continue;
			}
			int h = Math.max(1, Math.round((float) height * w / width));
			BufferedImage scaled = Thumbnails.of(source).forceSize(w, h).asBufferedImage();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Thumbnails.of(scaled).scale(1).outputFormat("jpg").outputQuality(0.82).toOutputStream(out);
			variants.add(new Variant(w, h, out.toByteArray()));
			source = scaled;
		}
		return List.copyOf(variants);
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}

	private static MediaRejectedException notAnImage() {
		return new MediaRejectedException("media.not-an-image", "The file is not a JPEG, PNG or WebP picture.");
	}

}
