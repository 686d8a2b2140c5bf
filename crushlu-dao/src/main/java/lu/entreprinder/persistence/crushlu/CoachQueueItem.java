package lu.entreprinder.persistence.crushlu;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One pending submission in a coach's review queue, with the profile to review (coaches see the full name and the
 * exact age) and how long it has been waiting (from {@code Database.now()}).
 *
 * <p>Not {@code valid} when another writer (the Django app) stored {@code interests} that are not a JSON list of
 * strings (see {@link ProfilePublicView}); the queue still returns.
 */
public record CoachQueueItem(long submissionId, OffsetDateTime submittedAt, Duration waiting, String coachNotes,
                             long profileId, long userId, String fullName, int age, String gender, String location,
                             String bio, List<String> interests, boolean valid) {

    public CoachQueueItem {
        interests = List.copyOf(interests);
    }
}
