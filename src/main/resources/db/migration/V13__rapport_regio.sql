-- Bovenregionale declaraties (docs/audit.md "Rapportages"): the BW/MO region of the aanbieder (aanbieders.yaml) and of
-- the executing gemeente (mandaten.csv), as the registry had them when the fact was written. Null: region unknown then
-- (also for every fact written before this migration). Deadlines missed: termijnen are reported by their last day.
alter table rapport_feit add column aanbieder_regio varchar(100);
alter table rapport_feit add column executing_regio varchar(100);
create index termijn_rapport on termijn (uiterlijk, aanbieder, gemeente);
