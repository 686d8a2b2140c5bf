-- U19: undo V19.
DROP TABLE crush_lu_eventinvitation;
ALTER TABLE crush_lu_meetupevent DROP COLUMN cancelled_at;
ALTER TABLE crush_lu_meetupevent DROP COLUMN is_cancelled;
