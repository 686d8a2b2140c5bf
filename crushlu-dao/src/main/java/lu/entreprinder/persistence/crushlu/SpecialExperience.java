package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.OptionalLong;
import java.util.Optional;

/**
 * A special user's experience: the welcome message and the journey prepared for them (empty when none or when the
 * journey was deleted).
 */
public record SpecialExperience(long experienceId, long userId, OptionalLong journeyId, Optional<String> journeyName,
                                String welcomeMessage, OffsetDateTime createdAt) {
}
