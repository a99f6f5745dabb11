-- Audit search (issue 5): the auditor's "receiving unit + period + status + timeliness" search
-- counted ≈ 50,000 rows of a unit-year one by one (≈ 0.9 s on 1,000,000 dossiers). With the
-- status and timeliness in the index the range holds only the matches. ≈ 10 s to build there.
create index ix_dossier_unit_status_timeliness on dossier (receiving_unit, status, timeliness, received_at);
