-- V20: the platform's coaching and contact-sharing rules (issue 20), additive: every new column has a database
-- default (or is nullable), so the seed's Django app, whose INSERTs do not name them, keeps working.
--   crush_lu_crushcoach.is_active: an inactive coach is never assigned a submission and cannot review.
--   crush_lu_profilesubmission.screening_call_*: approval requires a recorded screening call.
--   crush_lu_eventconnection: contact sharing after an accepted connection (the seed's status 'connected'):
--     sharing_status accepted -> coach_reviewing (both consents) -> coach_approved (coach) -> shared (coach),
--     the two consents, and the coach the connection is assigned to (the requester's coach).

ALTER TABLE crush_lu_crushcoach
    ADD COLUMN is_active boolean NOT NULL DEFAULT true;

ALTER TABLE crush_lu_profilesubmission
    ADD COLUMN screening_call_completed boolean NOT NULL DEFAULT false,
    ADD COLUMN screening_call_date      date    NULL,
    ADD COLUMN screening_call_notes     text    NOT NULL DEFAULT '';

ALTER TABLE crush_lu_eventconnection
    ADD COLUMN sharing_status    varchar(20) NOT NULL DEFAULT 'accepted',
    ADD COLUMN requester_consent boolean     NOT NULL DEFAULT false,
    ADD COLUMN recipient_consent boolean     NOT NULL DEFAULT false,
    ADD COLUMN assigned_coach_id bigint      NULL,
    ADD CONSTRAINT crush_lu_eventconnection_sharing_status_check
        CHECK (sharing_status IN ('accepted', 'coach_reviewing', 'coach_approved', 'shared')),
    ADD CONSTRAINT crush_lu_eventconnection_assigned_coach_id_fk FOREIGN KEY (assigned_coach_id)
        REFERENCES crush_lu_crushcoach (id) ON DELETE SET NULL;
CREATE INDEX crush_lu_eventconnection_assigned_coach_id_idx ON crush_lu_eventconnection (assigned_coach_id);
