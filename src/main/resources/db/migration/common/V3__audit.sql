-- Who did what, when: publishing, unpublishing, deletions, role and settings changes.
create table audit_entry (
    id bigint primary key,
    occurred_at timestamp with time zone not null,
    actor_id bigint,
    actor_name varchar(200) not null,
    action varchar(60) not null,
    subject varchar(300) not null,
    details varchar(4000)
);
create index audit_entry_recent on audit_entry (occurred_at desc);
