-- Sign-up and self-service (module newsletter): the key that signs subscriber links and hashes IP
-- addresses, generated once by whichever node needs it first and read by every node, unless
-- masthead.newsletter.link-secret gives one. And the index the per-address limit counts with.

create table newsletter_secret (
    name varchar(40) primary key,
    secret varchar(100) not null,
    created_at timestamp with time zone not null
);

create index subscription_consent_recent on subscription_consent (subscriber_id, kind, occurred_at);
