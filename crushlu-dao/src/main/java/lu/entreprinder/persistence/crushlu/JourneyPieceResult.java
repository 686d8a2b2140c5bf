package lu.entreprinder.persistence.crushlu;

/** The expected answers of {@link JourneyService#unlockPiece}. */
public sealed interface JourneyPieceResult {

    /** The piece is now unlocked; {@code pointsSpent} (its cost) was deducted. */
    record Unlocked(long pieceId, int pointsSpent, int pointsLeft) implements JourneyPieceResult {
    }

    /** The piece was unlocked before: nothing is deducted again. */
    record AlreadyUnlocked(long pieceId, int pointsLeft) implements JourneyPieceResult {
    }

    /** The user has fewer points than the piece costs; nothing was deducted. */
    record NotEnoughPoints(long pieceId, int cost, int points) implements JourneyPieceResult {
    }
}
