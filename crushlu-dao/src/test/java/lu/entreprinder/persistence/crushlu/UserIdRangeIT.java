package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.SPECIAL_USER_EXPERIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;

/**
 * auth_user.id is an integer: a long id above its range must be refused, never cast (2^32 + 1 would become user 1
 * and write into that user's data).
 */
class UserIdRangeIT {

    private static final long WRAPS_TO_USER_1 = 4_294_967_297L;

    @DatabaseTest
    void anIdThatWouldWrapToAnotherUserIsRefusedAndNothingIsWritten(Database db) {
        long user1 = Fixtures.user(db, "anna");
        assertThat(user1).isEqualTo(1);
        NewCrushProfile input = new NewCrushProfile(LocalDate.of(1995, 5, 5), "F", "Luxembourg", "bio", "+352 621 123 456",
                List.of("crush_profiles/a.jpg"), true, true, false, List.of());

        assertThatThrownBy(() -> new ProfileDao(db).insertProfile(WRAPS_TO_USER_1, input))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("userId"));
        assertThatThrownBy(() -> new SpecialExperienceDao(db).insertSpecialExperience(WRAPS_TO_USER_1, null, "hi"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("userId"));
        assertThatThrownBy(() -> new JourneyService(db).answer(WRAPS_TO_USER_1, 1, new JourneyAnswer.Text("x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("userId"));

        assertThat(db.dsl().fetchCount(CRUSH_PROFILE)).isZero();
        assertThat(db.dsl().fetchCount(SPECIAL_USER_EXPERIENCE)).isZero();
    }
}
