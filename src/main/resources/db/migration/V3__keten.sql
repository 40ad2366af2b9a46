-- Checks across berichten (iWmo control level 3), duplicates and deadlines. Plain SQL for H2 and PostgreSQL.
-- Sender-chosen identifiers (Identificatie, DeclaratieNummer, ReferentieNummer, ReferentieAanbieder) are stored only
-- as keyed pseudonyms (*_sleutel, HMAC as for BSNs): they are free text and could hold a BSN.

-- what the level-3 checks need of a toewijzing, on the one toewijzing table that routing also reads
alter table toewijzing add column product_code varchar(5);
alter table toewijzing add column volume bigint;
alter table toewijzing add column eenheid varchar(2);
alter table toewijzing add column frequentie varchar(1);
alter table toewijzing add column budget bigint;
alter table toewijzing add column referentie_sleutel varchar(32);

-- TR056 and duplicates: one row per (sender, berichtsoort, Identificatie), claimed before routing; the primary key
-- makes two identical berichten at the same moment end in one delivery
create table bericht_identificatie (
    afzender               varchar(8)  not null,
    berichttype            varchar(6)  not null,
    identificatie_sleutel  varchar(32) not null,
    sha256                 varchar(64) not null,
    traceer_id             varchar(36) not null,
    geclaimd_op            timestamp with time zone not null,
    primary key (afzender, berichttype, identificatie_sleutel)
);
create index bericht_identificatie_traceer on bericht_identificatie (traceer_id);

-- TR333: (AGB, DeclaratieNummer)
create table declaratie (
    aanbieder          varchar(8)  not null,
    nummer_sleutel     varchar(32) not null,
    gemeente           varchar(4),
    traceer_id         varchar(36) not null,
    ontvangen_op       timestamp with time zone not null,
    primary key (aanbieder, nummer_sleutel)
);

-- TR314: (AGB, ProductReferentie); TR322 sums volumes per toewijzing
create table prestatie (
    aanbieder          varchar(8)  not null,
    referentie_sleutel varchar(32) not null,
    gemeente           varchar(4),
    toewijzing_nummer  bigint,
    begindatum         date,
    einddatum          date,
    volume             bigint,
    traceer_id         varchar(36) not null,
    primary key (aanbieder, referentie_sleutel)
);
create index prestatie_toewijzing on prestatie (gemeente, toewijzing_nummer);

-- verzoeken om toewijzing/wijziging: (AGB, ReferentieAanbieder)
create table verzoek (
    aanbieder          varchar(8)  not null,
    referentie_sleutel varchar(32) not null,
    gemeente           varchar(4),
    berichttype        varchar(6)  not null,
    traceer_id         varchar(36) not null,
    ontvangen_op       timestamp with time zone not null,
    primary key (aanbieder, referentie_sleutel)
);

-- starts (305) and stops (307) per toewijzing: TR019, TR074, TR326
create table start_stop (
    id                 varchar(36) primary key,
    gemeente           varchar(4)  not null,
    toewijzing_nummer  bigint      not null,
    soort              varchar(5)  not null,
    begindatum         date        not null,
    einddatum          date,
    reden              varchar(2),
    traceer_id         varchar(36) not null,
    ontvangen_op       timestamp with time zone not null
);
create index start_stop_toewijzing on start_stop (gemeente, toewijzing_nummer);

-- deadlines of the standard (OP090, OP271/OP272, OP274/OP346)
create table termijn (
    id                 varchar(36) primary key,
    regel              varchar(10) not null,
    traceer_id         varchar(36) not null,
    sleutel            varchar(120) not null,
    berichttype        varchar(6)  not null,
    gemeente           varchar(4),
    aanbieder          varchar(8),
    verwacht           varchar(40) not null,
    vanaf              date        not null,
    uiterlijk          date        not null,
    voldaan_op         date,
    voldaan_door       varchar(36)
);
create index termijn_sleutel on termijn (sleutel, voldaan_op);
create index termijn_open on termijn (voldaan_op, uiterlijk);
create index termijn_traceer on termijn (traceer_id);
