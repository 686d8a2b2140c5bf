-- V8: safe 3-step pattern, step 1 of 3: add the nullable column.
-- Step 2 (V9) populates it in Java; step 3 (V10) makes it NOT NULL and unique.

ALTER TABLE entreprinder_industry ADD COLUMN name_key varchar(100) NULL;

ALTER TABLE entreprinder_skill ADD COLUMN name_key varchar(100) NULL;
