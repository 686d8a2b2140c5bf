-- V13: indexes for the DAOs' hot queries.

-- published events in date order (keyset paging on (event_date, id))
CREATE INDEX crush_lu_meetupevent_published_date_idx
    ON crush_lu_meetupevent (event_date, id) WHERE is_published;

-- containment on completed challenges (completed_challenges @> '[42]')
CREATE INDEX crush_lu_journeyprogress_completed_challenges_idx
    ON crush_lu_journeyprogress USING gin (completed_challenges jsonb_path_ops);

-- "my registrations" by status
CREATE INDEX crush_lu_eventregistration_user_idx
    ON crush_lu_eventregistration (user_id, status);

-- unread messages per connection
CREATE INDEX crush_lu_connectionmessage_unread_idx
    ON crush_lu_connectionmessage (connection_id, is_read);

-- expiry sweep of unconfirmed reservations
CREATE INDEX vinsdelux_vdlplotreservation_expires_idx
    ON vinsdelux_vdlplotreservation (is_confirmed, expires_at);

-- "who liked me", newest first
CREATE INDEX matching_like_to_user_idx
    ON matching_like (to_user_id, created_at);
