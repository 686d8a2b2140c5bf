package lu.entreprinder.persistence.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import lu.entreprinder.persistence.benchmarks.data.CopySink;
import lu.entreprinder.persistence.benchmarks.data.DataSet;
import lu.entreprinder.persistence.benchmarks.data.LibraryBatchSink;
import lu.entreprinder.persistence.benchmarks.workloads.BulkImports;
import lu.entreprinder.persistence.benchmarks.workloads.CandidateRankings;
import lu.entreprinder.persistence.benchmarks.workloads.HibernateOrm;
import lu.entreprinder.persistence.benchmarks.workloads.PkReads;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.StatementCount;
import lu.entreprinder.persistence.matching.Candidate;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.testing.TestPostgres;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The launcher: creates a fresh PostgreSQL database ({@link TestPostgres}: {@code PG_TEST_URL}, else Testcontainers,
 * else embedded; dropped when this JVM exits), migrates it, loads the data set with COPY (and, with
 * {@code --load-compare}, once more with the library's batch path into a second database: the whole data set as
 * workload 4), checks that the variants of every workload return the same answers and counts their statements per
 * operation, measures interleaved ratios, then runs JMH (its forks reach the database through
 * {@code -Dbench.jdbcUrl}). Everything lands as JSON in {@code --out}; {@code scripts/jmh_to_markdown.py} makes the
 * table.
 *
 * <pre>
 * java -cp ... BenchmarkMain [--scale 1.0] [--out target/jmh] [--load-compare]
 *      [--interleave-rounds 7] [--interleave-millis 400] [--interleave-warmup-millis 5000] [--no-jmh] [-- JMH options, e.g. -f 1 -wi 2 -i 3 -prof gc]
 * </pre>
 */
public final class BenchmarkMain {

    /** Logging: warnings only; Hibernate through slf4j; the library's slow-query log (N+1 shapes trip it) off. */
    static final String[][] QUIET = {
            {"org.slf4j.simpleLogger.defaultLogLevel", "warn"},
            {"org.slf4j.simpleLogger.log.lu.entreprinder.persistence.slow-query", "error"},
            {"org.jboss.logging.provider", "slf4j"}};

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        for (String[] p : QUIET) {
            System.setProperty(p[0], p[1]);
        }
        double scale = 1.0;
        Path out = Path.of("target/jmh");
        int rounds = 7;
        long millis = 400;
        long warmupMillis = 5_000;
        boolean loadCompare = false;
        boolean runJmh = true;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--interleave-rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--interleave-millis" -> millis = Long.parseLong(args[++i]);
                case "--interleave-warmup-millis" -> warmupMillis = Long.parseLong(args[++i]);
                case "--load-compare" -> loadCompare = true;
                case "--no-jmh" -> runJmh = false;
                case "--" -> {
                    jmhArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("date", Instant.now().toString());
        env.put("nproc", Runtime.getRuntime().availableProcessors());
        env.put("cpu", cpuModel());
        env.put("loadavgStart", loadAverage());
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("scale", scale);

        DataSet.Spec spec = DataSet.Spec.of(scale);
        env.put("spec", spec.toString());
        TestPostgres server = TestPostgres.server();
        String url = server.createDatabase();
        env.put("postgres", server.description());
        log("data set " + spec);
        Map<String, Object> load = new LinkedHashMap<>();
        try (Database db = Database.open(DatabaseConfig.builder(url).schema(DefaultSchema.DEFAULT_SCHEMA)
                .migrateOnStart(true).build())) {
            env.put("postgresVersion", db.dsl().fetchValue("select version()"));
            long t0 = System.nanoTime();
            CopySink copy = new CopySink(db.dataSource());
            long rows = new DataSet(spec).load(copy);
            double copySeconds = (System.nanoTime() - t0) / 1e9;
            DataSet.finish(db.dataSource());
            double totalSeconds = (System.nanoTime() - t0) / 1e9;
            log(String.format(Locale.ROOT, "loaded %,d rows with COPY in %.1f s (%,.0f rows/s; %.1f s with VACUUM ANALYZE)",
                    rows, copySeconds, rows / copySeconds, totalSeconds));
            load.put("rows", rows);
            load.put("copySeconds", copySeconds);
            if (loadCompare) {
                String url2 = server.createDatabase();
                try (Database db2 = Database.open(DatabaseConfig.builder(url2).schema(DefaultSchema.DEFAULT_SCHEMA)
                        .migrateOnStart(true).build())) {
                    long t1 = System.nanoTime();
                    new DataSet(spec).load(new LibraryBatchSink(db2));
                    double librarySeconds = (System.nanoTime() - t1) / 1e9;
                    load.put("librarySeconds", librarySeconds);
                    log(String.format(Locale.ROOT, "loaded %,d rows with the library's batch path in %.1f s (%,.0f rows/s)",
                            rows, librarySeconds, rows / librarySeconds));
                }
                String database = url2.substring(url2.lastIndexOf('/') + 1).split("\\?")[0];
                server.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"); // sql-constant: generated name
            }
            env.put("load", load);

            System.setProperty(Fixture.URL, url);
            System.setProperty(Fixture.SCALE, Double.toString(scale));
            Fixture fixture = Fixture.get();
            Map<String, Object> statements = verifyAndCount(fixture);
            write(out.resolve("statements.json"), statements);
            Files.writeString(out.resolve("plans.txt"), plans(fixture));
            Map<String, Object> interleaved = interleave(fixture, rounds, millis, warmupMillis);
            write(out.resolve("interleaved.json"), interleaved);
        }
        env.put("loadavgBeforeJmh", loadAverage());
        write(out.resolve("env.json"), env);

        if (runJmh) {
            CommandLineOptions cmd = new CommandLineOptions(jmhArgs.toArray(String[]::new));
            List<String> jvmArgs = new ArrayList<>(List.of("-D" + Fixture.URL + "=" + url,
                    "-D" + Fixture.SCALE + "=" + scale, "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Xmx2g"));
            for (String[] p : QUIET) {
                jvmArgs.add("-D" + p[0] + "=" + p[1]);
            }
            Options options = new OptionsBuilder().parent(cmd)
                    .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                    .resultFormat(ResultFormatType.JSON)
                    .result(out.resolve("jmh.json").toString())
                    .build();
            new Runner(options).run();
        }
        env.put("loadavgEnd", loadAverage());
        env.put("dateEnd", Instant.now().toString());
        write(out.resolve("env.json"), env);
        log("results in " + out.toAbsolutePath());
        System.exit(0); // JMH and the pools leave non-daemon threads; the shutdown hooks drop the database
    }

    // ---------------------------------------------------------------------------------------------------------
    // Same answers, and statements per operation
    // ---------------------------------------------------------------------------------------------------------

    private static Map<String, Object> verifyAndCount(Fixture fx) {
        Map<String, Object> perOp = new LinkedHashMap<>();
        Database db = fx.db;
        PkReads reads = new PkReads(db);
        try (HibernateOrm orm = new HibernateOrm(db.dataSource(), true)) {
            for (int i = 0; i < 50; i++) {
                int u = fx.userIds[i];
                long p = fx.plotIds[i];
                check(Objects.equals(reads.userLibrary(u), reads.userJdbc(u)), "user " + u + ": library != JDBC");
                check(Objects.equals(reads.userLibrary(u), reads.userLibraryPlainSql(u)),
                        "user " + u + ": library != library plain SQL");
                check(Objects.equals(reads.plotLibrary(p), reads.plotJdbc(p)), "plot " + p + ": library != JDBC");
                HibernateOrm.UserEntity e = orm.user(u);
                check(e.getUsername().equals(reads.userLibrary(u).username())
                        && e.getDateJoined().isEqual(reads.userLibrary(u).dateJoined()), "user " + u + ": Hibernate");
                check(orm.plot(p).getSizeHectares().compareTo(reads.plotLibrary(p).sizeHectares()) == 0,
                        "plot " + p + ": Hibernate");
            }
            perOp.put("PkReadBenchmark.userLibrary", library(db, () -> reads.userLibrary(fx.userIds[0])));
            perOp.put("PkReadBenchmark.plotLibrary", library(db, () -> reads.plotLibrary(fx.plotIds[0])));
            perOp.put("PkReadBenchmark.userLibraryPlainSql", library(db, () -> reads.userLibraryPlainSql(fx.userIds[0])));
            perOp.put("PkReadBenchmark.userJdbc", jdbc(reads::jdbcStatements, () -> reads.userJdbc(fx.userIds[0])));
            perOp.put("PkReadBenchmark.plotJdbc", jdbc(reads::jdbcStatements, () -> reads.plotJdbc(fx.plotIds[0])));
            perOp.put("PkReadBenchmark.userHibernate", jdbc(orm::statements, () -> orm.user(fx.userIds[1])));
            perOp.put("PkReadBenchmark.plotHibernate", jdbc(orm::statements, () -> orm.plot(fx.plotIds[1])));
        }
        log("workload 0: library, JDBC and Hibernate read the same rows");

        CandidateRankings rankings = new CandidateRankings(db);
        double libSum = 0;
        double jdbcSum = 0;
        double n1Sum = 0;
        for (int user : fx.candidateUsers) {
            List<Candidate> lib;
            try (StatementCount count = db.countStatements()) {
                lib = rankings.dao(user);
                libSum += count.value();
            }
            long before = rankings.jdbcStatements();
            List<Candidate> best = rankings.jdbc(user);
            jdbcSum += rankings.jdbcStatements() - before;
            before = rankings.jdbcStatements();
            List<Candidate> n1 = rankings.nPlusOne(user);
            n1Sum += rankings.jdbcStatements() - before;
            check(lib.size() == CandidateRankings.PAGE, "user " + user + ": a short page (" + lib.size() + ")");
            check(lib.equals(best), "user " + user + ": MatchingDao != hand-tuned JDBC\n" + lib + "\n" + best);
            check(lib.equals(n1), "user " + user + ": MatchingDao != N+1\n" + lib + "\n" + n1);
        }
        int users = fx.candidateUsers.length;
        perOp.put("CandidateRankingBenchmark.candidatesLibrary", libSum / users);
        perOp.put("CandidateRankingBenchmark.candidatesJdbc", jdbcSum / users);
        perOp.put("CandidateRankingBenchmark.candidatesNPlusOne", n1Sum / users);
        log("workload 7: MatchingDao, hand-tuned JDBC and N+1 rank the same 20 candidates for " + users + " users");

        BulkImports imports = new BulkImports(db, fx.spec.importRows());
        imports.cleanUp();
        try (StatementCount count = db.countStatements()) {
            imports.library();
            perOp.put("BulkImportBenchmark.importLibrary", (double) count.value());
        }
        String typed = imports.checksum();
        imports.cleanUp();
        try (StatementCount count = db.countStatements()) {
            imports.libraryPlainSql();
            perOp.put("BulkImportBenchmark.importLibraryPlainSql", (double) count.value());
        }
        String plain = imports.checksum();
        imports.cleanUp();
        imports.copy();
        perOp.put("BulkImportBenchmark.importCopy", 1.0);
        String copied = imports.checksum();
        imports.cleanUp();
        check(typed.equals(copied) && plain.equals(copied),
                "imported users differ: typed " + typed + ", plain SQL " + plain + ", COPY " + copied);
        perOp.put("importRows", (double) fx.spec.importRows());
        log("workload 4: the library (typed and plain SQL) and COPY import the same rows");
        return perOp;
    }

    /** EXPLAIN ANALYZE of workload 7's two single statements (the DAO's and the hand-tuned one) for one user. */
    private static String plans(Fixture fx) {
        int user = fx.candidateUsers[0];
        String dao = lu.entreprinder.persistence.matching.CandidatesPlan.sql(fx.db, user);
        String best = CandidateRankings.bestSqlInlined(user);
        StringBuilder b = new StringBuilder();
        for (String[] q : new String[][] {{"MatchingDao.listCandidates", dao}, {"hand-tuned JDBC", best}}) {
            b.append("== ").append(q[0]).append(" (user ").append(user).append(")\n").append(q[1]).append("\n\n");
            fx.db.dsl().resultQuery("EXPLAIN (ANALYZE, BUFFERS) " + q[1]).fetch() // sql-constant: generated SQL
                    .forEach(r -> b.append(r.get(0, String.class)).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    private static double library(Database db, Supplier<?> op) {
        try (StatementCount count = db.countStatements()) {
            op.get();
            return count.value();
        }
    }

    private static double jdbc(java.util.function.LongSupplier counter, Supplier<?> op) {
        long before = counter.getAsLong();
        op.get();
        return counter.getAsLong() - before;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("variants disagree: " + message);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Interleaved ratios: variants alternate in short slices within one JVM, so load changes hit all of them
    // ---------------------------------------------------------------------------------------------------------

    private record Variant(String name, Supplier<?> op) {
    }

    private static Map<String, Object> interleave(Fixture fx, int rounds, long millis, long warmup) {
        Map<String, Object> result = new LinkedHashMap<>();
        PkReads reads = new PkReads(fx.db);
        CandidateRankings rankings = new CandidateRankings(fx.db);
        int[] i = {0};
        IntSupplier user = () -> fx.userIds[i[0]++ & 1023];
        IntSupplier plot = () -> (int) fx.plotIds[i[0]++ & 1023];
        IntSupplier ranked = () -> fx.candidateUsers[i[0]++ % fx.candidateUsers.length];
        try (HibernateOrm orm = new HibernateOrm(fx.db.dataSource(), false)) {
            result.put("user", slices(rounds, millis, warmup, List.of(
                    new Variant("userLibrary", () -> reads.userLibrary(user.getAsInt())),
                    new Variant("userJdbc", () -> reads.userJdbc(user.getAsInt())),
                    new Variant("userLibraryPlainSql", () -> reads.userLibraryPlainSql(user.getAsInt())),
                    new Variant("userHibernate", () -> orm.user(user.getAsInt())))));
            result.put("plot", slices(rounds, millis, warmup, List.of(
                    new Variant("plotLibrary", () -> reads.plotLibrary(plot.getAsInt())),
                    new Variant("plotJdbc", () -> reads.plotJdbc(plot.getAsInt())),
                    new Variant("plotHibernate", () -> orm.plot(plot.getAsInt())))));
        }
        result.put("candidates", slices(rounds, Math.max(millis, 1_000), warmup, List.of(
                new Variant("candidatesLibrary", () -> rankings.dao(ranked.getAsInt())),
                new Variant("candidatesJdbc", () -> rankings.jdbc(ranked.getAsInt())))));
        // N+1 is left out: two orders of magnitude slower than both (its JMH figure says enough); imports below
        BulkImports imports = new BulkImports(fx.db, fx.spec.importRows());
        int importRounds = Math.min(rounds, 5);
        List<Variant> importVariants = List.of(new Variant("importLibrary", imports::library),
                new Variant("importCopy", imports::copy),
                new Variant("importLibraryPlainSql", imports::libraryPlainSql));
        Map<String, List<Double>> ns = new LinkedHashMap<>();
        for (Variant v : importVariants) { // warm-up
            v.op().get();
            imports.cleanUp();
            ns.put(v.name(), new ArrayList<>());
        }
        for (int r = 0; r < importRounds; r++) {
            for (int k = 0; k < importVariants.size(); k++) {
                Variant v = importVariants.get((k + r) % importVariants.size());
                long t = System.nanoTime();
                v.op().get();
                ns.get(v.name()).add((double) (System.nanoTime() - t));
                imports.cleanUp();
            }
        }
        Map<String, Object> imp = new LinkedHashMap<>();
        imp.put("rounds", importRounds);
        imp.put("nsPerOp", ns);
        for (String other : List.of("importCopy", "importLibraryPlainSql")) {
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < importRounds; r++) {
                ratios.add(ns.get(other).get(r) / ns.get("importLibrary").get(r)); // throughput ratio
            }
            imp.put("ratio_importLibrary_vs_" + other, ratios);
            imp.put("median_importLibrary_vs_" + other, median(ratios));
        }
        result.put("import", imp);
        log("interleaved ratios measured");
        return result;
    }

    /** Round-robin slices of {@code millis} per variant (order rotated every round); ratios per round. */
    private static Map<String, Object> slices(int rounds, long millis, long warmup, List<Variant> variants) {
        for (Variant v : variants) { // warm up every variant (JIT) before the first round
            runFor(v, warmup);
        }
        Map<String, List<Double>> ns = new LinkedHashMap<>();
        variants.forEach(v -> ns.put(v.name(), new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((k + r) % variants.size());
                ns.get(v.name()).add(runFor(v, millis));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rounds", rounds);
        out.put("millisPerSlice", millis);
        out.put("nsPerOp", ns);
        String library = variants.get(0).name();
        for (Variant v : variants.subList(1, variants.size())) {
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                ratios.add(ns.get(v.name()).get(r) / ns.get(library).get(r)); // throughput ratio library/comparator
            }
            out.put("ratio_" + library + "_vs_" + v.name(), ratios);
            out.put("median_" + library + "_vs_" + v.name(), median(ratios));
        }
        return out;
    }

    private static double runFor(Variant v, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        long ops = 0;
        long now;
        do {
            Objects.requireNonNull(v.op().get());
            ops++;
            now = System.nanoTime();
        } while (now < end);
        return (double) (now - start) / ops;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }

    private static void write(Path file, Map<String, ?> map) throws IOException {
        Files.writeString(file, json(map) + "\n");
    }

    /** Minimal JSON for maps, lists, numbers and strings (no dependency for it). */
    private static String json(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> m -> {
                StringBuilder b = new StringBuilder("{");
                m.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(json(String.valueOf(k))).append(": ")
                        .append(json(v)));
                yield b.append('}').toString();
            }
            case List<?> l -> {
                StringBuilder b = new StringBuilder("[");
                l.forEach(v -> b.append(b.length() > 1 ? ", " : "").append(json(v)));
                yield b.append(']').toString();
            }
            case Double d -> d.isNaN() || d.isInfinite() ? "null" : String.valueOf(d);
            case Number n -> n.toString();
            case Boolean bool -> bool.toString();
            default -> {
                String s = value.toString();
                StringBuilder b = new StringBuilder("\"");
                for (char c : s.toCharArray()) {
                    switch (c) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        default -> {
                            if (c < 0x20) {
                                b.append(String.format("\\u%04x", (int) c));
                            } else {
                                b.append(c);
                            }
                        }
                    }
                }
                yield b.append('"').toString();
            }
        };
    }
}
