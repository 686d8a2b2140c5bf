-- U1: undo V1.
DROP TABLE auth_user;
