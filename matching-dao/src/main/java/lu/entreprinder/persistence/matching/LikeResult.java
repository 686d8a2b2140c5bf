package lu.entreprinder.persistence.matching;

/** What {@link MatchingService#like} did. */
public sealed interface LikeResult {

    /** The like was stored; the other user has not liked back (yet). */
    record Liked(long likeId) implements LikeResult {
    }

    /** The like was stored and the other user had already liked back: the pair's one match was created. */
    record Matched(long likeId, long matchId) implements LikeResult {
    }

    /** The like already existed; nothing changed. */
    record AlreadyLiked() implements LikeResult {
    }
}
