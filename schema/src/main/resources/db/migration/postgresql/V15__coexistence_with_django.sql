-- V15: share the database with the unmodified Django app of the seed (issue 15). Every write that the seed's
-- models and Django's own validation accept must succeed; a rule stricter than Django moves to the library's
-- write path (see MIGRATIONS.md, "Rules and who enforces them").

-- 1. name_key is filled by the database when a writer leaves it out (Django knows nothing of the column), and
--    follows a rename that does not touch it. The library always sends the key it computed in Java
--    (V9__entreprinder_populate_name_key.normalizeName); this is the same rule in SQL (NFKC needs a UTF8 server).
CREATE FUNCTION entreprinder_fill_name_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.name_key IS NULL
       OR (TG_OP = 'UPDATE' AND NEW.name IS DISTINCT FROM OLD.name AND NEW.name_key IS NOT DISTINCT FROM OLD.name_key) THEN
        IF current_setting('server_encoding') = 'UTF8' THEN
            NEW.name_key := lower(btrim(regexp_replace(normalize(NEW.name, NFKC), '[[:space:]]+', ' ', 'g')));
        ELSE
            NEW.name_key := lower(btrim(regexp_replace(NEW.name, '[[:space:]]+', ' ', 'g')));
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER entreprinder_industry_name_key_fill
    BEFORE INSERT OR UPDATE ON entreprinder_industry
    FOR EACH ROW EXECUTE FUNCTION entreprinder_fill_name_key();

CREATE TRIGGER entreprinder_skill_name_key_fill
    BEFORE INSERT OR UPDATE ON entreprinder_skill
    FOR EACH ROW EXECUTE FUNCTION entreprinder_fill_name_key();

-- 2. A match may be stored in either order (the seed's model allows Match(user1=9, user2=4)); still one per pair.
ALTER TABLE matching_match DROP CONSTRAINT matching_match_ordered_pair_check;

CREATE UNIQUE INDEX matching_match_pair_uniq
    ON matching_match (least(user1_id, user2_id), greatest(user1_id, user2_id));

-- 3. Django's User.email is not unique: two users whose e-mails differ only in case are legal there. The library
--    keeps "one account per e-mail, case-insensitive" for the accounts it creates, in its write path (UserDao,
--    under a transaction-scoped advisory lock on the normalized address). The index stays for the look-ups.
DROP INDEX auth_user_email_ci_uniq;

CREATE INDEX auth_user_email_ci_idx ON auth_user (lower(email)) WHERE email <> '';
