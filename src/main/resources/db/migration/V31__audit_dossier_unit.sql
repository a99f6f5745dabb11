-- Audit search (issue 5): the units that see a dossier, one row per (unit, dossier): the receiving
-- unit and every unit a step was handed to. Supervisor scope and the handling-unit filter read an
-- index range of it in receipt order instead of probing handoff for every dossier. Kept current
-- by vn.motcua.audit.DossierUnits in the transaction that writes dossier / handoff.
-- Numbered 31, not 21: databases already at V30 (reports) would otherwise refuse it (out of order).
create table dossier_unit (
    unit_code    varchar(100) not null,
    received_at  timestamp    not null,
    dossier_code varchar(64)  not null,
    primary key (unit_code, dossier_code)
);

-- Backfill (≈ 66 s on the 1,000,000-dossier benchmark database, 3,000,000 rows).
insert into dossier_unit (unit_code, received_at, dossier_code)
select d.receiving_unit, d.received_at, d.code from dossier d;

insert into dossier_unit (unit_code, received_at, dossier_code)
select distinct h.to_unit, d.received_at, d.code
from handoff h join dossier d on d.code = h.dossier_code
where not exists (select 1 from dossier_unit du where du.unit_code = h.to_unit and du.dossier_code = h.dossier_code);

-- (V1 already has an index named ix_dossier_unit_received, on dossier.)
create index ix_dossier_unit_unit_received on dossier_unit (unit_code, received_at desc, dossier_code);
