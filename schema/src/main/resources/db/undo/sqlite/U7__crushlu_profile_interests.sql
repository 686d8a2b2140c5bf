-- U7 (SQLite): undo V7 (the column's own CHECK goes with it).
ALTER TABLE crush_lu_crushprofile DROP COLUMN interests;
