-- V24: the profile search's rank of every word of every profile, stored (issue 17). A search for one common word
-- (1 profile in 8) had to compute ts_rank for every hit before it could keep the best 20: 12,500 heap rows read and
-- ranked per query, 30 ms on a quiet server and 100-200 ms under load. ts_rank of a one-word query depends only on
-- that word's positions and weights in the profile's search_vector (V18), so it is computed once per (profile, word)
-- when the vector changes and kept here, and a one-word search reads the best 20 straight from
-- entreprinder_profile_search_term_lexeme_rank_idx. Statement-level triggers with transition tables keep it
-- current for every writer (the Django app included); a profile's rows go with it (ON DELETE CASCADE).
-- Searches of two or more words keep ranking the stored vector (V18): their ts_rank depends on word distances.
-- PostgreSQL only, not in the generated classes (SearchDao alone reads it); SQLite searches its FTS5 tables (V12).

-- The (lexeme, rank) pairs of a vector: rank = ts_rank(vector, that lexeme as a one-word query), with the defaults
-- SearchDao uses (weights D 0.1, C 0.2, B 0.4, A 1.0; normalization 0). The lexeme is quoted for tsquery input
-- (backslash and quote escaped), so the query is exactly that one lexeme, as plainto_tsquery would give it.
-- Not STRICT, so that PostgreSQL inlines it into the triggers' INSERTs (half the time of a called function; a NULL
-- vector has no lexemes either way).
CREATE FUNCTION entreprinder_profile_search_terms(vector tsvector) RETURNS TABLE (lexeme text, rank real)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT u.lexeme,
           ts_rank(vector, ('''' || replace(replace(u.lexeme, '\', '\\'), '''', '''''') || '''')::tsquery)
    FROM unnest(vector) AS u
$$;

CREATE TABLE entreprinder_profile_search_term (
    profile_id bigint NOT NULL,
    lexeme     text   NOT NULL,
    rank       real   NOT NULL,
    CONSTRAINT entreprinder_profile_search_term_pkey PRIMARY KEY (profile_id, lexeme),
    CONSTRAINT entreprinder_profile_search_term_profile_id_fk FOREIGN KEY (profile_id)
        REFERENCES entreprinder_entrepreneurprofile (id) ON DELETE CASCADE ON UPDATE CASCADE
);
-- The one-word search: WHERE lexeme = :word ORDER BY rank DESC, profile_id LIMIT n, an index-only range scan.
-- (profile_id is the primary key's first column: the foreign key needs no index of its own.)
CREATE INDEX entreprinder_profile_search_term_lexeme_rank_idx
    ON entreprinder_profile_search_term (lexeme, rank DESC, profile_id);

INSERT INTO entreprinder_profile_search_term (profile_id, lexeme, rank)
SELECT p.id, t.lexeme, t.rank
FROM entreprinder_entrepreneurprofile p, entreprinder_profile_search_terms(p.search_vector) t;

CREATE FUNCTION entreprinder_profile_search_term_insert() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO entreprinder_profile_search_term (profile_id, lexeme, rank)
    SELECT n.id, t.lexeme, t.rank
    FROM new_rows n, entreprinder_profile_search_terms(n.search_vector) t;
    RETURN NULL;
END
$$;

-- Only profiles whose vector (headline, bio) or id changed are rewritten. A changed id has already moved the rows
-- (ON UPDATE CASCADE): they are deleted under the new id and written again.
CREATE FUNCTION entreprinder_profile_search_term_update() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM entreprinder_profile_search_term t
    WHERE t.profile_id IN (
            SELECT n.id FROM new_rows n
            WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND o.search_vector = n.search_vector))
       OR t.profile_id IN (
            SELECT o.id FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND n.search_vector = o.search_vector));
    INSERT INTO entreprinder_profile_search_term (profile_id, lexeme, rank)
    SELECT n.id, t.lexeme, t.rank
    FROM new_rows n, entreprinder_profile_search_terms(n.search_vector) t
    WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND o.search_vector = n.search_vector);
    RETURN NULL;
END
$$;

CREATE TRIGGER entreprinder_profile_search_term_insert
    AFTER INSERT ON entreprinder_entrepreneurprofile
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entreprinder_profile_search_term_insert();
CREATE TRIGGER entreprinder_profile_search_term_update
    AFTER UPDATE ON entreprinder_entrepreneurprofile
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entreprinder_profile_search_term_update();
