-- Open steps by due instant: the supervisors' list of breached and nearly breached steps and the
-- audit filter "a step is overdue now" read the (few) open steps past or near their due instant.
create index ix_handoff_open_due on handoff (finished_at, due_at);
