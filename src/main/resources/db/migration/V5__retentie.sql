-- Retention (docs/operations.md): when a bericht's payload was removed, so the status API can say so.
alter table bericht add column payload_verwijderd_op timestamp with time zone;
create index bericht_eindstatus on bericht (status, gewijzigd_op);
