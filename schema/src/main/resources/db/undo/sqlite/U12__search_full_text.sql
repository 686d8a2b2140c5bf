-- U12 (SQLite): undo V12. Dropping an FTS5 table drops its shadow tables.
DROP TRIGGER crush_lu_meetupevent_fts_au;
DROP TRIGGER crush_lu_meetupevent_fts_ad;
DROP TRIGGER crush_lu_meetupevent_fts_ai;
DROP TABLE crush_lu_meetupevent_fts;
DROP TRIGGER entreprinder_entrepreneurprofile_fts_au;
DROP TRIGGER entreprinder_entrepreneurprofile_fts_ad;
DROP TRIGGER entreprinder_entrepreneurprofile_fts_ai;
DROP TABLE entreprinder_entrepreneurprofile_fts;
