-- "Đến hạn giải quyết": +1 on the legal due day of every dossier that is not refused, so that a
-- period's count is the dossiers whose legal due fell in it, resolved or not. Existing counters
-- are recomputed at the next startup (the emptied report_dossier makes them miss dossiers).

alter table report_daily add column came_due integer default 0 not null;
alter table report_monthly add column came_due integer default 0 not null;
delete from report_dossier;
