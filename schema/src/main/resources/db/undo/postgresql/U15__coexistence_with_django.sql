-- U15: undo V15. Fails (and stays applied) when a match is stored in both orders or two e-mails differ only in case.
DROP INDEX auth_user_email_ci_idx;
CREATE UNIQUE INDEX auth_user_email_ci_uniq ON auth_user (lower(email)) WHERE email <> '';
DROP INDEX matching_match_pair_uniq;
ALTER TABLE matching_match ADD CONSTRAINT matching_match_ordered_pair_check CHECK (user1_id < user2_id);
DROP TRIGGER entreprinder_skill_name_key_fill ON entreprinder_skill;
DROP TRIGGER entreprinder_industry_name_key_fill ON entreprinder_industry;
DROP FUNCTION entreprinder_fill_name_key();
