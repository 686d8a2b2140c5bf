-- V7: crush_lu_crushprofile.interests: a JSON array of strings, never NULL (default []).
-- GIN jsonb_path_ops index for containment queries (interests @> '["hiking"]').

ALTER TABLE crush_lu_crushprofile
    ADD COLUMN interests jsonb NOT NULL DEFAULT '[]'::jsonb,
    ADD CONSTRAINT crush_lu_crushprofile_interests_check CHECK (jsonb_typeof(interests) = 'array');

CREATE INDEX crush_lu_crushprofile_interests_idx
    ON crush_lu_crushprofile USING gin (interests jsonb_path_ops);
