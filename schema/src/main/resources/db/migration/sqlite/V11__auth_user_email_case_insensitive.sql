-- V11: one account per e-mail address, compared case-insensitively.
-- Partial: Django allows a blank e-mail (default ''), and any number of users may have none.
-- SQLite's lower() folds ASCII letters only: the DAO compares on values normalized in Java.

CREATE UNIQUE INDEX auth_user_email_ci_uniq ON auth_user (lower(email)) WHERE email <> '';
