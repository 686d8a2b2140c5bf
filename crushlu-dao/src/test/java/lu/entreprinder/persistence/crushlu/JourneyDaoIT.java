package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHALLENGE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHAPTER;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Statements;

class JourneyDaoIT {

    @DatabaseTest
    void loadsAWholeJourneyForPlayInOneStatementWithoutAnswers(Database db) {
        JourneyFixtures.Story story = JourneyFixtures.story(db, "Wonderland");
        JourneyFixtures.story(db, "Other");
        JourneyDao dao = new JourneyDao(db);

        var counted = Statements.count(db, () -> dao.getJourneyForPlay(story.journeyId()));

        assertThat(counted.statements()).isEqualTo(1);
        JourneyPlay play = counted.value();
        assertThat(play.name()).isEqualTo("Wonderland");
        assertThat(play.chapters()).extracting(JourneyPlay.Chapter::number).containsExactly(1, 2, 3);
        assertThat(play.chapters()).allSatisfy(c -> {
            assertThat(c.challenges()).hasSize(2);
            assertThat(c.rewards()).hasSize(2);
        });
        JourneyPlay.Chapter first = play.chapters().get(0);
        assertThat(first.challenges()).extracting(JourneyPlay.Challenge::type)
                .containsExactly(JourneyChallengeType.RIDDLE, JourneyChallengeType.MULTIPLE_CHOICE);
        assertThat(first.challenges().get(0).hasHint()).isTrue();
        assertThat(first.challenges().get(0).options()).isEmpty();
        assertThat(first.challenges().get(1).options()).containsExactly("Paris", "Luxembourg", "Rome");
        assertThat(play.chapters().get(1).challenges().get(1).options()).containsExactly("C", "A", "B");
        assertThat(first.rewards()).extracting(JourneyPlay.Reward::type)
                .containsExactly(JourneyRewardType.POEM, JourneyRewardType.PHOTO_REVEAL);
        assertThat(play.toString()).doesNotContain("Crème").doesNotContain("[\"A\",\"B\",\"C\"]");
        assertThat(JourneyPlay.Challenge.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName)
                .doesNotContain("correctAnswer", "hint");
    }

    @DatabaseTest
    void hintsAreAvailableSeparately(Database db) {
        JourneyFixtures.Story story = JourneyFixtures.story(db, "Wonderland");
        JourneyDao dao = new JourneyDao(db);
        var counted = Statements.count(db, () -> dao.getHint(story.challenge(1, 0)));
        assertThat(counted.statements()).isEqualTo(1);
        assertThat(counted.value()).hasValue("A French dessert");
        assertThat(dao.getHint(story.challenge(1, 1))).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> dao.getHint(9999)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dao.getJourneyForPlay(9999)).isInstanceOf(NotFoundException.class);
    }

    @DatabaseTest
    void chapterNumbersAreUniquePerJourney(Database db) {
        JourneyDao dao = new JourneyDao(db);
        long journey = dao.insertJourney("J", "", true);
        dao.insertChapter(journey, 1, "One", "");
        assertThatThrownBy(() -> dao.insertChapter(journey, 1, "Again", ""))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.constraint())
                        .isEqualTo("crush_lu_journeychapter_journey_id_chapter_number_uniq"));
        long other = dao.insertJourney("K", "", true);
        dao.insertChapter(other, 1, "One", "");
    }

    @DatabaseTest
    void refusesBadChallengesWritingNothing(Database db) {
        JourneyDao dao = new JourneyDao(db);
        long journey = dao.insertJourney("J", "", true);
        long ch = dao.insertChapter(journey, 1, "One", "");
        assertField(() -> dao.insertChallenge(ch, NewJourneyChallenge.multipleChoice("Q", List.of("a", "b"), "c", "",
                0)), "correctAnswer");
        assertField(() -> dao.insertChallenge(ch, NewJourneyChallenge.multipleChoice("Q", List.of("a"), "a", "", 0)),
                "options");
        assertField(() -> dao.insertChallenge(ch, NewJourneyChallenge.timelineSort("Q", List.of("a", "b"),
                List.of("a", "c"), "", 0)), "correctAnswer");
        assertField(() -> dao.insertChallenge(ch, new NewJourneyChallenge(JourneyChallengeType.TIMELINE_SORT, "Q",
                "a,b", List.of("a", "b"), "", 0)), "correctAnswer");
        assertField(() -> dao.insertChallenge(ch, NewJourneyChallenge.riddle("Q", "x".repeat(501), "", 0)),
                "correctAnswer");
        assertField(() -> dao.insertChallenge(ch, NewJourneyChallenge.riddle(" ", "x", "", 0)), "question");
        assertField(() -> dao.insertChallenge(ch, new NewJourneyChallenge(null, "Q", "x", null, "", 0)), "type");
        assertField(() -> dao.insertChapter(journey, 0, "Zero", ""), "chapterNumber");
        assertField(() -> dao.insertChapter(journey, 2, "x".repeat(201), ""), "title");
        assertField(() -> dao.insertJourney(" ", "", true), "name");
        assertField(() -> dao.insertReward(ch, null, "t", "", ""), "type");
        assertThat(db.dsl().fetchCount(JOURNEY_CHALLENGE)).isZero();
        assertThat(db.dsl().fetchCount(JOURNEY_CHAPTER)).isEqualTo(1);
    }
}
