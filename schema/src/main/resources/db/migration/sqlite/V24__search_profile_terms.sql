-- V24 (SQLite): nothing to do. PostgreSQL stores each profile word's rank for one-word searches (see the PostgreSQL
-- V24); SQLite ranks with bm25 over its FTS5 tables of V12.
SELECT 1;
