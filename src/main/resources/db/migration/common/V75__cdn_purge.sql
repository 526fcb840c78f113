-- CDN purges waiting to be sent (masthead.cdn.purge-url, module site). A row is written in the
-- transaction of the change whose pages it names, so a purge exists if and only if the change
-- committed; the cdn-purge job sends waiting rows in batches from any node and deletes them once the
-- CDN took them. Keys and paths are one per line. Times are bound from the application.
create table cdn_purge (
    id bigint primary key,
    surrogate_keys text not null,
    paths text not null,
    purge_all boolean not null,
    attempts integer not null,
    due_at timestamp with time zone not null,
    created_at timestamp with time zone not null
);
create index cdn_purge_due on cdn_purge (due_at);
