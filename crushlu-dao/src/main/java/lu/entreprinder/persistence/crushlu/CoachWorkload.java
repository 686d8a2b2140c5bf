package lu.entreprinder.persistence.crushlu;

/** A coach's pending submissions against their capacity ({@code max_active_reviews}). */
public record CoachWorkload(long coachId, long userId, int maxActiveReviews, int pending) {

    /** The seed's {@code can_accept_reviews}. */
    public boolean canAcceptReviews() {
        return pending < maxActiveReviews;
    }
}
