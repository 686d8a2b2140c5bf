-- U7: undo V7.
DROP INDEX crush_lu_crushprofile_interests_idx;
ALTER TABLE crush_lu_crushprofile
    DROP CONSTRAINT crush_lu_crushprofile_interests_check,
    DROP COLUMN interests;
