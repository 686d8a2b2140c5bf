-- V12 (SQLite): FTS5 external-content indexes over entrepreneur profiles (headline, bio) and
-- meetup events (title, description); unicode61 with remove_diacritics 2 folds case and accents
-- like PostgreSQL's search_fold(). Triggers keep them in sync ('delete' command form for
-- external-content tables); 'rebuild' indexes the rows that already exist.

CREATE VIRTUAL TABLE entreprinder_entrepreneurprofile_fts USING fts5(
    headline, bio,
    content = 'entreprinder_entrepreneurprofile', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER entreprinder_entrepreneurprofile_fts_ai
AFTER INSERT ON entreprinder_entrepreneurprofile
BEGIN
    INSERT INTO entreprinder_entrepreneurprofile_fts (rowid, headline, bio)
    VALUES (new.id, new.headline, new.bio);
END;

CREATE TRIGGER entreprinder_entrepreneurprofile_fts_ad
AFTER DELETE ON entreprinder_entrepreneurprofile
BEGIN
    INSERT INTO entreprinder_entrepreneurprofile_fts (entreprinder_entrepreneurprofile_fts, rowid, headline, bio)
    VALUES ('delete', old.id, old.headline, old.bio);
END;

CREATE TRIGGER entreprinder_entrepreneurprofile_fts_au
AFTER UPDATE OF headline, bio ON entreprinder_entrepreneurprofile
BEGIN
    INSERT INTO entreprinder_entrepreneurprofile_fts (entreprinder_entrepreneurprofile_fts, rowid, headline, bio)
    VALUES ('delete', old.id, old.headline, old.bio);
    INSERT INTO entreprinder_entrepreneurprofile_fts (rowid, headline, bio)
    VALUES (new.id, new.headline, new.bio);
END;

INSERT INTO entreprinder_entrepreneurprofile_fts (entreprinder_entrepreneurprofile_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE crush_lu_meetupevent_fts USING fts5(
    title, description,
    content = 'crush_lu_meetupevent', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER crush_lu_meetupevent_fts_ai
AFTER INSERT ON crush_lu_meetupevent
BEGIN
    INSERT INTO crush_lu_meetupevent_fts (rowid, title, description)
    VALUES (new.id, new.title, new.description);
END;

CREATE TRIGGER crush_lu_meetupevent_fts_ad
AFTER DELETE ON crush_lu_meetupevent
BEGIN
    INSERT INTO crush_lu_meetupevent_fts (crush_lu_meetupevent_fts, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
END;

CREATE TRIGGER crush_lu_meetupevent_fts_au
AFTER UPDATE OF title, description ON crush_lu_meetupevent
BEGIN
    INSERT INTO crush_lu_meetupevent_fts (crush_lu_meetupevent_fts, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO crush_lu_meetupevent_fts (rowid, title, description)
    VALUES (new.id, new.title, new.description);
END;

INSERT INTO crush_lu_meetupevent_fts (crush_lu_meetupevent_fts) VALUES ('rebuild');
