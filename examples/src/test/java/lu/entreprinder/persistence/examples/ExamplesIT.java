package lu.entreprinder.persistence.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.ValidationException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesIT {

    @Test
    void theReadmeSnippetRunsOnAFreshSqliteFile(@TempDir Path dir) {
        assertThat(EmbeddingExample.run("jdbc:sqlite:" + dir.resolve("app.db"))).containsExactly("anna");
    }

    @Test
    void theReadmeConfigurationSnippetsOpenTheDatabaseTheSettingsDescribe(@TempDir Path dir) throws Exception {
        String file = dir.resolve("app.db").toString();
        DatabaseConfig fromFile = ConfigurationExample.fromApplicationProperties(String.join("\n",
                "# application.properties of a service",
                "entreprinder.database.url=jdbc:sqlite:" + file,
                "entreprinder.database.maximum-pool-size=4",
                "entreprinder.database.connection-timeout=5s",
                "entreprinder.database.slow-query-threshold=250ms",
                "entreprinder.database.migrate-on-start=true",
                "entreprinder.database.zone=Europe/Luxembourg"));
        assertThat(fromFile.maximumPoolSize()).isEqualTo(4);
        assertThat(fromFile.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fromFile.slowQueryThreshold()).isEqualTo(Duration.ofMillis(250));
        assertThat(fromFile.migrateOnStart()).isTrue();
        assertThat(fromFile.schema()).isNotNull();
        try (Database db = Database.open(DatabaseConfig.builder("jdbc:sqlite:" + file).build())) {
            assertThat(db.dsl().fetchCount(DSL.table("flyway_schema_history"))).as("migrated on start").isPositive();
        }

        DatabaseConfig fromEnvironment = ConfigurationExample.fromEnvironment(Map.of(
                "ENTREPRINDER_DB_URL", "jdbc:sqlite:" + dir.resolve("env.db"),
                "ENTREPRINDER_DB_MAXIMUM_POOL_SIZE", "2",
                "HOME", "/home/service"));
        assertThat(fromEnvironment.maximumPoolSize()).isEqualTo(2);

        assertThatThrownBy(() -> ConfigurationExample.fromEnvironment(Map.of(
                "ENTREPRINDER_DB_URL", "jdbc:sqlite:" + dir.resolve("env.db"),
                "ENTREPRINDER_DB_MAXIMUM_POOL_SIZE", "lots")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("ENTREPRINDER_DB_MAXIMUM_POOL_SIZE"));
    }

    @Test
    void theReadmeRecoverySnippetShowsThePoisonedTransactionRule(@TempDir Path dir) {
        assertThat(RecoveryExample.run("jdbc:sqlite:" + dir.resolve("app.db"))).containsExactly(
                "caught auth_user_username_key", "rolled back: ben was not saved",
                "caught auth_user_username_key in a savepoint", "committed: ben was saved");
    }

    @Test
    void theReadmeMetricsSnippetCountsTheLibrarysWork(@TempDir Path dir) {
        // each like: the pair's lock, clearing a dislike (V22), the like, the match attempt (SQLite: no locking
        // select, BEGIN IMMEDIATE); four transactions: two createUser, two like
        assertThat(MetricsExample.run("jdbc:sqlite:" + dir.resolve("app.db")))
                .isEqualTo("8 statements by MatchingService.like, 4 transactions committed");
    }

    @Test
    void theReadmeServiceSnippetReservesExpiresAndSweeps(@TempDir Path dir) {
        assertThat(ServiceExample.run("jdbc:sqlite:" + dir.resolve("app.db"))).containsExactly(
                "reserved until 2026-06-02T08:00Z", "released plot 1 of user 1", "swept 1");
    }

    @Test
    void theTourRunsToTheEnd(@TempDir Path dir) {
        String output = tour("jdbc:sqlite:" + dir.resolve("tour.db"));

        assertThat(output)
                .contains("applied 24 migrations")
                // register until the waitlist starts
                .contains("carla -> confirmed")
                .contains("david -> event full: waitlisted at position 1")
                .contains("emma -> event full: waitlisted at position 2")
                // cancel: the promotion is notified after the commit
                .contains("[after commit] promotion notified: e-mail to david")
                .contains("ben -> cancelled; promoted: david")
                .contains("david: confirmed")
                // coach review
                .contains("coach assigned: Sophie")
                .contains("[after commit] e-mail to felix@example.lu: your profile was approved")
                .contains("felix registers for the Wine & Mingle Mixer -> confirmed")
                // journey
                .contains("riddle: \"Paris\" -> wrong (a hint is available)")
                .contains("scramble: \"Moselle\" -> locked")
                .contains("reward unlocked: [A poem for the Grund]")
                // vineyard
                .contains("carla reserves Koeppchen parcel A for 1 day(s) -> not available (reserved)")
                .contains("[after commit] anna adopted Koeppchen parcel A")
                .contains("ben tries to confirm -> expired")
                .contains("plot swept: the sweep released 1 expired reservation(s)")
                .contains("[after commit] ben's hold on Koeppchen parcel B expired")
                .contains("Domaine Hartmann: 2 available, 0 reserved, 1 adopted")
                // matching
                .contains("ben likes anna -> match made")
                .contains("ben likes anna -> already liked, nothing changed")
                // search
                .contains("search hit: ben - Winemaker taking Moselle vineyards online")
                // events (issue 20): a capacity increase promotes emma; a guest invitation's lifecycle
                .contains("[after commit] promotion notified: e-mail to emma")
                .contains("capacity 3 -> 4; promoted: [emma]")
                .contains("gina accepts again -> already accepted, no second user")
                .contains("gina's event list: []")
                .contains("Sophie approves the guest -> approved")
                .contains("gina's event list: [Secret Garden Soiree]")
                // journey points and puzzle
                .contains("hint taken: \"It rhymes with 'vraiment'.\" -> 5 points deducted, 5 left")
                .contains("alternative answer accepted: \"cremant de luxembourg\" -> +20 points, 25 in total, journey 100% done")
                .contains("puzzle piece 1 unlocked for 10 points, 15 left")
                .contains("the puzzle shows 1 of 3 pieces")
                .contains("final response \"yes\" -> recorded")
                // coaching and contact sharing (V20)
                .contains("approve before a call -> screening call required")
                .contains("approve after the call -> approved")
                .contains("anna asks david -> refused, not an attendee")
                .contains("assigned coach (anna's): Sophie")
                .contains("david reads anna's contacts now -> not shared yet (accepted)")
                .contains("david consents -> BothConsented: coach_reviewing")
                .contains("Sophie shares -> shared")
                .contains("david reads anna's contacts -> shared: Anna Muller, anna@example.lu, ");
        // the promotion's notice is printed before cancel() returns: it ran after the commit, not inside it
        assertThat(output.indexOf("[after commit] promotion notified"))
                .isLessThan(output.indexOf("ben -> cancelled; promoted: david"));
    }

    @Test
    void theTourRefusesADatabaseThatAlreadyHasUsers(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("used.db");
        tour(url);
        MutableClock clock = new MutableClock(Tour.START);
        try (Database db = Database.open(Tour.config(url, clock))) {
            assertThatThrownBy(() -> new Tour(db, clock, new PrintStream(new ByteArrayOutputStream())).run())
                    .isInstanceOf(IllegalStateException.class)
                    // 7 seeded users, plus any the later steps create (the guest of the invitation step)
                    .hasMessageMatching("(?s).*needs an empty database, but auth_user already has \\d+ rows.*");
        }
    }

    private static String tour(String url) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MutableClock clock = new MutableClock(Tour.START);
        try (Database db = Database.open(Tour.config(url, clock))) {
            new Tour(db, clock, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
