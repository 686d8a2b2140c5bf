package lu.entreprinder.persistence.matching;

/** What {@link MatchingService#unlike} did. */
public sealed interface UnlikeOutcome {

    /** There was no such like; nothing changed. */
    record NotLiked() implements UnlikeOutcome {
    }

    /** The like was removed; there was no match to dissolve. */
    record Unliked() implements UnlikeOutcome {
    }

    /** The like was removed and the pair's match {@code matchId} was dissolved (deleted). */
    record Unmatched(long matchId) implements UnlikeOutcome {
    }
}
