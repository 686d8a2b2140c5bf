package lu.entreprinder.persistence.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until told to move: give it to {@code DatabaseConfig.builder(url).clock(...)}
 * and every "now" of the library ({@code Database.now()}, deadlines, expiries, ages) follows it. The tour uses it to
 * let a plot reservation expire without waiting two days. Thread-safe; clocks made by {@link #withZone} share the
 * same instant.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> instant;
    private final ZoneId zone;

    /** A clock standing at {@code start}, in UTC. */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> instant, ZoneId zone) {
        this.instant = instant;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(instant, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public Instant instant() {
        return instant.get();
    }

    /** Moves the clock to {@code value} (also backwards). */
    public void set(Instant value) {
        instant.set(Objects.requireNonNull(value, "value"));
    }

    /** Moves the clock forward by {@code amount}; returns the new instant. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return instant.updateAndGet(i -> i.plus(amount));
    }
}
