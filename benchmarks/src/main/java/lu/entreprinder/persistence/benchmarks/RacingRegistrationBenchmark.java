package lu.entreprinder.persistence.benchmarks;

import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.benchmarks.workloads.RacingRegistrations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload 3: up to 1,000 registrations racing for 20 events from 16 threads (see {@link RacingRegistrations}).
 * One invocation is one whole run of a variant (single shot); the events are reset before it and the invariant
 * checked after it, both outside the measured time. A locked variant that overbooks fails the benchmark; the
 * unlocked control only reports (it should overbook).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RacingRegistrationBenchmark {

    private RacingRegistrations race;
    private RacingRegistrations.Run last;

    @Setup(Level.Trial)
    public void setUp() {
        race = new RacingRegistrations(Fixture.get());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        race.close();
    }

    @Setup(Level.Invocation)
    public void reset() {
        race.reset();
        last = null;
    }

    @TearDown(Level.Invocation)
    public void check() {
        if (last == null) {
            return;
        }
        RacingRegistrations.Check check = race.check(last);
        if (last.variant().equals("unlocked")) {
            System.out.println("[bench] unlocked control: " + check);
        } else if (!check.held()) {
            throw new IllegalStateException(last.variant() + " broke the invariant: " + check + ", errors "
                    + last.errors());
        }
    }

    private RacingRegistrations.Run run(String variant) {
        last = race.run(variant);
        return last;
    }

    @Benchmark
    public Object raceLibrary() {
        return run("library");
    }

    @Benchmark
    public Object raceJdbc() {
        return run("jdbc");
    }

    @Benchmark
    public Object raceJdbcLockFirst() {
        return run("jdbcLockFirst");
    }

    @Benchmark
    public Object raceCounter() {
        return run("counter");
    }

    @Benchmark
    public Object raceUnlocked() {
        return run("unlocked");
    }
}
