package org.masthead.content.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.masthead.content.Image;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Media assets as {@link Image}s. Assets are written once and their files never change, so rows
 * are kept in a small cache; {@link #forget} drops one when its words are edited.
 */
@Repository
class ImageRepository {

	static final String MEDIA_PATH = "/media/";

	private final JdbcClient jdbc;

	private final Cache<Long, Image> cache = Caffeine.newBuilder()
		.maximumSize(5_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	ImageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Image> find(Collection<Long> ids) {
		Set<Long> wanted = ids.stream().filter(id -> id != null).collect(Collectors.toSet());
		Map<Long, Image> found = new HashMap<>(cache.getAllPresent(wanted));
		wanted.removeAll(found.keySet());
		if (wanted.isEmpty()) {
			return found;
		}
		Map<Long, List<Image.Variant>> variants = new HashMap<>();
		jdbc.sql("select asset_id, width, height, storage_key from media_variant where asset_id in (:ids) order by asset_id, width")
			.param("ids", wanted)
			.query((rs, n) -> {
				variants.computeIfAbsent(rs.getLong("asset_id"), k -> new ArrayList<>())
					.add(new Image.Variant(rs.getInt("width"), rs.getInt("height"), MEDIA_PATH + rs.getString("storage_key")));
				return null;
			})
			.list();
		jdbc.sql("select id, storage_key, width, height, alt_text, caption, credit from media_asset where id in (:ids)")
			.param("ids", wanted)
			.query((rs, n) -> new Image(rs.getLong("id"), MEDIA_PATH + rs.getString("storage_key"), rs.getInt("width"),
					rs.getInt("height"), rs.getString("alt_text"), rs.getString("caption"), rs.getString("credit"),
					List.copyOf(variants.getOrDefault(rs.getLong("id"), List.of()))))
			.list()
			.forEach(image -> {
				cache.put(image.assetId(), image);
				found.put(image.assetId(), image);
			});
		return found;
	}

	Image find(Long id) {
		return id == null ? null : find(List.of(id)).get(id);
	}

	void forget(long id) {
		cache.invalidate(id);
	}

}
