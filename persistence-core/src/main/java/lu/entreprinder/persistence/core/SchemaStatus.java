package lu.entreprinder.persistence.core;

import java.util.List;

/**
 * What {@link Database#status()} found, like Django's {@code showmigrations}.
 *
 * @param applied       library versions recorded as applied (Flyway's history), oldest first
 * @param pending       library versions on the class path not applied yet, oldest first
 * @param djangoTables  true when Django's own tables are present ({@code django_migrations} and {@code auth_user})
 * @param adopted       true when the library's history table exists (created by {@code migrate} or {@code adopt})
 * @param warnings      columns Django added whose default lives only in Python (the library's inserts would fail;
 *                      see {@link Database#addDefaultsForDjangoColumns()}), one line each
 */
public record SchemaStatus(List<String> applied, List<String> pending, boolean djangoTables, boolean adopted,
                           List<String> warnings) {

    public SchemaStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        warnings = List.copyOf(warnings);
    }

    /** A database that Django made and the library has not adopted yet: {@code adopt} is the next step. */
    public boolean unadoptedDjangoDatabase() {
        return djangoTables && !adopted;
    }

    /** Human-readable, one line per fact (what the command-line {@code status} prints). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (unadoptedDjangoDatabase()) {
            text.append("un-adopted Django database: run adopt (adopt --dry-run first)\n");
        } else if (!adopted) {
            text.append("no library history: an empty database, or one that migrate will refuse\n");
        }
        text.append("applied: ").append(applied.isEmpty() ? "none" : String.join(", ", applied)).append('\n');
        text.append("pending: ").append(pending.isEmpty() ? "none" : String.join(", ", pending)).append('\n');
        for (String warning : warnings) {
            text.append(warning).append('\n');
        }
        return text.toString();
    }
}
