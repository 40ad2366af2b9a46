-- An audit event lists every product line, so a declaratie with thousands of prestaties gives an event far over 64 KB
-- (one with 400 prestaties: 84 KB). 10 MB is PostgreSQL's largest varchar; H2 accepts it too.
alter table audit_event alter column inhoud set data type varchar(10485760);
