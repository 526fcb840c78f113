package org.masthead.content.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.content.Image;
import org.masthead.content.MediaLibrary;
import org.masthead.content.Page;
import org.masthead.platform.Ids;
import org.masthead.platform.MediaStorage;
import org.masthead.platform.MediaStorageUnavailableException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks an upload by its content (never its name), keeps the original and writes scaled JPEG
 * copies with Thumbnailator. The size limits are checked from the header before any pixel is
 * decoded, so a 100,000 x 100,000 "image" costs nothing.
 */
@Service
class ImageMediaLibrary implements MediaLibrary {

	private static final Logger log = LoggerFactory.getLogger(ImageMediaLibrary.class);

	static final int[] VARIANT_WIDTHS = { 480, 960, 1600 };

	private static final List<String> FORMATS = List.of("jpeg", "png", "webp");

	private final JdbcClient jdbc;

	private final MediaStorage storage;

	private final Clock clock;

	private final ImageRepository images;

	ImageMediaLibrary(JdbcClient jdbc, MediaStorage storage, Clock clock, ImageRepository images) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.clock = clock;
		this.images = images;
	}

	@Override
	@Transactional
	public Image store(byte[] bytes, String alt, String caption, String credit) {
		if (bytes == null || bytes.length == 0) {
			throw new MediaRejectedException("media.empty", "The file is empty.");
		}
		if (bytes.length > MAX_BYTES) {
			throw new MediaRejectedException("media.too-large", "The file is larger than 20 MB.");
		}
		Decoded decoded = decode(bytes);
		long id = Ids.next();
		String sha = sha256(bytes);
		String base = "images/" + sha.substring(0, 2) + "/" + sha.substring(0, 16) + "-" + id;
		try {
			String originalKey = base + "." + decoded.extension();
			storage.put(originalKey, bytes);
			jdbc.sql("""
					insert into media_asset (id, storage_key, content_type, width, height, byte_size, sha256, alt_text,
					  caption, credit, created_at)
					values (:id, :key, :type, :width, :height, :size, :sha, :alt, :caption, :credit, :at)""")
				.param("id", id).param("key", originalKey).param("type", "image/" + decoded.format)
				.param("width", decoded.image.getWidth()).param("height", decoded.image.getHeight())
				.param("size", (long) bytes.length).param("sha", sha).param("alt", alt).param("caption", caption)
				.param("credit", credit).param("at", Times.bind(clock.instant()))
				.update();
			for (int width : VARIANT_WIDTHS) {
				if (width >= decoded.image.getWidth()) {
					continue;
				}
				BufferedImage scaled = Thumbnails.of(decoded.image).width(width).asBufferedImage();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				Thumbnails.of(scaled).scale(1).outputFormat("jpg").outputQuality(0.82).toOutputStream(out);
				String key = base + "-" + width + ".jpg";
				storage.put(key, out.toByteArray());
				jdbc.sql("""
						insert into media_variant (asset_id, width, height, storage_key, content_type)
						values (:id, :width, :height, :key, 'image/jpeg')""")
					.param("id", id).param("width", scaled.getWidth()).param("height", scaled.getHeight())
					.param("key", key)
					.update();
			}
		}
		catch (MediaStorageUnavailableException ex) {
			log.warn("Upload refused: {}", ex.getMessage());
			throw new MediaRejectedException("media.storage-unavailable",
					"The media storage cannot be reached right now, so the picture was not saved. Try again in a few minutes.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store the picture", ex);
		}
		return images.find(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Image> find(long assetId) {
		return Optional.ofNullable(images.find(assetId));
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Image> recent(int page, int size) {
		long total = jdbc.sql("select count(*) from media_asset").query(Long.class).single();
		List<Long> ids = jdbc.sql("select id from media_asset order by created_at desc, id desc limit :limit offset :offset")
			.param("limit", size).param("offset", (long) (page - 1) * size)
			.query(Long.class).list();
		Map<Long, Image> found = images.find(ids);
		return new Page<>(ids.stream().map(found::get).filter(Objects::nonNull).toList(), page, size, total);
	}

	private static Decoded decode(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
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
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					throw new MediaRejectedException("media.too-many-pixels",
							"The picture has more than 40 megapixels (" + reader.getWidth(0) + " x " + reader.getHeight(0) + ").");
				}
				BufferedImage image = reader.read(0);
				return new Decoded(format, image);
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

	private static MediaRejectedException notAnImage() {
		return new MediaRejectedException("media.not-an-image", "The file is not a JPEG, PNG or WebP picture.");
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Decoded(String format, BufferedImage image) {

		String extension() {
			return format.equals("jpeg") ? "jpg" : format;
		}

	}

}
