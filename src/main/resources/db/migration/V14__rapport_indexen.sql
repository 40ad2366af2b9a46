-- Reports for one aanbieder or one gemeente (docs/performance.md "Rapportage-queries"). rapport_feit_maand starts with
-- maand, so a year for one aanbieder read every fact of that year (on PostgreSQL a sequential scan of 2 million rows,
-- growing with the region); and one month of one gemeente took 6 s on H2, most likely because it chose the
-- gemeente-led rapport_feit_toewijzing and read all of that gemeente's facts. With these the database reads only the
-- facts of that aanbieder or that gemeente in the months asked for.
create index rapport_feit_aanbieder on rapport_feit (aanbieder, maand);
create index rapport_feit_gemeente on rapport_feit (gemeente, maand);
