-- U10 (SQLite): undo V10: rebuild both tables back to a nullable name_key without the unique
-- constraint (same procedure as V10; foreign keys must be OFF, the guard checks it).

CREATE TEMP TABLE entreprinder_u10_guard (
    foreign_keys INTEGER CONSTRAINT entreprinder_u10_requires_foreign_keys_off CHECK (foreign_keys = 0)
);
INSERT INTO entreprinder_u10_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE entreprinder_u10_guard;

CREATE TABLE entreprinder_skill_old (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_skill_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NULL,
    CONSTRAINT entreprinder_skill_name_key UNIQUE (name)
);
INSERT INTO entreprinder_skill_old (id, name, name_key)
    SELECT id, name, name_key FROM entreprinder_skill ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'entreprinder_skill_old';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'entreprinder_skill_old', seq FROM sqlite_sequence WHERE name = 'entreprinder_skill';
DROP TABLE entreprinder_skill;
ALTER TABLE entreprinder_skill_old RENAME TO entreprinder_skill;

CREATE TABLE entreprinder_industry_old (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_industry_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NULL,
    CONSTRAINT entreprinder_industry_name_key UNIQUE (name)
);
INSERT INTO entreprinder_industry_old (id, name, name_key)
    SELECT id, name, name_key FROM entreprinder_industry ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'entreprinder_industry_old';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'entreprinder_industry_old', seq FROM sqlite_sequence WHERE name = 'entreprinder_industry';
DROP TABLE entreprinder_industry;
ALTER TABLE entreprinder_industry_old RENAME TO entreprinder_industry;
