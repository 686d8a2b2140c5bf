package lu.entreprinder.persistence.codegen;

import java.util.Map;
import java.util.TreeMap;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Writes the generated part of {@code docs/DATABASE.md} (between the markers) from a freshly migrated PostgreSQL:
 * models with their columns, relationships, constraints and indexes, exactly as the database applied them.
 *
 * <p>{@link Codegen} writes it together with the jOOQ classes.
 */
public final class SchemaDocument {

    static final String START = "<!-- generated from the migrated PostgreSQL schema: do not edit by hand -->";
    static final String END = "<!-- end of generated part -->";

    private static final Map<String, String> APPS = Map.of(
            "auth_", "auth", "entreprinder_", "entreprinder", "matching_", "matching",
            "vinsdelux_", "vinsdelux", "crush_lu_", "crush_lu");

    private SchemaDocument() {
    }

    /** The generated part for a fresh database migrated to the latest version. */
    static String generate() {
        try (Database db = Database.open(DatabaseConfig.builder(Codegen.migratedDatabase()).maximumPoolSize(1).build())) {
            return render(db.dsl());
        }
    }

    /** Replaces what stands between the markers. */
    static String merge(String document, String generated) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("DATABASE.md lacks the markers " + START + " … " + END);
        }
        return document.substring(0, start) + START + "\n\n" + generated + "\n" + document.substring(end);
    }

    static String generated(String document) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        return start < 0 || end < start ? "" : document.substring(start + START.length(), end).strip();
    }

    static String render(DSLContext pg) {
        StringBuilder md = new StringBuilder();
        Map<String, StringBuilder> models = new TreeMap<>();
        for (Record r : pg.resultQuery("""
                select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       coalesce(pg_get_expr(d.adbin, d.adrelid), ''), a.attidentity <> ''
                from pg_attribute a join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
                  and c.relname <> 'flyway_schema_history'
                order by c.relname, a.attnum""").fetch()) {
            StringBuilder columns = models.computeIfAbsent(r.get(0, String.class), k -> new StringBuilder());
            String def = r.get(4, String.class);
            columns.append(columns.isEmpty() ? "" : ", ").append('`').append(r.get(1, String.class)).append("` ")
                    .append(r.get(2, String.class))
                    .append(r.get(5, Boolean.class) ? " identity" : "")
                    .append(r.get(3, Boolean.class) ? "" : " null")
                    .append(def.isEmpty() ? "" : " = " + def.replace("|", "\\|"));
        }
        md.append("### Models (").append(models.size()).append(" tables)\n\n| table | app | columns |\n|---|---|---|\n");
        models.forEach((table, columns) -> md.append("| `").append(table).append("` | ").append(app(table)).append(" | ")
                .append(columns).append(" |\n"));

        md.append("\n### Relationships\n\n| table | column(s) | references | on delete |\n|---|---|---|---|\n");
        for (Record r : pg.resultQuery("""
                select c.relname, k.conname, pg_get_constraintdef(k.oid), f.relname
                from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class f on f.oid = k.confrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and k.contype = 'f' order by 1, 2""").fetch()) {
            String def = r.get(2, String.class);
            String columns = def.substring(def.indexOf('(') + 1, def.indexOf(')'));
            String action = def.contains("ON DELETE CASCADE") ? "CASCADE" : def.contains("ON DELETE SET NULL") ? "SET NULL" : "NO ACTION";
            md.append("| `").append(r.get(0, String.class)).append("` | ").append(columns).append(" | `")
                    .append(r.get(3, String.class)).append("` | ").append(action).append(" |\n");
        }

        md.append("\n### Constraints\n\n| table | name | definition |\n|---|---|---|\n");
        for (Record r : pg.resultQuery("""
                select c.relname, k.conname, pg_get_constraintdef(k.oid)
                from pg_constraint k join pg_class c on c.oid = k.conrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and k.contype in ('p', 'u', 'c')
                  and c.relname <> 'flyway_schema_history' order by 1, 2""").fetch()) {
            md.append("| `").append(r.get(0, String.class)).append("` | `").append(r.get(1, String.class)).append("` | ")
                    .append(r.get(2, String.class).replace("|", "\\|")).append(" |\n");
        }

        md.append("\n### Indexes (beyond primary keys and unique constraints)\n\n| table | name | definition |\n|---|---|---|\n");
        for (Record r : pg.resultQuery("""
                select c.relname, i.relname, pg_get_indexdef(x.indexrelid)
                from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relname <> 'flyway_schema_history'
                  and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
                order by 1, 2""").fetch()) {
            String def = r.get(2, String.class);
            md.append("| `").append(r.get(0, String.class)).append("` | `").append(r.get(1, String.class)).append("` | ")
                    .append(def.substring(def.indexOf(" USING ") + 1).replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static String app(String table) {
        return APPS.entrySet().stream().filter(e -> table.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("?");
    }
}
