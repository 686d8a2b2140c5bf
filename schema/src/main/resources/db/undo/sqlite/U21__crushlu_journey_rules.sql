-- U21 (SQLite): undo V21 (each column's own CHECK goes with it; crush_lu_journeyreward rebuilt with the old
-- CHECK). Foreign keys must be OFF (the guard checks it). Fails, staying applied, while a puzzle reward exists.
CREATE TEMP TABLE journey_rules_u21_guard (
    foreign_keys INTEGER CONSTRAINT journey_rules_u21_requires_foreign_keys_off CHECK (foreign_keys = 0)
);
INSERT INTO journey_rules_u21_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE journey_rules_u21_guard;
DROP TABLE crush_lu_journeypieceunlock;
DROP TABLE crush_lu_journeypuzzlepiece;
DROP TABLE crush_lu_journeyhintuse;
DROP TABLE crush_lu_journeyattempt;
ALTER TABLE crush_lu_journeyprogress DROP COLUMN final_response_at;
ALTER TABLE crush_lu_journeyprogress DROP COLUMN final_response;
ALTER TABLE crush_lu_journeyprogress DROP COLUMN chapters_completed_at;
ALTER TABLE crush_lu_journeyprogress DROP COLUMN total_points;
CREATE TABLE crush_lu_journeyreward_old (
    id          INTEGER      NOT NULL CONSTRAINT crush_lu_journeyreward_pkey PRIMARY KEY AUTOINCREMENT,
    chapter_id  INTEGER      NOT NULL,
    reward_type VARCHAR(20)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    content     TEXT         NOT NULL,
    photo       VARCHAR(100) NOT NULL DEFAULT '',
    CONSTRAINT crush_lu_journeyreward_chapter_id_fk FOREIGN KEY (chapter_id)
        REFERENCES crush_lu_journeychapter (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeyreward_reward_type_check
        CHECK (reward_type IN ('poem', 'photo_reveal', 'future_letter'))
);
INSERT INTO crush_lu_journeyreward_old (id, chapter_id, reward_type, title, content, photo)
    SELECT id, chapter_id, reward_type, title, content, photo FROM crush_lu_journeyreward ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'crush_lu_journeyreward_old';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'crush_lu_journeyreward_old', seq FROM sqlite_sequence WHERE name = 'crush_lu_journeyreward';
DROP TABLE crush_lu_journeyreward;
ALTER TABLE crush_lu_journeyreward_old RENAME TO crush_lu_journeyreward;
CREATE INDEX crush_lu_journeyreward_chapter_id_idx ON crush_lu_journeyreward (chapter_id);
ALTER TABLE crush_lu_journeychallenge DROP COLUMN alternative_answers;
ALTER TABLE crush_lu_journeychallenge DROP COLUMN hint_cost;
ALTER TABLE crush_lu_journeychallenge DROP COLUMN points;
ALTER TABLE crush_lu_journeychapter DROP COLUMN is_questionnaire;
