package lu.entreprinder.persistence.crushlu;

/**
 * What the owner of a reviewed profile should be told: the outcome and the feedback meant for them (never the
 * coach's notes).
 */
public record CoachReviewNotice(long submissionId, long profileId, long userId, String email, String firstName,
                                SubmissionStatus outcome, String feedbackToUser) {
}
