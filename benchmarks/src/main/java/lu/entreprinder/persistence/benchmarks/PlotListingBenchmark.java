package lu.entreprinder.persistence.benchmarks;

import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.benchmarks.workloads.HibernateReads;
import lu.entreprinder.persistence.benchmarks.workloads.PlotListings;
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
 * Workload 8: a page of 20 available plots (after a random plot id) with producer and adoption plans nested:
 * {@code PlotDao.listPlots} vs the Django-style N+1 vs hand-written JDBC vs Hibernate ORM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlotListingBenchmark {

    private Fixture fixture;
    private PlotListings listings;
    private HibernateReads hibernate;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.get();
        listings = new PlotListings(fixture.db);
        hibernate = new HibernateReads(fixture.db);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hibernate.close();
    }

    private long after() {
        return fixture.plotIds[next++ & 1023];
    }

    @Benchmark
    public Object plotsLibrary() {
        return listings.library(after());
    }

    @Benchmark
    public Object plotsNPlusOne() {
        return listings.nPlusOne(after());
    }

    @Benchmark
    public Object plotsJdbc() {
        return listings.jdbc(after());
    }

    @Benchmark
    public Object plotsHibernate() {
        return hibernate.plots(after());
    }
}
