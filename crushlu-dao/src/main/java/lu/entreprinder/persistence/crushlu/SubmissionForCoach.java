package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A submission as coaches see it, internal notes included.
 *
 * @param screeningCall the recorded screening call, empty until one is recorded
 */
public record SubmissionForCoach(long submissionId, long profileId, OptionalLong coachId, SubmissionStatus status,
                                 OffsetDateTime createdAt, Optional<OffsetDateTime> reviewedAt, String coachNotes,
                                 String feedbackToUser, Optional<ScreeningCall> screeningCall) {
}
