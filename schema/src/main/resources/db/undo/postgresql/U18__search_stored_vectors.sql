-- U18: undo V18: back to V12's expression indexes.
CREATE INDEX entreprinder_entrepreneurprofile_search_idx
    ON entreprinder_entrepreneurprofile USING gin ((
        setweight(to_tsvector('simple', search_fold(headline)), 'A')
        || setweight(to_tsvector('simple', search_fold(bio)), 'B')));
DROP INDEX entreprinder_entrepreneurprofile_search_vector_idx;
ALTER TABLE entreprinder_entrepreneurprofile DROP COLUMN search_vector;

CREATE INDEX crush_lu_meetupevent_search_idx
    ON crush_lu_meetupevent USING gin ((
        setweight(to_tsvector('simple', search_fold(title)), 'A')
        || setweight(to_tsvector('simple', search_fold(description)), 'B')));
DROP INDEX crush_lu_meetupevent_search_vector_idx;
ALTER TABLE crush_lu_meetupevent DROP COLUMN search_vector;
