package lu.entreprinder.persistence.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set and advance. Thread-safe. Starts (and is reset to) {@link #START}. */
public final class TestClock extends Clock {

    /** 2026-06-01T10:00:00Z: the instant every test starts at. */
    public static final Instant START = Instant.parse("2026-06-01T10:00:00Z");

    private volatile Instant now = START;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override public ZoneId getZone() { return zone; }
            @Override public Clock withZone(ZoneId z) { return self.withZone(z); }
            @Override public Instant instant() { return self.instant(); }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void advance(Duration duration) {
        synchronized (this) {
            this.now = now.plus(duration);
        }
    }

    public void reset() {
        this.now = START;
    }
}
