-- U16 (SQLite): undo V16: timestamps back to the fixed-width form '2026-12-03T17:28:31.851784Z'.
UPDATE auth_user SET last_login = CASE WHEN length(last_login) = 19
        THEN substr(last_login, 1, 10) || 'T' || substr(last_login, 12, 8) || '.000000Z'
        ELSE substr(last_login, 1, 10) || 'T' || substr(last_login, 12, 15) || 'Z' END
    WHERE last_login LIKE '____-__-__ __:__:__%' AND length(last_login) IN (19, 26);
UPDATE auth_user SET date_joined = CASE WHEN length(date_joined) = 19
        THEN substr(date_joined, 1, 10) || 'T' || substr(date_joined, 12, 8) || '.000000Z'
        ELSE substr(date_joined, 1, 10) || 'T' || substr(date_joined, 12, 15) || 'Z' END
    WHERE date_joined LIKE '____-__-__ __:__:__%' AND length(date_joined) IN (19, 26);
UPDATE crush_lu_connectionmessage SET created_at = CASE WHEN length(created_at) = 19
        THEN substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000000Z'
        ELSE substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 15) || 'Z' END
    WHERE created_at LIKE '____-__-__ __:__:__%' AND length(created_at) IN (19, 26);
UPDATE crush_lu_crushprofile SET approved_at = CASE WHEN length(approved_at) = 19
        THEN substr(approved_at, 1, 10) || 'T' || substr(approved_at, 12, 8) || '.000000Z'
        ELSE substr(approved_at, 1, 10) || 'T' || substr(approved_at, 12, 15) || 'Z' END
    WHERE approved_at LIKE '____-__-__ __:__:__%' AND length(approved_at) IN (19, 26);
UPDATE crush_lu_eventconnection SET connected_at = CASE WHEN length(connected_at) = 19
        THEN substr(connected_at, 1, 10) || 'T' || substr(connected_at, 12, 8) || '.000000Z'
        ELSE substr(connected_at, 1, 10) || 'T' || substr(connected_at, 12, 15) || 'Z' END
    WHERE connected_at LIKE '____-__-__ __:__:__%' AND length(connected_at) IN (19, 26);
UPDATE crush_lu_eventconnection SET created_at = CASE WHEN length(created_at) = 19
        THEN substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000000Z'
        ELSE substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 15) || 'Z' END
    WHERE created_at LIKE '____-__-__ __:__:__%' AND length(created_at) IN (19, 26);
UPDATE crush_lu_eventregistration SET payment_date = CASE WHEN length(payment_date) = 19
        THEN substr(payment_date, 1, 10) || 'T' || substr(payment_date, 12, 8) || '.000000Z'
        ELSE substr(payment_date, 1, 10) || 'T' || substr(payment_date, 12, 15) || 'Z' END
    WHERE payment_date LIKE '____-__-__ __:__:__%' AND length(payment_date) IN (19, 26);
UPDATE crush_lu_eventregistration SET created_at = CASE WHEN length(created_at) = 19
        THEN substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000000Z'
        ELSE substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 15) || 'Z' END
    WHERE created_at LIKE '____-__-__ __:__:__%' AND length(created_at) IN (19, 26);
UPDATE crush_lu_journeyconfiguration SET created_at = CASE WHEN length(created_at) = 19
        THEN substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000000Z'
        ELSE substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 15) || 'Z' END
    WHERE created_at LIKE '____-__-__ __:__:__%' AND length(created_at) IN (19, 26);
UPDATE crush_lu_journeyprogress SET completed_at = CASE WHEN length(completed_at) = 19
        THEN substr(completed_at, 1, 10) || 'T' || substr(completed_at, 12, 8) || '.000000Z'
        ELSE substr(completed_at, 1, 10) || 'T' || substr(completed_at, 12, 15) || 'Z' END
    WHERE completed_at LIKE '____-__-__ __:__:__%' AND length(completed_at) IN (19, 26);
UPDATE crush_lu_meetupevent SET event_date = CASE WHEN length(event_date) = 19
        THEN substr(event_date, 1, 10) || 'T' || substr(event_date, 12, 8) || '.000000Z'
        ELSE substr(event_date, 1, 10) || 'T' || substr(event_date, 12, 15) || 'Z' END
    WHERE event_date LIKE '____-__-__ __:__:__%' AND length(event_date) IN (19, 26);
UPDATE crush_lu_meetupevent SET registration_deadline = CASE WHEN length(registration_deadline) = 19
        THEN substr(registration_deadline, 1, 10) || 'T' || substr(registration_deadline, 12, 8) || '.000000Z'
        ELSE substr(registration_deadline, 1, 10) || 'T' || substr(registration_deadline, 12, 15) || 'Z' END
    WHERE registration_deadline LIKE '____-__-__ __:__:__%' AND length(registration_deadline) IN (19, 26);
UPDATE crush_lu_profilesubmission SET created_at = CASE WHEN length(created_at) = 19
        THEN substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000000Z'
        ELSE substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 15) || 'Z' END
    WHERE created_at LIKE '____-__-__ __:__:__%' AND length(created_at) IN (19, 26);
UPDATE crush_lu_profilesubmission SET reviewed_at = CASE WHEN length(reviewed_at) = 19
        THEN substr(reviewed_at, 1, 10) || 'T' || substr(reviewed_at, 12, 8) || '.000000Z'
        ELSE substr(reviewed_at, 1, 10) || 'T' || substr(reviewed_at, 12, 15) || 'Z' END
    WHERE reviewed_at LIKE '____-__-__ __:__:__%' AND length(reviewed_at) IN (19, 26);
UPDATE crush_lu_specialuserexperience SET created_at = CASE WHEN length(created_at) = 19
        THEN substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000000Z'
        ELSE substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 15) || 'Z' END
    WHERE created_at LIKE '____-__-__ __:__:__%' AND length(created_at) IN (19, 26);
UPDATE matching_like SET created_at = CASE WHEN length(created_at) = 19
        THEN substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000000Z'
        ELSE substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 15) || 'Z' END
    WHERE created_at LIKE '____-__-__ __:__:__%' AND length(created_at) IN (19, 26);
UPDATE matching_match SET created_at = CASE WHEN length(created_at) = 19
        THEN substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000000Z'
        ELSE substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 15) || 'Z' END
    WHERE created_at LIKE '____-__-__ __:__:__%' AND length(created_at) IN (19, 26);
UPDATE vinsdelux_vdlplotreservation SET created_at = CASE WHEN length(created_at) = 19
        THEN substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000000Z'
        ELSE substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 15) || 'Z' END
    WHERE created_at LIKE '____-__-__ __:__:__%' AND length(created_at) IN (19, 26);
UPDATE vinsdelux_vdlplotreservation SET expires_at = CASE WHEN length(expires_at) = 19
        THEN substr(expires_at, 1, 10) || 'T' || substr(expires_at, 12, 8) || '.000000Z'
        ELSE substr(expires_at, 1, 10) || 'T' || substr(expires_at, 12, 15) || 'Z' END
    WHERE expires_at LIKE '____-__-__ __:__:__%' AND length(expires_at) IN (19, 26);
