-- V12: full-text search over entrepreneur profiles (headline A, bio B) and meetup events
-- (title A, description B). search_fold() removes the accents of the Latin letters used in
-- French, German and Luxembourgish and lower-cases; æ, œ and ß are kept as letters.
-- Queries must use exactly the indexed expressions, e.g.
--   setweight(to_tsvector('simple', search_fold(headline)), 'A')
--     || setweight(to_tsvector('simple', search_fold(bio)), 'B')
--   @@ plainto_tsquery('simple', search_fold(:q))

CREATE FUNCTION search_fold(input text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT lower(translate(input,
        'ÀÁÂÄÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÖÕÙÚÛÜÝŸàáâäãåçèéêëìíîïñòóôöõùúûüýÿÆŒ',
        'AAAAAACEEEEIIIINOOOOOUUUUYYaaaaaaceeeeiiiinooooouuuuyyæœ'))
$$;

CREATE INDEX entreprinder_entrepreneurprofile_search_idx
    ON entreprinder_entrepreneurprofile USING gin ((
        setweight(to_tsvector('simple', search_fold(headline)), 'A')
        || setweight(to_tsvector('simple', search_fold(bio)), 'B')));

CREATE INDEX crush_lu_meetupevent_search_idx
    ON crush_lu_meetupevent USING gin ((
        setweight(to_tsvector('simple', search_fold(title)), 'A')
        || setweight(to_tsvector('simple', search_fold(description)), 'B')));
