-- V6 (SQLite): intentionally no statements.
-- SQLite cannot add CHECK constraints or column DEFAULTs to an existing table (only a full table
-- rebuild could), so every CHECK and DEFAULT that PostgreSQL's V6 adds with ALTER TABLE is already
-- declared inline in the SQLite V1-V5 scripts, under the same constraint names.
-- This version exists so both dialects keep the same version list.
SELECT 1;
