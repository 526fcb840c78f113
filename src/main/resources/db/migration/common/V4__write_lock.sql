-- One row that read-write transactions on SQLite update first, to take the write lock before they
-- read (see SqliteAwareTransactionManager). Unused on PostgreSQL.
create table write_lock (
    id integer primary key,
    holder integer not null
);
insert into write_lock (id, holder) values (1, 0);
