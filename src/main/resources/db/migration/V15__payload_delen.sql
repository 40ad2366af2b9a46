-- A large bericht's bytes in parts of 1 MiB (payload.PayloadStore), each part committed on its own before the
-- receipt: neither the hub nor H2 (which writes a transaction's pages from one buffer at the commit) then holds the
-- whole document. The payload row of such a bericht has an empty inhoud and the number of parts.
alter table payload add column delen integer;
create table payload_deel (
    traceer_id  varchar(36) not null,
    volgnummer  integer     not null,
    inhoud      bytea       not null,
    aangemaakt_op timestamp with time zone not null,
    primary key (traceer_id, volgnummer)
);
