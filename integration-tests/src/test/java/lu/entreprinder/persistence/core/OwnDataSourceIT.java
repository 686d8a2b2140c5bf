package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.jooq.SQLDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Database over a connection pool the caller owns: everything works the same, and the pool is never closed. */
class OwnDataSourceIT {

    private static HikariDataSource callersPool(Backend backend) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabases.config(backend, new TestClock()).build().jdbcUrl());
        config.setMaximumPoolSize(4);
        config.setPoolName("the-services-own-pool");
        if (backend == Backend.SQLITE) {
            config.addDataSourceProperty("foreign_keys", "true");
        }
        return new HikariDataSource(config);
    }

    private static final org.jooq.Param<String> NAME = org.jooq.impl.DSL.param("name", USER.USERNAME.getDataType());
    private static final PreparedRead<org.jooq.Record1<String>> BY_NAME = PreparedRead.of(
            org.jooq.impl.DSL.select(USER.USERNAME).from(USER).where(USER.USERNAME.eq(NAME)), NAME);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void transactionsHooksCountingAndErrorsWorkOnTheCallersPoolWhichOutlivesTheDatabase(Backend backend)
            throws Exception {
        List<String> statements = new CopyOnWriteArrayList<>();
        List<String> transactions = new CopyOnWriteArrayList<>();
        DatabaseObserver observer = new DatabaseObserver() {
            @Override
            public void statement(String kind, String operation, Duration elapsed, boolean failed) {
                statements.add(kind + (failed ? " failed" : "") + " by " + operation);
            }

            @Override
            public void transaction(String outcome, Duration elapsed) {
                transactions.add(outcome);
            }
        };
        try (HikariDataSource pool = callersPool(backend)) {
            try (Database db = Database.open(DatabaseConfig.builder(pool).schema(DefaultSchema.DEFAULT_SCHEMA)
                    .migrateOnStart(true).observer(observer).build())) {
                assertThat(db.dialect().family()).isEqualTo(
                        backend == Backend.SQLITE ? SQLDialect.SQLITE : SQLDialect.POSTGRES);
                assertThat(db.dataSource()).isSameAs(pool);
                statements.clear();
                List<String> hooks = new CopyOnWriteArrayList<>();
                try (StatementCount count = db.countStatements()) {
                    db.useTransaction(tx -> {
                        Fixtures.user(db, "anna");
                        tx.afterCommit(() -> hooks.add("committed"));
                    });
                    assertThat(count.value()).as("the counter and the observer see the same statements")
                            .isPositive().isEqualTo(statements.size());
                }
                assertThat(hooks).containsExactly("committed");
                assertThatThrownBy(() -> db.useTransaction(tx -> Fixtures.user(db, "anna", "other@example.com")))
                        .isInstanceOfSatisfying(ConflictException.class,
                                e -> assertThat(e.constraint()).isEqualTo("auth_user_username_key"));
                assertThatThrownBy(() -> db.useTransaction(tx -> {
                    try {
                        Fixtures.user(db, "anna");
                    } catch (ConflictException swallowed) {
                        // the poisoned-transaction rule holds on the caller's pool too
                    }
                })).isInstanceOf(TransactionAbortedException.class);
                assertThat(db.dsl().fetchCount(USER)).isEqualTo(1);
                assertThat(db.activeConnections()).isZero();
                assertThat(statements).filteredOn(x -> !x.startsWith("select by Fixtures")).containsExactly(
                        "insert by Fixtures.user", "insert failed by Fixtures.user", "insert failed by Fixtures.user",
                        "select by none");
                assertThat(transactions).containsExactly("committed", "rolled_back", "poisoned");
                // a PreparedRead's direct path is observed like any statement
                statements.clear();
                assertThat(BY_NAME.fetch(db.dsl(), r -> r.value1(), "anna")).containsExactly("anna");
                assertThat(statements).containsExactly("select by none");
            }
            assertThat(pool.isClosed()).as("the caller's pool stays open").isFalse();
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void poolSettingsBelongToTheCallersPoolAndAreRefusedHere(Backend backend) {
        try (HikariDataSource pool = callersPool(backend)) {
            assertThatThrownBy(() -> DatabaseConfig.builder(pool).maximumPoolSize(20).build())
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("maximumPoolSize"));
            assertThatThrownBy(() -> DatabaseConfig.builder(pool).statementTimeout(Duration.ofSeconds(1)).build())
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("statementTimeout"));
        }
    }

    /** SQLite only: foreign keys are a per-connection switch that the caller's pool must turn on. */
    @org.junit.jupiter.api.Test
    void aSqlitePoolWithoutForeignKeysIsRefusedWithWhatToDo() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabases.config(Backend.SQLITE, new TestClock()).build().jdbcUrl());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertThatThrownBy(() -> Database.open(DatabaseConfig.builder(pool).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("dataSource");
                        assertThat(e.getMessage()).contains("foreign_keys=true");
                    });
        }
    }
}
