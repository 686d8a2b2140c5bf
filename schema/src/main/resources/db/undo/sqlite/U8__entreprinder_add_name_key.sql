-- U8 (SQLite): undo V8.
ALTER TABLE entreprinder_skill DROP COLUMN name_key;
ALTER TABLE entreprinder_industry DROP COLUMN name_key;
