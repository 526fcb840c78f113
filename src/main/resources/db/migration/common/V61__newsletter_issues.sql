-- Newsletter issues and their deliveries (module newsletter, sending side). Ids and times come from
-- the application, never from the database.

-- One edition of a newsletter: DRAFT -> SCHEDULED -> SENDING <-> PAUSED -> SENT | CANCELLED.
-- The rendered HTML and text are kept as sent (with per-subscriber placeholders), so the web archive
-- and every retry show exactly what the first recipient got.
create table newsletter_issue (
    id bigint primary key,
    newsletter_id bigint not null references newsletter (id),
    slug varchar(120) not null,
    subject varchar(200) not null,
    preheader varchar(300) not null,
    status varchar(20) not null,
    selection varchar(10) not null,              -- CHOSEN (articles in order) or DIGEST
    digest_since timestamp with time zone,       -- a digest covers articles published after this
    scheduled_at timestamp with time zone,
    html_snapshot text,
    text_snapshot text,
    created_by varchar(200) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    sending_started_at timestamp with time zone,
    enqueued_at timestamp with time zone,        -- every delivery row exists (enqueuing is idempotent until then)
    sent_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    unique (newsletter_id, slug)
);
create index newsletter_issue_by_newsletter on newsletter_issue (newsletter_id, status, sent_at);

-- The articles an Editor chose, in their order (by slug: the published revision is read when the
-- issue is rendered).
create table newsletter_issue_article (
    issue_id bigint not null references newsletter_issue (id) on delete cascade,
    position int not null,
    article_slug varchar(200) not null,
    primary key (issue_id, position)
);

-- One issue to one subscriber: QUEUED -> SENT | FAILED | SUPPRESSED. The primary key makes enqueuing
-- idempotent. A worker leases rows (lease_owner, lease_expires_at) before sending; SENT is recorded
-- right after the relay's 250 reply, message by message.
create table newsletter_delivery (
    issue_id bigint not null references newsletter_issue (id) on delete cascade,
    subscriber_id bigint not null references subscriber (id) on delete cascade,
    status varchar(20) not null,
    attempts int not null,
    next_attempt_at timestamp with time zone not null,
    lease_owner varchar(100),
    lease_expires_at timestamp with time zone,
    sent_at timestamp with time zone,
    last_reply varchar(500),
    message_id varchar(200) not null,            -- deterministic: <issue.subscriber@domain>, the same on every attempt
    opened_at timestamp with time zone,          -- only with tracking on
    clicked_at timestamp with time zone,         -- only with tracking on
    primary key (issue_id, subscriber_id)
);
create index newsletter_delivery_due on newsletter_delivery (issue_id, status, next_attempt_at);
