-- V21 (SQLite): the Crush.lu journey rules beyond the seed's sketch (issue 20); see the PostgreSQL V21 and
-- MIGRATIONS.md. SQLite cannot change a CHECK in place, so crush_lu_journeyreward is rebuilt the documented way to
-- admit reward_type 'puzzle' (foreign keys must be OFF: the guard checks it).

CREATE TEMP TABLE journey_rules_v21_guard (
    foreign_keys INTEGER CONSTRAINT journey_rules_v21_requires_foreign_keys_off CHECK (foreign_keys = 0)
);
INSERT INTO journey_rules_v21_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE journey_rules_v21_guard;

ALTER TABLE crush_lu_journeychapter
    ADD COLUMN is_questionnaire BOOLEAN NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_journeychapter_is_questionnaire_check CHECK (is_questionnaire IN (0, 1));

ALTER TABLE crush_lu_journeychallenge
    ADD COLUMN points INTEGER NOT NULL DEFAULT 10
        CONSTRAINT crush_lu_journeychallenge_points_check CHECK (points >= 0);
ALTER TABLE crush_lu_journeychallenge
    ADD COLUMN hint_cost INTEGER NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_journeychallenge_hint_cost_check CHECK (hint_cost >= 0);
ALTER TABLE crush_lu_journeychallenge
    ADD COLUMN alternative_answers TEXT NOT NULL DEFAULT '[]'
        CONSTRAINT crush_lu_journeychallenge_alternative_answers_check
        CHECK (json_valid(alternative_answers) AND json_type(alternative_answers) = 'array');

CREATE TABLE crush_lu_journeyreward_new (
    id          INTEGER      NOT NULL CONSTRAINT crush_lu_journeyreward_pkey PRIMARY KEY AUTOINCREMENT,
    chapter_id  INTEGER      NOT NULL,
    reward_type VARCHAR(20)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    content     TEXT         NOT NULL,
    photo       VARCHAR(100) NOT NULL DEFAULT '',
    CONSTRAINT crush_lu_journeyreward_chapter_id_fk FOREIGN KEY (chapter_id)
        REFERENCES crush_lu_journeychapter (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeyreward_reward_type_check
        CHECK (reward_type IN ('poem', 'photo_reveal', 'future_letter', 'puzzle'))
);
INSERT INTO crush_lu_journeyreward_new (id, chapter_id, reward_type, title, content, photo)
    SELECT id, chapter_id, reward_type, title, content, photo FROM crush_lu_journeyreward ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'crush_lu_journeyreward_new';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'crush_lu_journeyreward_new', seq FROM sqlite_sequence WHERE name = 'crush_lu_journeyreward';
DROP TABLE crush_lu_journeyreward;
ALTER TABLE crush_lu_journeyreward_new RENAME TO crush_lu_journeyreward;
CREATE INDEX crush_lu_journeyreward_chapter_id_idx ON crush_lu_journeyreward (chapter_id);

ALTER TABLE crush_lu_journeyprogress
    ADD COLUMN total_points INTEGER NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_journeyprogress_total_points_check CHECK (total_points >= 0);
ALTER TABLE crush_lu_journeyprogress
    ADD COLUMN chapters_completed_at TEXT NOT NULL DEFAULT '{}'
        CONSTRAINT crush_lu_journeyprogress_chapters_completed_at_check
        CHECK (json_valid(chapters_completed_at) AND json_type(chapters_completed_at) = 'object');
ALTER TABLE crush_lu_journeyprogress
    ADD COLUMN final_response VARCHAR(10) NOT NULL DEFAULT ''
        CONSTRAINT crush_lu_journeyprogress_final_response_check CHECK (final_response IN ('', 'yes', 'thinking'));
ALTER TABLE crush_lu_journeyprogress
    ADD COLUMN final_response_at TEXT NULL;

CREATE TABLE crush_lu_journeyattempt (
    id             INTEGER NOT NULL CONSTRAINT crush_lu_journeyattempt_pkey PRIMARY KEY AUTOINCREMENT,
    user_id        INTEGER NOT NULL,
    challenge_id   INTEGER NOT NULL,
    answer         TEXT    NOT NULL,
    is_correct     BOOLEAN NOT NULL
        CONSTRAINT crush_lu_journeyattempt_is_correct_check CHECK (is_correct IN (0, 1)),
    points_awarded INTEGER NOT NULL DEFAULT 0,
    hints_used     INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT    NOT NULL,
    CONSTRAINT crush_lu_journeyattempt_user_id_fk FOREIGN KEY (user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeyattempt_challenge_id_fk FOREIGN KEY (challenge_id)
        REFERENCES crush_lu_journeychallenge (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeyattempt_points_awarded_check CHECK (points_awarded >= 0),
    CONSTRAINT crush_lu_journeyattempt_hints_used_check CHECK (hints_used >= 0)
);
CREATE INDEX crush_lu_journeyattempt_user_id_idx ON crush_lu_journeyattempt (user_id);
CREATE INDEX crush_lu_journeyattempt_challenge_id_idx ON crush_lu_journeyattempt (challenge_id);

CREATE TABLE crush_lu_journeyhintuse (
    id           INTEGER NOT NULL CONSTRAINT crush_lu_journeyhintuse_pkey PRIMARY KEY AUTOINCREMENT,
    progress_id  INTEGER NOT NULL,
    challenge_id INTEGER NOT NULL,
    points_spent INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    CONSTRAINT crush_lu_journeyhintuse_progress_id_challenge_id_uniq UNIQUE (progress_id, challenge_id),
    CONSTRAINT crush_lu_journeyhintuse_progress_id_fk FOREIGN KEY (progress_id)
        REFERENCES crush_lu_journeyprogress (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeyhintuse_challenge_id_fk FOREIGN KEY (challenge_id)
        REFERENCES crush_lu_journeychallenge (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeyhintuse_points_spent_check CHECK (points_spent >= 0)
);
CREATE INDEX crush_lu_journeyhintuse_progress_id_idx ON crush_lu_journeyhintuse (progress_id);
CREATE INDEX crush_lu_journeyhintuse_challenge_id_idx ON crush_lu_journeyhintuse (challenge_id);

CREATE TABLE crush_lu_journeypuzzlepiece (
    id           INTEGER NOT NULL CONSTRAINT crush_lu_journeypuzzlepiece_pkey PRIMARY KEY AUTOINCREMENT,
    reward_id    INTEGER NOT NULL,
    piece_number INTEGER NOT NULL,
    point_cost   INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT crush_lu_journeypuzzlepiece_reward_id_piece_number_uniq UNIQUE (reward_id, piece_number),
    CONSTRAINT crush_lu_journeypuzzlepiece_reward_id_fk FOREIGN KEY (reward_id)
        REFERENCES crush_lu_journeyreward (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeypuzzlepiece_piece_number_check CHECK (piece_number >= 1),
    CONSTRAINT crush_lu_journeypuzzlepiece_point_cost_check CHECK (point_cost >= 0)
);
CREATE INDEX crush_lu_journeypuzzlepiece_reward_id_idx ON crush_lu_journeypuzzlepiece (reward_id);

CREATE TABLE crush_lu_journeypieceunlock (
    id           INTEGER NOT NULL CONSTRAINT crush_lu_journeypieceunlock_pkey PRIMARY KEY AUTOINCREMENT,
    progress_id  INTEGER NOT NULL,
    piece_id     INTEGER NOT NULL,
    points_spent INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    CONSTRAINT crush_lu_journeypieceunlock_progress_id_piece_id_uniq UNIQUE (progress_id, piece_id),
    CONSTRAINT crush_lu_journeypieceunlock_progress_id_fk FOREIGN KEY (progress_id)
        REFERENCES crush_lu_journeyprogress (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeypieceunlock_piece_id_fk FOREIGN KEY (piece_id)
        REFERENCES crush_lu_journeypuzzlepiece (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeypieceunlock_points_spent_check CHECK (points_spent >= 0)
);
CREATE INDEX crush_lu_journeypieceunlock_progress_id_idx ON crush_lu_journeypieceunlock (progress_id);
CREATE INDEX crush_lu_journeypieceunlock_piece_id_idx ON crush_lu_journeypieceunlock (piece_id);
