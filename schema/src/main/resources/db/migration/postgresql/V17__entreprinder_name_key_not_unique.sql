-- V17: industry and skill names unique after normalization is stricter than Django (its unique=True on name is
-- case-sensitive, and the Django app shares these tables): the rule moves to the library's write path (TaxonomyDao,
-- under a transaction-scoped advisory lock on the key); name_key keeps a plain index for the look-ups.
-- IF EXISTS: an adopted Django database never had the V10 constraint built (see MIGRATIONS.md, adopt).

ALTER TABLE entreprinder_industry DROP CONSTRAINT IF EXISTS entreprinder_industry_name_key_uniq;
CREATE INDEX entreprinder_industry_name_key_idx ON entreprinder_industry (name_key);

ALTER TABLE entreprinder_skill DROP CONSTRAINT IF EXISTS entreprinder_skill_name_key_uniq;
CREATE INDEX entreprinder_skill_name_key_idx ON entreprinder_skill (name_key);
