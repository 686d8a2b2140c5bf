package lu.entreprinder.persistence.benchmarks;

import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.benchmarks.workloads.EventReads;
import lu.entreprinder.persistence.benchmarks.workloads.HibernateReads;
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
 * Workload 1: the next 50 upcoming published events a member may see, with confirmed/waitlist/total counts and the
 * viewer's registration: {@code EventDao.listEventsForViewer} vs the Django-style N+1 vs hand-written JDBC vs
 * Hibernate ORM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventListingBenchmark {

    private Fixture fixture;
    private EventReads reads;
    private HibernateReads hibernate;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.get();
        reads = new EventReads(fixture.db);
        hibernate = new HibernateReads(fixture.db);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hibernate.close();
    }

    private int viewer() {
        return fixture.viewerIds[next++ & 1023];
    }

    @Benchmark
    public Object listLibrary() {
        return reads.listLibrary(viewer());
    }

    @Benchmark
    public Object listNPlusOne() {
        return reads.listNPlusOne(viewer());
    }

    @Benchmark
    public Object listJdbc() {
        return reads.listJdbc(viewer());
    }

    @Benchmark
    public Object listHibernate() {
        return hibernate.list(viewer());
    }
}
