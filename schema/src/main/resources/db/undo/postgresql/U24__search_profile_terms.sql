-- U24: undo V24: one-word searches rank the stored vectors of V18 again.
DROP TRIGGER entreprinder_profile_search_term_update ON entreprinder_entrepreneurprofile;
DROP TRIGGER entreprinder_profile_search_term_insert ON entreprinder_entrepreneurprofile;
DROP FUNCTION entreprinder_profile_search_term_update();
DROP FUNCTION entreprinder_profile_search_term_insert();
DROP TABLE entreprinder_profile_search_term;
DROP FUNCTION entreprinder_profile_search_terms(tsvector);
