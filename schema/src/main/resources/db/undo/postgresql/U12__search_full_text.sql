-- U12: undo V12 (the indexes first: they depend on the function).
DROP INDEX crush_lu_meetupevent_search_idx;
DROP INDEX entreprinder_entrepreneurprofile_search_idx;
DROP FUNCTION search_fold(text);
