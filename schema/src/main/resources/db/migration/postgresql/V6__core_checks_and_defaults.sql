-- V6: CHECK constraints (choices fields and invariants) and column DEFAULTs (Django defaults,
-- blank=True text = '', booleans, status defaults, json '[]') for every table of V1-V5.
-- No DEFAULT on any timestamp: "now" always comes from the application's Clock.
-- The SQLite set declares the same constraints (same names) and defaults inline in V1-V5.

ALTER TABLE auth_user
    ALTER COLUMN is_superuser SET DEFAULT false,
    ALTER COLUMN first_name SET DEFAULT '',
    ALTER COLUMN last_name SET DEFAULT '',
    ALTER COLUMN email SET DEFAULT '',
    ALTER COLUMN is_staff SET DEFAULT false,
    ALTER COLUMN is_active SET DEFAULT true;

ALTER TABLE entreprinder_entrepreneurprofile
    ALTER COLUMN linkedin_url SET DEFAULT '';

ALTER TABLE matching_match
    ADD CONSTRAINT matching_match_ordered_pair_check CHECK (user1_id < user2_id);

ALTER TABLE matching_like
    ADD CONSTRAINT matching_like_not_self_check CHECK (from_user_id <> to_user_id);

ALTER TABLE vinsdelux_vdlproducer
    ADD CONSTRAINT vinsdelux_vdlproducer_coordinates_check
        CHECK (coordinates IS NULL OR jsonb_typeof(coordinates) = 'object');

ALTER TABLE vinsdelux_vdlcoffret
    ADD CONSTRAINT vinsdelux_vdlcoffret_bottles_check CHECK (bottles >= 0);

ALTER TABLE vinsdelux_vdladoptionplan
    ADD CONSTRAINT vinsdelux_vdladoptionplan_price_check CHECK (price >= 0),
    ADD CONSTRAINT vinsdelux_vdladoptionplan_duration_months_check CHECK (duration_months > 0),
    ALTER COLUMN is_available SET DEFAULT true;

ALTER TABLE vinsdelux_vdlplot
    ADD CONSTRAINT vinsdelux_vdlplot_status_check
        CHECK (status IN ('available', 'reserved', 'adopted', 'unavailable')),
    ADD CONSTRAINT vinsdelux_vdlplot_size_hectares_check CHECK (size_hectares >= 0),
    ADD CONSTRAINT vinsdelux_vdlplot_coordinates_check
        CHECK (coordinates IS NULL OR jsonb_typeof(coordinates) = 'object'),
    ALTER COLUMN status SET DEFAULT 'available';

ALTER TABLE vinsdelux_vdlplotreservation
    ALTER COLUMN is_confirmed SET DEFAULT false,
    ALTER COLUMN notes SET DEFAULT '';

ALTER TABLE crush_lu_crushprofile
    ALTER COLUMN photo_2 SET DEFAULT '',
    ALTER COLUMN photo_3 SET DEFAULT '',
    ALTER COLUMN show_full_name SET DEFAULT true,
    ALTER COLUMN show_exact_age SET DEFAULT true,
    ALTER COLUMN blur_photos SET DEFAULT false,
    ALTER COLUMN is_approved SET DEFAULT false,
    ALTER COLUMN is_active SET DEFAULT true;

ALTER TABLE crush_lu_crushcoach
    ADD CONSTRAINT crush_lu_crushcoach_max_active_reviews_check CHECK (max_active_reviews >= 0),
    ALTER COLUMN max_active_reviews SET DEFAULT 10;

ALTER TABLE crush_lu_profilesubmission
    ADD CONSTRAINT crush_lu_profilesubmission_status_check
        CHECK (status IN ('pending', 'approved', 'rejected', 'revision')),
    ALTER COLUMN status SET DEFAULT 'pending',
    ALTER COLUMN coach_notes SET DEFAULT '',
    ALTER COLUMN feedback_to_user SET DEFAULT '';

ALTER TABLE crush_lu_meetupevent
    ADD CONSTRAINT crush_lu_meetupevent_event_type_check
        CHECK (event_type IN ('speed_dating', 'mixer', 'activity', 'themed')),
    ADD CONSTRAINT crush_lu_meetupevent_max_participants_check CHECK (max_participants > 0),
    ADD CONSTRAINT crush_lu_meetupevent_age_range_check CHECK (min_age >= 18 AND min_age <= max_age),
    ADD CONSTRAINT crush_lu_meetupevent_registration_fee_check CHECK (registration_fee >= 0),
    ALTER COLUMN min_age SET DEFAULT 18,
    ALTER COLUMN max_age SET DEFAULT 99,
    ALTER COLUMN registration_fee SET DEFAULT 0,
    ALTER COLUMN is_published SET DEFAULT false,
    ALTER COLUMN is_private_invitation SET DEFAULT false,
    ALTER COLUMN invitation_code SET DEFAULT '';

ALTER TABLE crush_lu_eventregistration
    ADD CONSTRAINT crush_lu_eventregistration_status_check
        CHECK (status IN ('pending', 'confirmed', 'waitlist', 'attended', 'no_show', 'cancelled')),
    ALTER COLUMN status SET DEFAULT 'pending',
    ALTER COLUMN payment_confirmed SET DEFAULT false,
    ALTER COLUMN dietary_restrictions SET DEFAULT '',
    ALTER COLUMN special_requests SET DEFAULT '';

ALTER TABLE crush_lu_eventconnection
    ADD CONSTRAINT crush_lu_eventconnection_status_check
        CHECK (status IN ('pending', 'connected', 'declined')),
    ADD CONSTRAINT crush_lu_eventconnection_not_self_check CHECK (from_user_id <> to_user_id),
    ALTER COLUMN status SET DEFAULT 'pending';

ALTER TABLE crush_lu_connectionmessage
    ALTER COLUMN is_read SET DEFAULT false;

ALTER TABLE crush_lu_journeyconfiguration
    ALTER COLUMN is_active SET DEFAULT true;

ALTER TABLE crush_lu_journeychapter
    ADD CONSTRAINT crush_lu_journeychapter_chapter_number_check CHECK (chapter_number >= 1);

ALTER TABLE crush_lu_journeychallenge
    ADD CONSTRAINT crush_lu_journeychallenge_challenge_type_check
        CHECK (challenge_type IN ('riddle', 'multiple_choice', 'word_scramble', 'timeline_sort',
                                  'would_you_rather', 'open_text')),
    ALTER COLUMN hint SET DEFAULT '',
    ALTER COLUMN "order" SET DEFAULT 0;

ALTER TABLE crush_lu_journeyreward
    ADD CONSTRAINT crush_lu_journeyreward_reward_type_check
        CHECK (reward_type IN ('poem', 'photo_reveal', 'future_letter')),
    ALTER COLUMN photo SET DEFAULT '';

ALTER TABLE crush_lu_journeyprogress
    ADD CONSTRAINT crush_lu_journeyprogress_current_chapter_check CHECK (current_chapter >= 1),
    ADD CONSTRAINT crush_lu_journeyprogress_completed_challenges_check
        CHECK (jsonb_typeof(completed_challenges) = 'array'),
    ADD CONSTRAINT crush_lu_journeyprogress_unlocked_rewards_check
        CHECK (jsonb_typeof(unlocked_rewards) = 'array'),
    ALTER COLUMN current_chapter SET DEFAULT 1,
    ALTER COLUMN completed_challenges SET DEFAULT '[]'::jsonb,
    ALTER COLUMN unlocked_rewards SET DEFAULT '[]'::jsonb,
    ALTER COLUMN completed SET DEFAULT false;

ALTER TABLE crush_lu_specialuserexperience
    ALTER COLUMN custom_welcome_message SET DEFAULT '';
