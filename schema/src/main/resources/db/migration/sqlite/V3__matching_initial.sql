-- V3: Matching, SQLite form (the V6 checks inline, same names as PostgreSQL).

CREATE TABLE matching_match (
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
CREATE INDEX matching_match_user1_id_idx ON matching_match (user1_id);
CREATE INDEX matching_match_user2_id_idx ON matching_match (user2_id);

CREATE TABLE matching_like (
    id           INTEGER NOT NULL CONSTRAINT matching_like_pkey PRIMARY KEY AUTOINCREMENT,
    from_user_id INTEGER NOT NULL,
    to_user_id   INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    CONSTRAINT matching_like_from_user_id_to_user_id_uniq UNIQUE (from_user_id, to_user_id),
    CONSTRAINT matching_like_from_user_id_fk FOREIGN KEY (from_user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT matching_like_to_user_id_fk FOREIGN KEY (to_user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT matching_like_not_self_check CHECK (from_user_id <> to_user_id)
);
CREATE INDEX matching_like_from_user_id_idx ON matching_like (from_user_id);
CREATE INDEX matching_like_to_user_id_idx ON matching_like (to_user_id);
