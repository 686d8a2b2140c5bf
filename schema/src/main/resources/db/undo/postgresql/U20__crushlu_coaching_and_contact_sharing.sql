-- U20: undo V20.
DROP INDEX crush_lu_eventconnection_assigned_coach_id_idx;
ALTER TABLE crush_lu_eventconnection
    DROP CONSTRAINT crush_lu_eventconnection_assigned_coach_id_fk,
    DROP CONSTRAINT crush_lu_eventconnection_sharing_status_check,
    DROP COLUMN assigned_coach_id,
    DROP COLUMN recipient_consent,
    DROP COLUMN requester_consent,
    DROP COLUMN sharing_status;
ALTER TABLE crush_lu_profilesubmission
    DROP COLUMN screening_call_notes,
    DROP COLUMN screening_call_date,
    DROP COLUMN screening_call_completed;
ALTER TABLE crush_lu_crushcoach DROP COLUMN is_active;
