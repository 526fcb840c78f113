-- When a subscriber last asked for a new link to manage their newsletters, so an address gets at
-- most one such email per masthead.newsletter.link-request-interval, whichever node is asked.
-- Erased with the subscriber.
create table newsletter_link_request (
    subscriber_id bigint primary key references subscriber (id) on delete cascade,
    requested_at timestamp with time zone not null
);
