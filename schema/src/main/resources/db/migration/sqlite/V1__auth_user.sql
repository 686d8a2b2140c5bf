-- V1: Django's auth_user, SQLite form. SQLite cannot add constraints or defaults to an existing
-- table, so the CHECKs and DEFAULTs that PostgreSQL gets in V6 are declared here inline, with the
-- same names. Booleans are 0/1 (CHECK), timestamps fixed-width UTC text.

CREATE TABLE auth_user (
    id           INTEGER      NOT NULL CONSTRAINT auth_user_pkey PRIMARY KEY AUTOINCREMENT,
    password     VARCHAR(128) NOT NULL,
    last_login   TEXT         NULL,
    is_superuser BOOLEAN      NOT NULL DEFAULT 0
        CONSTRAINT auth_user_is_superuser_check CHECK (is_superuser IN (0, 1)),
    username     VARCHAR(150) NOT NULL,
    first_name   VARCHAR(150) NOT NULL DEFAULT '',
    last_name    VARCHAR(150) NOT NULL DEFAULT '',
    email        VARCHAR(254) NOT NULL DEFAULT '',
    is_staff     BOOLEAN      NOT NULL DEFAULT 0
        CONSTRAINT auth_user_is_staff_check CHECK (is_staff IN (0, 1)),
    is_active    BOOLEAN      NOT NULL DEFAULT 1
        CONSTRAINT auth_user_is_active_check CHECK (is_active IN (0, 1)),
    date_joined  TEXT         NOT NULL,
    CONSTRAINT auth_user_username_key UNIQUE (username)
);
