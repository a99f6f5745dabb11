-- Year files applied by administrators from /admin/calendar, kept in the database so that every
-- node of a cluster reads the same calendar. For a year that also has a file in the configured
-- directory, the later of the two changes is in force.

create table calendar_year_file (
    calendar_year integer         primary key,
    content       varchar(200000) not null,
    content_hash  varchar(64)     not null,
    uploaded_by   varchar(100),
    uploaded_at   timestamp       not null
);
