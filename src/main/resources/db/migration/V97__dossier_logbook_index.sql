-- The logbook number (số thứ tự in Sổ theo dõi hồ sơ) of a dossier is its position among the
-- dossiers its unit received in the year, by receipt time then code: read from this index, so
-- receiving a dossier updates no counter row. Plain SQL for H2 and PostgreSQL.
create index ix_dossier_logbook on dossier (receiving_unit, received_at, code);
