-- Cluster signals: one row per signal (page-cache invalidation, news feed change, search update...),
-- written in the same transaction as the change it announces, so a signal exists if and only if the
-- change committed. seq is an application id (time-ordered, unique across nodes); a lower seq may
-- commit after a higher one, so readers look back a window instead of trusting max(seq). origin is
-- the writing node's id: that node handled the signal itself after commit. Rows are pruned after a
-- retention (masthead.cluster.retention). Only written when the database is PostgreSQL.
create table cluster_signal (
    seq bigint primary key,
    channel varchar(64) not null,
    payload text not null,
    origin bigint not null,
    created_at timestamp with time zone not null
);
create index cluster_signal_created on cluster_signal (created_at);
