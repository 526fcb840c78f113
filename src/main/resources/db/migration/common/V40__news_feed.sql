-- News feed: short timestamped items, and the numbered changes live pages follow. Ids come from the
-- application; times are bound from Instant, never defaulted here.
create table news_feed_item (
    id bigint primary key,
    posted_at timestamp with time zone not null,
    headline varchar(200) not null,
    body varchar(1000) not null,
    article_slug varchar(200),
    breaking boolean not null,
    pinned boolean not null,
    posted_by varchar(200) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone
);
create index news_feed_item_newest on news_feed_item (posted_at desc, id desc);
create index news_feed_item_breaking on news_feed_item (breaking, posted_at desc);

-- One row per posted, edited or deleted item. seq is max(seq) + 1, taken in the inserting statement,
-- so a change becomes visible only after every change with a lower number (a concurrent writer that
-- took the same number fails on the primary key and retries): a browser that resumes after the
-- last seq it saw (Last-Event-ID) misses nothing.
create table news_feed_change (
    seq bigint primary key,
    item_id bigint not null,
    kind varchar(10) not null,
    occurred_at timestamp with time zone not null
);
