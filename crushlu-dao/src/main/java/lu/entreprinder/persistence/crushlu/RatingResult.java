package lu.entreprinder.persistence.crushlu;

/** What {@link VotingService#rate} did. */
public sealed interface RatingResult {

    /** The rater's first rating of this presenter in the session was stored. */
    record Rated(long ratingId, int score) implements RatingResult {
    }

    /** The rater had already rated this presenter in the session: the one rating now has the new score. */
    record Updated(long ratingId, int previousScore, int score) implements RatingResult {
    }

    /** The session is closed: nothing was written. */
    record SessionClosed(long sessionId) implements RatingResult {
    }

    /** The rater did not attend the session's event: nothing was written. */
    record RaterNotAttendee(long raterId) implements RatingResult {
    }

    /** The presenter did not attend the session's event: nothing was written. */
    record PresenterNotAttendee(long presenterId) implements RatingResult {
    }
}
