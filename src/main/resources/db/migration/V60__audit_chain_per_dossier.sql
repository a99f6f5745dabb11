-- The audit record without a global lock: one hash chain per dossier, each with its own head row,
-- and periodic signed Merkle roots over all heads (see AuditChain, AuditSeals, docs/audit.md).
-- V61 (a Java migration, vn.motcua.audit.V61__Audit_chain_per_dossier) re-chains older entries.

-- Position of an entry in its chain (chain_key = dossier code, '-' for entries without a dossier).
alter table audit_event add column chain_key varchar(64);
alter table audit_event add column chain_seq bigint;

-- Entry numbers (the seq column) come from a sequence: no row is locked to number an entry.
create sequence audit_event_seq start with 1;

-- The head of each chain: locked (select ... for update) only by the transactions of that dossier.
-- record_hash = hash of the dossier row's protected fields as last recorded in the chain.
create table audit_head (
    chain_key   varchar(64) not null primary key,
    last_seq    bigint      not null,
    last_hash   varchar(64) not null,
    record_hash varchar(64),
    changed_at  timestamp   not null
);

-- The heads as of the last seal; written only by the sealer (one at a time: audit_seal_lock).
create table audit_sealed_head (
    chain_key   varchar(64) not null primary key,
    last_seq    bigint      not null,
    last_hash   varchar(64) not null,
    record_hash varchar(64),
    seal_no     bigint      not null
);

-- Signed tree heads: root = RFC 9162 Merkle tree hash over the sealed heads in chain_key order;
-- seal_hash chains the seals; signature = HMAC-SHA256(key, seal_hash).
create table audit_seal (
    seal_no    bigint      not null primary key,
    sealed_at  timestamp   not null,
    tree_size  bigint      not null,
    root_hash  varchar(64) not null,
    changed    bigint      not null,
    prev_hash  varchar(64) not null,
    seal_hash  varchar(64) not null,
    key_id     varchar(16) not null,
    signature  varchar(64) not null
);

create table audit_seal_lock (
    id integer not null primary key
);
insert into audit_seal_lock (id) values (1);
