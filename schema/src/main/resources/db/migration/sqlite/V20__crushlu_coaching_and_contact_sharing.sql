-- V20 (SQLite): the same columns as on PostgreSQL (see there); checks inline with each column, and the coach
-- reference a column constraint (SQLite adds a REFERENCES column only with a NULL default, which this one has).

ALTER TABLE crush_lu_crushcoach
    ADD COLUMN is_active BOOLEAN NOT NULL DEFAULT 1
        CONSTRAINT crush_lu_crushcoach_is_active_check CHECK (is_active IN (0, 1));

ALTER TABLE crush_lu_profilesubmission
    ADD COLUMN screening_call_completed BOOLEAN NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_profilesubmission_screening_call_completed_check
        CHECK (screening_call_completed IN (0, 1));
ALTER TABLE crush_lu_profilesubmission ADD COLUMN screening_call_date TEXT NULL;
ALTER TABLE crush_lu_profilesubmission ADD COLUMN screening_call_notes TEXT NOT NULL DEFAULT '';

ALTER TABLE crush_lu_eventconnection
    ADD COLUMN sharing_status VARCHAR(20) NOT NULL DEFAULT 'accepted'
        CONSTRAINT crush_lu_eventconnection_sharing_status_check
        CHECK (sharing_status IN ('accepted', 'coach_reviewing', 'coach_approved', 'shared'));
ALTER TABLE crush_lu_eventconnection
    ADD COLUMN requester_consent BOOLEAN NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_eventconnection_requester_consent_check CHECK (requester_consent IN (0, 1));
ALTER TABLE crush_lu_eventconnection
    ADD COLUMN recipient_consent BOOLEAN NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_eventconnection_recipient_consent_check CHECK (recipient_consent IN (0, 1));
ALTER TABLE crush_lu_eventconnection
    ADD COLUMN assigned_coach_id INTEGER NULL
        CONSTRAINT crush_lu_eventconnection_assigned_coach_id_fk
        REFERENCES crush_lu_crushcoach (id) ON DELETE SET NULL;
CREATE INDEX crush_lu_eventconnection_assigned_coach_id_idx ON crush_lu_eventconnection (assigned_coach_id);
