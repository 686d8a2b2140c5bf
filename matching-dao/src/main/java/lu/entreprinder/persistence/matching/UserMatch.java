package lu.entreprinder.persistence.matching;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One match of a user, seen from that user: the other person and their profile summary.
 *
 * @param matchId        the match's id
 * @param matchedAt      when the match was created
 * @param otherUserId    the other person's user id
 * @param otherUsername  the other person's username
 * @param otherFirstName the other person's first name ({@code ""} when blank)
 * @param profile        the other person's entrepreneur profile summary ({@link ProfileSummary#EMPTY} without one)
 * @param firstLikerId   which of the two liked first (the match was created by the other one's like); empty for a
 *                       match the library did not create (the Django app's rows, and rows from before V22)
 */
public record UserMatch(long matchId, OffsetDateTime matchedAt, long otherUserId, String otherUsername,
                        String otherFirstName, ProfileSummary profile, OptionalLong firstLikerId) {

    public UserMatch {
        Objects.requireNonNull(matchedAt, "matchedAt");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(firstLikerId, "firstLikerId");
    }
}
