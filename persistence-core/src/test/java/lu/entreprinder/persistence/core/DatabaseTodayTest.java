package lu.entreprinder.persistence.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Database#today()} keeps the day it computed: it must still answer the clock's date at every instant. */
class DatabaseTodayTest {

    private static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    /** A clock the test moves, forwards and back. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theDateFollowsTheClockAcrossMidnightsDaylightSavingChangesAndBackwardSteps() {
        MovableClock clock = new MovableClock();
        try (Database db = Database.open(DatabaseConfig.builder("jdbc:sqlite::memory:").clock(clock).zone(LUXEMBOURG)
                .build())) {
            // around each local midnight of the days of the 2026 changes (23 h and 25 h days), a millisecond apart
            for (String day : new String[] {"2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25",
                    "2026-10-26", "2026-12-31"}) {
                Instant midnight = LocalDate.parse(day).atStartOfDay(LUXEMBOURG).toInstant();
                for (long offset : new long[] {-1, 0, 1, 3_600_000, -3_600_000, 1, 0, -1}) {
                    clock.now = midnight.plusMillis(offset);
                    assertThat(db.today()).as("%s", clock.now).isEqualTo(LocalDate.ofInstant(clock.now, LUXEMBOURG));
                }
            }
            Random random = new Random(7);
            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 20_000; i++) {
                // mostly small steps either way, sometimes a jump of up to a year
                long step = random.nextInt(10) == 0 ? random.nextLong(-31_536_000_000L, 31_536_000_000L)
                        : random.nextLong(-7_200_000, 7_200_000);
                base = base.plusMillis(step);
                clock.now = base;
                assertThat(db.today()).as("%s", base).isEqualTo(LocalDate.ofInstant(base, LUXEMBOURG));
            }
        }
    }
}
