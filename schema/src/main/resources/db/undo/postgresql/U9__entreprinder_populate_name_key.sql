-- U9: undo V9 (the Java migration): name_key back to NULL. Runs after U10, so the column is nullable again.
UPDATE entreprinder_skill SET name_key = NULL;
UPDATE entreprinder_industry SET name_key = NULL;
