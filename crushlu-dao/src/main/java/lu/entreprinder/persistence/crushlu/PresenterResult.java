package lu.entreprinder.persistence.crushlu;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One presenter's result in a voting session.
 *
 * @param presenterId  the presenter's user id
 * @param username     the presenter's username
 * @param firstName    the presenter's first name ({@code ""} when blank)
 * @param ratingCount  how many attendees rated the presentation (at least 1)
 * @param scoreSum     the sum of their scores
 */
public record PresenterResult(long presenterId, String username, String firstName, int ratingCount, int scoreSum) {

    public PresenterResult {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(firstName, "firstName");
        if (ratingCount < 1) {
            throw new IllegalArgumentException("ratingCount must be positive, was " + ratingCount);
        }
    }

    /** The average score, rounded half up to two decimals (the same on both databases: computed here). */
    public BigDecimal averageScore() {
        return BigDecimal.valueOf(scoreSum).divide(BigDecimal.valueOf(ratingCount), 2, RoundingMode.HALF_UP);
    }
}
