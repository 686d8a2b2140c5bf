-- U17: undo V17. Fails (and stays applied) when two names of a table share a key.
DROP INDEX entreprinder_skill_name_key_idx;
ALTER TABLE entreprinder_skill ADD CONSTRAINT entreprinder_skill_name_key_uniq UNIQUE (name_key);
DROP INDEX entreprinder_industry_name_key_idx;
ALTER TABLE entreprinder_industry ADD CONSTRAINT entreprinder_industry_name_key_uniq UNIQUE (name_key);
