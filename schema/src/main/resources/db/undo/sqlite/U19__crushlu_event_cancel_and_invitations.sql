-- U19 (SQLite): undo V19 (the column's own CHECK goes with it).
DROP TABLE crush_lu_eventinvitation;
ALTER TABLE crush_lu_meetupevent DROP COLUMN cancelled_at;
ALTER TABLE crush_lu_meetupevent DROP COLUMN is_cancelled;
