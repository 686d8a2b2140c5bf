package lu.entreprinder.persistence.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import lu.entreprinder.persistence.core.Database;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * What the parity test compares, read from each database's own catalog: per table, its columns (with the type
 * expressed in SQLite's declared form and nullability), primary key, foreign keys (with ON DELETE) and unique
 * column sets (constraints and unique indexes on plain columns).
 */
record SchemaSnapshot(Map<String, Table> tables) {

    record Table(Map<String, String> columns, List<String> primaryKey, TreeSet<String> foreignKeys,
                 TreeSet<String> uniques) {
    }

    static SchemaSnapshot of(Database db) {
        return db.isPostgres() ? postgres(db.dsl()) : sqlite(db.dsl());
    }

    /** PostgreSQL's type as the SQLite migrations are expected to declare it. */
    static String sqliteFormOf(String pgType) {
        String t = pgType.toLowerCase(Locale.ROOT);
        if (t.equals("integer") || t.equals("bigint")) {
            return "INTEGER";
        }
        if (t.startsWith("character varying")) {
            return "VARCHAR" + t.substring("character varying".length());
        }
        if (t.startsWith("numeric")) {
            return "NUMERIC" + t.substring("numeric".length()).replace(" ", "");
        }
        return switch (t) {
            case "text", "timestamp with time zone", "date", "jsonb" -> "TEXT";
            case "boolean" -> "BOOLEAN";
            default -> "UNMAPPED " + pgType;
        };
    }

    private static SchemaSnapshot postgres(DSLContext dsl) {
        Map<String, Table> tables = new TreeMap<>();
        for (Record r : dsl.resultQuery("""
                select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
                from pg_attribute a join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
                  and c.relname <> 'flyway_schema_history'
                order by c.relname, a.attnum""").fetch()) {
            table(tables, r.get(0, String.class)).columns()
                    .put(r.get(1, String.class), sqliteFormOf(r.get(2, String.class)) + (r.get(3, Boolean.class) ? " NOT NULL" : " NULL"));
        }
        for (Record r : dsl.resultQuery("""
                select c.relname, k.contype,
                       (select string_agg(a.attname, ',' order by u.ord) from unnest(k.conkey) with ordinality u(num, ord)
                          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num),
                       f.relname,
                       (select string_agg(a.attname, ',' order by u.ord) from unnest(k.confkey) with ordinality u(num, ord)
                          join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num),
                       k.confdeltype
                from pg_constraint k join pg_class c on c.oid = k.conrelid
                join pg_namespace n on n.oid = c.relnamespace
                left join pg_class f on f.oid = k.confrelid
                where n.nspname = current_schema() and k.contype in ('p', 'u', 'f')
                  and c.relname <> 'flyway_schema_history'""").fetch()) {
            Table t = table(tables, r.get(0, String.class));
            String columns = r.get(2, String.class);
            switch (r.get(1, String.class)) {
                case "p" -> t.primaryKey().addAll(List.of(columns.split(",")));
                case "u" -> t.uniques().add(columns);
                default -> t.foreignKeys().add(columns + " -> " + r.get(3, String.class) + "(" + r.get(4, String.class)
                        + ") on delete " + switch (r.get(5, String.class)) {
                            case "c" -> "CASCADE";
                            case "n" -> "SET NULL";
                            case "r" -> "RESTRICT";
                            default -> "NO ACTION";
                        });
            }
        }
        // unique indexes over plain columns that are not constraints
        for (Record r : dsl.resultQuery("""
                select c.relname,
                       (select string_agg(a.attname, ',' order by u.ord) from unnest(i.indkey::int2[]) with ordinality u(num, ord)
                          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = u.num)
                from pg_index i join pg_class c on c.oid = i.indrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and i.indisunique and not i.indisprimary
                  and i.indexprs is null and i.indpred is null and c.relname <> 'flyway_schema_history'""").fetch()) {
            table(tables, r.get(0, String.class)).uniques().add(r.get(1, String.class));
        }
        return new SchemaSnapshot(tables);
    }

    private static SchemaSnapshot sqlite(DSLContext dsl) {
        Map<String, Table> tables = new TreeMap<>();
        List<String> names = dsl.resultQuery("""
                select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
                  and name <> 'flyway_schema_history' and sql not like 'CREATE VIRTUAL%' and name not like '%_fts_%'
                order by name""").fetch(0, String.class);
        for (String name : names) {
            Table t = table(tables, name);
            List<String[]> pk = new ArrayList<>();
            for (Record r : dsl.resultQuery("select name, type, \"notnull\", pk from pragma_table_info(?) order by cid", name).fetch()) {
                String type = r.get(1, String.class).toUpperCase(Locale.ROOT).replace(" ", "");
                t.columns().put(r.get(0, String.class), type + (r.get(2, Integer.class) == 1 ? " NOT NULL" : " NULL"));
                if (r.get(3, Integer.class) > 0) {
                    pk.add(new String[] {String.valueOf(r.get(3, Integer.class)), r.get(0, String.class)});
                }
            }
            pk.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
            pk.forEach(p -> t.primaryKey().add(p[1]));
            Map<Integer, List<Record>> fks = new TreeMap<>();
            for (Record r : dsl.resultQuery("select id, seq, \"table\", \"from\", \"to\", on_delete from pragma_foreign_key_list(?)", name).fetch()) {
                fks.computeIfAbsent(r.get(0, Integer.class), k -> new ArrayList<>()).add(r);
            }
            for (List<Record> fk : fks.values()) {
                fk.sort((a, b) -> Integer.compare(a.get(1, Integer.class), b.get(1, Integer.class)));
                String from = String.join(",", fk.stream().map(r -> r.get(3, String.class)).toList());
                String to = String.join(",", fk.stream().map(r -> r.get(4, String.class)).toList());
                t.foreignKeys().add(from + " -> " + fk.get(0).get(2, String.class) + "(" + to + ") on delete "
                        + fk.get(0).get(5, String.class));
            }
            for (Record index : dsl.resultQuery("select name, \"unique\", origin, partial from pragma_index_list(?)", name).fetch()) {
                if (index.get(1, Integer.class) != 1 || "pk".equals(index.get(2, String.class)) || index.get(3, Integer.class) == 1) {
                    continue;
                }
                List<Record> cols = dsl.resultQuery("select seqno, cid, name from pragma_index_info(?) order by seqno",
                        index.get(0, String.class)).fetch();
                if (cols.stream().anyMatch(c -> c.get(1, Integer.class) < 0)) {
                    continue; // expression index
                }
                t.uniques().add(String.join(",", cols.stream().map(c -> c.get(2, String.class)).toList()));
            }
        }
        return new SchemaSnapshot(tables);
    }

    private static Table table(Map<String, Table> tables, String name) {
        return tables.computeIfAbsent(name, n -> new Table(new java.util.LinkedHashMap<>(), new ArrayList<>(),
                new TreeSet<>(), new TreeSet<>()));
    }
}
