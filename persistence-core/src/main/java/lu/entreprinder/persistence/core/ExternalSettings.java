package lu.entreprinder.persistence.core;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link DatabaseConfig.Builder} from string settings ({@code Properties} or environment variables): one
 * key per builder setting, named as the builder method in kebab case. Every refusal is a
 * {@link ValidationException} whose field is the full key as the user wrote it (prefix included).
 */
final class ExternalSettings {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

    /** One setting: its key (kebab case, without prefix), the builder's name for it, how to apply a value. */
    private record Setting(String key, String builderField, BiConsumer<DatabaseConfig.Builder, Value> apply) {
    }

    /** A raw value with the full key it came from, so parse errors name what the user wrote. */
    private record Value(String fullKey, String text) {
        String trimmed() {
            return text.trim();
        }
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("username", "username", (b, v) -> b.username(v.trimmed())),
            new Setting("password", "password", (b, v) -> b.password(v.text())),
            new Setting("maximum-pool-size", "maximumPoolSize", (b, v) -> b.maximumPoolSize(integer(v))),
            new Setting("connection-timeout", "connectionTimeout", (b, v) -> b.connectionTimeout(duration(v))),
            new Setting("statement-timeout", "statementTimeout", (b, v) -> b.statementTimeout(duration(v))),
            new Setting("slow-query-threshold", "slowQueryThreshold", (b, v) -> b.slowQueryThreshold(duration(v))),
            new Setting("sqlite-busy-timeout", "sqliteBusyTimeout", (b, v) -> b.sqliteBusyTimeout(duration(v))),
            new Setting("migrate-on-start", "migrateOnStart", (b, v) -> b.migrateOnStart(bool(v))),
            new Setting("zone", "zone", (b, v) -> b.zone(zone(v))),
            new Setting("pool-name", "poolName", (b, v) -> b.poolName(v.trimmed())));

    static final String URL = "url";

    private ExternalSettings() {
    }

    /** The keys understood, without prefix, in the order of the Javadoc table. */
    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        keys.add(URL);
        SETTINGS.forEach(s -> keys.add(s.key()));
        return keys;
    }

    /**
     * Builds from {@code source}, where {@code fullKey} turns a kebab-case key into the name looked up (with
     * prefix, upper case for the environment). When {@code refuseUnknownUnder} is not null, unknown keys starting
     * with it are refused (a typo must not silently fall back to a default).
     */
    static DatabaseConfig.Builder read(Map<String, String> source, Function<String, String> fullKey,
                                       String refuseUnknownUnder) {
        Objects.requireNonNull(source, "source");
        if (refuseUnknownUnder != null) {
            String ownPrefix = refuseUnknownUnder;
            TreeSet<String> known = new TreeSet<>();
            keys().forEach(k -> known.add(fullKey.apply(k)));
            for (String name : new TreeSet<>(source.keySet())) {
                if (name.startsWith(ownPrefix) && !known.contains(name)) {
                    throw new ValidationException(name, "is not a setting of the library (known: "
                            + String.join(", ", known) + ")");
                }
            }
        }
        String urlKey = fullKey.apply(URL);
        String url = blankToNull(source.get(urlKey));
        if (url == null) {
            throw new ValidationException(urlKey, "is required (e.g. jdbc:postgresql://host:5432/db or jdbc:sqlite:/path/app.db)");
        }
        DatabaseConfig.Builder builder;
        try {
            builder = DatabaseConfig.builder(url.trim());
        } catch (ValidationException e) {
            throw renamed(e, urlKey);
        }
        for (Setting setting : SETTINGS) {
            String key = fullKey.apply(setting.key());
            String text = source.get(key);
            if (blankToNull(text) != null) {
                setting.apply().accept(builder, new Value(key, text));
            }
        }
        try {
            builder.build();  // range checks now, so the error names the key rather than the builder method
        } catch (ValidationException e) {
            for (Setting setting : SETTINGS) {
                if (setting.builderField().equals(e.field())) {
                    throw renamed(e, fullKey.apply(setting.key()));
                }
            }
            throw e;
        }
        return builder;
    }

    private static ValidationException renamed(ValidationException e, String key) {
        String problem = e.getMessage().startsWith(e.field() + ": ")
                ? e.getMessage().substring(e.field().length() + 2) : e.getMessage();
        return new ValidationException(key, problem);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static int integer(Value v) {
        try {
            return Integer.parseInt(v.trimmed());
        } catch (NumberFormatException e) {
            throw new ValidationException(v.fullKey(), "must be a whole number, was '" + v.trimmed() + "'");
        }
    }

    private static boolean bool(Value v) {
        return switch (v.trimmed().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(v.fullKey(), "must be true or false, was '" + v.trimmed() + "'");
        };
    }

    private static ZoneId zone(Value v) {
        try {
            return ZoneId.of(v.trimmed());
        } catch (DateTimeException e) {
            throw new ValidationException(v.fullKey(), "must be a time zone such as Europe/Luxembourg or UTC, was '"
                    + v.trimmed() + "'");
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, a bare number of milliseconds, or ISO-8601. */
    static Duration duration(Value v) {
        String text = v.trimmed();
        String problem = "must be a duration such as 500ms, 30s, 5m or PT30S (a bare number is milliseconds), was '"
                + text + "'";
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new ValidationException(v.fullKey(), problem);
            }
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new ValidationException(v.fullKey(), problem);
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new ValidationException(v.fullKey(), problem);
        }
        String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } catch (ArithmeticException e) {
            throw new ValidationException(v.fullKey(), problem);
        }
    }
}
