package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Step 2 of the safe three-step pattern (V8 adds the nullable {@code name_key}, this fills it,
 * V10 makes it {@code NOT NULL} and unique): sets {@code name_key = normalizeName(name)} on every
 * row of {@code entreprinder_industry} and {@code entreprinder_skill}.
 *
 * <p>Shared by both dialects (Flyway location {@code classpath:db/migration/common}). The key is
 * computed in Java rather than SQL because SQLite's {@code lower()} folds ASCII letters only, and
 * both databases must hold byte-identical keys. DAOs build the keys of new rows with the same
 * {@link #normalizeName(String)}.
 *
 * <p>Fails, naming the rows, when two names of one table normalize to the same key (V10's unique
 * constraint would refuse them) or when a key is longer than the column's 100 characters.
 */
public class V9__entreprinder_populate_name_key extends BaseJavaMigration {

    /** Tables whose {@code name} gets a {@code name_key}; fixed names, never user input. */
    private static final List<String> TABLES = List.of("entreprinder_industry", "entreprinder_skill");

    /** Length of {@code name_key varchar(100)}. */
    static final int NAME_KEY_MAX_LENGTH = 100;

    private static final int BATCH_SIZE = 500;

    /** Any run of whitespace or Unicode separator characters. */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");

    /**
     * The normalization rule of {@code name_key}: Unicode NFKC, whitespace runs (including
     * Unicode separators) collapsed to one space, trimmed, then {@code toLowerCase(Locale.ROOT)}.
     *
     * @param name a name, not null
     * @return the normalized key, possibly empty when {@code name} is blank
     */
    public static String normalizeName(String name) {
        Objects.requireNonNull(name, "name");
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String collapsed = WHITESPACE_RUN.matcher(nfkc).replaceAll(" ").strip();
        return collapsed.toLowerCase(Locale.ROOT);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (String table : TABLES) {
            populate(connection, table);
        }
    }

    private static void populate(Connection connection, String table) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name FROM " + table + " ORDER BY id")) {
            select.setFetchSize(BATCH_SIZE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    rows.add(new Row(rs.getLong(1), name, normalizeName(name)));
                }
            }
        }

        Map<String, Row> byKey = new HashMap<>();
        for (Row row : rows) {
            String key = row.key();
            if (key.length() > NAME_KEY_MAX_LENGTH) {
                throw new IllegalStateException(table + ".name_key of id " + row.id() + " ('" + row.name()
                        + "') is " + key.length() + " characters after normalization; at most "
                        + NAME_KEY_MAX_LENGTH + " fit");
            }
            Row clash = byKey.putIfAbsent(key, row);
            if (clash != null) {
                throw new IllegalStateException(table + " ids " + clash.id() + " ('" + clash.name() + "') and "
                        + row.id() + " ('" + row.name() + "') normalize to the same name_key '" + key
                        + "'; merge or rename them before migrating");
            }
        }

        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET name_key = ? WHERE id = ?")) {
            int pending = 0;
            for (Row row : rows) {
                update.setString(1, row.key());
                update.setLong(2, row.id());
                update.addBatch();
                if (++pending == BATCH_SIZE) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }

    private record Row(long id, String name, String key) {
    }
}
