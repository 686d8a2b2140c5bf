package lu.entreprinder.persistence.crushlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.internal.Json;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/**
 * The hand-written readers and writers of a journey answer give what the general ones (regular expressions,
 * {@link OffsetDateTime#parse}, Jackson) give, on the forms they take and on the ones they hand back.
 */
class JourneyFastPathsTest {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The normalisation as it was before the ASCII path: the oracle. */
    private static String reference(String text) {
        String unaccented = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return SPACES.matcher(unaccented.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    @Test
    void asciiAnswersNormalizeAsTheRegularExpressionsDo() {
        Random random = new Random(17);
        String alphabet = " \t\n\u000B\f\r\u001C\u001F\u0000aZz09-_.,'\"!?AbCdÉ";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(random.nextBoolean() ? (char) random.nextInt(0x80)
                        : alphabet.charAt(random.nextInt(alphabet.length() - 1)));
            }
            assertEquals(reference(text.toString()), JourneyText.normalize(text.toString()), () -> "for "
                    + text.chars().mapToObj(Integer::toHexString).toList());
        }
        assertEquals("creme brulee", JourneyText.normalize("  Crème \t  Brûlée "));
        assertEquals("creme brulee", JourneyText.normalize("  CREME \n\r BRULEE\u000B"));
    }

    @Test
    void theTimesThisLibraryWritesParseAsOffsetDateTimeParseDoes() {
        Random random = new Random(21);
        for (int n = 0; n < 20_000; n++) {
            long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L);
            int nanos = switch (random.nextInt(5)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            if (random.nextInt(4) == 0) {
                seconds -= Math.floorMod(seconds, 60);
            }
            String text = OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC).toString();
            assertEquals(OffsetDateTime.parse(text), ChapterTimes.time(text), text);
        }
        for (String other : List.of("2026-11-21T12:00+01:00", "2026-11-21T12:00:05.5-05:30", "+12026-11-21T12:00Z",
                "2026-11-21T12:00:05.Z", "2026-11-21T12:00:05.1234567890Z")) {
            if (other.endsWith("0Z") && other.length() > 30) {
                assertThrows(DateTimeException.class, () -> ChapterTimes.time(other));
            } else {
                assertEquals(OffsetDateTime.parse(other), ChapterTimes.time(other), other);
            }
        }
        for (String bad : List.of("2026-13-21T12:00Z", "2026-02-30T12:00Z", "2026-11-21T24:00Z", "2026-11-21T12:60Z",
                "2026-11-21T12:00:60Z", "2026-11-21T12:00:0Z", "2026-11-21T12:00:05,5Z",
                "2026-1a-21T12:00Z", "2026-11-21 12:00Z", "2026-11-21T12:00", "")) {
            assertThrows(DateTimeException.class, () -> OffsetDateTime.parse(bad), bad);
            assertThrows(DateTimeException.class, () -> ChapterTimes.time(bad), bad);
        }
    }

    @Test
    void chapterTimesRoundTripAndAreWrittenAsJacksonWritesThem() {
        Map<Integer, OffsetDateTime> times = new TreeMap<>();
        times.put(1, OffsetDateTime.parse("2026-11-21T12:00Z"));
        times.put(2, OffsetDateTime.parse("2026-11-21T12:00:05.123Z"));
        times.put(10, OffsetDateTime.parse("2026-11-22T08:30:00.000001Z"));
        Map<String, String> asText = new TreeMap<>();
        times.forEach((k, v) -> asText.put(String.valueOf(k), v.toString()));
        assertEquals(Json.toJsonb(asText).data(), ChapterTimes.write(times).data());
        assertEquals("{}", ChapterTimes.write(Map.of()).data());
        assertEquals(times, ChapterTimes.read(ChapterTimes.write(times)));
        // the text form PostgreSQL's jsonb gives back, and what another writer may have left
        assertEquals(times, ChapterTimes.read(JSONB.valueOf(
                "{\"1\": \"2026-11-21T12:00Z\", \"10\": \"2026-11-22T08:30:00.000001Z\", \"2\": \"2026-11-21T12:00:05.123Z\"}")));
        assertEquals(Map.of(1, OffsetDateTime.parse("2026-11-21T13:00+01:00")),
                ChapterTimes.read(JSONB.valueOf("{\"1\": \"2026-11-21T13:00+01:00\", \"x\": \"2026-11-21T12:00Z\","
                        + " \"3\": \"yesterday\", \"4\": 5}")));
        assertEquals(Map.of(), ChapterTimes.read(JSONB.valueOf("[1, 2]")));
        assertEquals(Map.of(), ChapterTimes.read(null));
    }

    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() { };

    @Test
    void idListsReadAndWriteAsJacksonDoes() {
        Random random = new Random(5);
        for (int n = 0; n < 2_000; n++) {
            List<Long> ids = new ArrayList<>();
            int size = random.nextInt(6);
            for (int i = 0; i < size; i++) {
                ids.add(random.nextInt(3) == 0 ? random.nextLong(0, Long.MAX_VALUE) : random.nextLong(0, 1000));
            }
            String jackson = Json.toJsonb(ids).data();
            assertEquals(jackson, ProfileJson.longsJson(ids).data());
            assertEquals(ids, ProfileJson.longs(JSONB.valueOf(jackson)));
            assertEquals(ids, ProfileJson.longs(JSONB.valueOf(jackson.replace(",", ", "))));
        }
        for (String text : List.of("[]", " [ ] ", "[0]", "[1, 2 ,3]", "\n[ 7\t]\n", "[-1, 2]", "[1.0]", "[1e2]",
                "[\"3\"]", "[9223372036854775807]", "[123456789012345678]")) {
            assertEquals(Json.fromJsonb(JSONB.valueOf(text), LONGS), ProfileJson.longs(JSONB.valueOf(text)), text);
        }
        for (String bad : List.of("[01]", "[1,]", "[,1]", "[1 2]", "[1]]", "[1] x", "{}", "[9223372036854775808]",
                "[1, null]", "")) {
            assertThrows(RuntimeException.class, () -> ProfileJson.longs(JSONB.valueOf(bad)), bad);
        }
        assertEquals(List.of(), ProfileJson.longs(null));
    }
}
