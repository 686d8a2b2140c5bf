package lu.entreprinder.persistence.matching;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A like a user received ("who liked me").
 *
 * @param likeId        the like's id
 * @param likedAt       when the like was given
 * @param fromUserId    who gave it
 * @param fromUsername  their username
 * @param fromFirstName their first name ({@code ""} when blank)
 * @param likedBack     true when the receiving user likes them too (the pair is matched)
 * @param profile       their entrepreneur profile summary ({@link ProfileSummary#EMPTY} without one)
 */
public record ReceivedLike(long likeId, OffsetDateTime likedAt, long fromUserId, String fromUsername,
                           String fromFirstName, boolean likedBack, ProfileSummary profile) {

    public ReceivedLike {
        Objects.requireNonNull(likedAt, "likedAt");
        Objects.requireNonNull(profile, "profile");
    }
}
