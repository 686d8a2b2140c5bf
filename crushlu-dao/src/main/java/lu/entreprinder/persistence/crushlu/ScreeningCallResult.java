package lu.entreprinder.persistence.crushlu;

import java.util.OptionalLong;

/** The answer of {@link CoachReviewService#recordScreeningCall}. */
public sealed interface ScreeningCallResult {

    /** The call was recorded on the submission (a later call replaces an earlier one while it is pending). */
    record Recorded(long submissionId, ScreeningCall call) implements ScreeningCallResult {
    }

    /** The coach is not the one the submission is assigned to (or it is unassigned); nothing changed. */
    record NotAssignedCoach(long submissionId, OptionalLong assignedCoachId) implements ScreeningCallResult {
    }

    /** The assigned coach is inactive and cannot review; nothing changed. */
    record CoachInactive(long coachId) implements ScreeningCallResult {
    }

    /** The submission was already reviewed; nothing changed. */
    record AlreadyClosed(long submissionId, SubmissionStatus status) implements ScreeningCallResult {
    }
}
