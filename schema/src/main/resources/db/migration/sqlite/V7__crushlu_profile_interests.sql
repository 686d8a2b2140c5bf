-- V7 (SQLite): crush_lu_crushprofile.interests, a JSON array (text), never NULL (default []).
-- No GIN index in SQLite: containment queries use json_each.

ALTER TABLE crush_lu_crushprofile
    ADD COLUMN interests TEXT NOT NULL DEFAULT '[]'
        CONSTRAINT crush_lu_crushprofile_interests_check
        CHECK (json_valid(interests) AND json_type(interests) = 'array');
