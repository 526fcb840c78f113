package org.masthead.newsfeed.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.Page;
import org.masthead.newsfeed.InvalidNewsFeedItemException;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedChange;
import org.masthead.newsfeed.NewsFeedChange.Kind;
import org.masthead.newsfeed.NewsFeedChanged;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.masthead.newsfeed.NewsFeedProperties;
import org.masthead.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The news feed in the database. Every change writes the item and a numbered change row in one
 * transaction; {@link NewsFeedChanged} goes out once it is committed.
 */
@Service
class JdbcNewsFeed implements NewsFeed {

	private static final String COLUMNS = "i.id, i.posted_at, i.headline, i.body, i.article_slug, i.breaking, i.pinned, i.updated_at, i.posted_by";

	private static final String NEWEST = " order by i.posted_at desc, i.id desc ";

	private static final int MAX_PINNED = 2;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final ArticleCatalog catalog;

	private final Clock clock;

	private final NewsFeedProperties properties;

	JdbcNewsFeed(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			ArticleCatalog catalog, Clock clock, NewsFeedProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.events = events;
		this.catalog = catalog;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public Page<NewsFeedItem> page(int page, int size) {
		long total = jdbc.sql("select count(*) from news_feed_item").query(Long.class).single();
		List<NewsFeedItem> items = jdbc.sql("select " + COLUMNS + " from news_feed_item i" + NEWEST + "limit :limit offset :offset")
			.param("limit", size)
			.param("offset", (long) (page - 1) * size)
			.query(JdbcNewsFeed::item)
			.list();
		return new Page<>(items, page, size, total);
	}

	@Override
	public List<NewsFeedItem> pinned() {
		return jdbc.sql("select " + COLUMNS + " from news_feed_item i where i.pinned = :yes" + NEWEST + "limit :limit")
			.param("yes", true)
			.param("limit", MAX_PINNED)
			.query(JdbcNewsFeed::item)
			.list();
	}

	@Override
	public List<NewsFeedItem> column(int size) {
		List<NewsFeedItem> items = new ArrayList<>(pinned());
		items.addAll(jdbc.sql("select " + COLUMNS + " from news_feed_item i where i.pinned = :no" + NEWEST + "limit :limit")
			.param("no", false)
			.param("limit", Math.max(0, size - items.size()))
			.query(JdbcNewsFeed::item)
			.list());
		return items;
	}

	@Override
	public Optional<NewsFeedItem> item(long id) {
		return jdbc.sql("select " + COLUMNS + " from news_feed_item i where i.id = :id")
			.param("id", id)
			.query(JdbcNewsFeed::item)
			.optional();
	}

	@Override
	public Optional<NewsFeedItem> breaking() {
		return jdbc.sql("select " + COLUMNS + " from news_feed_item i where i.breaking = :yes and i.posted_at > :since"
				+ NEWEST + "limit 1")
			.param("yes", true)
			.param("since", Timestamp.from(clock.instant().minus(properties.breakingFor())))
			.query(JdbcNewsFeed::item)
			.optional();
	}

	@Override
	public long post(NewsFeedItemDraft draft, String postedBy) {
		NewsFeedItemDraft checked = check(draft);
		long id = Ids.next();
		change(() -> {
			Instant now = clock.instant();
			jdbc.sql("""
					insert into news_feed_item (id, posted_at, headline, body, article_slug, breaking, pinned, posted_by, created_at)
					values (:id, :postedAt, :headline, :body, :slug, :breaking, :pinned, :postedBy, :now)""")
				.param("id", id)
				.param("postedAt", Timestamp.from(checked.postedAt()))
				.param("headline", checked.headline())
				.param("body", checked.body())
				.param("slug", checked.articleSlug())
				.param("breaking", checked.breaking())
				.param("pinned", checked.pinned())
				.param("postedBy", postedBy == null || postedBy.isBlank() ? "Newsroom" : truncate(postedBy, 200))
				.param("now", Timestamp.from(now))
				.update();
			return record(id, Kind.POSTED, checked.breaking());
		});
		return id;
	}

	@Override
	public boolean edit(long id, NewsFeedItemDraft draft) {
		NewsFeedItemDraft checked = check(draft);
		return change(() -> {
			Boolean wasBreaking = jdbc.sql("select breaking from news_feed_item where id = :id")
				.param("id", id)
				.query(Boolean.class)
				.optional()
				.orElse(null);
			if (wasBreaking == null) {
				return null;
			}
			jdbc.sql("""
					update news_feed_item set posted_at = :postedAt, headline = :headline, body = :body, article_slug = :slug,
					  breaking = :breaking, pinned = :pinned, updated_at = :now where id = :id""")
				.param("id", id)
				.param("postedAt", Timestamp.from(draft.postedAt() == null ? postedAt(id) : checked.postedAt()))
				.param("headline", checked.headline())
				.param("body", checked.body())
				.param("slug", checked.articleSlug())
				.param("breaking", checked.breaking())
				.param("pinned", checked.pinned())
				.param("now", Timestamp.from(clock.instant()))
				.update();
			return record(id, Kind.EDITED, wasBreaking || checked.breaking());
		}) != null;
	}

	@Override
	public boolean delete(long id) {
		return change(() -> {
			Boolean wasBreaking = jdbc.sql("select breaking from news_feed_item where id = :id")
				.param("id", id)
				.query(Boolean.class)
				.optional()
				.orElse(null);
			if (wasBreaking == null) {
				return null;
			}
			jdbc.sql("delete from news_feed_item where id = :id").param("id", id).update();
			return record(id, Kind.DELETED, wasBreaking);
		}) != null;
	}

	@Override
	public List<NewsFeedChange> changesAfter(long seq, int limit) {
		return jdbc.sql("select c.seq, c.item_id, c.kind, c.occurred_at, " + COLUMNS
				+ " from news_feed_change c left join news_feed_item i on i.id = c.item_id where c.seq > :seq order by c.seq limit :limit")
			.param("seq", seq)
			.param("limit", limit)
			.query((rs, n) -> {
				rs.getLong("id");
				NewsFeedItem item = rs.wasNull() ? null : item(rs, n);
				return new NewsFeedChange(rs.getLong("seq"), rs.getLong("item_id"), Kind.valueOf(rs.getString("kind")),
						rs.getTimestamp("occurred_at").toInstant(), item);
			})
			.list();
	}

	@Override
	public long lastChange() {
		return jdbc.sql("select coalesce(max(seq), 0) from news_feed_change").query(Long.class).single();
	}

	private NewsFeedItemDraft check(NewsFeedItemDraft draft) {
		NewsFeedItemDraft checked = NewsFeedRules.check(draft, clock.instant());
		if (checked.articleSlug() != null && catalog.summaries(List.of(checked.articleSlug())).isEmpty()) {
			throw new InvalidNewsFeedItemException(Map.of("articleSlug",
					"No published article has the address /" + checked.articleSlug() + "/."));
		}
		return checked;
	}

	private Instant postedAt(long id) {
		return jdbc.sql("select posted_at from news_feed_item where id = :id").param("id", id)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
	}

	/** Writes the change row; its number is taken in the same statement, after every committed one. */
	private NewsFeedChanged record(long itemId, Kind kind, boolean breaking) {
		jdbc.sql("""
				insert into news_feed_change (seq, item_id, kind, occurred_at)
				select coalesce(max(seq), 0) + 1, :item, :kind, :now from news_feed_change""")
			.param("item", itemId)
			.param("kind", kind.name())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		long seq = jdbc.sql("select max(seq) from news_feed_change").query(Long.class).single();
		NewsFeedChanged changed = new NewsFeedChanged(seq, itemId, kind, breaking);
		events.publishEvent(changed);
		return changed;
	}

	/**
	 * Runs a change in its own transaction, again when a concurrent writer took the same change
	 * number (PostgreSQL: the loser fails on the primary key once the winner commits).
	 */
	private NewsFeedChanged change(java.util.function.Supplier<NewsFeedChanged> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> work.get());
			}
			catch (DuplicateKeyException ex) {
				if (attempt >= 10) {
					throw ex;
				}
			}
		}
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	static NewsFeedItem item(ResultSet rs, int row) throws SQLException {
		Timestamp updated = rs.getTimestamp("updated_at");
		return new NewsFeedItem(rs.getLong("id"), rs.getTimestamp("posted_at").toInstant(), rs.getString("headline"),
				rs.getString("body"), rs.getString("article_slug"), rs.getBoolean("breaking"), rs.getBoolean("pinned"),
				updated == null ? null : updated.toInstant(), rs.getString("posted_by"));
	}

}
