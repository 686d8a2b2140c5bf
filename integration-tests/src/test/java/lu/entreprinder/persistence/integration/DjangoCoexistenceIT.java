package lu.entreprinder.persistence.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lu.entreprinder.persistence.cli.Main;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.crushlu.EventDao;
import lu.entreprinder.persistence.crushlu.EventFilter;
import lu.entreprinder.persistence.crushlu.EventListItem;
import lu.entreprinder.persistence.crushlu.ProfileDao;
import lu.entreprinder.persistence.crushlu.ProfileFilter;
import lu.entreprinder.persistence.crushlu.ProfilePublicView;
import lu.entreprinder.persistence.crushlu.RegistrationDetails;
import lu.entreprinder.persistence.crushlu.RegistrationResult;
import lu.entreprinder.persistence.crushlu.RegistrationService;
import lu.entreprinder.persistence.entreprinder.EntrepreneurProfileDao;
import lu.entreprinder.persistence.entreprinder.NewUser;
import lu.entreprinder.persistence.entreprinder.TaxonomyDao;
import lu.entreprinder.persistence.entreprinder.UserCreationResult;
import lu.entreprinder.persistence.entreprinder.UserDao;
import lu.entreprinder.persistence.matching.LikeResult;
import lu.entreprinder.persistence.matching.MatchingDao;
import lu.entreprinder.persistence.matching.MatchingService;
import lu.entreprinder.persistence.matching.UserMatch;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.testing.TestPostgres;
import lu.entreprinder.persistence.vinsdelux.PlotDao;
import lu.entreprinder.persistence.vinsdelux.PlotFilter;
import lu.entreprinder.persistence.vinsdelux.PlotListing;
import lu.entreprinder.persistence.vinsdelux.PlotReservationService;
import lu.entreprinder.persistence.vinsdelux.ProducerDao;
import lu.entreprinder.persistence.vinsdelux.ProducerSummary;
import lu.entreprinder.persistence.vinsdelux.ReservationListener;
import lu.entreprinder.persistence.vinsdelux.ReserveResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library and the unmodified Django app on one database, with real Django (Debian's python3-django 3.2): Django
 * migrates the seed's models and writes rows (dirty ones included); {@code adopt --dry-run} names each dirty row with
 * its verdict and changes nothing; after the refusals are cleaned, {@code adopt}; the four DAO modules work on the
 * adopted database; then Django reads what the library wrote and creates one row of every seed model, which the
 * library reads back. Opt-in ({@code -Pdjango}, run by {@code .ci/run}): it needs Python with Django
 * ({@code -Ddjango.python=…}, default {@code /usr/bin/python3}; PostgreSQL also needs psycopg2).
 */
@Tag("django")
class DjangoCoexistenceIT {

    private static final String PYTHON = System.getProperty("django.python", "/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void postgres(@TempDir Path dir) throws Exception {
        String url = TestPostgres.server().createDatabase();
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?') < 0 ? url.length() : url.indexOf('?'));
        String rest = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
        String host = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
        String port = rest.contains(":") ? rest.substring(rest.indexOf(':') + 1) : "5432";
        String user = url.contains("user=") ? url.replaceAll(".*[?&]user=([^&]*).*", "$1") : "postgres";
        Map<String, String> env = Map.of("SEED_DB_ENGINE", "postgresql", "SEED_DB_NAME", name, "SEED_DB_HOST", host,
                "SEED_DB_PORT", port, "SEED_DB_USER", user);
        run(dir, url, env, false);
    }

    @Test
    void sqlite(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("db.sqlite3");
        run(dir, "jdbc:sqlite:" + file, Map.of("SEED_DB_ENGINE", "sqlite3", "SEED_DB_NAME", file.toString()), true);
    }

    private static void run(Path dir, String url, Map<String, String> env, boolean sqlite) throws Exception {
        Path project = copyProject(dir.resolve("project"));
        django(project, env, "makemigrations", "entreprinder", "matching", "vinsdelux", "crush_lu");
        django(project, env, "migrate");
        assertThat(shell(project, env, "seed.py")).contains("SEEDED");

        // the dry run names every dirty row with its verdict, and changes nothing
        Cli dry = cli("adopt", "--dry-run", "--url", url);
        System.out.println(dry.out());
        assertThat(dry.code()).isEqualTo(Main.REFUSED);
        assertThat(dry.out())
                .containsPattern("REFUSAL matching_match id=\\d+ matching_match_pair_uniq")
                .containsPattern("WARNING entreprinder_industry id=\\d+ name unique after normalization \\(library only\\) value=biotech")
                .containsPattern("WARNING auth_user id=\\d+ e-mail unique ignoring case \\(library only\\) value=anna@example.lu")
                .containsPattern("WARNING vinsdelux_vdlproducer id=\\d+ coordinates \\(GeoJSON geometry\\)");
        if (sqlite) {
            assertThat(dry.out()).containsPattern("REFUSAL crush_lu_crushprofile id=\\d+ crush_lu_crushprofile_interests_check");
        } else {
            assertThat(dry.out()).contains("CONVERSION crush_lu_crushprofile interests value=PostgreSQL array");
        }
        assertThat(cli("status", "--url", url).out()).contains("un-adopted Django database").contains("applied: none");
        assertThat(cli("adopt", "--url", url).code()).as("refused whole").isEqualTo(Main.REFUSED);
        assertThat(cli("status", "--url", url).out()).contains("un-adopted Django database");

        assertThat(shell(project, env, "clean.py")).contains("CLEANED");
        long started = System.nanoTime();
        Cli adopt = cli("adopt", "--url", url);
        System.out.println(adopt.out() + "adopt took " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        assertThat(adopt.code()).as(adopt.out() + adopt.err()).isEqualTo(Main.DONE);
        assertThat(cli("status", "--url", url).out()).contains("pending: none");

        DatabaseConfig config = DatabaseConfig.builder(url).schema(DefaultSchema.DEFAULT_SCHEMA).maximumPoolSize(4).build();
        try (Database db = Database.open(config)) {
            libraryWorks(db);
        }

        // Adoption turned PostgreSQL's interests array into the library's JSON list: the Django app now declares it a
        // JSONField (a state-only migration; SQLite already had one)
        Map<String, String> after = new java.util.HashMap<>(env);
        after.put("SEED_INTERESTS", "json");
        String ids = shell(project, after, "roundtrip.py");
        String line = ids.lines().filter(l -> l.startsWith("IDS ")).findFirst().orElseThrow(() -> new AssertionError(ids));
        JsonNode created = JSON.readTree(line.substring(4));
        try (Database db = Database.open(config)) {
            libraryReadsDjangoRows(db, created);
        }
    }

    /** The four DAO modules' main operations on the adopted database. */
    private static void libraryWorks(Database db) {
        UserDao users = new UserDao(db);
        assertThat(users.createUser(NewUser.of("david", "david@example.lu", "<hash>")))
                .isInstanceOf(UserCreationResult.Created.class);
        assertThat(users.createUser(NewUser.of("anna3", "ANNA@example.lu", "<hash>")))
                .as("the library keeps its stricter rule in its write path").isInstanceOf(UserCreationResult.EmailTaken.class);
        long anna = users.findUserByUsername("anna").orElseThrow().id();
        long ben = users.findUserByUsername("ben").orElseThrow().id();
        long carla = users.findUserByUsername("carla").orElseThrow().id();
        long david = users.findUserByUsername("david").orElseThrow().id();

        TaxonomyDao taxonomy = new TaxonomyDao(db);
        assertThat(taxonomy.getOrCreateIndustry(" BIOTECH ").name()).isEqualTo("Biotech");
        assertThat(taxonomy.listSkills()).extracting(s -> s.name()).contains("Java");

        MatchingService matching = new MatchingService(db);
        assertThat(matching.like(carla, ben)).isInstanceOf(LikeResult.Liked.class);
        assertThat(matching.like(ben, carla)).isInstanceOf(LikeResult.Matched.class);
        assertThat(new MatchingDao(db).listMatches(ben, PageRequest.first()).items())
                .extracting(UserMatch::otherUserId).containsExactlyInAnyOrder(anna, carla);

        List<PlotListing> plots = new PlotDao(db).listPlots(PlotFilter.all(), PageRequest.first()).items();
        assertThat(plots).singleElement().satisfies(p -> {
            assertThat(p.valid()).isTrue();
            assertThat(p.adoptionPlans()).singleElement().satisfies(a -> assertThat(a.price()).isEqualByComparingTo("240.00"));
        });
        assertThat(new ProducerDao(db).listProducers()).singleElement().extracting(ProducerSummary::valid).isEqualTo(false);
        assertThat(new PlotReservationService(db, ReservationListener.NONE).reserve(david, plots.get(0).id(),
                Duration.ofDays(1))).isInstanceOf(ReserveResult.Reserved.class);

        List<EventListItem> events = new EventDao(db).listEventsForViewer(anna, EventFilter.all(), PageRequest.first()).items();
        assertThat(events).extracting(EventListItem::title).containsExactly("Speed Dating Night");
        assertThat(new RegistrationService(db).register(anna, events.get(0).id(), RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.Confirmed.class);
        assertThat(new ProfileDao(db).listPublicProfiles(ProfileFilter.any().withAllInterests("wine"), PageRequest.first())
                .items()).extracting(ProfilePublicView::userId).contains(anna, ben);
    }

    /** Rows the Django app created after adoption, read through the library. */
    private static void libraryReadsDjangoRows(Database db, JsonNode ids) {
        long erin = ids.get("user").asLong();
        assertThat(new UserDao(db).findUser(erin)).get().satisfies(u -> assertThat(u.email()).isEqualTo("ANNA@example.lu"));
        assertThat(new EntrepreneurProfileDao(db).findProfile(ids.get("entrepreneurprofile").asLong())).get()
                .satisfies(p -> {
                    assertThat(p.industries()).extracting(i -> i.name()).containsExactly("Green Energy");
                    assertThat(p.skills()).extracting(s -> s.name()).containsExactly("Rust");
                });
        assertThat(new TaxonomyDao(db).findIndustryByName("green energy")).isPresent();
        long anna = new UserDao(db).findUserByUsername("anna").orElseThrow().id();
        assertThat(new MatchingDao(db).listMatches(anna, PageRequest.first()).items())
                .extracting(UserMatch::otherUserId).contains(erin);
        assertThat(new PlotDao(db).listPlots(PlotFilter.all(), PageRequest.first()).items())
                .extracting(PlotListing::id).contains(ids.get("plot").asLong());
        assertThat(new EventDao(db).listEventsForViewer(erin, EventFilter.all(), PageRequest.first()).items())
                .extracting(EventListItem::title).contains("Wine Mixer");
        assertThat(new RegistrationService(db).findRegistration(erin, ids.get("event").asLong())).isPresent();
        assertThat(new lu.entreprinder.persistence.crushlu.JourneyDao(db).getJourneyForPlay(ids.get("journey").asLong())
                .chapters()).hasSize(1);
    }

    // --- Django ----------------------------------------------------------------------------------------------------

    private static Path copyProject(Path target) throws IOException {
        Path source = Paths.get("src/test/resources/django").toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (!file.toString().contains("__pycache__")) {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    private static String django(Path project, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON, "manage.py"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("manage.py " + String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }

    private static String shell(Path project, Map<String, String> env, String script) throws Exception {
        String code = Files.readString(project.resolve("scripts").resolve(script));
        return django(project, env, "shell", "-c", code);
    }

    private record Cli(int code, String out, String err) {
    }

    private static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
