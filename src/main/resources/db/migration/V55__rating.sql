-- Satisfaction ratings of returned dossiers (Decision 766/QĐ-TTg): one per dossier.
create table dossier_rating (
    dossier_code     varchar(64)   not null primary key,
    unit_code        varchar(100)  not null,
    procedure_key    varchar(100)  not null,
    procedure_name   varchar(300)  not null,
    overall          integer       not null,
    access_score     integer       not null,
    procedure_score  integer       not null,
    official_score   integer       not null,
    result_score     integer       not null,
    feedback_score   integer,
    comment_text     varchar(1000),
    via              varchar(10)   not null,
    rated_at         timestamp     not null
);
create index ix_rating_unit on dossier_rating (unit_code, procedure_key);

-- The one-purpose token of the rating link in the "result ready" message (only its hash).
create table rating_invitation (
    dossier_code varchar(64) not null primary key,
    token_hash   varchar(64) not null,
    issued_at    timestamp   not null
);
