-- Performance indicators (issue 6): per-day counters kept in the same transaction as dossier
-- changes, and the last counted state of every dossier and handoff (to apply deltas).
-- Days are days of Asia/Ho_Chi_Minh, computed in Java. Plain SQL for H2 (MODE=LEGACY) and PostgreSQL.

-- What the counters currently hold for each dossier.
create table report_dossier (
    code           varchar(64)  not null primary key,
    receiving_unit varchar(100) not null,
    procedure_key  varchar(100) not null,
    channel        varchar(20)  not null,
    received_at    timestamp    not null,
    legal_due      timestamp    not null,
    finished_at    timestamp,
    status         varchar(20)  not null,
    timeliness     varchar(10)
);
create index ix_report_dossier_open on report_dossier (finished_at, legal_due);

-- What the counters currently hold for each handoff (one step of one agency).
create table report_handoff (
    id            bigint       not null primary key,
    dossier_code  varchar(64)  not null,
    to_unit       varchar(100) not null,
    procedure_key varchar(100) not null,
    finished_at   timestamp,
    outcome       varchar(10)
);
create index ix_report_handoff_dossier on report_handoff (dossier_code);

-- One row per day, unit and procedure. Dossier columns count at the receiving unit, handoff
-- columns at the unit that handled the step. overdue_started / overdue_ended: +1 on the legal due
-- day of a dossier still open after that day, and +1 on the day it finished; their running
-- difference is the number of overdue dossiers at any midnight.
create table report_daily (
    report_day                date         not null,
    unit_code          varchar(100) not null,
    procedure_key      varchar(100) not null,
    received_online    integer      default 0 not null,
    received_in_person integer      default 0 not null,
    received_postal    integer      default 0 not null,
    resolved_early     integer      default 0 not null,
    resolved_on_time   integer      default 0 not null,
    resolved_late      integer      default 0 not null,
    refused            integer      default 0 not null,
    overdue_started    integer      default 0 not null,
    overdue_ended      integer      default 0 not null,
    handoffs_finished  integer      default 0 not null,
    handoffs_late      integer      default 0 not null,
    primary key (report_day, unit_code, procedure_key)
);

-- The same counters per month (report_day = first day of the month), so that running sums over
-- the whole history read about 30 times fewer rows.
create table report_monthly (
    report_day         date         not null,
    unit_code          varchar(100) not null,
    procedure_key      varchar(100) not null,
    received_online    integer      default 0 not null,
    received_in_person integer      default 0 not null,
    received_postal    integer      default 0 not null,
    resolved_early     integer      default 0 not null,
    resolved_on_time   integer      default 0 not null,
    resolved_late      integer      default 0 not null,
    refused            integer      default 0 not null,
    overdue_started    integer      default 0 not null,
    overdue_ended      integer      default 0 not null,
    handoffs_finished  integer      default 0 not null,
    handoffs_late      integer      default 0 not null,
    primary key (report_day, unit_code, procedure_key)
);

-- Each time an official caused a late step: a step they finished late, or a breach recorded
-- against them (once per step, official and calendar year), and the count per year.
create table report_official (
    handoff_id    bigint       not null,
    official      varchar(100) not null,
    report_year   integer      not null,
    dossier_code  varchar(64)  not null,
    unit_code     varchar(100) not null,
    procedure_key varchar(100) not null,
    primary key (handoff_id, official, report_year)
);
create index ix_report_official_dossier on report_official (dossier_code);

create table report_official_year (
    report_year   integer      not null,
    official      varchar(100) not null,
    unit_code     varchar(100) not null,
    procedure_key varchar(100) not null,
    times         integer      default 0 not null,
    primary key (report_year, official, unit_code, procedure_key)
);

-- Names of the procedures seen, for row labels.
create table report_procedure (
    procedure_key  varchar(100) not null primary key,
    procedure_name varchar(300) not null
);

-- Flags and drill-down read the core tables directly.
create index ix_handoff_outcome_finished on handoff (outcome, finished_at);
create index ix_dossier_finished on dossier (finished_at);
create index ix_breach_at on deadline_breach (breached_at);
