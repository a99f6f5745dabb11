-- After V61 every entry belongs to a chain: numbered once per chain, the old single head row is gone.
alter table audit_event alter column chain_key set not null;
alter table audit_event alter column chain_seq set not null;
create unique index ux_audit_event_chain on audit_event (chain_key, chain_seq);
drop table audit_chain_head;
