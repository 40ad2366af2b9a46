-- ShedLock (docs/operations.md, Replicas): a scheduled route runs on one replica at a time. One row per lock name
-- (the route id); ShedLock's JdbcTemplateLockProvider takes it with an insert or a conditional update on lock_until.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
