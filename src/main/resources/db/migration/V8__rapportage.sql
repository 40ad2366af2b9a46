-- Report facts (docs/audit.md "Rapportages"): one row per audit event that counts for contractmanagement, and per
-- product line of that event, written in the same transaction as the audit_event row. Reports aggregate these
-- columns with indexes; they never parse the JSON in audit_event. Holds no BSN and no pseudonym.
create table rapport_feit (
    event_id           varchar(36) not null,
    regel              integer     not null,
    traceer_id         varchar(36) not null,
    event_type         varchar(20) not null,
    tijdstip           timestamp with time zone not null,
    maand              varchar(7)  not null,
    berichttype        varchar(6),
    aanbieder          varchar(8),
    gemeente           varchar(4),
    executing          varchar(4),
    productcategorie   varchar(2),
    productcode        varchar(5),
    soort              varchar(20),
    toewijzing_nummer  bigint,
    volume             bigint,
    eenheid            varchar(3),
    bedrag             bigint,
    code               varchar(5),
    primary key (event_id, regel)
);
create index rapport_feit_maand on rapport_feit (maand, event_type, aanbieder, gemeente);
create index rapport_feit_toewijzing on rapport_feit (gemeente, toewijzing_nummer, event_type);
create index toewijzing_rapport on toewijzing (aanbieder, gemeente, ingangsdatum);
