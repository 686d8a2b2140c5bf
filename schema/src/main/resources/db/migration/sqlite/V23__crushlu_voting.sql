-- V23 (SQLite): Crush.lu voting sessions and presentation ratings (see the PostgreSQL V23).

CREATE TABLE crush_lu_votingsession (
    id           INTEGER     NOT NULL CONSTRAINT crush_lu_votingsession_pkey PRIMARY KEY AUTOINCREMENT,
    event_id     INTEGER     NOT NULL,
    opened_by_user_id INTEGER     NULL,
    status       VARCHAR(20) NOT NULL DEFAULT 'open',
    opened_at    TEXT        NOT NULL,
    closed_at    TEXT        NULL,
    CONSTRAINT crush_lu_votingsession_event_id_key UNIQUE (event_id),
    CONSTRAINT crush_lu_votingsession_event_id_fk FOREIGN KEY (event_id)
        REFERENCES crush_lu_meetupevent (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_votingsession_opened_by_id_fk FOREIGN KEY (opened_by_user_id)
        REFERENCES auth_user (id) ON DELETE SET NULL,
    CONSTRAINT crush_lu_votingsession_status_check CHECK (status IN ('open', 'closed'))
);
CREATE INDEX crush_lu_votingsession_opened_by_id_idx ON crush_lu_votingsession (opened_by_user_id);

CREATE TABLE crush_lu_presentationrating (
    id           INTEGER NOT NULL CONSTRAINT crush_lu_presentationrating_pkey PRIMARY KEY AUTOINCREMENT,
    session_id   INTEGER NOT NULL,
    rater_user_id     INTEGER NOT NULL,
    presenter_user_id INTEGER NOT NULL,
    score        INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    CONSTRAINT crush_lu_presentationrating_session_rater_presenter_uniq UNIQUE (session_id, rater_user_id, presenter_user_id),
    CONSTRAINT crush_lu_presentationrating_session_id_fk FOREIGN KEY (session_id)
        REFERENCES crush_lu_votingsession (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_presentationrating_rater_id_fk FOREIGN KEY (rater_user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_presentationrating_presenter_id_fk FOREIGN KEY (presenter_user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_presentationrating_score_check CHECK (score BETWEEN 1 AND 5),
    CONSTRAINT crush_lu_presentationrating_not_self_check CHECK (rater_user_id <> presenter_user_id)
);
CREATE INDEX crush_lu_presentationrating_session_id_idx ON crush_lu_presentationrating (session_id);
CREATE INDEX crush_lu_presentationrating_rater_id_idx ON crush_lu_presentationrating (rater_user_id);
CREATE INDEX crush_lu_presentationrating_presenter_id_idx ON crush_lu_presentationrating (presenter_user_id);
