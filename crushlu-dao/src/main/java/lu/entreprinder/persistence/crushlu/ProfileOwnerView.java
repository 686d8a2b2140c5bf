package lu.entreprinder.persistence.crushlu;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A profile as its owner sees it: every field, the derived values, and the review history as the owner may see
 * it (feedback, never the coach's notes), newest first.
 *
 * <p>Not {@code valid} when another writer (the Django app) stored {@code interests} that are not a JSON list of
 * strings (see {@link ProfilePublicView}).
 */
public record ProfileOwnerView(long profileId, long userId, String firstName, String lastName, String displayName,
                               LocalDate dateOfBirth, int age, String ageRange, String gender, String location,
                               String bio, String phone, List<String> photos, boolean showFullName,
                               boolean showExactAge, boolean blurPhotos, boolean approved, boolean active,
                               Optional<OffsetDateTime> approvedAt, List<String> interests,
                               List<SubmissionForUser> submissions, boolean valid) {

    public ProfileOwnerView {
        photos = List.copyOf(photos);
        interests = List.copyOf(interests);
        submissions = List.copyOf(submissions);
    }
}
