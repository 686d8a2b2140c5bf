-- V22 (SQLite): Matching: dislikes, and who liked first in a match (see the PostgreSQL V22).

CREATE TABLE matching_dislike (
    id           INTEGER NOT NULL CONSTRAINT matching_dislike_pkey PRIMARY KEY AUTOINCREMENT,
    from_user_id INTEGER NOT NULL,
    to_user_id   INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    CONSTRAINT matching_dislike_from_user_id_to_user_id_uniq UNIQUE (from_user_id, to_user_id),
    CONSTRAINT matching_dislike_from_user_id_fk FOREIGN KEY (from_user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT matching_dislike_to_user_id_fk FOREIGN KEY (to_user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT matching_dislike_not_self_check CHECK (from_user_id <> to_user_id)
);
CREATE INDEX matching_dislike_from_user_id_idx ON matching_dislike (from_user_id);
CREATE INDEX matching_dislike_to_user_id_idx ON matching_dislike (to_user_id);

-- A column constraint, so that U22 can drop the column again.
ALTER TABLE matching_match ADD COLUMN first_liker_id INTEGER NULL DEFAULT NULL
    CONSTRAINT matching_match_first_liker_id_check
    CHECK (first_liker_id IS NULL OR first_liker_id = user1_id OR first_liker_id = user2_id);
