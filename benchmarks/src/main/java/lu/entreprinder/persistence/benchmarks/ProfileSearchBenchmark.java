package lu.entreprinder.persistence.benchmarks;

import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.benchmarks.workloads.ProfileSearches;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 5: full-text search over the entrepreneur profiles, the best 20 by rank: {@code SearchDao.searchProfiles}
 * vs a {@code ILIKE '%word%'} scan of headline and bio vs hand-written JDBC with the same tsvector expression; and
 * a common word (about 1 profile in 8 matches), the library against the same JDBC.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProfileSearchBenchmark {

    private ProfileSearches searches;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        searches = new ProfileSearches(Fixture.get().db);
    }

    private String words() {
        return ProfileSearches.QUERIES[next++ % ProfileSearches.QUERIES.length];
    }

    @Benchmark
    public Object searchLibrary() {
        return searches.library(words());
    }

    @Benchmark
    public Object searchLike() {
        return searches.like(words());
    }

    @Benchmark
    public Object searchJdbc() {
        return searches.jdbc(words());
    }

    private String common() {
        return ProfileSearches.COMMON_QUERIES[next++ % ProfileSearches.COMMON_QUERIES.length];
    }

    /** A common word (≈ 12,500 of 100,000 profiles match): the top 20 of many hits. */
    @Benchmark
    public Object searchCommonLibrary() {
        return searches.library(common());
    }

    @Benchmark
    public Object searchCommonJdbc() {
        return searches.jdbc(common());
    }

    /** The same common word ranked over the stored vector of every hit (V18; the library before V24). */
    @Benchmark
    public Object searchCommonVector() {
        return searches.vector(common());
    }
}
