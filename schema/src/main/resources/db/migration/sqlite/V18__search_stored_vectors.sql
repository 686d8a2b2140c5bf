-- V18 (SQLite): nothing to do. PostgreSQL stores its search vectors (see the PostgreSQL V18); SQLite's FTS5 tables
-- of V12 already hold theirs.
SELECT 1;
