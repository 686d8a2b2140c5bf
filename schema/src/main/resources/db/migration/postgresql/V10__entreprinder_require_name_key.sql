-- V10: safe 3-step pattern, step 3 of 3: name_key is required and unique.
-- Fails if V9 left a NULL (it cannot) or if two names normalize to the same key (V9 refuses that first).

ALTER TABLE entreprinder_industry
    ALTER COLUMN name_key SET NOT NULL,
    ADD CONSTRAINT entreprinder_industry_name_key_uniq UNIQUE (name_key);

ALTER TABLE entreprinder_skill
    ALTER COLUMN name_key SET NOT NULL,
    ADD CONSTRAINT entreprinder_skill_name_key_uniq UNIQUE (name_key);
