-- Failed logins per client address (never per account), shared by every node: the address must
-- wait until wait_until_ms before its next login attempt. Times are epoch milliseconds.
create table login_failure (
    client        varchar(64) not null primary key,
    failures      integer     not null,
    last_ms       bigint      not null,
    wait_until_ms bigint      not null
);
create index ix_login_failure_last on login_failure (last_ms);
