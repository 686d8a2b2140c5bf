-- U17 (SQLite): undo V17: industry and skill rebuilt with entreprinder_*_name_key_uniq again (fails, staying applied,
-- when two names of a table share a key). Foreign keys must be OFF (the guard checks it). V15's triggers are not
-- recreated here (the undo runner takes no trigger bodies): U15, which always runs next, only drops them if present.

CREATE TEMP TABLE entreprinder_u17_guard (
    foreign_keys INTEGER CONSTRAINT entreprinder_u17_requires_foreign_keys_off CHECK (foreign_keys = 0)
);
INSERT INTO entreprinder_u17_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE entreprinder_u17_guard;

CREATE TABLE entreprinder_industry_old (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_industry_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NOT NULL DEFAULT '',
    CONSTRAINT entreprinder_industry_name_key UNIQUE (name),
    CONSTRAINT entreprinder_industry_name_key_uniq UNIQUE (name_key)
);
INSERT INTO entreprinder_industry_old (id, name, name_key)
    SELECT id, name, name_key FROM entreprinder_industry ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'entreprinder_industry_old';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'entreprinder_industry_old', seq FROM sqlite_sequence WHERE name = 'entreprinder_industry';
DROP TABLE entreprinder_industry;
ALTER TABLE entreprinder_industry_old RENAME TO entreprinder_industry;

CREATE TABLE entreprinder_skill_old (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_skill_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NOT NULL DEFAULT '',
    CONSTRAINT entreprinder_skill_name_key UNIQUE (name),
    CONSTRAINT entreprinder_skill_name_key_uniq UNIQUE (name_key)
);
INSERT INTO entreprinder_skill_old (id, name, name_key)
    SELECT id, name, name_key FROM entreprinder_skill ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'entreprinder_skill_old';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'entreprinder_skill_old', seq FROM sqlite_sequence WHERE name = 'entreprinder_skill';
DROP TABLE entreprinder_skill;
ALTER TABLE entreprinder_skill_old RENAME TO entreprinder_skill;
