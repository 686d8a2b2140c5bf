package lu.entreprinder.persistence.benchmarks;

import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.benchmarks.workloads.CandidateRankings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 7: first page of candidates ranked by shared skills + industries for one of 16 users:
 * {@code MatchingDao.listCandidates} vs the Django-style N+1 loop vs hand-tuned JDBC.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CandidateRankingBenchmark {

    private Fixture fixture;
    private CandidateRankings rankings;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.get();
        rankings = new CandidateRankings(fixture.db);
    }

    private int user() {
        return fixture.candidateUsers[next++ % fixture.candidateUsers.length];
    }

    @Benchmark
    public Object candidatesLibrary() {
        return rankings.dao(user());
    }

    @Benchmark
    public Object candidatesNPlusOne() {
        return rankings.nPlusOne(user());
    }

    @Benchmark
    public Object candidatesJdbc() {
        return rankings.jdbc(user());
    }
}
