package lu.entreprinder.persistence.crushlu;

import java.util.List;
import java.util.OptionalInt;

/**
 * A profile as other members see it, respecting its privacy switches: the full name only when
 * {@code show_full_name}, the exact age only when {@code show_exact_age} (the age range always), the blur flag for
 * the photos, never the phone number or the date of birth.
 *
 * <p>Not {@code valid} when another writer (the Django app) stored {@code interests} that are not a JSON list of
 * strings: {@code interests} then holds the stored list's scalar elements as text, the listing still returns, and a
 * warning names table, id and column once per row.
 */
public record ProfilePublicView(long profileId, long userId, String displayName, OptionalInt age, String ageRange,
                                String gender, String location, String bio, List<String> photos, boolean blurPhotos,
                                List<String> interests, boolean valid) {

    public ProfilePublicView {
        photos = List.copyOf(photos);
        interests = List.copyOf(interests);
    }
}
