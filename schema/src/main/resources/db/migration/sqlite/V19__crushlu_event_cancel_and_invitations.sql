-- V19 (SQLite): events can be cancelled (is_cancelled, cancelled_at) and carry guest invitations with their own
-- lifecycle (pending -> accepted | expired | cancelled) and a coach's approval of the accepted guest.
-- Additive only: the new columns have database defaults (or are nullable). Timestamps are Django's UTC text.

ALTER TABLE crush_lu_meetupevent
    ADD COLUMN is_cancelled BOOLEAN NOT NULL DEFAULT 0
        CONSTRAINT crush_lu_meetupevent_is_cancelled_check CHECK (is_cancelled IN (0, 1));
ALTER TABLE crush_lu_meetupevent ADD COLUMN cancelled_at TEXT NULL;

CREATE TABLE crush_lu_eventinvitation (
    id               INTEGER      NOT NULL CONSTRAINT crush_lu_eventinvitation_pkey PRIMARY KEY AUTOINCREMENT,
    event_id         INTEGER      NOT NULL,
    invited_by_user_id    INTEGER      NOT NULL,
    guest_email      VARCHAR(254) NOT NULL,
    guest_first_name VARCHAR(150) NOT NULL DEFAULT '',
    guest_last_name  VARCHAR(150) NOT NULL DEFAULT '',
    token            VARCHAR(64)  NOT NULL CONSTRAINT crush_lu_eventinvitation_token_key UNIQUE,
    status           VARCHAR(20)  NOT NULL DEFAULT 'pending',
    created_at       TEXT         NOT NULL,
    expires_at       TEXT         NOT NULL,
    accepted_at      TEXT         NULL,
    guest_user_id    INTEGER      NULL,
    approval_status  VARCHAR(20)  NOT NULL DEFAULT 'pending',
    approved_by_id   INTEGER      NULL,
    approved_at      TEXT         NULL,
    CONSTRAINT crush_lu_eventinvitation_event_id_guest_email_uniq UNIQUE (event_id, guest_email),
    CONSTRAINT crush_lu_eventinvitation_event_id_fk FOREIGN KEY (event_id)
        REFERENCES crush_lu_meetupevent (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_eventinvitation_invited_by_user_id_fk FOREIGN KEY (invited_by_user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT crush_lu_eventinvitation_guest_user_id_fk FOREIGN KEY (guest_user_id)
        REFERENCES auth_user (id) ON DELETE SET NULL,
    CONSTRAINT crush_lu_eventinvitation_approved_by_id_fk FOREIGN KEY (approved_by_id)
        REFERENCES crush_lu_crushcoach (id) ON DELETE SET NULL,
    CONSTRAINT crush_lu_eventinvitation_status_check
        CHECK (status IN ('pending', 'accepted', 'expired', 'cancelled')),
    CONSTRAINT crush_lu_eventinvitation_approval_status_check
        CHECK (approval_status IN ('pending', 'approved', 'rejected'))
);
CREATE INDEX crush_lu_eventinvitation_event_id_idx ON crush_lu_eventinvitation (event_id);
CREATE INDEX crush_lu_eventinvitation_invited_by_user_id_idx ON crush_lu_eventinvitation (invited_by_user_id);
CREATE INDEX crush_lu_eventinvitation_guest_user_id_idx ON crush_lu_eventinvitation (guest_user_id);
CREATE INDEX crush_lu_eventinvitation_approved_by_id_idx ON crush_lu_eventinvitation (approved_by_id);
