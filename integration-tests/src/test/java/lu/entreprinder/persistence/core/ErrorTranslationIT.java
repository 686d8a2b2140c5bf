package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.MATCH;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;

/** Constraint errors arrive as one typed hierarchy naming the constraint, identically on both databases. */
class ErrorTranslationIT {

    @DatabaseTest
    void aDuplicateUniqueValueIsAConflictNamingTheConstraint(Database db) {
        Fixtures.user(db, "anna", "anna@example.com");
        assertThatThrownBy(() -> Fixtures.user(db, "anna", "other@example.com"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.constraint()).isEqualTo("auth_user_username_key"));
    }

    @DatabaseTest
    void aCompositeUniqueKeyIsNamedOnSqliteToo(Database db) {
        long a = Fixtures.user(db, "anna");
        long b = Fixtures.user(db, "ben");
        like(db, a, b);
        assertThatThrownBy(() -> like(db, a, b))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.constraint()).isEqualTo("matching_like_from_user_id_to_user_id_uniq"));
    }

    @DatabaseTest
    void anExpressionUniqueIndexIsAConflictNamingTheIndex(Database db) {
        long a = Fixtures.user(db, "anna");
        long b = Fixtures.user(db, "ben");
        match(db, a, b);
        assertThatThrownBy(() -> match(db, b, a))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.constraint()).isEqualTo("matching_match_pair_uniq"));
    }

    @DatabaseTest
    void aMissingReferenceIsAForeignKeyViolation(Database db) {
        long a = Fixtures.user(db, "anna");
        assertThatThrownBy(() -> like(db, a, 999_999))
                .isInstanceOf(ForeignKeyViolationException.class);
    }

    @DatabaseTest
    void aRefusedCheckIsACheckViolationNamingTheConstraint(Database db) {
        long a = Fixtures.user(db, "anna");
        assertThatThrownBy(() -> like(db, a, a))
                .isInstanceOfSatisfying(CheckViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("matching_like_not_self_check"));
    }

    @DatabaseTest
    void aMissingRequiredValueIsANotNullViolation(Database db) {
        assertThatThrownBy(() -> db.dsl().insertInto(USER).set(USER.USERNAME, "x").execute())
                .isInstanceOf(NotNullViolationException.class);
    }

    @DatabaseTest
    void anErrorInsideATransactionIsTranslatedAndRollsBack(Database db) {
        Fixtures.user(db, "anna");
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            Fixtures.user(db, "ben");
            Fixtures.user(db, "anna");
        })).isInstanceOf(ConflictException.class);
        assertThat(db.dsl().fetchCount(USER)).isEqualTo(1);
    }

    private static void match(Database db, long user1, long user2) {
        db.dsl().insertInto(MATCH)
                .set(MATCH.USER1_ID, user1)
                .set(MATCH.USER2_ID, user2)
                .set(MATCH.CREATED_AT, db.now())
                .execute();
    }

    private static void like(Database db, long from, long to) {
        db.dsl().insertInto(LIKE)
                .set(LIKE.FROM_USER_ID, from)
                .set(LIKE.TO_USER_ID, to)
                .set(LIKE.CREATED_AT, db.now())
                .execute();
    }
}
