-- Newsletters (module newsletter): newsletters, subscribers, subscriptions with their consent records,
-- confirmation tokens and the suppression list. Issues and deliveries follow in V61+.
-- Ids come from the application (org.masthead.platform.Ids); times are bound from Instant, never
-- defaulted here. Tokens are stored as SHA-256 hex, never in clear.

create table newsletter (
    id bigint primary key,
    slug varchar(100) not null unique,
    name varchar(120) not null,
    description varchar(1000) not null,
    host_name varchar(200),                      -- the named host of a series, if any
    cadence varchar(100) not null,               -- as readers see it: "Every weekday morning"
    sender_name varchar(120) not null,
    sender_address varchar(254) not null,
    reply_to varchar(254),
    status varchar(20) not null,                 -- ACTIVE, PAUSED (no sign-ups shown), ARCHIVED
    position int not null,                       -- order on /newsletters/ and in sign-up blocks
    tracking_enabled boolean not null,           -- open/click tracking, off unless an Editor turns it on
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

-- One reader, known by one address. address_key is the address with its domain lower-cased (and
-- IDN domains in their Unicode form); the local part keeps its case as RFC 5321 allows.
create table subscriber (
    id bigint primary key,
    address varchar(254) not null,
    address_key varchar(254) not null unique,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

-- PENDING → CONFIRMED → UNSUBSCRIBED (and back to PENDING/CONFIRMED on a new, confirmed sign-up).
create table subscription (
    subscriber_id bigint not null references subscriber (id) on delete cascade,
    newsletter_id bigint not null references newsletter (id),
    status varchar(20) not null,
    created_at timestamp with time zone not null,
    confirmed_at timestamp with time zone,
    unsubscribed_at timestamp with time zone,
    primary key (subscriber_id, newsletter_id)
);
create index subscription_by_newsletter on subscription (newsletter_id, status, subscriber_id);

-- What a reader agreed to, where and when: kept for every sign-up and confirmation, erased with the reader.
create table subscription_consent (
    id bigint primary key,
    subscriber_id bigint not null references subscriber (id) on delete cascade,
    newsletter_id bigint not null references newsletter (id),
    kind varchar(20) not null,                   -- SIGNED_UP, CONFIRMED, UNSUBSCRIBED
    occurred_at timestamp with time zone not null,
    form varchar(300) not null,                  -- the page and form the reader used
    wording varchar(1000) not null,              -- the consent text shown next to the form
    ip_hash varchar(64)                          -- keyed SHA-256 of the client address
);
create index subscription_consent_by_subscriber on subscription_consent (subscriber_id);

-- Single-use confirmation links; the token itself is only ever in the email.
create table subscription_token (
    token_hash varchar(64) primary key,
    subscriber_id bigint not null references subscriber (id) on delete cascade,
    newsletter_id bigint not null references newsletter (id),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at timestamp with time zone
);
create index subscription_token_by_subscriber on subscription_token (subscriber_id);

-- Addresses that must never be mailed again (hard bounce, complaint, permanent 5xx, an Editor's
-- decision). Keyed by a SHA-256 of address_key so an erased reader stays suppressed without the
-- address being kept.
create table suppressed_address (
    address_hash varchar(64) primary key,
    reason varchar(20) not null,                 -- BOUNCE, COMPLAINT, REJECTED, MANUAL
    detail varchar(500),
    created_at timestamp with time zone not null
);
