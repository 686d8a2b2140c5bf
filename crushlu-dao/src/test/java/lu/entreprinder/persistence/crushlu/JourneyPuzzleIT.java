package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.JourneyRulesFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.crushlu.JourneyRulesFixtures.Rules;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;

/** Puzzle rewards (V21): pieces bought with points, once each, never on credit. */
class JourneyPuzzleIT {

    @DatabaseTest
    void piecesAreUnlockedWithPointsOnceEachAndRefusedWithoutEnoughPoints(Database db) {
        Rules j = JourneyRulesFixtures.journey(db, "P");
        long anna = Fixtures.user(db, "anna");
        long bert = Fixtures.user(db, "bert");
        JourneyService s = new JourneyService(db);
        long p1 = j.pieces().get(0);
        long p2 = j.pieces().get(1);
        long p3 = j.pieces().get(2);
        s.answer(anna, j.riddle(), new JourneyAnswer.Text("brulee"));  // 15 points

        var first = Statements.count(db, () -> s.unlockPiece(anna, p1));
        assertThat(first.value()).isEqualTo(new JourneyPieceResult.Unlocked(p1, 5, 10));
        assertThat(first.statements()).as("piece, progress lock, unlocked?, unlock, points").isEqualTo(5);
        var again = Statements.count(db, () -> s.unlockPiece(anna, p1));
        assertThat(again.value()).isEqualTo(new JourneyPieceResult.AlreadyUnlocked(p1, 10));
        assertThat(again.statements()).isEqualTo(3);
        String before = state(db);
        var tooDear = Statements.count(db, () -> s.unlockPiece(anna, p3));
        assertThat(tooDear.value()).isEqualTo(new JourneyPieceResult.NotEnoughPoints(p3, 20, 10));
        assertThat(tooDear.statements()).isEqualTo(3);
        assertThat(state(db)).as("refused: nothing written").isEqualTo(before);
        assertThat(s.unlockPiece(anna, p2)).isEqualTo(new JourneyPieceResult.Unlocked(p2, 10, 0));

        var view = Statements.count(db, () -> s.getPuzzle(anna, j.puzzle()));
        assertThat(view.statements()).isEqualTo(1);
        assertThat(view.value().title()).isEqualTo("Our photo");
        assertThat(view.value().points()).isZero();
        assertThat(view.value().pieces()).extracting(JourneyPuzzleView.Piece::number, JourneyPuzzleView.Piece::cost,
                JourneyPuzzleView.Piece::unlocked).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 5, true),
                org.assertj.core.groups.Tuple.tuple(2, 10, true),
                org.assertj.core.groups.Tuple.tuple(3, 20, false));
        assertThat(view.value().unlockedPieces()).extracting(JourneyPuzzleView.Piece::pieceId)
                .containsExactly(p1, p2);
        assertThat(s.findProgress(anna, j.journeyId()).orElseThrow().totalPoints()).isZero();

        JourneyPuzzleView theirs = s.getPuzzle(bert, j.puzzle());
        assertThat(theirs.unlockedPieces()).as("unlocks are per user").isEmpty();
        assertThat(theirs.points()).isZero();
        assertThat(s.unlockPiece(bert, p1)).isEqualTo(new JourneyPieceResult.NotEnoughPoints(p1, 5, 0));
    }

    @DatabaseTest
    void aFreePieceNeedsNoPointsAndOnlyPuzzlesHavePieces(Database db) {
        Rules j = JourneyRulesFixtures.journey(db, "F");
        long free = new JourneyDao(db).insertPuzzleReward(j.chapter2(), "Free", "", "", List.of(0, 0));
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        long piece = s.getPuzzle(anna, free).pieces().get(0).pieceId();
        assertThat(s.unlockPiece(anna, piece)).isEqualTo(new JourneyPieceResult.Unlocked(piece, 0, 0));
        assertThat(s.getPuzzle(anna, free).unlockedPieces()).hasSize(1);

        String before = state(db);
        assertThatThrownBy(() -> s.getPuzzle(anna, j.poem())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> s.getPuzzle(anna, 999_999)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> s.unlockPiece(anna, 999_999)).isInstanceOf(NotFoundException.class);
        assertThat(state(db)).isEqualTo(before);
        assertThat(new JourneyDao(db).getJourneyForPlay(j.journeyId()).chapters().get(0).rewards())
                .extracting(JourneyPlay.Reward::type)
                .containsExactly(JourneyRewardType.PUZZLE, JourneyRewardType.POEM);
    }

    @DatabaseTest
    void thePuzzleViewIsOneStatementWhateverThePieces(Database db) {
        Rules j = JourneyRulesFixtures.journey(db, "N");
        JourneyDao dao = new JourneyDao(db);
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        long big = dao.insertPuzzleReward(j.chapter1(), "Big", "", "", java.util.Collections.nCopies(12, 0));
        for (JourneyPuzzleView.Piece p : s.getPuzzle(anna, big).pieces().subList(0, 7)) {
            s.unlockPiece(anna, p.pieceId());
        }
        var view = Statements.count(db, () -> s.getPuzzle(anna, big));
        assertThat(view.statements()).isEqualTo(1);
        assertThat(view.value().pieces()).hasSize(12);
        assertThat(view.value().unlockedPieces()).extracting(JourneyPuzzleView.Piece::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
    }
}
