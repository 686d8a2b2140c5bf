-- V16 (PostgreSQL): intentionally no statements. SQLite's V16 rewrites its timestamp text into Django's form;
-- PostgreSQL stores timestamptz. This version exists so both dialects keep the same version list.
SELECT 1;
