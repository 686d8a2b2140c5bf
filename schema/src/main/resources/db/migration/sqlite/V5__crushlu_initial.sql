-- V5: Crush.lu, SQLite form (the V6 checks and defaults inline, same names as PostgreSQL).

CREATE TABLE crush_lu_crushprofile (
    id             INTEGER      NOT NULL CONSTRAINT crush_lu_crushprofile_pkey PRIMARY KEY AUTOINCREMENT,
    user_id        INTEGER      NOT NULL,
    date_of_birth  TEXT         NOT NULL,
    gender         VARCHAR(20)  NOT NULL,
    location       VARCHAR(100) NOT NULL,
    bio            TEXT         NOT NULL,
    phone          VARCHAR(20)  NOT NULL,
    photo_1        VARCHAR(100) NOT NULL,
    photo_2        VARCHAR(100) NOT NULL DEFAULT '',
    photo_3        VARCHAR(100) NOT NULL DEFAULT '',
    show_full_name BOOLEAN      NOT NULL DEFAULT 1
        CONSTRAINT crush_lu_crushprofile_show_full_name_check CHECK (show_full_name IN (0, 1)),
    show_exact_age BOOLEAN      NOT NULL DEFAULT 1
        CONSTRAINT crush_lu_crushprofile_show_exact_age_check CHECK (show_exact_age IN (0, 1)),
    blur_photos    BOOLEAN      NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_crushprofile_blur_photos_check CHECK (blur_photos IN (0, 1)),
    is_approved    BOOLEAN      NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_crushprofile_is_approved_check CHECK (is_approved IN (0, 1)),
    is_active      BOOLEAN      NOT NULL DEFAULT 1
        CONSTRAINT crush_lu_crushprofile_is_active_check CHECK (is_active IN (0, 1)),
    approved_at    TEXT         NULL,
    CONSTRAINT crush_lu_crushprofile_user_id_key UNIQUE (user_id),
    CONSTRAINT crush_lu_crushprofile_user_id_fk FOREIGN KEY (user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE
);

CREATE TABLE crush_lu_crushcoach (
    id                 INTEGER      NOT NULL CONSTRAINT crush_lu_crushcoach_pkey PRIMARY KEY AUTOINCREMENT,
    user_id            INTEGER      NOT NULL,
    specialization     VARCHAR(100) NOT NULL,
    bio                TEXT         NOT NULL,
    max_active_reviews INTEGER      NOT NULL DEFAULT 10,
    CONSTRAINT crush_lu_crushcoach_user_id_key UNIQUE (user_id),
    CONSTRAINT crush_lu_crushcoach_user_id_fk FOREIGN KEY (user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_crushcoach_max_active_reviews_check CHECK (max_active_reviews >= 0)
);

CREATE TABLE crush_lu_profilesubmission (
    id               INTEGER     NOT NULL CONSTRAINT crush_lu_profilesubmission_pkey PRIMARY KEY AUTOINCREMENT,
    profile_id       INTEGER     NOT NULL,
    coach_id         INTEGER     NULL,
    status           VARCHAR(20) NOT NULL DEFAULT 'pending',
    created_at       TEXT        NOT NULL,
    reviewed_at      TEXT        NULL,
    coach_notes      TEXT        NOT NULL DEFAULT '',
    feedback_to_user TEXT        NOT NULL DEFAULT '',
    CONSTRAINT crush_lu_profilesubmission_profile_id_fk FOREIGN KEY (profile_id)
        REFERENCES crush_lu_crushprofile (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_profilesubmission_coach_id_fk FOREIGN KEY (coach_id)
        REFERENCES crush_lu_crushcoach (id) ON DELETE SET NULL,
    CONSTRAINT crush_lu_profilesubmission_status_check
        CHECK (status IN ('pending', 'approved', 'rejected', 'revision'))
);
CREATE INDEX crush_lu_profilesubmission_profile_id_idx ON crush_lu_profilesubmission (profile_id);
CREATE INDEX crush_lu_profilesubmission_coach_id_idx ON crush_lu_profilesubmission (coach_id);
CREATE INDEX crush_lu_profilesubmission_coach_id_status_idx ON crush_lu_profilesubmission (coach_id, status);

CREATE TABLE crush_lu_meetupevent (
    id                    INTEGER       NOT NULL CONSTRAINT crush_lu_meetupevent_pkey PRIMARY KEY AUTOINCREMENT,
    title                 VARCHAR(200)  NOT NULL,
    description           TEXT          NOT NULL,
    event_type            VARCHAR(20)   NOT NULL,
    event_date            TEXT          NOT NULL,
    location              VARCHAR(200)  NOT NULL,
    max_participants      INTEGER       NOT NULL,
    min_age               INTEGER       NOT NULL DEFAULT 18,
    max_age               INTEGER       NOT NULL DEFAULT 99,
    registration_fee      NUMERIC(6, 2) NOT NULL DEFAULT 0,
    registration_deadline TEXT          NOT NULL,
    is_published          BOOLEAN       NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_meetupevent_is_published_check CHECK (is_published IN (0, 1)),
    is_private_invitation BOOLEAN       NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_meetupevent_is_private_invitation_check CHECK (is_private_invitation IN (0, 1)),
    invitation_code       VARCHAR(50)   NOT NULL DEFAULT '',
    CONSTRAINT crush_lu_meetupevent_event_type_check
        CHECK (event_type IN ('speed_dating', 'mixer', 'activity', 'themed')),
    CONSTRAINT crush_lu_meetupevent_max_participants_check CHECK (max_participants > 0),
    CONSTRAINT crush_lu_meetupevent_age_range_check CHECK (min_age >= 18 AND min_age <= max_age),
    CONSTRAINT crush_lu_meetupevent_registration_fee_check CHECK (registration_fee >= 0)
);
CREATE INDEX crush_lu_meetupevent_event_date_is_published_idx
    ON crush_lu_meetupevent (event_date, is_published);
CREATE INDEX crush_lu_meetupevent_is_private_invitation_idx
    ON crush_lu_meetupevent (is_private_invitation);

CREATE TABLE crush_lu_meetupevent_special_users (
    id             INTEGER NOT NULL CONSTRAINT crush_lu_meetupevent_special_users_pkey PRIMARY KEY AUTOINCREMENT,
    meetupevent_id INTEGER NOT NULL,
    user_id        INTEGER NOT NULL,
    CONSTRAINT crush_lu_meetupevent_special_users_meetupevent_id_user_id_uniq
        UNIQUE (meetupevent_id, user_id),
    CONSTRAINT crush_lu_meetupevent_special_users_meetupevent_id_fk FOREIGN KEY (meetupevent_id)
        REFERENCES crush_lu_meetupevent (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_meetupevent_special_users_user_id_fk FOREIGN KEY (user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE
);
CREATE INDEX crush_lu_meetupevent_special_users_meetupevent_id_idx
    ON crush_lu_meetupevent_special_users (meetupevent_id);
CREATE INDEX crush_lu_meetupevent_special_users_user_id_idx
    ON crush_lu_meetupevent_special_users (user_id);

CREATE TABLE crush_lu_eventregistration (
    id                   INTEGER     NOT NULL CONSTRAINT crush_lu_eventregistration_pkey PRIMARY KEY AUTOINCREMENT,
    event_id             INTEGER     NOT NULL,
    user_id              INTEGER     NOT NULL,
    status               VARCHAR(20) NOT NULL DEFAULT 'pending',
    payment_confirmed    BOOLEAN     NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_eventregistration_payment_confirmed_check CHECK (payment_confirmed IN (0, 1)),
    payment_date         TEXT        NULL,
    dietary_restrictions TEXT        NOT NULL DEFAULT '',
    special_requests     TEXT        NOT NULL DEFAULT '',
    created_at           TEXT        NOT NULL,
    CONSTRAINT crush_lu_eventregistration_event_id_user_id_uniq UNIQUE (event_id, user_id),
    CONSTRAINT crush_lu_eventregistration_event_id_fk FOREIGN KEY (event_id)
        REFERENCES crush_lu_meetupevent (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_eventregistration_user_id_fk FOREIGN KEY (user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_eventregistration_status_check
        CHECK (status IN ('pending', 'confirmed', 'waitlist', 'attended', 'no_show', 'cancelled'))
);
CREATE INDEX crush_lu_eventregistration_event_id_idx ON crush_lu_eventregistration (event_id);
CREATE INDEX crush_lu_eventregistration_user_id_idx ON crush_lu_eventregistration (user_id);
CREATE INDEX crush_lu_eventregistration_event_id_status_idx ON crush_lu_eventregistration (event_id, status);

CREATE TABLE crush_lu_eventconnection (
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
CREATE INDEX crush_lu_eventconnection_event_id_idx ON crush_lu_eventconnection (event_id);
CREATE INDEX crush_lu_eventconnection_from_user_id_idx ON crush_lu_eventconnection (from_user_id);
CREATE INDEX crush_lu_eventconnection_to_user_id_idx ON crush_lu_eventconnection (to_user_id);

CREATE TABLE crush_lu_connectionmessage (
    id            INTEGER NOT NULL CONSTRAINT crush_lu_connectionmessage_pkey PRIMARY KEY AUTOINCREMENT,
    connection_id INTEGER NOT NULL,
    sender_id     INTEGER NOT NULL,
    content       TEXT    NOT NULL,
    is_read       BOOLEAN NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_connectionmessage_is_read_check CHECK (is_read IN (0, 1)),
    created_at    TEXT    NOT NULL,
    CONSTRAINT crush_lu_connectionmessage_connection_id_fk FOREIGN KEY (connection_id)
        REFERENCES crush_lu_eventconnection (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_connectionmessage_sender_id_fk FOREIGN KEY (sender_id)
        REFERENCES auth_user (id) ON DELETE CASCADE
);
CREATE INDEX crush_lu_connectionmessage_connection_id_idx ON crush_lu_connectionmessage (connection_id);
CREATE INDEX crush_lu_connectionmessage_sender_id_idx ON crush_lu_connectionmessage (sender_id);
CREATE INDEX crush_lu_connectionmessage_connection_id_created_at_idx
    ON crush_lu_connectionmessage (connection_id, created_at);

CREATE TABLE crush_lu_journeyconfiguration (
    id          INTEGER      NOT NULL CONSTRAINT crush_lu_journeyconfiguration_pkey PRIMARY KEY AUTOINCREMENT,
    name        VARCHAR(200) NOT NULL,
    description TEXT         NOT NULL,
    is_active   BOOLEAN      NOT NULL DEFAULT 1
        CONSTRAINT crush_lu_journeyconfiguration_is_active_check CHECK (is_active IN (0, 1)),
    created_at  TEXT         NOT NULL
);

CREATE TABLE crush_lu_journeychapter (
    id             INTEGER      NOT NULL CONSTRAINT crush_lu_journeychapter_pkey PRIMARY KEY AUTOINCREMENT,
    journey_id     INTEGER      NOT NULL,
    chapter_number INTEGER      NOT NULL,
    title          VARCHAR(200) NOT NULL,
    description    TEXT         NOT NULL,
    CONSTRAINT crush_lu_journeychapter_journey_id_chapter_number_uniq UNIQUE (journey_id, chapter_number),
    CONSTRAINT crush_lu_journeychapter_journey_id_fk FOREIGN KEY (journey_id)
        REFERENCES crush_lu_journeyconfiguration (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeychapter_chapter_number_check CHECK (chapter_number >= 1)
);
CREATE INDEX crush_lu_journeychapter_journey_id_idx ON crush_lu_journeychapter (journey_id);

CREATE TABLE crush_lu_journeychallenge (
    id             INTEGER      NOT NULL CONSTRAINT crush_lu_journeychallenge_pkey PRIMARY KEY AUTOINCREMENT,
    chapter_id     INTEGER      NOT NULL,
    challenge_type VARCHAR(30)  NOT NULL,
    question       TEXT         NOT NULL,
    correct_answer VARCHAR(500) NOT NULL,
    options        TEXT         NULL,
    hint           TEXT         NOT NULL DEFAULT '',
    "order"        INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT crush_lu_journeychallenge_chapter_id_fk FOREIGN KEY (chapter_id)
        REFERENCES crush_lu_journeychapter (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeychallenge_challenge_type_check
        CHECK (challenge_type IN ('riddle', 'multiple_choice', 'word_scramble', 'timeline_sort',
                                  'would_you_rather', 'open_text')),
    CONSTRAINT crush_lu_journeychallenge_options_check CHECK (options IS NULL OR json_valid(options))
);
CREATE INDEX crush_lu_journeychallenge_chapter_id_idx ON crush_lu_journeychallenge (chapter_id);

CREATE TABLE crush_lu_journeyreward (
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
CREATE INDEX crush_lu_journeyreward_chapter_id_idx ON crush_lu_journeyreward (chapter_id);

CREATE TABLE crush_lu_journeyprogress (
    id                   INTEGER NOT NULL CONSTRAINT crush_lu_journeyprogress_pkey PRIMARY KEY AUTOINCREMENT,
    user_id              INTEGER NOT NULL,
    journey_id           INTEGER NOT NULL,
    current_chapter      INTEGER NOT NULL DEFAULT 1,
    completed_challenges TEXT    NOT NULL DEFAULT '[]',
    unlocked_rewards     TEXT    NOT NULL DEFAULT '[]',
    completed            BOOLEAN NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_journeyprogress_completed_check CHECK (completed IN (0, 1)),
    completed_at         TEXT    NULL,
    CONSTRAINT crush_lu_journeyprogress_user_id_journey_id_uniq UNIQUE (user_id, journey_id),
    CONSTRAINT crush_lu_journeyprogress_user_id_fk FOREIGN KEY (user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeyprogress_journey_id_fk FOREIGN KEY (journey_id)
        REFERENCES crush_lu_journeyconfiguration (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_journeyprogress_current_chapter_check CHECK (current_chapter >= 1),
    CONSTRAINT crush_lu_journeyprogress_completed_challenges_check
        CHECK (json_valid(completed_challenges) AND json_type(completed_challenges) = 'array'),
    CONSTRAINT crush_lu_journeyprogress_unlocked_rewards_check
        CHECK (json_valid(unlocked_rewards) AND json_type(unlocked_rewards) = 'array')
);
CREATE INDEX crush_lu_journeyprogress_user_id_idx ON crush_lu_journeyprogress (user_id);
CREATE INDEX crush_lu_journeyprogress_journey_id_idx ON crush_lu_journeyprogress (journey_id);

CREATE TABLE crush_lu_specialuserexperience (
    id                     INTEGER NOT NULL CONSTRAINT crush_lu_specialuserexperience_pkey PRIMARY KEY AUTOINCREMENT,
    user_id                INTEGER NOT NULL,
    journey_id             INTEGER NULL,
    custom_welcome_message TEXT    NOT NULL DEFAULT '',
    created_at             TEXT    NOT NULL,
    CONSTRAINT crush_lu_specialuserexperience_user_id_key UNIQUE (user_id),
    CONSTRAINT crush_lu_specialuserexperience_user_id_fk FOREIGN KEY (user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_specialuserexperience_journey_id_fk FOREIGN KEY (journey_id)
        REFERENCES crush_lu_journeyconfiguration (id) ON DELETE SET NULL
);
CREATE INDEX crush_lu_specialuserexperience_journey_id_idx ON crush_lu_specialuserexperience (journey_id);
