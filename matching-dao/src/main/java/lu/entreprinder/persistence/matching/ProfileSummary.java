package lu.entreprinder.persistence.matching;

import java.util.List;
import java.util.Objects;

/**
 * What a match or candidate list shows of the other person's entrepreneur profile.
 *
 * @param present    false when the user has no entrepreneur profile (then every other component is empty)
 * @param headline   the profile's headline ({@code ""} without a profile)
 * @param photoPath  the stored path of the profile photo, e.g. {@code profiles/7.jpg} ({@code ""} without a profile)
 * @param industries the profile's industry names, sorted by name (never null)
 */
public record ProfileSummary(boolean present, String headline, String photoPath, List<String> industries) {

    /** The summary of a user without an entrepreneur profile. */
    public static final ProfileSummary EMPTY = new ProfileSummary(false, "", "", List.of());

    public ProfileSummary {
        headline = Objects.requireNonNullElse(headline, "");
        photoPath = Objects.requireNonNullElse(photoPath, "");
        industries = industries == null ? List.of() : List.copyOf(industries);
    }

    /** The summary of a profile row, or {@link #EMPTY} when {@code profileId} is null (no profile). */
    static ProfileSummary of(Long profileId, String headline, String photoPath, List<String> industries) {
        return profileId == null ? EMPTY : new ProfileSummary(true, headline, photoPath, industries);
    }
}
