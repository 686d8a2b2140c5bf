package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;

/**
 * One stored answer to a challenge ({@code crush_lu_journeyattempt}, V21), right or wrong.
 *
 * @param answer        the answer as given: the text, the chosen option, or a timeline order as a JSON array
 * @param pointsAwarded points this attempt added (only the first right answer awards any)
 * @param hintsUsed     hints of the challenge the user had taken when answering (0 or 1)
 */
public record JourneyAttempt(long attemptId, long userId, long challengeId, String answer, boolean correct,
                             int pointsAwarded, int hintsUsed, OffsetDateTime createdAt) {
}
