-- U15 (SQLite): undo V15: the unique e-mail index, the ordered-pair CHECK (table rebuild) and the name_key
-- triggers and default (table rebuilds). Foreign keys must be OFF (the guard checks it). Fails, staying applied,
-- when a match is stored in both orders or two e-mails differ only in case.

CREATE TEMP TABLE coexistence_u15_guard (
    foreign_keys INTEGER CONSTRAINT coexistence_u15_requires_foreign_keys_off CHECK (foreign_keys = 0)
);
INSERT INTO coexistence_u15_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE coexistence_u15_guard;

DROP INDEX auth_user_email_ci_idx;
CREATE UNIQUE INDEX auth_user_email_ci_uniq ON auth_user (lower(email)) WHERE email <> '';

CREATE TABLE matching_match_old (
    id         INTEGER NOT NULL CONSTRAINT matching_match_pkey PRIMARY KEY AUTOINCREMENT,
    user1_id   INTEGER NOT NULL,
    user2_id   INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    CONSTRAINT matching_match_user1_id_user2_id_uniq UNIQUE (user1_id, user2_id),
    CONSTRAINT matching_match_user1_id_fk FOREIGN KEY (user1_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT matching_match_user2_id_fk FOREIGN KEY (user2_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT matching_match_ordered_pair_check CHECK (user1_id < user2_id)
);
INSERT INTO matching_match_old (id, user1_id, user2_id, created_at)
    SELECT id, user1_id, user2_id, created_at FROM matching_match ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'matching_match_old';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'matching_match_old', seq FROM sqlite_sequence WHERE name = 'matching_match';
DROP TABLE matching_match;
ALTER TABLE matching_match_old RENAME TO matching_match;
CREATE INDEX matching_match_user1_id_idx ON matching_match (user1_id);
CREATE INDEX matching_match_user2_id_idx ON matching_match (user2_id);

DROP TRIGGER IF EXISTS entreprinder_skill_name_key_follow;
DROP TRIGGER IF EXISTS entreprinder_skill_name_key_fill;
DROP TRIGGER IF EXISTS entreprinder_industry_name_key_follow;
DROP TRIGGER IF EXISTS entreprinder_industry_name_key_fill;

CREATE TABLE entreprinder_skill_old (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_skill_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NOT NULL,
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

CREATE TABLE entreprinder_industry_old (
    id       INTEGER      NOT NULL CONSTRAINT entreprinder_industry_pkey PRIMARY KEY AUTOINCREMENT,
    name     VARCHAR(100) NOT NULL,
    name_key VARCHAR(100) NOT NULL,
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
