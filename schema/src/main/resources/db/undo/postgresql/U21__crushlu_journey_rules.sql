-- U21: undo V21. Fails, staying applied, while a puzzle reward exists (the old reward_type CHECK refuses it).
DROP TABLE crush_lu_journeypieceunlock;
DROP TABLE crush_lu_journeypuzzlepiece;
DROP TABLE crush_lu_journeyhintuse;
DROP TABLE crush_lu_journeyattempt;
ALTER TABLE crush_lu_journeyprogress
    DROP CONSTRAINT crush_lu_journeyprogress_final_response_check,
    DROP CONSTRAINT crush_lu_journeyprogress_chapters_completed_at_check,
    DROP CONSTRAINT crush_lu_journeyprogress_total_points_check,
    DROP COLUMN final_response_at,
    DROP COLUMN final_response,
    DROP COLUMN chapters_completed_at,
    DROP COLUMN total_points;
ALTER TABLE crush_lu_journeyreward
    DROP CONSTRAINT crush_lu_journeyreward_reward_type_check,
    ADD CONSTRAINT crush_lu_journeyreward_reward_type_check
        CHECK (reward_type IN ('poem', 'photo_reveal', 'future_letter'));
ALTER TABLE crush_lu_journeychallenge
    DROP CONSTRAINT crush_lu_journeychallenge_alternative_answers_check,
    DROP CONSTRAINT crush_lu_journeychallenge_hint_cost_check,
    DROP CONSTRAINT crush_lu_journeychallenge_points_check,
    DROP COLUMN alternative_answers,
    DROP COLUMN hint_cost,
    DROP COLUMN points;
ALTER TABLE crush_lu_journeychapter
    DROP COLUMN is_questionnaire;
