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
 * Workload 2: an event's detail page with its confirmed attendees (display name, age range) nested:
 * {@code EventDao.findEventDetail} vs the Django-style N+1 vs hand-written JDBC vs Hibernate ORM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventDetailBenchmark {

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

    private long event() {
        return fixture.detailEventIds[next % fixture.detailEventIds.length];
    }

    private int viewer() {
        return fixture.viewerIds[next++ & 1023];
    }

    @Benchmark
    public Object detailLibrary() {
        return reads.detailLibrary(event(), viewer());
    }

    @Benchmark
    public Object detailNPlusOne() {
        return reads.detailNPlusOne(event(), viewer());
    }

    @Benchmark
    public Object detailJdbc() {
        return reads.detailJdbc(event(), viewer());
    }

    @Benchmark
    public Object detailHibernate() {
        return hibernate.detail(event(), viewer());
    }
}
