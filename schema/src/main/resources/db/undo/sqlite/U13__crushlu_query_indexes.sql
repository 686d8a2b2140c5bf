-- U13 (SQLite): undo V13.
DROP INDEX matching_like_to_user_idx;
DROP INDEX vinsdelux_vdlplotreservation_expires_idx;
DROP INDEX crush_lu_connectionmessage_unread_idx;
DROP INDEX crush_lu_eventregistration_user_idx;
DROP INDEX crush_lu_meetupevent_published_date_idx;
