package org.masthead.content.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an upload by its content (never its name), keeps the original and writes scaled JPEG
 * copies ({@link ImageVariants}). The size limits are checked from the header before any pixel is
 * decoded, so a 100,000 x 100,000 "image" costs nothing, and a picture within them is decoded
 * subsampled, one at a time, so even a 40-megapixel upload takes little heap.
 */
@Service
class ImageMediaLibrary implements MediaLibrary {

	private static final Logger log = LoggerFactory.getLogger(ImageMediaLibrary.class);

	static final int[] VARIANT_WIDTHS = { 480, 960, 1600 };

	private final JdbcClient jdbc;

	private final MediaStorage storage;

	private final Clock clock;

	private final ImageRepository images;

	private final TransactionTemplate transactions;

	private final Semaphore decodeTurn = new Semaphore(1, true);

	ImageMediaLibrary(JdbcClient jdbc, MediaStorage storage, Clock clock, ImageRepository images,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.clock = clock;
		this.images = images;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public Image store(byte[] bytes, String alt, String caption, String credit) {
		if (bytes == null || bytes.length == 0) {
			throw new MediaRejectedException("media.empty", "The file is empty.");
		}
		if (bytes.length > MAX_BYTES) {
			throw new MediaRejectedException("media.too-large", "The file is larger than 20 MB.");
		}
		// One picture is decoded at a time (each may take up to ImageVariants.DECODE_BUDGET of heap),
		// and outside the transaction, so a slow decode never holds the database's write turn.
		ImageVariants.Picture picture;
		decodeTurn.acquireUninterruptibly();
		try {
			picture = ImageVariants.make(bytes, VARIANT_WIDTHS);
		}
		finally {
			decodeTurn.release();
		}
		return transactions.execute(status -> save(bytes, picture, alt, caption, credit));
	}

	private Image save(byte[] bytes, ImageVariants.Picture picture, String alt, String caption, String credit) {
		long id = Ids.next();
		String sha = sha256(bytes);
		String base = "images/" + sha.substring(0, 2) + "/" + sha.substring(0, 16) + "-" + id;
		try {
			String originalKey = base + "." + picture.extension();
			storage.put(originalKey, bytes);
			jdbc.sql("""
					insert into media_asset (id, storage_key, content_type, width, height, byte_size, sha256, alt_text,
					  caption, credit, created_at)
					values (:id, :key, :type, :width, :height, :size, :sha, :alt, :caption, :credit, :at)""")
				.param("id", id).param("key", originalKey).param("type", "image/" + picture.format())
				.param("width", picture.width()).param("height", picture.height())
				.param("size", (long) bytes.length).param("sha", sha).param("alt", alt).param("caption", caption)
				.param("credit", credit).param("at", Times.bind(clock.instant()))
				.update();
			for (ImageVariants.Variant variant : picture.variants()) {
				String key = base + "-" + variant.width() + ".jpg";
				storage.put(key, variant.jpeg());
				jdbc.sql("""
						insert into media_variant (asset_id, width, height, storage_key, content_type)
						values (:id, :width, :height, :key, 'image/jpeg')""")
					.param("id", id).param("width", variant.width()).param("height", variant.height())
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

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
