package lu.entreprinder.persistence.crushlu;

import java.util.List;

/**
 * A puzzle reward as one user sees it ({@link JourneyService#getPuzzle}): its pieces by number, which of them the
 * user unlocked, and the user's points.
 */
public record JourneyPuzzleView(long rewardId, long chapterId, String title, String content, String photo,
                                List<Piece> pieces, int points) {

    public JourneyPuzzleView {
        pieces = List.copyOf(pieces);
    }

    /** The pieces this user unlocked, by number. */
    public List<Piece> unlockedPieces() {
        return pieces.stream().filter(Piece::unlocked).toList();
    }

    /** One piece: its number (1..N), its cost in points and whether this user unlocked it. */
    public record Piece(long pieceId, int number, int cost, boolean unlocked) {
    }
}
