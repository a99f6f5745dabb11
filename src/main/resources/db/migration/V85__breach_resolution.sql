-- What the supervisors wrote into the escalation task of a breach (forms/breach-escalation.form):
-- the cause of the delay and the remedy, who wrote it and when. Kept with the breach.
alter table deadline_breach add column cause varchar(4000);
alter table deadline_breach add column remedy varchar(4000);
alter table deadline_breach add column resolved_at timestamp;
alter table deadline_breach add column resolved_by varchar(100);
