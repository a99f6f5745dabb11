-- The procedure code (mã TTHC) of the catalogue entry in force when the dossier was received,
-- printed on the receipt with the procedure name. Null for dossiers received before it was kept.
alter table dossier add column procedure_code varchar(40);
