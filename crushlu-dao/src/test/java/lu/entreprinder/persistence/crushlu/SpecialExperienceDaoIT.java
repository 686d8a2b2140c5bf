package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.SPECIAL_USER_EXPERIENCE;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;

class SpecialExperienceDaoIT {

    @DatabaseTest
    void onePerUserWithJourneyAndWelcomeMessage(Database db) {
        JourneyFixtures.Story story = JourneyFixtures.story(db, "For Anna");
        long anna = Fixtures.user(db, "anna");
        long bob = Fixtures.user(db, "bob");
        SpecialExperienceDao dao = new SpecialExperienceDao(db);
        long id = dao.insertSpecialExperience(anna, story.journeyId(), "Welcome, Anna!");
        dao.insertSpecialExperience(bob, null, "");

        var counted = Statements.count(db, () -> dao.findForUser(anna));
        assertThat(counted.statements()).isEqualTo(1);
        SpecialExperience e = counted.value().orElseThrow();
        assertThat(e.experienceId()).isEqualTo(id);
        assertThat(e.journeyId()).hasValue(story.journeyId());
        assertThat(e.journeyName()).hasValue("For Anna");
        assertThat(e.welcomeMessage()).isEqualTo("Welcome, Anna!");
        assertThat(e.createdAt()).isEqualTo(db.now());
        assertThat(dao.findForUser(bob).orElseThrow().journeyId()).isEmpty();
        assertThat(dao.findForUser(9999)).isEmpty();

        assertThatThrownBy(() -> dao.insertSpecialExperience(anna, null, "again"))
                .isInstanceOfSatisfying(ConflictException.class, c -> assertThat(c.constraint())
                        .isEqualTo("crush_lu_specialuserexperience_user_id_key"));
        assertThat(dao.updateSpecialExperience(bob, story.journeyId(), "Hi Bob")).isTrue();
        assertThat(dao.findForUser(bob).orElseThrow().welcomeMessage()).isEqualTo("Hi Bob");
        assertThat(dao.updateSpecialExperience(9999, null, "")).isFalse();
    }

    @DatabaseTest
    void refusesBadInputWritingNothing(Database db) {
        long anna = Fixtures.user(db, "anna");
        SpecialExperienceDao dao = new SpecialExperienceDao(db);
        assertField(() -> dao.insertSpecialExperience(0, null, ""), "userId");
        assertField(() -> dao.insertSpecialExperience(anna, -1L, ""), "journeyId");
        assertField(() -> dao.insertSpecialExperience(anna, null, "a\u0000"), "welcomeMessage");
        assertThat(db.dsl().fetchCount(SPECIAL_USER_EXPERIENCE)).isZero();
    }
}
