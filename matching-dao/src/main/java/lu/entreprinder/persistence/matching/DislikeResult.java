package lu.entreprinder.persistence.matching;

import java.util.Objects;
import java.util.OptionalLong;

/** What {@link MatchingService#dislike} did. */
public sealed interface DislikeResult {

    /**
     * The dislike was stored.
     *
     * @param dislikeId        the new dislike's id
     * @param likeWithdrawn    the disliker's own like of the other user existed and was removed
     * @param dissolvedMatchId the pair's match, when there was one: dissolved (deleted) with the like
     */
    record Disliked(long dislikeId, boolean likeWithdrawn, OptionalLong dissolvedMatchId) implements DislikeResult {

        public Disliked {
            Objects.requireNonNull(dissolvedMatchId, "dissolvedMatchId");
        }
    }

    /** The dislike already existed; nothing changed (disliking is idempotent). */
    record AlreadyDisliked() implements DislikeResult {
    }
}
