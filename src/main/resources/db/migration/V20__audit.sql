-- Auditors' history (issue 5): the tamper-evident record of the events that matter, and the
-- indexes the audit search needs on the dossier tables of V1. Plain SQL for H2 and PostgreSQL.

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical content), see AuditChain.
create table audit_event (
    seq          bigint        not null primary key,
    recorded_at  timestamp     not null,
    dossier_code varchar(64),
    event_type   varchar(30)   not null,
    unit_code    varchar(100),
    user_id      varchar(100),
    payload      varchar(8000) not null,
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null
);
create index ix_audit_event_dossier on audit_event (dossier_code, seq);

-- One row: the lock every append takes (select ... for update) and the chain's last link, so a
-- deleted tail is detected too.
create table audit_chain_head (
    id        integer     not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Search: period of receipt (sorted), procedure, status, timeliness, handling unit.
create index ix_dossier_received on dossier (received_at);
create index ix_dossier_procedure_received on dossier (procedure_key, received_at);
create index ix_dossier_status_received on dossier (status, received_at);
create index ix_dossier_timeliness_received on dossier (timeliness, received_at);
create index ix_handoff_unit_dossier on handoff (to_unit, dossier_code);
