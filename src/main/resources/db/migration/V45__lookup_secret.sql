-- The lookup secret printed on a dossier's receipt: only its SHA-256 hash is kept. Issuing a new
-- one (reprint) replaces the row, so the previous receipt no longer opens the lookup.
create table dossier_lookup_secret (
    dossier_code varchar(64)  not null primary key references dossier (code),
    secret_hash  varchar(64)  not null,
    issued_at    timestamp    not null,
    issued_by    varchar(100)
);
