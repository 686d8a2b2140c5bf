package lu.entreprinder.persistence.spring;

import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.entreprinder.NewUser;
import lu.entreprinder.persistence.entreprinder.UserCreationResult;
import lu.entreprinder.persistence.entreprinder.UserDao;
import lu.entreprinder.persistence.matching.LikeResult;
import lu.entreprinder.persistence.matching.MatchingService;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.Transactional;

/**
 * A real Spring Boot application context on PostgreSQL and SQLite: the library opens on the application's pool and
 * its DAO calls join the application's {@code @Transactional} methods.
 */
class SpringTransactionsIT {

    /** A service of the application: two DAOs in one Spring transaction. */
    public static class SignUpService {
        final Database db;
        final UserDao users;
        final MatchingService matching;
        final List<String> hooks = new CopyOnWriteArrayList<>();

        /** The hooks that ran (a method: the bean is a proxy, its fields are not the service's). */
        public List<String> hooks() {
            return hooks;
        }

        public SignUpService(Database db) {
            this.db = db;
            this.users = new UserDao(db);
            this.matching = new MatchingService(db);
        }

        /** Creates two users and a like between them; throws at the end when asked to. */
        @Transactional
        public void signUpPair(String a, String b, boolean failAtTheEnd) {
            long first = created(users.createUser(NewUser.of(a, a + "@example.lu", "<hash>")));
            long second = created(users.createUser(NewUser.of(b, b + "@example.lu", "<hash>")));
            assertThat(matching.like(first, second)).isInstanceOf(LikeResult.Liked.class);
            db.afterCommit(() -> hooks.add("welcome " + a + " and " + b));
            if (failAtTheEnd) {
                throw new IllegalStateException("the service fails after both DAO calls");
            }
        }

        /** A taken username inside the Spring transaction: the DAO's savepoint keeps the transaction usable. */
        @Transactional
        public UserCreationResult signUpAgain(String username, String fresh) {
            UserCreationResult again = users.createUser(NewUser.of(username, "x" + username + "@example.lu", "<hash>"));
            created(users.createUser(NewUser.of(fresh, fresh + "@example.lu", "<hash>")));
            return again;
        }

        /** A failed statement caught outside any inTransaction: Spring must not commit. */
        @Transactional
        public void swallowAFailure(String username) {
            created(users.createUser(NewUser.of(username, username + "@example.lu", "<hash>")));
            try {
                db.dsl().insertInto(USER).set(USER.USERNAME, username).set(USER.PASSWORD, "x")
                        .set(USER.FIRST_NAME, "").set(USER.LAST_NAME, "").set(USER.EMAIL, "")
                        .set(USER.IS_SUPERUSER, false).set(USER.IS_STAFF, false).set(USER.IS_ACTIVE, true)
                        .set(USER.DATE_JOINED, db.now()).execute();
            } catch (ConflictException swallowed) {
                // a caller that thinks it handled it
            }
        }

        private static long created(UserCreationResult creation) {
            return ((UserCreationResult.Created) creation).userId();
        }
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {
        @Bean
        SignUpService signUpService(Database db) {
            return new SignUpService(db);
        }
    }

    private static ConfigurableApplicationContext start(Backend backend, String url) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.hikari.maximum-pool-size=3",
                "spring.datasource.hikari.minimum-idle=3",
                "entreprinder.persistence.migrate-on-start=true"));
        if (backend == Backend.SQLITE) {
            properties.add("spring.datasource.hikari.data-source-properties.foreign_keys=true");
        }
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void daoCallsInATransactionalMethodCommitAndRollBackWithIt(Backend backend) throws Exception {
        String url = TestDatabases.config(backend, new TestClock()).build().jdbcUrl();
        try (ConfigurableApplicationContext context = start(backend, url)) {
            Database db = context.getBean(Database.class);
            SignUpService service = context.getBean(SignUpService.class);
            DataSource applicationPool = context.getBean(DataSource.class);
            assertThat(db.dataSource().unwrap(HikariDataSource.class)).as("the application's pool, not a second one")
                    .isSameAs(applicationPool);

            assertThatThrownBy(() -> service.signUpPair("anna", "ben", true)).isInstanceOf(IllegalStateException.class);
            assertThat(db.dsl().fetchCount(USER)).as("the service's rollback undid both DAOs' writes").isZero();
            assertThat(db.dsl().fetchCount(LIKE)).isZero();
            assertThat(service.hooks()).as("no hook after a rollback").isEmpty();

            service.signUpPair("anna", "ben", false);
            assertThat(db.dsl().fetchCount(USER)).isEqualTo(2);
            assertThat(db.dsl().fetchCount(LIKE)).isEqualTo(1);
            assertThat(service.hooks()).as("the hook ran once, after Spring's commit").containsExactly("welcome anna and ben");

            assertThat(service.signUpAgain("anna", "carl")).isInstanceOf(UserCreationResult.UsernameTaken.class);
            assertThat(db.dsl().fetchCount(USER)).as("the savepoint kept the transaction: carl committed").isEqualTo(3);

            assertThatThrownBy(() -> service.swallowAFailure("dora")).isInstanceOf(UnexpectedRollbackException.class);
            assertThat(db.dsl().fetchCount(USER)).as("a swallowed failure never commits").isEqualTo(3);

            assertThat(context.getBean(DatabaseHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
            if (backend == Backend.POSTGRESQL) {
                assertThat(serverConnections(url)).as("connections on the server: the application's pool alone")
                        .isEqualTo(3);
            }
        }
    }

    /** Backends connected to the test database, seen from a connection of its own (not counted). */
    private static int serverConnections(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from pg_stat_activity"
                     + " where datname = current_database() and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
