-- V17 (SQLite): name_key no longer unique (see the PostgreSQL V17): industry and skill are rebuilt without
-- entreprinder_*_name_key_uniq, with a plain index, and V15's name_key triggers recreated (they go with the old
-- table). Foreign keys must be OFF (the guard checks it).

CREATE TEMP TABLE entreprinder_v17_guard (
    foreign_keys INTEGER CONSTRAINT entreprinder_v17_requires_foreign_keys_off CHECK (foreign_keys = 0)
);
INSERT INTO entreprinder_v17_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE entreprinder_v17_guard;

CREATE TABLE entreprinder_industry_new (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_industry_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NOT NULL DEFAULT '',
    CONSTRAINT entreprinder_industry_name_key UNIQUE (name)
);
INSERT INTO entreprinder_industry_new (id, name, name_key)
    SELECT id, name, name_key FROM entreprinder_industry ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'entreprinder_industry_new';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'entreprinder_industry_new', seq FROM sqlite_sequence WHERE name = 'entreprinder_industry';
DROP TABLE entreprinder_industry;
ALTER TABLE entreprinder_industry_new RENAME TO entreprinder_industry;

CREATE TABLE entreprinder_skill_new (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_skill_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NOT NULL DEFAULT '',
    CONSTRAINT entreprinder_skill_name_key UNIQUE (name)
);
INSERT INTO entreprinder_skill_new (id, name, name_key)
    SELECT id, name, name_key FROM entreprinder_skill ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'entreprinder_skill_new';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'entreprinder_skill_new', seq FROM sqlite_sequence WHERE name = 'entreprinder_skill';
DROP TABLE entreprinder_skill;
ALTER TABLE entreprinder_skill_new RENAME TO entreprinder_skill;

CREATE INDEX entreprinder_industry_name_key_idx ON entreprinder_industry (name_key);
CREATE INDEX entreprinder_skill_name_key_idx ON entreprinder_skill (name_key);

CREATE TRIGGER entreprinder_industry_name_key_fill AFTER INSERT ON entreprinder_industry
WHEN NEW.name_key = ''
BEGIN
    UPDATE entreprinder_industry SET name_key = lower(trim(NEW.name)) WHERE id = NEW.id;
END;

CREATE TRIGGER entreprinder_industry_name_key_follow AFTER UPDATE OF name ON entreprinder_industry
WHEN NEW.name IS NOT OLD.name AND NEW.name_key IS OLD.name_key
BEGIN
    UPDATE entreprinder_industry SET name_key = lower(trim(NEW.name)) WHERE id = NEW.id;
END;

CREATE TRIGGER entreprinder_skill_name_key_fill AFTER INSERT ON entreprinder_skill
WHEN NEW.name_key = ''
BEGIN
    UPDATE entreprinder_skill SET name_key = lower(trim(NEW.name)) WHERE id = NEW.id;
END;

CREATE TRIGGER entreprinder_skill_name_key_follow AFTER UPDATE OF name ON entreprinder_skill
WHEN NEW.name IS NOT OLD.name AND NEW.name_key IS OLD.name_key
BEGIN
    UPDATE entreprinder_skill SET name_key = lower(trim(NEW.name)) WHERE id = NEW.id;
END;
