-- Toewijzingen the hub has carried, keyed as the standard keys them (TR332: unique per gemeente).
create table toewijzing (
    gemeente           varchar(4)  not null,
    toewijzing_nummer  bigint      not null,
    aanbieder          varchar(8),
    responsible        varchar(4),
    executing          varchar(4),
    productcategorie   varchar(2),
    client_pseudoniem  varchar(32),
    ingangsdatum       date        not null,
    einddatum          date,
    reden_wijziging    varchar(2),
    traceer_id         varchar(36) not null,
    bijgewerkt_op      timestamp with time zone not null,
    primary key (gemeente, toewijzing_nummer)
);
create index toewijzing_client on toewijzing (client_pseudoniem, productcategorie);

alter table bericht add column regelspoor varchar(4000);
alter table bericht add column signalen varchar(4000);
