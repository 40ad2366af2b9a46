-- Shared by H2 (embedded default) and PostgreSQL (prod). Only the payload table holds a bericht's bytes (and BSNs).
create table payload (
    traceer_id  varchar(36) primary key,
    inhoud      bytea       not null
);

create table bericht (
    traceer_id      varchar(36)  primary key,
    ontvangen_op    timestamp with time zone not null,
    kanaal          varchar(10)  not null,
    bestandsnaam    varchar(255),
    grootte         bigint       not null,
    sha256          varchar(64)  not null,
    berichttype     varchar(6),
    bericht_code    varchar(3),
    afzender        varchar(8),
    ontvanger       varchar(8),
    identificatie   varchar(12),
    bestemming      varchar(32),
    responsible     varchar(4),
    executing       varchar(4),
    reason          varchar(20),
    status          varchar(20)  not null,
    meldingen       varchar(8000),
    gewijzigd_op    timestamp with time zone not null
);
create index bericht_status on bericht (status, ontvangen_op);

create table audit_event (
    event_id      varchar(36)  primary key,
    traceer_id    varchar(36)  not null,
    event_type    varchar(20)  not null,
    tijdstip      timestamp with time zone not null,
    inhoud        varchar(65535) not null,
    gepubliceerd  boolean      not null
);
create index audit_event_traceer on audit_event (traceer_id, tijdstip);
create index audit_event_outbox on audit_event (gepubliceerd, tijdstip);
