-- V15 (SQLite): share the database with the unmodified Django app of the seed (issue 15); see the PostgreSQL
-- V15 and MIGRATIONS.md. SQLite cannot drop a CHECK or add a column default in place, so industry, skill and
-- matching_match are rebuilt the documented way (foreign keys must be OFF: the guard checks it).

CREATE TEMP TABLE coexistence_v15_guard (
    foreign_keys INTEGER CONSTRAINT coexistence_v15_requires_foreign_keys_off CHECK (foreign_keys = 0)
);
INSERT INTO coexistence_v15_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE coexistence_v15_guard;

-- 1. name_key filled by the database when a writer leaves it out. SQLite's NOT NULL is checked before any
--    trigger can help, so the column defaults to '' and an AFTER INSERT trigger writes the key. SQLite has no
--    NFKC and its lower() folds ASCII only: the SQL key is lower(trim(name)) with whitespace runs kept; the library
--    always writes its own Java key, and reads cope with keys that differ.
CREATE TABLE entreprinder_industry_new (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_industry_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NOT NULL DEFAULT '',
    CONSTRAINT entreprinder_industry_name_key UNIQUE (name),
    CONSTRAINT entreprinder_industry_name_key_uniq UNIQUE (name_key)
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

-- 2. A match in either order, still one per pair.
CREATE TABLE matching_match_new (
    id         INTEGER NOT NULL CONSTRAINT matching_match_pkey PRIMARY KEY AUTOINCREMENT,
    user1_id   INTEGER NOT NULL,
    user2_id   INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    CONSTRAINT matching_match_user1_id_user2_id_uniq UNIQUE (user1_id, user2_id),
    CONSTRAINT matching_match_user1_id_fk FOREIGN KEY (user1_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT matching_match_user2_id_fk FOREIGN KEY (user2_id)
        REFERENCES auth_user (id) ON DELETE CASCADE
);
INSERT INTO matching_match_new (id, user1_id, user2_id, created_at)
    SELECT id, user1_id, user2_id, created_at FROM matching_match ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'matching_match_new';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'matching_match_new', seq FROM sqlite_sequence WHERE name = 'matching_match';
DROP TABLE matching_match;
ALTER TABLE matching_match_new RENAME TO matching_match;
CREATE INDEX matching_match_user1_id_idx ON matching_match (user1_id);
CREATE INDEX matching_match_user2_id_idx ON matching_match (user2_id);
CREATE UNIQUE INDEX matching_match_pair_uniq
    ON matching_match (min(user1_id, user2_id), max(user1_id, user2_id));

-- 3. E-mail: case-insensitive uniqueness moves to the library's write path (Django's User.email is not unique);
--    on SQLite every library transaction holds the write lock (BEGIN IMMEDIATE), so check-then-insert is safe.
DROP INDEX auth_user_email_ci_uniq;
CREATE INDEX auth_user_email_ci_idx ON auth_user (lower(email)) WHERE email <> '';
