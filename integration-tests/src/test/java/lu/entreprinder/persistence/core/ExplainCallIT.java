package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;

/**
 * {@link Database#explain(Runnable, boolean)}: the plans of the statements a call sends, the call rolled back.
 * The same contract with the DAOs' own reads is in integration-tests' {@code DaoExplainIT}.
 */
class ExplainCallIT {

    @DatabaseTest
    void explainsEveryStatementOfTheCallInOrderWithItsBindValues(Database db) {
        Fixtures.user(db, "anna");
        List<StatementPlan> plans = db.explain(() -> {
            db.dsl().selectFrom(USER).where(USER.USERNAME.eq("anna")).fetch();
            db.dsl().fetchCount(USER, USER.EMAIL.eq("anna@example.com"));
        });

        assertThat(plans).hasSize(2);
        assertThat(plans.get(0).sql()).contains("auth_user").contains("username").contains("?");
        assertThat(plans.get(0).bindValues()).containsExactly("anna");
        assertThat(plans.get(0).plan()).contains("auth_user");
        assertThat(plans.get(1).sql()).containsIgnoringCase("count");
        assertThat(plans.get(1).bindValues()).containsExactly("anna@example.com");
        if (db.isSqlite()) {
            assertThat(plans.get(0).plan()).contains("USING INDEX"); // PostgreSQL may scan a one-row table
        } else {
            assertThat(plans.get(0).plan()).doesNotContain("actual time"); // not analyzed: the plan only
        }
        assertThat(plans.get(0).toString()).contains(plans.get(0).sql()).contains("[anna]").contains(plans.get(0).plan());
    }

    @DatabaseTest
    void aCallThatWritesIsRolledBackAndItsHooksNeverRun(Database db) {
        List<String> hooks = new ArrayList<>();
        List<StatementPlan> plans = db.explain(() -> {
            Fixtures.user(db, "ben");
            db.afterCommit(() -> hooks.add("committed"));
            db.dsl().selectFrom(USER).where(USER.USERNAME.eq("ben")).fetch();
        });

        // SQLite: jOOQ emulates the insert's RETURNING with a second statement, and that one is recorded too
        assertThat(plans).hasSize(db.isSqlite() ? 3 : 2);
        assertThat(plans.get(0).sql()).startsWithIgnoringCase("insert into");
        assertThat(plans.get(plans.size() - 1).bindValues()).containsExactly("ben");
        assertThat(db.dsl().fetchCount(USER)).as("the call's insert was rolled back").isZero();
        assertThat(hooks).isEmpty();
    }

    @DatabaseTest
    void insideATransactionOnlyTheExplainedCallRollsBack(Database db) {
        db.useTransaction(tx -> {
            Fixtures.user(db, "anna");
            List<StatementPlan> plans = db.explain(() -> Fixtures.user(db, "ben"));
            assertThat(plans).hasSize(db.isSqlite() ? 2 : 1); // SQLite: insert, then the emulated RETURNING
            assertThat(plans.get(0).bindValues()).contains("ben");
            assertThat(tx.dsl().fetch(USER).getValues(USER.USERNAME)).containsExactly("anna");
        });
        assertThat(db.dsl().fetch(USER).getValues(USER.USERNAME)).containsExactly("anna");
    }

    @DatabaseTest
    void whatTheCallThrowsIsRethrownAndNothingIsKept(Database db) {
        IllegalStateException failure = new IllegalStateException("the call failed");
        assertThatThrownBy(() -> db.explain(() -> {
            Fixtures.user(db, "ben");
            throw failure;
        })).isSameAs(failure);
        assertThat(db.dsl().fetchCount(USER)).isZero();
    }

    @DatabaseTest
    void aBatchHasNoSinglePlanAndIsRefused(Database db) {
        Fixtures.user(db, "anna");
        assertThatThrownBy(() -> db.explain(() -> db.dsl().batch(
                db.dsl().update(USER).set(USER.FIRST_NAME, "X").where(USER.USERNAME.eq("anna")),
                db.dsl().update(USER).set(USER.LAST_NAME, "Y").where(USER.USERNAME.eq("anna"))).execute()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("batch");
        assertThat(db.dsl().select(USER.FIRST_NAME, USER.LAST_NAME).from(USER).fetchOne())
                .as("the batch was rolled back").isEqualTo(db.dsl().newRecord(USER.FIRST_NAME, USER.LAST_NAME)
                        .values("Anna", "Tester"));
    }

    @DatabaseTest
    void statementsOfOtherThreadsAreNotRecorded(Database db) throws Exception {
        Fixtures.user(db, "anna");
        List<StatementPlan> plans = db.explain(() -> {
            Thread other = new Thread(() -> db.dsl().fetchCount(USER));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            db.dsl().selectFrom(USER).where(USER.USERNAME.eq("anna")).fetch();
        });
        assertThat(plans).singleElement().satisfies(p -> assertThat(p.bindValues()).containsExactly("anna"));
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void analyzeRunsEachStatementOnPostgres(Database db) {
        Fixtures.user(db, "anna");
        List<StatementPlan> plans = db.explain(() -> db.dsl().selectFrom(USER).where(USER.USERNAME.eq("anna")).fetch(),
                true);
        assertThat(plans).singleElement().satisfies(p -> assertThat(p.plan()).contains("actual time")
                .contains("Execution Time"));
    }
}
