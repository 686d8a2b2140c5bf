-- V18: the search vectors of V12 stored in a generated column each, GIN-indexed, instead of indexed expressions.
-- A ranked search must read the vector of every hit to rank it: from an expression, PostgreSQL recomputed
-- to_tsvector(search_fold(...)) for each of them (1-2 s for a common word in 100,000 profiles); stored, it reads
-- it. The columns are invisible to the Django app (it names its columns) and to the generated jOOQ classes
-- (codegen excludes search_vector): only SearchDao reads them. SQLite keeps its FTS5 tables (V12).

ALTER TABLE entreprinder_entrepreneurprofile
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', search_fold(headline)), 'A')
        || setweight(to_tsvector('simple', search_fold(bio)), 'B')) STORED;
CREATE INDEX entreprinder_entrepreneurprofile_search_vector_idx
    ON entreprinder_entrepreneurprofile USING gin (search_vector);
DROP INDEX entreprinder_entrepreneurprofile_search_idx;

ALTER TABLE crush_lu_meetupevent
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', search_fold(title)), 'A')
        || setweight(to_tsvector('simple', search_fold(description)), 'B')) STORED;
CREATE INDEX crush_lu_meetupevent_search_vector_idx
    ON crush_lu_meetupevent USING gin (search_vector);
DROP INDEX crush_lu_meetupevent_search_idx;
