package com.example.consumer;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.matching.LikeResult;
import lu.entreprinder.persistence.matching.MatchingDao;
import lu.entreprinder.persistence.matching.MatchingService;
import lu.entreprinder.persistence.matching.UserMatch;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/** A consumer's service: its own configuration, one Database, two DAOs composed inside one transaction. */
public final class MatchmakingService implements AutoCloseable {

    private final Database db;
    private final MatchingService matching;
    private final MatchingDao matches;

    public MatchmakingService(String jdbcUrl, int poolSize) {
        this(DatabaseConfig.builder(jdbcUrl).maximumPoolSize(poolSize)
                .schema(DefaultSchema.DEFAULT_SCHEMA).migrateOnStart(true).build());
    }

    private MatchmakingService(DatabaseConfig config) {
        this.db = Database.open(config);
        this.matching = new MatchingService(db);
        this.matches = new MatchingDao(db);
    }

    /** Reads {@code consumer.properties} from the class path: the library's settings under {@code database.}. */
    public static MatchmakingService fromConfiguration() throws IOException {
        Properties p = new Properties();
        try (InputStream in = MatchmakingService.class.getResourceAsStream("/consumer.properties")) {
            p.load(in);
        }
        return new MatchmakingService(DatabaseConfig.fromProperties(p, "database")
                .schema(DefaultSchema.DEFAULT_SCHEMA).build());
    }

    /** The configuration the service's database was opened with. */
    DatabaseConfig config() {
        return db.config();
    }

    public long signUp(String username) {
        return db.dsl().insertInto(USER)
                .set(USER.USERNAME, username).set(USER.EMAIL, username + "@example.com").set(USER.PASSWORD, "<hash>")
                .set(USER.FIRST_NAME, username).set(USER.LAST_NAME, "").set(USER.IS_SUPERUSER, false)
                .set(USER.IS_STAFF, false).set(USER.IS_ACTIVE, true).set(USER.DATE_JOINED, db.now())
                .returning(USER.ID).fetchOne(USER.ID);
    }

    /** Both likes and the read of the resulting matches in one transaction: all of it commits, or none. */
    public List<UserMatch> likeEachOther(long a, long b) {
        return db.inTransaction(tx -> {
            LikeResult first = matching.like(a, b);
            LikeResult second = matching.like(b, a);
            if (!(first instanceof LikeResult.Liked) || !(second instanceof LikeResult.Matched)) {
                throw new IllegalStateException("expected a like then a match, got " + first + " and " + second);
            }
            return matches.listMatches(a, PageRequest.first()).items();
        });
    }

    @Override
    public void close() {
        db.close();
    }

    public static void main(String[] args) throws IOException {
        try (MatchmakingService service = fromConfiguration()) {
            long anna = service.signUp("anna" + System.nanoTime());
            long ben = service.signUp("ben" + System.nanoTime());
            System.out.println("matches of anna: " + service.likeEachOther(anna, ben));
        }
    }
}
