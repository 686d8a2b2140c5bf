-- V2: Entreprinder/PowerUP, SQLite form (constraints and V6 defaults inline, same names as PostgreSQL).
-- Names over 63 characters abbreviate entrepreneurprofile -> eprofile (see MIGRATIONS.md).

CREATE TABLE entreprinder_industry (
    id   INTEGER      NOT NULL CONSTRAINT entreprinder_industry_pkey PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT entreprinder_industry_name_key UNIQUE (name)
);

CREATE TABLE entreprinder_skill (
    id   INTEGER      NOT NULL CONSTRAINT entreprinder_skill_pkey PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT entreprinder_skill_name_key UNIQUE (name)
);

CREATE TABLE entreprinder_entrepreneurprofile (
    id            INTEGER      NOT NULL CONSTRAINT entreprinder_entrepreneurprofile_pkey PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER      NOT NULL,
    headline      VARCHAR(200) NOT NULL,
    bio           TEXT         NOT NULL,
    linkedin_url  VARCHAR(200) NOT NULL DEFAULT '',
    profile_photo VARCHAR(100) NOT NULL,
    CONSTRAINT entreprinder_entrepreneurprofile_user_id_key UNIQUE (user_id),
    CONSTRAINT entreprinder_entrepreneurprofile_user_id_fk FOREIGN KEY (user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE
);

CREATE TABLE entreprinder_entrepreneurprofile_industries (
    id                     INTEGER NOT NULL CONSTRAINT entreprinder_entrepreneurprofile_industries_pkey PRIMARY KEY AUTOINCREMENT,
    entrepreneurprofile_id INTEGER NOT NULL,
    industry_id            INTEGER NOT NULL,
    CONSTRAINT entreprinder_eprofile_industries_eprofile_id_industry_id_uniq
        UNIQUE (entrepreneurprofile_id, industry_id),
    CONSTRAINT entreprinder_eprofile_industries_eprofile_id_fk FOREIGN KEY (entrepreneurprofile_id)
        REFERENCES entreprinder_entrepreneurprofile (id) ON DELETE CASCADE,
    CONSTRAINT entreprinder_entrepreneurprofile_industries_industry_id_fk FOREIGN KEY (industry_id)
        REFERENCES entreprinder_industry (id) ON DELETE CASCADE
);
CREATE INDEX entreprinder_eprofile_industries_eprofile_id_idx
    ON entreprinder_entrepreneurprofile_industries (entrepreneurprofile_id);
CREATE INDEX entreprinder_entrepreneurprofile_industries_industry_id_idx
    ON entreprinder_entrepreneurprofile_industries (industry_id);

CREATE TABLE entreprinder_entrepreneurprofile_skills (
    id                     INTEGER NOT NULL CONSTRAINT entreprinder_entrepreneurprofile_skills_pkey PRIMARY KEY AUTOINCREMENT,
    entrepreneurprofile_id INTEGER NOT NULL,
    skill_id               INTEGER NOT NULL,
    CONSTRAINT entreprinder_eprofile_skills_eprofile_id_skill_id_uniq
        UNIQUE (entrepreneurprofile_id, skill_id),
    CONSTRAINT entreprinder_eprofile_skills_eprofile_id_fk FOREIGN KEY (entrepreneurprofile_id)
        REFERENCES entreprinder_entrepreneurprofile (id) ON DELETE CASCADE,
    CONSTRAINT entreprinder_entrepreneurprofile_skills_skill_id_fk FOREIGN KEY (skill_id)
        REFERENCES entreprinder_skill (id) ON DELETE CASCADE
);
CREATE INDEX entreprinder_eprofile_skills_eprofile_id_idx
    ON entreprinder_entrepreneurprofile_skills (entrepreneurprofile_id);
CREATE INDEX entreprinder_entrepreneurprofile_skills_skill_id_idx
    ON entreprinder_entrepreneurprofile_skills (skill_id);
