-- U18 (SQLite): V18 changed nothing here.
SELECT 1;
