package lu.entreprinder.persistence.crushlu.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import lu.entreprinder.persistence.core.internal.Json;
import org.jooq.JSONB;

/**
 * A journey progress's chapter completion times ({@code chapters_completed_at}): a JSON object from chapter number
 * to ISO time, as {@link OffsetDateTime#toString} writes it ({@code {"1": "2026-11-21T12:00Z"}}).
 *
 * <p>Every right answer reads and writes them, so the UTC times this library writes are parsed by hand:
 * {@link OffsetDateTime#parse} cost more than the rest of the answer's Java work. Any other form takes
 * {@code OffsetDateTime.parse}.
 */
public final class ChapterTimes {

    private static final TypeReference<Map<String, String>> TIMES = new TypeReference<>() { };

    private ChapterTimes() {
    }

    /** The times by chapter number; entries another writer made unreadable are left out, as is a value that is not
     * a JSON object of strings (no times). */
    public static Map<Integer, OffsetDateTime> read(JSONB json) {
        Map<Integer, OffsetDateTime> out = new TreeMap<>();
        if (json == null) {
            return out;
        }
        Map<String, String> stored;
        try {
            stored = Json.fromJsonb(json, TIMES);
        } catch (RuntimeException unreadable) {
            return out;
        }
        stored.forEach((k, v) -> {
            try {
                out.put(Integer.valueOf(k), time(v));
            } catch (RuntimeException unreadable) {
                // not ours: skipped
            }
        });
        return out;
    }

    /** The JSON object of the times, keys in text order (as Jackson writes a {@code TreeMap<String, String>}). */
    public static JSONB write(Map<Integer, OffsetDateTime> times) {
        Map<String, String> sorted = new TreeMap<>();
        times.forEach((k, v) -> sorted.put(String.valueOf(k), v.toString()));
        StringBuilder json = new StringBuilder(2 + sorted.size() * 32).append('{');
        // keys are digits and ISO times need no escaping
        sorted.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(k).append("\":\"").append(v).append('"');
        });
        return JSONB.valueOf(json.append('}').toString());
    }

    /**
     * An ISO time: {@code uuuu-MM-ddTHH:mm[:ss[.fraction]]Z} by hand, anything else by {@link OffsetDateTime#parse}.
     *
     * @throws java.time.format.DateTimeParseException if it is not an ISO offset time
     */
    public static OffsetDateTime time(String text) {
        int n = text.length();
        if (n >= 17 && n <= 30 && text.charAt(n - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = 0;
            int nanos = 0;
            int at = 16;
            boolean ok = (year | month | day | hour | minute) >= 0;
            if (ok && at < n - 1) {
                ok = text.charAt(at) == ':' && at + 3 <= n - 1;
                second = ok ? digits(text, at + 1, 2) : -1;
                at += 3;
                if (ok && at < n - 1) {
                    int fraction = n - 1 - at - 1;
                    ok = text.charAt(at) == '.' && fraction >= 1 && fraction <= 9;
                    nanos = ok ? digits(text, at + 1, fraction) : -1;
                    for (int i = fraction; ok && i < 9; i++) {
                        nanos *= 10;
                    }
                }
            }
            if (ok && (second | nanos) >= 0) {
                try {
                    return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, ZoneOffset.UTC);
                } catch (DateTimeException outOfRange) {
                    // OffsetDateTime.parse gives its own error below
                }
            }
        }
        return OffsetDateTime.parse(text);
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1 when one of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
