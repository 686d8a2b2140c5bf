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
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import lu.entreprinder.persistence.benchmarks.data.CopySink;
import lu.entreprinder.persistence.benchmarks.data.DataSet;
import lu.entreprinder.persistence.benchmarks.data.LibraryBatchSink;
import lu.entreprinder.persistence.benchmarks.workloads.BulkImports;
import lu.entreprinder.persistence.benchmarks.workloads.CandidateRankings;
import lu.entreprinder.persistence.benchmarks.workloads.EventReads;
import lu.entreprinder.persistence.benchmarks.workloads.JourneyAnswers;
import lu.entreprinder.persistence.benchmarks.workloads.PlotListings;
import lu.entreprinder.persistence.benchmarks.workloads.ProfileSearches;
import lu.entreprinder.persistence.benchmarks.workloads.HibernateOrm;
import lu.entreprinder.persistence.benchmarks.workloads.HibernateReads;
import lu.entreprinder.persistence.benchmarks.workloads.PkReads;
import lu.entreprinder.persistence.benchmarks.workloads.RacingRegistrations;
import lu.entreprinder.persistence.benchmarks.workloads.SqliteBulkImports;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.StatementCount;
import lu.entreprinder.persistence.core.StatementPlan;
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
 *      [--interleave-rounds 7] [--interleave-millis 400] [--interleave-warmup-millis 5000]
 *      [--interleave-only user,plot,candidates,list,detail,search,plots,import,import-sqlite,journey,race]
 *      [--no-jmh]
 *      [-- JMH options, e.g. -f 1 -wi 2 -i 3 -prof gc]
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
        java.util.Set<String> only = null;
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
                case "--interleave-only" -> only = java.util.Set.of(args[++i].split(","));
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
        if (only != null && only.equals(java.util.Set.of("import-sqlite"))) { // SQLite only: no PostgreSQL data set
            write(out.resolve("interleaved.json"),
                    Map.of("importSqlite", sqliteImports(out, spec.importRows(), Math.min(rounds, 5))));
            env.put("loadavgEnd", loadAverage());
            env.put("dateEnd", Instant.now().toString());
            write(out.resolve("env.json"), env);
            log("results in " + out.toAbsolutePath());
            System.exit(0);
        }
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
            log("candidate viewers' dislikes stored: "
                    + new CandidateRankings(fixture.db).dislikeTopCandidates(fixture.candidateUsers));
            log("listing viewers' invitations stored: "
                    + new EventReads(fixture.db).inviteViewers(java.util.Arrays.copyOf(fixture.viewerIds, 32)));
            Map<String, Object> statements = verifyAndCount(fixture);
            write(out.resolve("statements.json"), statements);
            Files.writeString(out.resolve("plans.txt"), plans(fixture));
            Map<String, Object> interleaved = interleave(fixture, rounds, millis, warmupMillis, only, out);
            write(out.resolve("interleaved.json"), interleaved);
            if (only == null || only.contains("race")) {
                write(out.resolve("race.json"), RacingRegistrations.measure(fixture, Math.min(rounds, 9), warmupMillis));
            }
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
                check(Objects.equals(reads.userLibrary(u), reads.userLibraryRenderedPerCall(u)),
                        "user " + u + ": library != library rendered per call");
                check(Objects.equals(reads.userLibrary(u), reads.userJooqOnly(u)), "user " + u + ": library != jOOQ");
                check(Objects.equals(reads.plotLibrary(p), reads.plotLibraryRenderedPerCall(p)),
                        "plot " + p + ": library != library rendered per call");
                check(Objects.equals(reads.plotLibrary(p), reads.plotJdbc(p)), "plot " + p + ": library != JDBC");
                HibernateOrm.UserEntity e = orm.user(u);
                check(e.getUsername().equals(reads.userLibrary(u).username())
                        && e.getDateJoined().isEqual(reads.userLibrary(u).dateJoined()), "user " + u + ": Hibernate");
                check(orm.plot(p).getSizeHectares().compareTo(reads.plotLibrary(p).sizeHectares()) == 0,
                        "plot " + p + ": Hibernate");
            }
            perOp.put("PkReadBenchmark.userLibrary", library(db, () -> reads.userLibrary(fx.userIds[0])));
            perOp.put("PkReadBenchmark.plotLibrary", library(db, () -> reads.plotLibrary(fx.plotIds[0])));
            perOp.put("PkReadBenchmark.userLibraryRenderedPerCall",
                    library(db, () -> reads.userLibraryRenderedPerCall(fx.userIds[0])));
            perOp.put("PkReadBenchmark.plotLibraryRenderedPerCall",
                    library(db, () -> reads.plotLibraryRenderedPerCall(fx.plotIds[0])));
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

        verifyEvents(fx, perOp);
        verifySearch(fx, perOp);
        verifyPlots(fx, perOp);
        JourneyAnswers.verifyAndCount(fx, perOp);

        BulkImports imports = new BulkImports(db, fx.spec.importRows());
        imports.cleanUp();
        try (StatementCount count = db.countStatements()) {
            imports.library();
            perOp.put("BulkImportBenchmark.importLibrary", (double) count.value());
        }
        String bulk = imports.checksum();
        imports.cleanUp();
        try (StatementCount count = db.countStatements()) {
            imports.libraryGenericRecords();
            perOp.put("BulkImportBenchmark.importLibraryGenericRecords", (double) count.value());
        }
        String generic = imports.checksum();
        imports.cleanUp();
        imports.libraryTextCopy();
        perOp.put("BulkImportBenchmark.importLibraryTextCopy", 1.0);
        String text = imports.checksum();
        imports.cleanUp();
        try (StatementCount count = db.countStatements()) {
            imports.libraryBatch();
            perOp.put("BulkImportBenchmark.importLibraryBatch", (double) count.value());
        }
        String typed = imports.checksum();
        imports.cleanUp();
        try (StatementCount count = db.countStatements()) {
            imports.libraryPlainSql();
            perOp.put("BulkImportBenchmark.importLibraryPlainSql", (double) count.value());
        }
        String plain = imports.checksum();
        imports.cleanUp();
        try (StatementCount count = db.countStatements()) {
            imports.libraryNullTemplate();
            perOp.put("BulkImportBenchmark.importLibraryNullTemplate", (double) count.value());
        }
        String nulls = imports.checksum();
        imports.cleanUp();
        imports.jdbcBatch();
        perOp.put("BulkImportBenchmark.importJdbcBatch", (double) imports.lastStatements());
        String jdbcBatch = imports.checksum();
        imports.cleanUp();
        imports.copy();
        perOp.put("BulkImportBenchmark.importCopy", 1.0);
        String copied = imports.checksum();
        imports.cleanUp();
        check(bulk.equals(copied) && generic.equals(copied) && text.equals(copied) && typed.equals(copied)
                        && plain.equals(copied) && nulls.equals(copied) && jdbcBatch.equals(copied),
                "imported users differ: bulkInsert " + bulk + ", generic records " + generic + ", text COPY " + text
                        + ", typed batch " + typed + ", plain SQL " + plain
                        + ", null template " + nulls + ", JDBC batch " + jdbcBatch + ", COPY " + copied);
        perOp.put("importRows", (double) fx.spec.importRows());
        log("workload 4: the library (bulkInsert; generic records; text COPY; batches: typed, null template, plain SQL),"
                + " JDBC batches and COPY"
                + " import the same rows");
        return perOp;
    }

    /**
     * Workloads 1 and 2: the DAO, hand-written JDBC, the N+1 and Hibernate give equal records; statements per
     * operation.
     */
    private static void verifyEvents(Fixture fx, Map<String, Object> perOp) {
        Database db = fx.db;
        EventReads events = new EventReads(db);
        HibernateReads hibernate = new HibernateReads(db, true, false);
        double[] sums = new double[8];
        int viewers = 32;
        int listed = 0;
        for (int k = 0; k < viewers; k++) {
            int viewer = fx.viewerIds[k];
            List<?> lib;
            try (StatementCount count = db.countStatements()) {
                lib = events.listLibrary(viewer);
                sums[0] += count.value();
            }
            long before = events.jdbcStatements();
            List<?> jdbc = events.listJdbc(viewer);
            sums[1] += events.jdbcStatements() - before;
            before = events.jdbcStatements();
            List<?> n1 = events.listNPlusOne(viewer);
            sums[2] += events.jdbcStatements() - before;
            check(lib.equals(jdbc), "viewer " + viewer + ": listEventsForViewer != JDBC\n" + lib + "\n" + jdbc);
            check(lib.equals(n1), "viewer " + viewer + ": listEventsForViewer != N+1\n" + lib + "\n" + n1);
            before = hibernate.statements();
            List<?> hib = hibernate.list(viewer);
            sums[6] += hibernate.statements() - before;
            check(lib.equals(hib), "viewer " + viewer + ": listEventsForViewer != Hibernate\n" + lib + "\n" + hib);
            listed += lib.size();
        }
        perOp.put("EventListingBenchmark.listLibrary", sums[0] / viewers);
        perOp.put("EventListingBenchmark.listJdbc", sums[1] / viewers);
        perOp.put("EventListingBenchmark.listNPlusOne", sums[2] / viewers);
        perOp.put("EventListingBenchmark.listHibernate", sums[6] / viewers);
        perOp.put("eventsListed", (double) listed / viewers);
        log(String.format(Locale.ROOT, "workload 1: EventDao, JDBC, N+1 and Hibernate list the same events for %d "
                + "viewers (%.1f events per page)", viewers, (double) listed / viewers));
        int details = fx.detailEventIds.length;
        int attendees = 0;
        for (int k = 0; k < details; k++) {
            long event = fx.detailEventIds[k];
            int viewer = fx.viewerIds[k];
            Optional<?> lib;
            try (StatementCount count = db.countStatements()) {
                lib = events.detailLibrary(event, viewer);
                sums[3] += count.value();
            }
            long before = events.jdbcStatements();
            Optional<?> jdbc = events.detailJdbc(event, viewer);
            sums[4] += events.jdbcStatements() - before;
            before = events.jdbcStatements();
            Optional<?> n1 = events.detailNPlusOne(event, viewer);
            sums[5] += events.jdbcStatements() - before;
            check(lib.isPresent(), "event " + event + ": no detail");
            check(lib.equals(jdbc), "event " + event + ": findEventDetail != JDBC\n" + lib + "\n" + jdbc);
            check(lib.equals(n1), "event " + event + ": findEventDetail != N+1\n" + lib + "\n" + n1);
            before = hibernate.statements();
            Optional<?> hib = hibernate.detail(event, viewer);
            sums[7] += hibernate.statements() - before;
            check(lib.equals(hib), "event " + event + ": findEventDetail != Hibernate\n" + lib + "\n" + hib);
            attendees += events.detailLibrary(event, viewer).orElseThrow().confirmedRegistrations().size();
        }
        perOp.put("EventDetailBenchmark.detailLibrary", sums[3] / details);
        perOp.put("EventDetailBenchmark.detailJdbc", sums[4] / details);
        perOp.put("EventDetailBenchmark.detailNPlusOne", sums[5] / details);
        perOp.put("EventDetailBenchmark.detailHibernate", sums[7] / details);
        perOp.put("attendeesPerDetail", (double) attendees / details);
        hibernate.close();
        log(String.format(Locale.ROOT, "workload 2: EventDao, JDBC, N+1 and Hibernate give the same detail for %d "
                + "events (%.1f confirmed attendees each)", details, (double) attendees / details));
    }

    /** Workload 5: the DAO, JDBC (same tsvector) and the ILIKE scan find the same ranked profiles. */
    private static void verifySearch(Fixture fx, Map<String, Object> perOp) {
        Database db = fx.db;
        ProfileSearches search = new ProfileSearches(db);
        double[] sums = new double[3];
        int hits = 0;
        for (String q : ProfileSearches.QUERIES) {
            List<?> lib;
            try (StatementCount count = db.countStatements()) {
                lib = search.library(q);
                sums[0] += count.value();
            }
            long before = search.jdbcStatements();
            List<?> jdbc = search.jdbc(q);
            sums[1] += search.jdbcStatements() - before;
            before = search.jdbcStatements();
            List<?> like = search.like(q);
            sums[2] += search.jdbcStatements() - before;
            check(lib.equals(jdbc), "search '" + q + "': SearchDao != JDBC\n" + lib + "\n" + jdbc);
            check(lib.equals(like), "search '" + q + "': SearchDao != ILIKE\n" + lib + "\n" + like);
            hits += lib.size();
        }
        int n = ProfileSearches.QUERIES.length;
        perOp.put("ProfileSearchBenchmark.searchLibrary", sums[0] / n);
        perOp.put("ProfileSearchBenchmark.searchJdbc", sums[1] / n);
        perOp.put("ProfileSearchBenchmark.searchLike", sums[2] / n);
        perOp.put("searchHits", (double) hits / n);
        log(String.format(Locale.ROOT, "workload 5: SearchDao, JDBC and ILIKE find the same profiles for %d queries "
                + "(%.1f hits each)", n, (double) hits / n));

        // the common words: each must have >= 10,000 matching profiles at scale 1.0 (the case)
        double[] common = new double[3];
        long least = Long.MAX_VALUE;
        for (String q : ProfileSearches.COMMON_QUERIES) {
            List<?> lib;
            try (StatementCount count = db.countStatements()) {
                lib = search.library(q);
                common[0] += count.value();
            }
            long before = search.jdbcStatements();
            List<?> jdbc = search.jdbc(q);
            common[1] += search.jdbcStatements() - before;
            before = search.jdbcStatements();
            List<?> vector = search.vector(q);
            common[2] += search.jdbcStatements() - before;
            check(lib.equals(jdbc), "search '" + q + "': SearchDao != JDBC\n" + lib + "\n" + jdbc);
            check(lib.equals(vector), "search '" + q + "': SearchDao != the vector's ranking\n" + lib + "\n" + vector);
            check(lib.size() == ProfileSearches.LIMIT, "search '" + q + "': a short page (" + lib.size() + ")");
            least = Math.min(least, search.matching(q));
        }
        check(fx.spec.scale() < 1.0 || least >= 10_000, "a common word matches only " + least + " profiles");
        int c = ProfileSearches.COMMON_QUERIES.length;
        perOp.put("ProfileSearchBenchmark.searchCommonLibrary", common[0] / c);
        perOp.put("ProfileSearchBenchmark.searchCommonJdbc", common[1] / c);
        perOp.put("ProfileSearchBenchmark.searchCommonVector", common[2] / c);
        perOp.put("searchCommonLeastMatching", (double) least);
        log(String.format(Locale.ROOT, "workload 5, common words: SearchDao, JDBC and the vector's ranking give the same top %d for %d "
                + "words (each matches at least %,d profiles)", ProfileSearches.LIMIT, c, least));
    }

    /** Workload 8: PlotDao, JDBC, the N+1 and Hibernate give equal plot pages (producer, plans, coffrets). */
    private static void verifyPlots(Fixture fx, Map<String, Object> perOp) {
        Database db = fx.db;
        PlotListings plots = new PlotListings(db);
        HibernateReads hibernate = new HibernateReads(db, true, false);
        double[] sums = new double[4];
        int pages = 32;
        int rows = 0;
        int plans = 0;
        for (int k = 0; k < pages; k++) {
            long after = fx.plotIds[k];
            List<lu.entreprinder.persistence.vinsdelux.PlotListing> lib;
            try (StatementCount count = db.countStatements()) {
                lib = plots.library(after);
                sums[0] += count.value();
            }
            long before = plots.jdbcStatements();
            List<?> jdbc = plots.jdbc(after);
            sums[1] += plots.jdbcStatements() - before;
            before = plots.jdbcStatements();
            List<?> n1 = plots.nPlusOne(after);
            sums[2] += plots.jdbcStatements() - before;
            check(lib.equals(jdbc), "plots after " + after + ": listPlots != JDBC\n" + lib + "\n" + jdbc);
            check(lib.equals(n1), "plots after " + after + ": listPlots != N+1\n" + lib + "\n" + n1);
            before = hibernate.statements();
            List<?> hib = hibernate.plots(after);
            sums[3] += hibernate.statements() - before;
            check(lib.equals(hib), "plots after " + after + ": listPlots != Hibernate\n" + lib + "\n" + hib);
            rows += lib.size();
            plans += lib.stream().mapToInt(p -> p.adoptionPlans().size()).sum();
        }
        perOp.put("PlotListingBenchmark.plotsLibrary", sums[0] / pages);
        perOp.put("PlotListingBenchmark.plotsJdbc", sums[1] / pages);
        perOp.put("PlotListingBenchmark.plotsNPlusOne", sums[2] / pages);
        perOp.put("PlotListingBenchmark.plotsHibernate", sums[3] / pages);
        perOp.put("plotsPerPage", (double) rows / pages);
        perOp.put("plansPerPage", (double) plans / pages);
        hibernate.close();
        log(String.format(Locale.ROOT, "workload 8: PlotDao, JDBC, N+1 and Hibernate list the same plots for "
                + "%d pages (%.1f plots, %.1f plans per page)", pages, (double) rows / pages, (double) plans / pages));
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the statements of workloads 7, 1, 2 and 8: the DAO method's, as it sends them, through
     * {@link Database#explain(Runnable, boolean)} (which runs the call in a rolled-back transaction, then each of its
     * statements once more under ANALYZE), each beside the hand-written statement it is compared with.
     */
    private static String plans(Fixture fx) {
        int user = fx.candidateUsers[0];
        int viewer = fx.viewerIds[0];
        long event = fx.detailEventIds[0];
        long after = fx.plotIds[0];
        String now = "'" + fx.db.now() + "'::timestamptz";
        CandidateRankings rankings = new CandidateRankings(fx.db);
        EventReads events = new EventReads(fx.db);
        PlotListings plots = new PlotListings(fx.db);
        StringBuilder b = new StringBuilder();
        explainDao(b, fx.db, "MatchingDao.listCandidates (user " + user + ")", () -> rankings.dao(user));
        explainSql(b, fx.db, "hand-tuned JDBC (user " + user + ")", CandidateRankings.bestSqlInlined(user));
        explainDao(b, fx.db, "EventDao.listEventsForViewer (viewer " + viewer + ")", () -> events.listLibrary(viewer));
        explainSql(b, fx.db, "EventReads.listJdbc (viewer " + viewer + ")", EventReads.inline(EventReads.LIST_SQL, now,
                viewer, viewer, viewer, EventReads.LIST_SIZE + 1, viewer));
        explainDao(b, fx.db, "EventDao.findEventDetail (event " + event + ", viewer " + viewer + ")",
                () -> events.detailLibrary(event, viewer));
        explainSql(b, fx.db, "EventReads.detailJdbc (event " + event + ", viewer " + viewer + ")",
                EventReads.inline(EventReads.DETAIL_SQL, viewer, event, viewer, viewer, viewer));
        explainDao(b, fx.db, "PlotDao.listPlots (after plot " + after + ")", () -> plots.library(after));
        explainSql(b, fx.db, "PlotListings.jdbc (after plot " + after + ")",
                EventReads.inline(PlotListings.BEST_SQL, after, PlotListings.PAGE + 1));
        return b.toString();
    }

    private static void explainDao(StringBuilder b, Database db, String title, Runnable call) {
        List<StatementPlan> plans = db.explain(call, true);
        if (plans.size() != 1) {
            throw new IllegalStateException(title + " sent " + plans.size() + " statements, not one:\n" + plans);
        }
        b.append("== ").append(title).append('\n').append(plans.get(0)).append('\n');
    }

    private static void explainSql(StringBuilder b, Database db, String title, String sql) {
        b.append("== ").append(title).append('\n').append(sql).append("\n\n");
        db.dsl().resultQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql).fetch() // sql-constant: generated SQL
                .forEach(r -> b.append(r.get(0, String.class)).append('\n'));
        b.append('\n');
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

    private static Map<String, Object> interleave(Fixture fx, int rounds, long millis, long warmup,
                                                  java.util.Set<String> only, Path out) {
        Map<String, Object> result = new LinkedHashMap<>();
        java.util.function.Predicate<String> want = k -> only == null || only.contains(k);
        PkReads reads = new PkReads(fx.db);
        CandidateRankings rankings = new CandidateRankings(fx.db);
        int[] i = {0};
        IntSupplier user = () -> fx.userIds[i[0]++ & 1023];
        IntSupplier plot = () -> (int) fx.plotIds[i[0]++ & 1023];
        IntSupplier ranked = () -> fx.candidateUsers[i[0]++ % fx.candidateUsers.length];
        try (HibernateOrm orm = new HibernateOrm(fx.db.dataSource(), false)) {
            if (want.test("user")) result.put("user", slices(rounds, millis, warmup, List.of(
                    new Variant("userLibrary", () -> reads.userLibrary(user.getAsInt())),
                    new Variant("userJdbc", () -> reads.userJdbc(user.getAsInt())),
                    new Variant("userLibraryRenderedPerCall", () -> reads.userLibraryRenderedPerCall(user.getAsInt())),
                    new Variant("userJooqOnly", () -> reads.userJooqOnly(user.getAsInt())),
                    new Variant("userHibernate", () -> orm.user(user.getAsInt())))));
            if (want.test("plot")) result.put("plot", slices(rounds, millis, warmup, List.of(
                    new Variant("plotLibrary", () -> reads.plotLibrary(plot.getAsInt())),
                    new Variant("plotJdbc", () -> reads.plotJdbc(plot.getAsInt())),
                    new Variant("plotLibraryRenderedPerCall", () -> reads.plotLibraryRenderedPerCall(plot.getAsInt())),
                    new Variant("plotHibernate", () -> orm.plot(plot.getAsInt())))));
        }
        if (want.test("candidates")) result.put("candidates", slices(rounds, Math.max(millis, 1_000), warmup, List.of(
                new Variant("candidatesLibrary", () -> rankings.dao(ranked.getAsInt())),
                new Variant("candidatesJdbc", () -> rankings.jdbc(ranked.getAsInt())))));
        EventReads events = new EventReads(fx.db);
        HibernateReads hibernate = new HibernateReads(fx.db);
        IntSupplier viewer = () -> fx.viewerIds[i[0]++ & 1023];
        int[] e = {0};
        java.util.function.LongSupplier event = () -> fx.detailEventIds[e[0]++ % fx.detailEventIds.length];
        if (want.test("list")) result.put("list", slices(rounds, millis, warmup, List.of(
                new Variant("listLibrary", () -> events.listLibrary(viewer.getAsInt())),
                new Variant("listJdbc", () -> events.listJdbc(viewer.getAsInt())),
                new Variant("listNPlusOne", () -> events.listNPlusOne(viewer.getAsInt())),
                new Variant("listHibernate", () -> hibernate.list(viewer.getAsInt())))));
        if (want.test("detail")) result.put("detail", slices(rounds, millis, warmup, List.of(
                new Variant("detailLibrary", () -> events.detailLibrary(event.getAsLong(), viewer.getAsInt())),
                new Variant("detailJdbc", () -> events.detailJdbc(event.getAsLong(), viewer.getAsInt())),
                new Variant("detailNPlusOne", () -> events.detailNPlusOne(event.getAsLong(), viewer.getAsInt())),
                new Variant("detailHibernate", () -> hibernate.detail(event.getAsLong(), viewer.getAsInt())))));
        ProfileSearches search = new ProfileSearches(fx.db);
        int[] q = {0};
        Supplier<String> words = () -> ProfileSearches.QUERIES[q[0]++ % ProfileSearches.QUERIES.length];
        if (want.test("search")) result.put("search", slices(rounds, millis, warmup, List.of(
                new Variant("searchLibrary", () -> search.library(words.get())),
                new Variant("searchJdbc", () -> search.jdbc(words.get())),
                new Variant("searchLike", () -> search.like(words.get())))));
        Supplier<String> common = () -> ProfileSearches.COMMON_QUERIES[q[0]++ % ProfileSearches.COMMON_QUERIES.length];
        if (want.test("search")) result.put("searchCommon", slices(rounds, Math.max(millis, 1_000), warmup, List.of(
                new Variant("searchCommonLibrary", () -> search.library(common.get())),
                new Variant("searchCommonJdbc", () -> search.jdbc(common.get())),
                new Variant("searchCommonVector", () -> search.vector(common.get())))));
        PlotListings plotPages = new PlotListings(fx.db);
        java.util.function.LongSupplier after = () -> fx.plotIds[i[0]++ & 1023];
        if (want.test("plots")) {
            result.put("plots", slices(rounds, millis, warmup, List.of(
                    new Variant("plotsLibrary", () -> plotPages.library(after.getAsLong())),
                    new Variant("plotsJdbc", () -> plotPages.jdbc(after.getAsLong())),
                    new Variant("plotsNPlusOne", () -> plotPages.nPlusOne(after.getAsLong())),
                    new Variant("plotsHibernate", () -> hibernate.plots(after.getAsLong())))));
        }
        hibernate.close();
        if (want.test("journey")) result.put("journey", slices(rounds, millis, warmup, JourneyAnswers.variants(fx)));
        // workload 7's N+1 is left out: two orders of magnitude slower than both (its JMH figure says enough)
        if (want.test("import-sqlite")) {
            result.put("importSqlite", sqliteImports(out, fx.spec.importRows(), Math.min(rounds, 5)));
        }
        if (!want.test("import")) {
            log("interleaved ratios measured");
            return result;
        }
        BulkImports imports = new BulkImports(fx.db, fx.spec.importRows());
        int importRounds = Math.min(rounds, 5);
        List<Variant> importVariants = List.of(new Variant("importLibrary", imports::library),
                new Variant("importCopy", imports::copy),
                new Variant("importLibraryGenericRecords", imports::libraryGenericRecords),
                new Variant("importLibraryTextCopy", imports::libraryTextCopy),
                new Variant("importJdbcBatch", imports::jdbcBatch),
                new Variant("importLibraryBatch", imports::libraryBatch),
                new Variant("importLibraryNullTemplate", imports::libraryNullTemplate),
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
        for (String other : importVariants.subList(1, importVariants.size()).stream().map(Variant::name).toList()) {
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

    /**
     * Workload 4 on SQLite ({@link SqliteBulkImports}, a file the library creates and migrates): the variants are
     * checked to write identical rows and their statements counted, then timed one whole import each, in rotated
     * order per round; throughput ratios per round and their median.
     */
    private static Map<String, Object> sqliteImports(Path out, int rows, int rounds) {
        Map<String, Object> imp = new LinkedHashMap<>();
        try (SqliteBulkImports imports = new SqliteBulkImports(out.resolve("bulk-import.db"), rows)) {
            Map<String, Object> statements = new LinkedHashMap<>();
            List<String> checksums = new ArrayList<>();
            try (StatementCount count = imports.db().countStatements()) {
                imports.library();
                statements.put("sqliteBulkInsert", (double) count.value() / rows);
            }
            checksums.add(imports.checksum());
            imports.cleanUp();
            try (StatementCount count = imports.db().countStatements()) {
                imports.rowByRow();
                statements.put("sqliteRowByRow", (double) count.value() / rows);
            }
            checksums.add(imports.checksum());
            imports.cleanUp();
            imports.jdbcRowByRow();
            statements.put("sqliteJdbcRowByRow", 1.0);
            checksums.add(imports.checksum());
            imports.cleanUp();
            check(checksums.stream().distinct().count() == 1 && checksums.get(0).startsWith(rows + ":"),
                    "SQLite imports differ: " + checksums);
            log("workload 4 on SQLite: bulkInsert, the library row by row and JDBC row by row import the same "
                    + rows + " rows");
            imp.put("rows", rows);
            imp.put("statementsPerRow", statements);
            List<Variant> variants = List.of(new Variant("sqliteBulkInsert", imports::library),
                    new Variant("sqliteRowByRow", imports::rowByRow),
                    new Variant("sqliteJdbcRowByRow", imports::jdbcRowByRow));
            Map<String, List<Double>> ns = new LinkedHashMap<>();
            for (Variant v : variants) { // warm-up
                v.op().get();
                imports.cleanUp();
                ns.put(v.name(), new ArrayList<>());
            }
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < variants.size(); k++) {
                    Variant v = variants.get((k + r) % variants.size());
                    long t = System.nanoTime();
                    v.op().get();
                    ns.get(v.name()).add((double) (System.nanoTime() - t));
                    imports.cleanUp();
                }
            }
            imp.put("rounds", rounds);
            imp.put("nsPerOp", ns);
            for (Variant other : variants.subList(1, variants.size())) {
                List<Double> ratios = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    ratios.add(ns.get(other.name()).get(r) / ns.get("sqliteBulkInsert").get(r)); // throughput ratio
                }
                imp.put("ratio_sqliteBulkInsert_vs_" + other.name(), ratios);
                imp.put("median_sqliteBulkInsert_vs_" + other.name(), median(ratios));
            }
        }
        log("SQLite import ratios measured");
        return imp;
    }

    /**
     * Round-robin slices of {@code millis} per variant (order rotated every round); ratios per round, and the p50 and
     * p99 of every operation's own time over all measured slices of a variant (the scale chart's figure).
     */
    private static Map<String, Object> slices(int rounds, long millis, long warmup, List<Variant> variants) {
        for (Variant v : variants) { // warm up every variant (JIT) before the first round
            runFor(v, warmup, null);
        }
        Map<String, List<Double>> ns = new LinkedHashMap<>();
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        variants.forEach(v -> {
            ns.put(v.name(), new ArrayList<>());
            latencies.put(v.name(), new Latencies());
        });
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((k + r) % variants.size());
                ns.get(v.name()).add(runFor(v, millis, latencies.get(v.name())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rounds", rounds);
        out.put("millisPerSlice", millis);
        out.put("nsPerOp", ns);
        Map<String, Long> p50 = new LinkedHashMap<>();
        Map<String, Long> p99 = new LinkedHashMap<>();
        latencies.forEach((name, l) -> {
            p50.put(name, l.percentile(0.50));
            p99.put(name, l.percentile(0.99));
        });
        out.put("p50Ns", p50);
        out.put("p99Ns", p99);
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

    /** Runs {@code v} for {@code millis}; returns ns per operation and, when {@code log} is given, logs each one. */
    private static double runFor(Variant v, long millis, Latencies log) {
        long end = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        long ops = 0;
        long before = start;
        long now;
        do {
            Objects.requireNonNull(v.op().get());
            ops++;
            now = System.nanoTime();
            if (log != null) {
                log.add(now - before);
            }
            before = now;
        } while (now < end);
        return (double) (now - start) / ops;
    }

    /** Every operation's time in nanoseconds, appended to a growing array (a boxed list would allocate per op). */
    private static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long percentile(double p) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[Math.min(size - 1, (int) Math.ceil(p * size) - 1)];
        }
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
