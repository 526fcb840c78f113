-- Audio narration (module audio). Times are bound from the application, never defaulted here.

-- What audio knows of each published article: enough to narrate it, list it in the newsroom and
-- the podcast feed, and a request to look at it again after it changed.
create table narration_article (
    article_id bigint primary key,
    slug varchar(200) not null,
    headline varchar(1000),
    dek varchar(2000),
    language varchar(35),
    section_slug varchar(200),
    published boolean not null,
    first_published_at timestamp with time zone,
    voice varchar(120),
    current_hash varchar(64),
    refresh_requested_at timestamp with time zone,
    forced boolean not null,
    updated_at timestamp with time zone not null
);
create index narration_article_refresh on narration_article (refresh_requested_at);
create index narration_article_published on narration_article (published, first_published_at);

-- One narration per (article, hash of spoken text and voice): PENDING -> READY | FAILED, or NO_VOICE.
create table narration (
    id bigint primary key,
    article_id bigint not null,
    text_hash varchar(64) not null,
    voice varchar(120) not null,
    spoken_by varchar(120),
    status varchar(20) not null,
    reason varchar(1000),
    spoken_text text not null,
    word_count integer not null,
    attempts integer not null,
    next_attempt_at timestamp with time zone not null,
    claimed_by varchar(100),
    claimed_until timestamp with time zone,
    storage_key varchar(300),
    duration_ms bigint,
    byte_size bigint,
    created_at timestamp with time zone not null,
    ready_at timestamp with time zone,
    unique (article_id, text_hash)
);
create index narration_due on narration (status, next_attempt_at);
create index narration_by_article on narration (article_id, ready_at);

-- The pronunciation lexicon: respelling for every voice, ARPAbet phonemes for those that take them.
create table pronunciation (
    id bigint primary key,
    word varchar(64) not null unique,
    respelling varchar(120) not null,
    phonemes varchar(200)
);
insert into pronunciation (id, word, respelling, phonemes) values
    (1, 'kyiv', 'Keev', 'k iy1 v'),
    (2, 'zelensky', 'Zelenskee', 'z eh0 l eh1 n s k iy0'),
    (3, 'zelenskyy', 'Zelenskee', 'z eh0 l eh1 n s k iy0'),
    (4, 'volodymyr', 'Volo dimmir', 'v ow0 l ow0 d ih1 m ih0 r'),
    (5, 'lavrov', 'Lavrof', 'l ax0 v r ao1 f'),
    (6, 'kharkiv', 'Kharkeev', 'k aa1 r k iy0 v'),
    (7, 'zaporizhzhia', 'Zaporizhia', 'z aa0 p ao0 r iy1 zh ax0'),
    (8, 'dnipro', 'Dneepro', 'd n iy0 p r ow1'),
    (9, 'mykolaiv', 'Mikolayeev', 'm ih0 k ow0 l aa1 y iy0 v'),
    (10, 'kherson', 'Kherson', 'k eh0 r s ao1 n'),
    (11, 'odesa', 'Odessa', 'ow0 d eh1 s ax0'),
    (12, 'lviv', 'Lveev', 'l v iy1 v'),
    (13, 'vesna', 'Vesna', 'v eh1 s n ax0'),
    (14, 'ostra', 'Ostra', 'ao1 s t r ax0');
