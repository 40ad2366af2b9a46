-- Dashboard users (docs/dashboard.md). Only a BCrypt hash of the password is kept. rollen: comma-separated
-- LEZER, OPERATOR, BEHEERDER, CONTRACTMANAGER. gemeenten: comma-separated gemeentecodes the user is limited to,
-- null for all gemeenten.
create table gebruiker (
    naam              varchar(64)  primary key,
    wachtwoord_hash   varchar(100) not null,
    rollen            varchar(100) not null,
    gemeenten         varchar(400),
    actief            boolean      not null,
    aangemaakt_op     timestamp with time zone not null,
    gewijzigd_op      timestamp with time zone not null
);

-- Access log of payload views (NEN 7513 style): who saw which bericht's content, when, why, through which door.
create table inzage (
    id          varchar(36)  primary key,
    gebruiker   varchar(64)  not null,
    tijdstip    timestamp with time zone not null,
    traceer_id  varchar(36)  not null,
    reden       varchar(500) not null,
    via         varchar(10)  not null
);
create index inzage_traceer on inzage (traceer_id, tijdstip);
create index inzage_tijdstip on inzage (tijdstip);
