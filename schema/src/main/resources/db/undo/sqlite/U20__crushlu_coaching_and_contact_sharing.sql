-- U20 (SQLite): undo V20. A column with a REFERENCES constraint cannot be dropped in SQLite, so
-- crush_lu_eventconnection is rebuilt in its V5 form (rows and the AUTOINCREMENT high-water mark kept); foreign keys
-- must be OFF (the guard checks it), so the drop does not cascade to the connection's messages. The other columns
-- carry only their own CHECK and are dropped.

CREATE TEMP TABLE crush_lu_u20_guard (
    foreign_keys INTEGER CONSTRAINT crush_lu_u20_requires_foreign_keys_off CHECK (foreign_keys = 0)
);
INSERT INTO crush_lu_u20_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE crush_lu_u20_guard;

DROP INDEX crush_lu_eventconnection_assigned_coach_id_idx;
CREATE TABLE crush_lu_eventconnection_old (
    id           INTEGER     NOT NULL CONSTRAINT crush_lu_eventconnection_pkey PRIMARY KEY AUTOINCREMENT,
    event_id     INTEGER     NOT NULL,
    from_user_id INTEGER     NOT NULL,
    to_user_id   INTEGER     NOT NULL,
    status       VARCHAR(20) NOT NULL DEFAULT 'pending',
    connected_at TEXT        NULL,
    created_at   TEXT        NOT NULL,
    CONSTRAINT crush_lu_eventconnection_event_id_from_user_id_to_user_id_uniq
        UNIQUE (event_id, from_user_id, to_user_id),
    CONSTRAINT crush_lu_eventconnection_event_id_fk FOREIGN KEY (event_id)
        REFERENCES crush_lu_meetupevent (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_eventconnection_from_user_id_fk FOREIGN KEY (from_user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_eventconnection_to_user_id_fk FOREIGN KEY (to_user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_eventconnection_status_check
        CHECK (status IN ('pending', 'connected', 'declined')),
    CONSTRAINT crush_lu_eventconnection_not_self_check CHECK (from_user_id <> to_user_id)
);
INSERT INTO crush_lu_eventconnection_old (id, event_id, from_user_id, to_user_id, status, connected_at, created_at)
    SELECT id, event_id, from_user_id, to_user_id, status, connected_at, created_at
    FROM crush_lu_eventconnection ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'crush_lu_eventconnection_old';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'crush_lu_eventconnection_old', seq FROM sqlite_sequence WHERE name = 'crush_lu_eventconnection';
DROP TABLE crush_lu_eventconnection;
ALTER TABLE crush_lu_eventconnection_old RENAME TO crush_lu_eventconnection;
CREATE INDEX crush_lu_eventconnection_event_id_idx ON crush_lu_eventconnection (event_id);
CREATE INDEX crush_lu_eventconnection_from_user_id_idx ON crush_lu_eventconnection (from_user_id);
CREATE INDEX crush_lu_eventconnection_to_user_id_idx ON crush_lu_eventconnection (to_user_id);

ALTER TABLE crush_lu_profilesubmission DROP COLUMN screening_call_notes;
ALTER TABLE crush_lu_profilesubmission DROP COLUMN screening_call_date;
ALTER TABLE crush_lu_profilesubmission DROP COLUMN screening_call_completed;
ALTER TABLE crush_lu_crushcoach DROP COLUMN is_active;
