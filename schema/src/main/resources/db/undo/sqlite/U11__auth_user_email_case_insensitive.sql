-- U11: undo V11.
DROP INDEX auth_user_email_ci_uniq;
