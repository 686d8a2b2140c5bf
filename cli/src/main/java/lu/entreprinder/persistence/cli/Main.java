package lu.entreprinder.persistence.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.AdoptionReport;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.PersistenceException;
import lu.entreprinder.persistence.core.SchemaStatus;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/**
 * The command-line tool, with a Django user's verbs:
 * <pre>
 *   status  --url &lt;jdbc-url&gt;                    applied and pending versions; says when this is an un-adopted Django database
 *   migrate --url &lt;jdbc-url&gt; [--target &lt;V&gt;]     apply pending versions (up to V)
 *   undo    --url &lt;jdbc-url&gt; --target &lt;V&gt;       undo applied versions above V (0: everything)
 *   adopt   --url &lt;jdbc-url&gt; [--dry-run]        adopt a database that Django made; --dry-run only reports
 * </pre>
 * Exit codes: {@value #DONE} done, {@value #REFUSED} refused with a report, {@value #USAGE} bad usage.
 */
public final class Main {

    /** The operation was done (a dry run that finds no refusal counts as done). */
    public static final int DONE = 0;
    /** The database refused the operation; the report says why. */
    public static final int REFUSED = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: <verb> --url <jdbc-url> [options]
              status  --url <jdbc-url>                  applied and pending versions
              migrate --url <jdbc-url> [--target <V>]   apply pending versions (up to V)
              undo    --url <jdbc-url> --target <V>     undo the versions above V (0: everything)
              adopt   --url <jdbc-url> [--dry-run]      adopt a database that Django made (--dry-run: report only)
            exit codes: 0 done, 1 refused with a report, 2 bad usage""";

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != DONE) {
            System.exit(code);
        }
    }

    /** Parsed command line. */
    record Command(String verb, String url, String target, boolean dryRun) {
    }

    /**
     * Runs one command; never throws.
     *
     * @return the exit code: {@link #DONE}, {@link #REFUSED} or {@link #USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        DatabaseConfig config;
        try {
            config = DatabaseConfig.builder(command.url()).schema(DefaultSchema.DEFAULT_SCHEMA).maximumPoolSize(2).build();
        } catch (ValidationException e) {
            err.println("--url: " + e.getMessage());
            return USAGE;
        }
        try (Database db = Database.open(config)) {
            return switch (command.verb()) {
                case "status" -> status(db, out);
                case "migrate" -> migrate(db, command.target(), out, err);
                case "undo" -> undo(db, command.target(), out);
                case "adopt" -> adopt(db, command.dryRun(), out, err);
                default -> throw new IllegalStateException(command.verb());
            };
        } catch (PersistenceException | IllegalStateException e) {
            err.println("refused: " + e.getMessage());
            return REFUSED;
        }
    }

    static Command parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no verb given");
        }
        String verb = args[0];
        if (!List.of("status", "migrate", "undo", "adopt").contains(verb)) {
            throw new IllegalArgumentException("unknown verb: " + verb);
        }
        String url = null;
        String target = null;
        boolean dryRun = false;
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            switch (option) {
                case "--url" -> url = value(rest, ++i, option);
                case "--target" -> {
                    if (verb.equals("status") || verb.equals("adopt")) {
                        throw new IllegalArgumentException(verb + " takes no --target");
                    }
                    target = value(rest, ++i, option);
                    if (!target.matches("\\d+(\\.\\d+)*|latest")) {
                        throw new IllegalArgumentException("--target must be a version like 7 (or latest), was " + target);
                    }
                }
                case "--dry-run" -> {
                    if (!verb.equals("adopt")) {
                        throw new IllegalArgumentException("--dry-run is an option of adopt only");
                    }
                    dryRun = true;
                }
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url <jdbc-url> is required");
        }
        if (verb.equals("undo") && target == null) {
            throw new IllegalArgumentException("undo needs --target <V> (0 undoes everything)");
        }
        return new Command(verb, url, target, dryRun);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int status(Database db, PrintStream out) {
        out.print(db.status().describe());
        return DONE;
    }

    private static int migrate(Database db, String target, PrintStream out, PrintStream err) {
        SchemaStatus status = db.status();
        if (status.unadoptedDjangoDatabase()) {
            err.println("refused: this is a Django database the library has not adopted: run adopt --dry-run, then adopt");
            return REFUSED;
        }
        Database.MigrationResult result = db.migrateTo(target == null ? "latest" : target);
        out.println(result.appliedVersions().isEmpty() ? "nothing to apply; schema at version " + result.schemaVersion()
                : "applied " + String.join(", ", result.appliedVersions()) + "; schema at version " + result.schemaVersion());
        // the Django app's later migrations may have added required columns whose default lives only in Python
        db.addDefaultsForDjangoColumns().forEach(out::println);
        return DONE;
    }

    private static int undo(Database db, String target, PrintStream out) {
        List<String> undone = db.undo(target);
        out.println(undone.isEmpty() ? "nothing to undo" : "undone " + String.join(", ", undone));
        return DONE;
    }

    private static int adopt(Database db, boolean dryRun, PrintStream out, PrintStream err) {
        AdoptionReport report = db.adopt(dryRun);
        out.print(report.describe());
        return report.refused() ? REFUSED : DONE;
    }
}
