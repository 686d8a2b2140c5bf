package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import org.jooq.exception.MappingException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.exception.TooManyRowsException;

/**
 * The errors jOOQ raises on the client side, after the statement ran (more rows than {@code fetchOne} allows, no row
 * for {@code fetchSingle}, a record that cannot be mapped), leave the library as {@link PersistenceException}s like
 * every other error, inside and outside a transaction, on both databases.
 */
class JooqClientSideErrorsIT {

    /** A record whose constructor refuses every row: jOOQ wraps the failure in a {@link MappingException}. */
    record Unmappable(String username) {
        Unmappable {
            throw new IllegalStateException("refused " + username);
        }
    }

    @DatabaseTest
    void tooManyRowsIsADataAccessFailure(Database db) {
        Fixtures.user(db, "anna");
        Fixtures.user(db, "ben");
        assertThatThrownBy(() -> db.dsl().selectFrom(USER).fetchOne())
                .isInstanceOf(DataAccessFailureException.class).hasCauseInstanceOf(TooManyRowsException.class);
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.dsl().selectFrom(USER).fetchOne()))
                .isInstanceOf(DataAccessFailureException.class).hasCauseInstanceOf(TooManyRowsException.class);
    }

    @DatabaseTest
    void noRowForFetchSingleIsNotFound(Database db) {
        assertThatThrownBy(() -> db.dsl().selectFrom(USER).where(USER.ID.eq(42L)).fetchSingle())
                .isInstanceOf(NotFoundException.class).hasCauseInstanceOf(NoDataFoundException.class);
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.dsl().selectFrom(USER).where(USER.ID.eq(42L)).fetchSingle()))
                .isInstanceOf(NotFoundException.class).hasCauseInstanceOf(NoDataFoundException.class);
    }

    @DatabaseTest
    void aRecordThatCannotBeMappedIsADataAccessFailure(Database db) {
        Fixtures.user(db, "anna");
        assertThatThrownBy(() -> db.dsl().select(USER.USERNAME).from(USER).fetchInto(Unmappable.class))
                .isInstanceOf(DataAccessFailureException.class).hasCauseInstanceOf(MappingException.class);
        assertThatThrownBy(() -> db.dsl().select(USER.USERNAME).from(USER).fetchOne().into(Unmappable.class))
                .isInstanceOf(DataAccessFailureException.class).hasCauseInstanceOf(MappingException.class);
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.dsl().select(USER.USERNAME).from(USER)
                .fetchInto(Unmappable.class)))
                .isInstanceOf(DataAccessFailureException.class).hasCauseInstanceOf(MappingException.class);
    }

    @DatabaseTest
    void theTransactionStaysUsableAfterAClientSideError(Database db) {
        Fixtures.user(db, "anna");
        Fixtures.user(db, "ben");
        int users = db.inTransaction(tx -> {
            assertThatThrownBy(() -> tx.dsl().selectFrom(USER).fetchOne()).isInstanceOf(PersistenceException.class);
            return tx.dsl().fetchCount(USER);
        });
        assertThat(users).isEqualTo(2);
    }
}
