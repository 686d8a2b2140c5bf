package lu.entreprinder.persistence.examples;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.entreprinder.NewUser;
import lu.entreprinder.persistence.entreprinder.UserCreationResult;
import lu.entreprinder.persistence.entreprinder.UserDao;
import lu.entreprinder.persistence.matching.MatchingService;
import lu.entreprinder.persistence.micrometer.MicrometerObserver;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/** The README's "Metrics" snippet, compiled and run by a test so it cannot rot. */
public final class MetricsExample {

    private MetricsExample() {
    }

    /** Two likes, then the number of {@code MatchingService.like} statements and committed transactions. */
    public static String run(String jdbcUrl) {
        // --- README snippet start
        MeterRegistry registry = new SimpleMeterRegistry();            // the service's registry
        DatabaseConfig config = DatabaseConfig.builder(jdbcUrl).schema(DefaultSchema.DEFAULT_SCHEMA)
                .migrateOnStart(true)
                .observer(new MicrometerObserver(registry))            // statements, transactions, retries, locks
                .build();
        try (Database db = Database.open(config)) {
            MicrometerObserver.bindPool(db.dataSource(), registry);  // HikariCP's own hikaricp.* meters
            UserDao users = new UserDao(db);
            long anna = ((UserCreationResult.Created) users.createUser(NewUser.of("anna", "anna@example.lu", "<hash>"))).userId();
            long ben = ((UserCreationResult.Created) users.createUser(NewUser.of("ben", "ben@example.lu", "<hash>"))).userId();
            MatchingService matching = new MatchingService(db);
            matching.like(anna, ben);
            matching.like(ben, anna);
            long likeStatements = registry.find("entreprinder.db.statements")
                    .tag("operation", "MatchingService.like").timers().stream().mapToLong(t -> t.count()).sum();
            long committed = registry.find("entreprinder.db.transactions").tag("outcome", "committed").timer().count();
            return likeStatements + " statements by MatchingService.like, " + committed + " transactions committed";
        }
        // --- README snippet end
    }
}
