-- U10: undo V10: name_key nullable again, without the unique constraint.
ALTER TABLE entreprinder_skill
    DROP CONSTRAINT entreprinder_skill_name_key_uniq,
    ALTER COLUMN name_key DROP NOT NULL;
ALTER TABLE entreprinder_industry
    DROP CONSTRAINT entreprinder_industry_name_key_uniq,
    ALTER COLUMN name_key DROP NOT NULL;
