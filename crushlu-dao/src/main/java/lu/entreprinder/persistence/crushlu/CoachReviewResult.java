package lu.entreprinder.persistence.crushlu;

import java.util.OptionalLong;

/** The expected answers of a review ({@link CoachReviewService#approve} and its siblings). */
public sealed interface CoachReviewResult {

    /** The review was recorded; the listener hears about it after the commit. */
    record Reviewed(SubmissionForCoach submission) implements CoachReviewResult {
    }

    /** The reviewing coach is not the one the submission is assigned to (or it is unassigned); nothing changed. */
    record NotAssignedCoach(long submissionId, OptionalLong assignedCoachId) implements CoachReviewResult {
    }

    /** The submission was already reviewed; nothing changed. */
    record AlreadyClosed(long submissionId, SubmissionStatus status) implements CoachReviewResult {
    }

    /** The coach is inactive ({@code crush_lu_crushcoach.is_active} false) and cannot review; nothing changed. */
    record CoachInactive(long coachId) implements CoachReviewResult {
    }

    /**
     * Approval needs a recorded screening call ({@link CoachReviewService#recordScreeningCall}) and the submission
     * has none; nothing changed.
     */
    record ScreeningCallRequired(long submissionId) implements CoachReviewResult {
    }
}
