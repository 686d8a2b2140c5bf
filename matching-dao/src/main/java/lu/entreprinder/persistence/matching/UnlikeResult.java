package lu.entreprinder.persistence.matching;

/** What {@link MatchingService#unlike} did. */
public sealed interface UnlikeResult {

    /** There was no such like; nothing changed. */
    record NotLiked() implements UnlikeResult {
    }

    /** The like was removed; there was no match to dissolve. */
    record Unliked() implements UnlikeResult {
    }

    /** The like was removed and the pair's match {@code matchId} was dissolved (deleted). */
    record Unmatched(long matchId) implements UnlikeResult {
    }
}
