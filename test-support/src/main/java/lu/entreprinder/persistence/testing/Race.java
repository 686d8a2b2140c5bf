package lu.entreprinder.persistence.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The harness of the race tests: every racer on its own thread, all released at once when every thread is ready,
 * each one's value or exception collected, the whole bounded by a timeout. With {@link Hold}, one transaction can be
 * held at a pause point of the race seam ({@code lu.entreprinder.persistence.core.internal.RaceSeam}).
 *
 * <pre>{@code
 * Race.Outcomes<RegistrationResult> out = Race.run(users.stream()
 *         .<Callable<RegistrationResult>>map(u -> () -> service.register(u, event, none())).toList());
 * assertThat(out.errors()).isEmpty();
 * }</pre>
 */
public final class Race {

    /** How long {@link #run(List)} waits for every racer to finish. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private Race() {
    }

    /**
     * What the racers ended with.
     *
     * @param outcomes one per racer, in the order they were given
     */
    public record Outcomes<T>(List<Outcome<T>> outcomes) {

        public Outcomes {
            outcomes = List.copyOf(outcomes);
        }

        /** The values of the racers that returned (nulls left out), in racer order. */
        public List<T> values() {
            List<T> values = new ArrayList<>();
            for (Outcome<T> o : outcomes) {
                if (o.error() == null && o.value() != null) {
                    values.add(o.value());
                }
            }
            return values;
        }

        /** The exceptions of the racers that threw, in racer order. */
        public List<Throwable> errors() {
            return outcomes.stream().map(Outcome::error).filter(e -> e != null).toList();
        }

        /** How many values are instances of {@code type}. */
        public long count(Class<?> type) {
            return values().stream().filter(type::isInstance).count();
        }

        /**
         * The values, every racer having returned.
         *
         * @throws AssertionError naming the first racer's exception if any threw
         */
        public List<T> valuesOrFail() {
            List<Throwable> errors = errors();
            if (!errors.isEmpty()) {
                AssertionError failure = new AssertionError(errors.size() + " of " + outcomes.size()
                        + " racers failed; the first: " + errors.get(0), errors.get(0));
                errors.stream().skip(1).forEach(failure::addSuppressed);
                throw failure;
            }
            return values();
        }
    }

    /** One racer's end: its value, or the exception it threw (then {@code value} is null). */
    public record Outcome<T>(T value, Throwable error) {
    }

    /** {@link #run(Duration, List)} with {@link #DEFAULT_TIMEOUT}. */
    public static <T> Outcomes<T> run(List<? extends Callable<? extends T>> racers) {
        return run(DEFAULT_TIMEOUT, racers);
    }

    /**
     * Runs every racer on its own thread, released together once all threads have started, and waits for all.
     *
     * @throws AssertionError if the racers did not all finish within {@code timeout} (their threads are interrupted)
     */
    public static <T> Outcomes<T> run(Duration timeout, List<? extends Callable<? extends T>> racers) {
        int n = racers.size();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(n);
        List<Outcome<T>> outcomes = new ArrayList<>(n);
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outcomes.add(null);
            int index = i;
            Callable<? extends T> racer = racers.get(i);
            threads.add(Thread.ofPlatform().name("racer-" + i).daemon().start(() -> {
                Outcome<T> outcome;
                try {
                    ready.countDown();
                    go.await();
                    outcome = new Outcome<>(racer.call(), null);
                } catch (Throwable e) {
                    outcome = new Outcome<>(null, e);
                }
                synchronized (outcomes) {
                    outcomes.set(index, outcome);
                }
                done.countDown();
            }));
        }
        try {
            if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the racers' threads did not start within " + timeout);
            }
            go.countDown();
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError((done.getCount()) + " of " + n + " racers did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        } finally {
            go.countDown();
            threads.forEach(t -> {
                if (t.isAlive()) {
                    t.interrupt();
                }
            });
        }
        synchronized (outcomes) {
            return new Outcomes<>(outcomes);
        }
    }

    /**
     * A pause hook that holds the first thread to reach it until {@link #release()}; later threads pass. Hook it
     * with {@code RaceSeam.of(db).onPause(point, hold)}; close it (try-with-resources) so a failing test never
     * leaves a thread held.
     */
    public static final class Hold implements Runnable, AutoCloseable {

        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean taken = new AtomicBoolean();

        /** Holds the calling thread if it is the first; returns at once for the others. */
        @Override
        public void run() {
            if (taken.compareAndSet(false, true)) {
                reached.countDown();
                try {
                    if (!release.await(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("held for " + DEFAULT_TIMEOUT + " and never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while held", e);
                }
            }
        }

        /**
         * Waits until a thread is held.
         *
         * @throws AssertionError if none is within {@code timeout}
         */
        public void awaitHeld(Duration timeout) {
            try {
                if (!reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("no thread reached the pause point within " + timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the held thread", e);
            }
        }

        /** Lets the held thread (and any later one) go on. Never throws. */
        public void release() {
            release.countDown();
        }

        /** {@link #release()}. */
        @Override
        public void close() {
            release();
        }
    }
}
