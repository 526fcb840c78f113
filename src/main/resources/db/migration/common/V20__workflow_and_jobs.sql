-- Workflow of the working copy: who owns it, when it is scheduled, what a reviewer said.
alter table article add column owner_id bigint;
alter table article add column scheduled_at timestamp with time zone;
alter table article add column review_comment varchar(4000);
create index article_by_status on article (status, updated_at);

-- db-scheduler's table (scheduled publishing and other jobs); the same DDL runs on SQLite and PostgreSQL.
create table scheduled_tasks (
    task_name varchar(100) not null,
    task_instance varchar(200) not null,
    task_data bytea,
    execution_time timestamp with time zone not null,
    picked boolean not null,
    picked_by varchar(50),
    last_success timestamp with time zone,
    last_failure timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat timestamp with time zone,
    version bigint not null,
    priority smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_time on scheduled_tasks (priority desc, execution_time asc);
