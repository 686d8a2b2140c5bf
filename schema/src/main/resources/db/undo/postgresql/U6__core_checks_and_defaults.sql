-- U6: undo V6: drop every CHECK it added and every DEFAULT it set.

ALTER TABLE auth_user
    ALTER COLUMN is_superuser DROP DEFAULT,
    ALTER COLUMN first_name DROP DEFAULT,
    ALTER COLUMN last_name DROP DEFAULT,
    ALTER COLUMN email DROP DEFAULT,
    ALTER COLUMN is_staff DROP DEFAULT,
    ALTER COLUMN is_active DROP DEFAULT;

ALTER TABLE entreprinder_entrepreneurprofile
    ALTER COLUMN linkedin_url DROP DEFAULT;

ALTER TABLE matching_match
    DROP CONSTRAINT matching_match_ordered_pair_check;

ALTER TABLE matching_like
    DROP CONSTRAINT matching_like_not_self_check;

ALTER TABLE vinsdelux_vdlproducer
    DROP CONSTRAINT vinsdelux_vdlproducer_coordinates_check;

ALTER TABLE vinsdelux_vdlcoffret
    DROP CONSTRAINT vinsdelux_vdlcoffret_bottles_check;

ALTER TABLE vinsdelux_vdladoptionplan
    DROP CONSTRAINT vinsdelux_vdladoptionplan_price_check,
    DROP CONSTRAINT vinsdelux_vdladoptionplan_duration_months_check,
    ALTER COLUMN is_available DROP DEFAULT;

ALTER TABLE vinsdelux_vdlplot
    DROP CONSTRAINT vinsdelux_vdlplot_status_check,
    DROP CONSTRAINT vinsdelux_vdlplot_size_hectares_check,
    DROP CONSTRAINT vinsdelux_vdlplot_coordinates_check,
    ALTER COLUMN status DROP DEFAULT;

ALTER TABLE vinsdelux_vdlplotreservation
    ALTER COLUMN is_confirmed DROP DEFAULT,
    ALTER COLUMN notes DROP DEFAULT;

ALTER TABLE crush_lu_crushprofile
    ALTER COLUMN photo_2 DROP DEFAULT,
    ALTER COLUMN photo_3 DROP DEFAULT,
    ALTER COLUMN show_full_name DROP DEFAULT,
    ALTER COLUMN show_exact_age DROP DEFAULT,
    ALTER COLUMN blur_photos DROP DEFAULT,
    ALTER COLUMN is_approved DROP DEFAULT,
    ALTER COLUMN is_active DROP DEFAULT;

ALTER TABLE crush_lu_crushcoach
    DROP CONSTRAINT crush_lu_crushcoach_max_active_reviews_check,
    ALTER COLUMN max_active_reviews DROP DEFAULT;

ALTER TABLE crush_lu_profilesubmission
    DROP CONSTRAINT crush_lu_profilesubmission_status_check,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN coach_notes DROP DEFAULT,
    ALTER COLUMN feedback_to_user DROP DEFAULT;

ALTER TABLE crush_lu_meetupevent
    DROP CONSTRAINT crush_lu_meetupevent_event_type_check,
    DROP CONSTRAINT crush_lu_meetupevent_max_participants_check,
    DROP CONSTRAINT crush_lu_meetupevent_age_range_check,
    DROP CONSTRAINT crush_lu_meetupevent_registration_fee_check,
    ALTER COLUMN min_age DROP DEFAULT,
    ALTER COLUMN max_age DROP DEFAULT,
    ALTER COLUMN registration_fee DROP DEFAULT,
    ALTER COLUMN is_published DROP DEFAULT,
    ALTER COLUMN is_private_invitation DROP DEFAULT,
    ALTER COLUMN invitation_code DROP DEFAULT;

ALTER TABLE crush_lu_eventregistration
    DROP CONSTRAINT crush_lu_eventregistration_status_check,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN payment_confirmed DROP DEFAULT,
    ALTER COLUMN dietary_restrictions DROP DEFAULT,
    ALTER COLUMN special_requests DROP DEFAULT;

ALTER TABLE crush_lu_eventconnection
    DROP CONSTRAINT crush_lu_eventconnection_status_check,
    DROP CONSTRAINT crush_lu_eventconnection_not_self_check,
    ALTER COLUMN status DROP DEFAULT;

ALTER TABLE crush_lu_connectionmessage
    ALTER COLUMN is_read DROP DEFAULT;

ALTER TABLE crush_lu_journeyconfiguration
    ALTER COLUMN is_active DROP DEFAULT;

ALTER TABLE crush_lu_journeychapter
    DROP CONSTRAINT crush_lu_journeychapter_chapter_number_check;

ALTER TABLE crush_lu_journeychallenge
    DROP CONSTRAINT crush_lu_journeychallenge_challenge_type_check,
    ALTER COLUMN hint DROP DEFAULT,
    ALTER COLUMN "order" DROP DEFAULT;

ALTER TABLE crush_lu_journeyreward
    DROP CONSTRAINT crush_lu_journeyreward_reward_type_check,
    ALTER COLUMN photo DROP DEFAULT;

ALTER TABLE crush_lu_journeyprogress
    DROP CONSTRAINT crush_lu_journeyprogress_current_chapter_check,
    DROP CONSTRAINT crush_lu_journeyprogress_completed_challenges_check,
    DROP CONSTRAINT crush_lu_journeyprogress_unlocked_rewards_check,
    ALTER COLUMN current_chapter DROP DEFAULT,
    ALTER COLUMN completed_challenges DROP DEFAULT,
    ALTER COLUMN unlocked_rewards DROP DEFAULT,
    ALTER COLUMN completed DROP DEFAULT;

ALTER TABLE crush_lu_specialuserexperience
    ALTER COLUMN custom_welcome_message DROP DEFAULT;
