package lu.entreprinder.persistence.crushlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Thread plumbing of the capacity and invitation race tests. */
final class Races {

    private Races() {
    }

    /** Lets exactly one transaction (the first to get there) wait at a pause hook until released. */
    static final class Hold implements Runnable {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean taken = new AtomicBoolean();

        @Override
        public void run() {
            if (taken.compareAndSet(false, true)) {
                reached.countDown();
                await(release);
            }
        }
    }

    record Outcomes<T>(List<T> values, List<Throwable> errors) {
    }

    /** Runs every call on its own thread, all released together; collects results and errors. */
    static <T> Outcomes<T> race(List<Callable<T>> calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<T> values = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try {
            for (Callable<T> call : calls) {
                pool.submit(() -> {
                    ready.countDown();
                    await(go);
                    try {
                        values.add(call.call());
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("race finished").isTrue();
        }
        return new Outcomes<>(values, errors);
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
