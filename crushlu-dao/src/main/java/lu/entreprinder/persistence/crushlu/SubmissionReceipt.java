package lu.entreprinder.persistence.crushlu;

import java.util.OptionalLong;

/**
 * The pending submission a profile's submission created.
 *
 * @param submissionId the new {@code crush_lu_profilesubmission} row
 * @param coachId      the coach it was assigned to; empty when no coach had capacity (see
 *                     {@link CoachReviewService#assignUnassigned()})
 */
public record SubmissionReceipt(long submissionId, OptionalLong coachId) {
}
