package lu.entreprinder.persistence.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.testing.TestPostgres;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Strategy;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from the migrations as PostgreSQL really applies them: creates an empty database on
 * the test server ({@code PG_TEST_URL}, else Testcontainers, else embedded PostgreSQL), migrates it with Flyway
 * (SQL and Java migrations), and runs jOOQ's generator into the given directory.
 *
 * <p>Usage: {@code Codegen <output directory> [<docs/DATABASE.md>]}: with the second argument it also rewrites the
 * generated part of the schema document from the same database.
 */
public final class Codegen {

    /** The package of the generated classes. */
    public static final String PACKAGE = "lu.entreprinder.persistence.schema.generated";

    /**
     * The columns holding an {@code auth_user} id, generated as {@link Long} through {@code UserIdConverter}:
     * {@code auth_user.id} and every column named {@code user_id}, {@code user<n>_id}, {@code <anything>_user_id} or
     * {@code sender_id} (the naming rule of schema/MIGRATIONS.md). Matched against the qualified column name.
     */
    static final String USER_ID_COLUMNS = "(?i:(.*\\.)?auth_user\\.id|.*\\.(user\\d*_id|.+_user_id|sender_id))";

    private Codegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Codegen <output directory> [<docs/DATABASE.md>]");
            System.exit(2);
        }
        String url = migratedDatabase();
        GenerationTool.generate(configuration(url, Path.of(args[0])));
        if (args.length == 2) {
            Path document = Path.of(args[1]);
            try (Database db = Database.open(DatabaseConfig.builder(url).maximumPoolSize(1).build())) {
                Files.writeString(document, SchemaDocument.merge(Files.readString(document), SchemaDocument.render(db.dsl())));
            }
        }
    }

    /** A fresh database on the test server, migrated to the latest version; returns its JDBC URL. */
    static String migratedDatabase() {
        String url = TestPostgres.server().createDatabase();
        try (Database db = Database.open(DatabaseConfig.builder(url).maximumPoolSize(2).build())) {
            db.migrate();
        }
        return url;
    }

    /** Migrates a fresh PostgreSQL database and generates the classes into {@code outputDirectory} (replacing it). */
    public static void generate(Path outputDirectory) throws Exception {
        GenerationTool.generate(configuration(migratedDatabase(), outputDirectory));
    }

    static Configuration configuration(String url, Path outputDirectory) {
        return new Configuration()
                .withLogging(org.jooq.meta.jaxb.Logging.WARN)
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url))
                .withGenerator(new Generator()
                        .withName("org.jooq.codegen.JavaGenerator")
                        .withStrategy(new Strategy().withName(ReadableNamesStrategy.class.getName()))
                        .withDatabase(new org.jooq.meta.jaxb.Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withIncludes(".*")
                                // search_vector (V18), the per-word ranks (V24) and their function are PostgreSQL-only, read by SearchDao
                                // alone: keep them out of the classes
                                .withIncludeExcludeColumns(true)
                                .withExcludes("flyway_schema_history|search_vector|entreprinder_profile_search_terms?")
                                .withIncludeRoutines(false)
                                .withIncludeSequences(false)
                                .withForcedTypes(
                                        new ForcedType()
                                                .withUserType("java.time.OffsetDateTime")
                                                .withBinding("lu.entreprinder.persistence.schema.types.UtcTimestampBinding")
                                                .withIncludeTypes("(?i:timestamp\\s+with\\s+time\\s+zone|timestamptz)"),
                                        new ForcedType()
                                                .withUserType("java.math.BigDecimal")
                                                .withConverter("lu.entreprinder.persistence.schema.types.Scale2Converter")
                                                .withIncludeTypes("(?i:numeric\\(\\d+,\\s*2\\))"),
                                        // user ids are long in the API; the columns stay Django's integer (schema/MIGRATIONS.md)
                                        new ForcedType()
                                                .withUserType("java.lang.Long")
                                                .withConverter("lu.entreprinder.persistence.schema.types.UserIdConverter")
                                                .withIncludeExpression(USER_ID_COLUMNS)
                                                .withIncludeTypes("(?i:integer|int4)")))
                        .withGenerate(new Generate()
                                .withPojos(false)
                                .withDaos(false)
                                .withRecords(true)
                                .withGeneratedAnnotation(false)
                                .withJavaTimeTypes(true)
                                .withRoutines(false)
                                .withSequences(false)
                                .withGlobalObjectReferences(true))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(outputDirectory.toAbsolutePath().toString())
                                .withClean(true)));
    }
}
