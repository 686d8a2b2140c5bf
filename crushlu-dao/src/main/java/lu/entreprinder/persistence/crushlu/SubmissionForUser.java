package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A submission as its profile's owner sees it: the feedback meant for them, never the coach's internal notes.
 */
public record SubmissionForUser(long submissionId, long profileId, SubmissionStatus status, OffsetDateTime createdAt,
                                Optional<OffsetDateTime> reviewedAt, String feedbackToUser) {
}
