package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PROGRESS;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

class JourneyServiceIT {

    private static JourneyAnswer text(String t) {
        return new JourneyAnswer.Text(t);
    }

    @DatabaseTest
    void riddlesCompareNormalizedText(Database db) {
        JourneyFixtures.Story story = JourneyFixtures.story(db, "W");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        long riddle = story.challenge(1, 0);
        assertThat(s.answer(anna, riddle, text("tiramisu")))
                .isEqualTo(new JourneyAnswerResult.Incorrect(riddle, true));
        assertThat(db.dsl().fetchCount(JOURNEY_PROGRESS)).as("a wrong answer writes nothing").isZero();
        assertThat(s.answer(anna, riddle, text("  CREME   brulee ")))
                .isInstanceOf(JourneyAnswerResult.Correct.class);
        assertThat(s.answer(anna, riddle, text("crème brûlée")))
                .isInstanceOf(JourneyAnswerResult.AlreadyCompleted.class);
        assertThat(s.findProgress(anna, story.journeyId()).orElseThrow().completedChallenges())
                .containsExactly(riddle);
    }

    @DatabaseTest
    void playingTheWholeJourneyUnlocksRewardsAdvancesChaptersAndCompletes(Database db, TestClock clock) {
        JourneyFixtures.Story story = JourneyFixtures.story(db, "W");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);

        var r1 = (JourneyAnswerResult.Correct) s.answer(anna, story.challenge(1, 0), text("Crème brûlée"));
        assertThat(r1.chapterCompleted()).isFalse();
        assertThat(r1.unlockedRewards()).isEmpty();
        assertThat(s.answer(anna, story.challenge(2, 0), text("schueberfouer")))
                .isEqualTo(new JourneyAnswerResult.ChapterLocked(story.challenge(2, 0), 2, 1));
        assertThat(s.answer(anna, story.challenge(1, 1), new JourneyAnswer.Choice("Paris")))
                .isInstanceOf(JourneyAnswerResult.Incorrect.class);
        var r2 = (JourneyAnswerResult.Correct) s.answer(anna, story.challenge(1, 1),
                new JourneyAnswer.Choice("luxembourg"));
        assertThat(r2.chapterCompleted()).isTrue();
        assertThat(r2.unlockedRewards()).containsExactlyElementsOf(story.rewards().get(0));
        assertThat(r2.progress().currentChapter()).isEqualTo(2);

        s.answer(anna, story.challenge(2, 0), text("SCHUEBERFOUER"));
        assertThat(s.answer(anna, story.challenge(2, 1), new JourneyAnswer.Order(List.of("B", "A", "C"))))
                .isInstanceOf(JourneyAnswerResult.Incorrect.class);
        var r3 = (JourneyAnswerResult.Correct) s.answer(anna, story.challenge(2, 1),
                new JourneyAnswer.Order(List.of("A", "B", "C")));
        assertThat(r3.progress().currentChapter()).isEqualTo(3);

        s.answer(anna, story.challenge(3, 0), new JourneyAnswer.Choice("beach"));
        clock.advance(Duration.ofDays(1));
        var r4 = (JourneyAnswerResult.Correct) s.answer(anna, story.challenge(3, 1), text("Forever"));
        assertThat(r4.journeyCompleted()).isTrue();
        JourneyProgressView p = s.findProgress(anna, story.journeyId()).orElseThrow();
        assertThat(p.completed()).isTrue();
        assertThat(p.completedAt()).hasValue(db.now());
        assertThat(p.currentChapter()).isEqualTo(3);
        assertThat(p.completedChallenges()).hasSize(6);
        assertThat(p.unlockedRewards()).hasSize(6);
    }

    @DatabaseTest
    void answersOfTheWrongFormatAreRefusedWritingNothing(Database db) {
        JourneyFixtures.Story story = JourneyFixtures.story(db, "W");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        assertField(() -> s.answer(anna, story.challenge(1, 1), new JourneyAnswer.Choice("Berlin")), "answer");
        assertField(() -> s.answer(anna, story.challenge(1, 1), text("Luxembourg")), "answer");
        assertField(() -> s.answer(anna, story.challenge(1, 0), text("   ")), "answer");
        assertField(() -> s.answer(anna, story.challenge(1, 0), null), "answer");
        assertField(() -> s.answer(0, story.challenge(1, 0), text("x")), "userId");
        assertField(() -> s.answer(anna, story.challenge(2, 1), new JourneyAnswer.Order(List.of("A", "B"))),
                "answer");
        assertField(() -> s.answer(anna, story.challenge(3, 1), new JourneyAnswer.Text("")), "answer");
        assertField(() -> s.answer(anna, story.challenge(3, 0), new JourneyAnswer.Choice("city")), "answer");
        assertThatThrownBy(() -> s.answer(anna, 99999, text("x"))).isInstanceOf(NotFoundException.class);
        assertThat(db.dsl().fetchCount(JOURNEY_PROGRESS)).isZero();
    }

    @DatabaseTest
    void whoCompletedAChallengeAndStandingsAreTheSameOnBothDatabases(Database db) {
        JourneyFixtures.Story story = JourneyFixtures.story(db, "W");
        JourneyFixtures.Story other = JourneyFixtures.story(db, "Other");
        JourneyService s = new JourneyService(db);
        long anna = Fixtures.user(db, "anna");
        long bob = Fixtures.user(db, "bob");
        long cleo = Fixtures.user(db, "cleo");
        for (long u : List.of(anna, bob, cleo)) {
            s.answer(u, story.challenge(1, 0), text("creme brulee"));
        }
        s.answer(anna, story.challenge(1, 1), new JourneyAnswer.Choice("Luxembourg"));
        s.answer(anna, story.challenge(2, 0), text("schueberfouer"));
        s.answer(bob, story.challenge(1, 1), new JourneyAnswer.Choice("Luxembourg"));
        s.answer(cleo, other.challenge(1, 0), text("creme brulee"));
        s.answer(cleo, other.challenge(1, 1), new JourneyAnswer.Choice("Luxembourg"));

        var who = Statements.count(db, () -> s.listUsersWhoCompleted(story.challenge(1, 1)));
        assertThat(who.statements()).isEqualTo(1);
        assertThat(who.value()).containsExactly(anna, bob);
        assertThat(s.listUsersWhoCompleted(story.challenge(1, 0))).containsExactly(anna, bob, cleo);
        assertThat(s.listUsersWhoCompleted(story.challenge(3, 1))).isEmpty();

        var standings = Statements.count(db, () -> s.listJourneyStandings(story.journeyId()));
        assertThat(standings.statements()).isEqualTo(1);
        assertThat(standings.value()).containsExactly(
                new JourneyStanding(anna, "anna", 2, 3, 6, false),
                new JourneyStanding(bob, "bob", 2, 2, 6, false),
                new JourneyStanding(cleo, "cleo", 1, 1, 6, false));

        var progress = Statements.count(db, () -> s.findProgress(cleo, other.journeyId()));
        assertThat(progress.statements()).isEqualTo(1);
        assertThat(progress.value().orElseThrow().unlockedRewards()).containsExactlyElementsOf(other.rewards().get(0));
        assertThat(s.findProgress(cleo, 99999)).isEmpty();
    }
}
