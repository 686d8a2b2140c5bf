-- U24 (SQLite): V24 changed nothing here.
SELECT 1;
