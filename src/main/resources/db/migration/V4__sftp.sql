-- SFTP channel. A file an aanbieder uploads is known by (AGB, SHA-256 of its bytes), never by its name: the same
-- content picked up again (a restart after a crash, or a second upload) never becomes a second bericht.
create table sftp_ontvangst (
    agb               varchar(8)   not null,
    sha256            varchar(64)  not null,
    traceer_id        varchar(36)  not null,
    afhaling          varchar(64)  not null,
    verslag_afhaling  varchar(64),
    ontvangen_op      timestamp with time zone not null,
    primary key (agb, sha256)
);

-- What the hub put in an aanbieder's in/ folder, so a repeated delivery of the same traceerId is not written again.
create table sftp_aflevering (
    agb           varchar(8)   not null,
    traceer_id    varchar(36)  not null,
    bestandsnaam  varchar(255) not null,
    geleverd_op   timestamp with time zone not null,
    primary key (agb, traceer_id)
);
