-- V16 (SQLite): timestamps in the text form Django's SQLite backend writes, so that text order is time order for
-- both writers and Django's range filters see the library's rows (see UtcTimestampBinding): UTC, a space, no
-- offset, microseconds only when not zero ('2026-12-03 17:28:31.851784', '2026-12-03 17:28:31'). Rows written
-- before this version ('2026-12-03T17:28:31.851784Z') are rewritten; the library reads both forms.

UPDATE auth_user SET last_login = CASE WHEN substr(last_login, 21, 6) = '000000'
        THEN substr(last_login, 1, 10) || ' ' || substr(last_login, 12, 8)
        ELSE substr(last_login, 1, 10) || ' ' || substr(last_login, 12, 15) END
    WHERE last_login LIKE '____-__-__T__:__:__.______Z';

UPDATE auth_user SET date_joined = CASE WHEN substr(date_joined, 21, 6) = '000000'
        THEN substr(date_joined, 1, 10) || ' ' || substr(date_joined, 12, 8)
        ELSE substr(date_joined, 1, 10) || ' ' || substr(date_joined, 12, 15) END
    WHERE date_joined LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_connectionmessage SET created_at = CASE WHEN substr(created_at, 21, 6) = '000000'
        THEN substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 8)
        ELSE substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 15) END
    WHERE created_at LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_crushprofile SET approved_at = CASE WHEN substr(approved_at, 21, 6) = '000000'
        THEN substr(approved_at, 1, 10) || ' ' || substr(approved_at, 12, 8)
        ELSE substr(approved_at, 1, 10) || ' ' || substr(approved_at, 12, 15) END
    WHERE approved_at LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_eventconnection SET connected_at = CASE WHEN substr(connected_at, 21, 6) = '000000'
        THEN substr(connected_at, 1, 10) || ' ' || substr(connected_at, 12, 8)
        ELSE substr(connected_at, 1, 10) || ' ' || substr(connected_at, 12, 15) END
    WHERE connected_at LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_eventconnection SET created_at = CASE WHEN substr(created_at, 21, 6) = '000000'
        THEN substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 8)
        ELSE substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 15) END
    WHERE created_at LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_eventregistration SET payment_date = CASE WHEN substr(payment_date, 21, 6) = '000000'
        THEN substr(payment_date, 1, 10) || ' ' || substr(payment_date, 12, 8)
        ELSE substr(payment_date, 1, 10) || ' ' || substr(payment_date, 12, 15) END
    WHERE payment_date LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_eventregistration SET created_at = CASE WHEN substr(created_at, 21, 6) = '000000'
        THEN substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 8)
        ELSE substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 15) END
    WHERE created_at LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_journeyconfiguration SET created_at = CASE WHEN substr(created_at, 21, 6) = '000000'
        THEN substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 8)
        ELSE substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 15) END
    WHERE created_at LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_journeyprogress SET completed_at = CASE WHEN substr(completed_at, 21, 6) = '000000'
        THEN substr(completed_at, 1, 10) || ' ' || substr(completed_at, 12, 8)
        ELSE substr(completed_at, 1, 10) || ' ' || substr(completed_at, 12, 15) END
    WHERE completed_at LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_meetupevent SET event_date = CASE WHEN substr(event_date, 21, 6) = '000000'
        THEN substr(event_date, 1, 10) || ' ' || substr(event_date, 12, 8)
        ELSE substr(event_date, 1, 10) || ' ' || substr(event_date, 12, 15) END
    WHERE event_date LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_meetupevent SET registration_deadline = CASE WHEN substr(registration_deadline, 21, 6) = '000000'
        THEN substr(registration_deadline, 1, 10) || ' ' || substr(registration_deadline, 12, 8)
        ELSE substr(registration_deadline, 1, 10) || ' ' || substr(registration_deadline, 12, 15) END
    WHERE registration_deadline LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_profilesubmission SET created_at = CASE WHEN substr(created_at, 21, 6) = '000000'
        THEN substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 8)
        ELSE substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 15) END
    WHERE created_at LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_profilesubmission SET reviewed_at = CASE WHEN substr(reviewed_at, 21, 6) = '000000'
        THEN substr(reviewed_at, 1, 10) || ' ' || substr(reviewed_at, 12, 8)
        ELSE substr(reviewed_at, 1, 10) || ' ' || substr(reviewed_at, 12, 15) END
    WHERE reviewed_at LIKE '____-__-__T__:__:__.______Z';

UPDATE crush_lu_specialuserexperience SET created_at = CASE WHEN substr(created_at, 21, 6) = '000000'
        THEN substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 8)
        ELSE substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 15) END
    WHERE created_at LIKE '____-__-__T__:__:__.______Z';

UPDATE matching_like SET created_at = CASE WHEN substr(created_at, 21, 6) = '000000'
        THEN substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 8)
        ELSE substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 15) END
    WHERE created_at LIKE '____-__-__T__:__:__.______Z';

UPDATE matching_match SET created_at = CASE WHEN substr(created_at, 21, 6) = '000000'
        THEN substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 8)
        ELSE substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 15) END
    WHERE created_at LIKE '____-__-__T__:__:__.______Z';

UPDATE vinsdelux_vdlplotreservation SET created_at = CASE WHEN substr(created_at, 21, 6) = '000000'
        THEN substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 8)
        ELSE substr(created_at, 1, 10) || ' ' || substr(created_at, 12, 15) END
    WHERE created_at LIKE '____-__-__T__:__:__.______Z';

UPDATE vinsdelux_vdlplotreservation SET expires_at = CASE WHEN substr(expires_at, 21, 6) = '000000'
        THEN substr(expires_at, 1, 10) || ' ' || substr(expires_at, 12, 8)
        ELSE substr(expires_at, 1, 10) || ' ' || substr(expires_at, 12, 15) END
    WHERE expires_at LIKE '____-__-__T__:__:__.______Z';
