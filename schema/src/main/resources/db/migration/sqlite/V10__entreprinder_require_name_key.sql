-- V10 (SQLite): safe 3-step pattern, step 3 of 3: name_key NOT NULL + UNIQUE.
-- SQLite cannot alter a column, so each table is rebuilt the documented way: create the new
-- table with the full definition, copy, drop the old one, rename the new one (neither table has
-- indexes besides its inline unique constraints). The migration runner switches foreign keys OFF
-- around SQLite migrations; with them ON, DROP TABLE would cascade-delete the m2m rows, so the
-- guard below refuses to run in that case.

CREATE TEMP TABLE entreprinder_v10_guard (
    foreign_keys INTEGER CONSTRAINT entreprinder_v10_requires_foreign_keys_off CHECK (foreign_keys = 0)
);
INSERT INTO entreprinder_v10_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE entreprinder_v10_guard;

CREATE TABLE entreprinder_industry_new (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_industry_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NOT NULL,
    CONSTRAINT entreprinder_industry_name_key UNIQUE (name),
    CONSTRAINT entreprinder_industry_name_key_uniq UNIQUE (name_key)
);
INSERT INTO entreprinder_industry_new (id, name, name_key)
    SELECT id, name, name_key FROM entreprinder_industry ORDER BY id;
-- keep the AUTOINCREMENT high-water mark, so ids of deleted rows are never reused
DELETE FROM sqlite_sequence WHERE name = 'entreprinder_industry_new';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'entreprinder_industry_new', seq FROM sqlite_sequence WHERE name = 'entreprinder_industry';
DROP TABLE entreprinder_industry;
ALTER TABLE entreprinder_industry_new RENAME TO entreprinder_industry;

CREATE TABLE entreprinder_skill_new (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_skill_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NOT NULL,
    CONSTRAINT entreprinder_skill_name_key UNIQUE (name),
    CONSTRAINT entreprinder_skill_name_key_uniq UNIQUE (name_key)
);
INSERT INTO entreprinder_skill_new (id, name, name_key)
    SELECT id, name, name_key FROM entreprinder_skill ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'entreprinder_skill_new';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'entreprinder_skill_new', seq FROM sqlite_sequence WHERE name = 'entreprinder_skill';
DROP TABLE entreprinder_skill;
ALTER TABLE entreprinder_skill_new RENAME TO entreprinder_skill;
