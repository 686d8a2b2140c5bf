package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CONFIGURATION;
import static lu.entreprinder.persistence.schema.generated.Tables.SPECIAL_USER_EXPERIENCE;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.ValidationException;

/** Special user experiences: one per user, with a journey and a welcome message. */
public final class SpecialExperienceDao {

    private final Database db;

    public SpecialExperienceDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Inserts the user's special experience (created now).
     *
     * @param journeyId the journey, or null for none
     * @throws ValidationException (fields {@code userId}, {@code journeyId}, {@code welcomeMessage})
     * @throws ConflictException ({@code crush_lu_specialuserexperience_user_id_key}) if the user already has one
     * @throws ForeignKeyViolationException if the user or journey does not exist
     */
    public long insertSpecialExperience(long userId, Long journeyId, String welcomeMessage) {
        Check.userId(userId, "userId");
        if (journeyId != null) {
            Check.id(journeyId, "journeyId");
        }
        String message = Check.optionalText(welcomeMessage, 0, "welcomeMessage");
        return db.inTransaction(tx -> tx.dsl().insertInto(SPECIAL_USER_EXPERIENCE)
                .set(SPECIAL_USER_EXPERIENCE.USER_ID, userId)
                .set(SPECIAL_USER_EXPERIENCE.JOURNEY_ID, journeyId)
                .set(SPECIAL_USER_EXPERIENCE.CUSTOM_WELCOME_MESSAGE, message)
                .set(SPECIAL_USER_EXPERIENCE.CREATED_AT, db.now())
                .returning(SPECIAL_USER_EXPERIENCE.ID)
                .fetchOne(SPECIAL_USER_EXPERIENCE.ID));
    }

    /**
     * Changes the journey and welcome message of the user's experience.
     *
     * @return false if the user has none
     * @throws ValidationException (fields {@code userId}, {@code journeyId}, {@code welcomeMessage})
     * @throws ForeignKeyViolationException if the journey does not exist
     */
    public boolean updateSpecialExperience(long userId, Long journeyId, String welcomeMessage) {
        Check.userId(userId, "userId");
        if (journeyId != null) {
            Check.id(journeyId, "journeyId");
        }
        String message = Check.optionalText(welcomeMessage, 0, "welcomeMessage");
        return db.inTransaction(tx -> tx.dsl().update(SPECIAL_USER_EXPERIENCE)
                .set(SPECIAL_USER_EXPERIENCE.JOURNEY_ID, journeyId)
                .set(SPECIAL_USER_EXPERIENCE.CUSTOM_WELCOME_MESSAGE, message)
                .where(SPECIAL_USER_EXPERIENCE.USER_ID.eq(userId))
                .execute() == 1);
    }

    /**
     * The user's special experience with its journey's name. One statement.
     *
     * @throws ValidationException (field {@code userId})
     */
    public Optional<SpecialExperience> findForUser(long userId) {
        Check.userId(userId, "userId");
        return db.dsl()
                .select(SPECIAL_USER_EXPERIENCE.ID, SPECIAL_USER_EXPERIENCE.USER_ID, SPECIAL_USER_EXPERIENCE.JOURNEY_ID,
                        JOURNEY_CONFIGURATION.NAME, SPECIAL_USER_EXPERIENCE.CUSTOM_WELCOME_MESSAGE,
                        SPECIAL_USER_EXPERIENCE.CREATED_AT)
                .from(SPECIAL_USER_EXPERIENCE)
                .leftJoin(JOURNEY_CONFIGURATION).on(JOURNEY_CONFIGURATION.ID.eq(SPECIAL_USER_EXPERIENCE.JOURNEY_ID))
                .where(SPECIAL_USER_EXPERIENCE.USER_ID.eq(userId))
                .fetchOptional(r -> new SpecialExperience(r.value1(), r.value2(),
                        r.value3() == null ? OptionalLong.empty() : OptionalLong.of(r.value3()),
                        Optional.ofNullable(r.value4()), r.value5(), r.value6()));
    }
}
