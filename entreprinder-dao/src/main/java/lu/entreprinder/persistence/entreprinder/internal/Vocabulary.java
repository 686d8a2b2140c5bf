package lu.entreprinder.persistence.entreprinder.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The statements over one name table ({@code entreprinder_industry} or {@code entreprinder_skill}): id, name and
 * the unique {@code name_key}.
 */
public final class Vocabulary<R extends Record> {

    /** One row. */
    public record Entry(long id, String name) {
    }

    private final Table<R> table;
    private final TableField<R, Long> id;
    private final TableField<R, String> name;
    private final TableField<R, String> key;

    public Vocabulary(Table<R> table, TableField<R, Long> id, TableField<R, String> name, TableField<R, String> key) {
        this.table = table;
        this.id = id;
        this.name = name;
        this.key = key;
    }

    public Table<R> table() {
        return table;
    }

    public TableField<R, Long> id() {
        return id;
    }

    public TableField<R, String> name() {
        return name;
    }

    /** The row with this key. One statement. */
    public Optional<Entry> findByKey(DSLContext dsl, String nameKey) {
        return dsl.select(id, name).from(table).where(key.eq(nameKey)).fetchOptional(r -> new Entry(r.value1(),
                r.value2()));
    }

    /**
     * {@code INSERT … ON CONFLICT DO NOTHING RETURNING id}: the new id, or empty when any unique key (the
     * {@code name_key}, or the {@code name} itself) already holds the value. No conflict target on purpose: with
     * {@code ON CONFLICT (name_key)}, PostgreSQL would still raise on {@code entreprinder_*_name_key (name)} when two
     * transactions insert the very same name at the same moment (a non-arbiter unique index is checked normally).
     */
    public Optional<Long> insertIgnoringConflict(DSLContext dsl, String displayName, String nameKey) {
        var insert = dsl.insertInto(table, name, key).values(displayName, nameKey).onConflictDoNothing();
        if (dsl.dialect().family() == SQLDialect.SQLITE) {
            // jOOQ emulates RETURNING on SQLite with a second statement reading last_insert_rowid(), which is
            // stale when the insert did nothing; SQLite 3.35+ has RETURNING itself.
            return dsl.resultQuery("{0} returning {1}", insert, DSL.unquotedName(id.getName()))
                    .fetchOptional(0, Long.class);
        }
        return insert.returning(id).fetchOptional(id);
    }

    /** A plain insert (raises {@code ConflictException} on a duplicate); the unsafe path of the race tests. */
    public long insert(DSLContext dsl, String displayName, String nameKey) {
        return dsl.insertInto(table, name, key).values(displayName, nameKey).returning(id).fetchOne(id);
    }

    /**
     * Finds or creates every name; returns id by key. Two statements whatever the count: one multi-row insert that
     * ignores conflicts (rows in key order, so concurrent callers take the same locks in the same order and
     * cannot deadlock), then one select.
     *
     * @param byKey display name by name_key
     */
    public Map<String, Long> resolve(DSLContext dsl, Map<String, String> byKey) {
        if (byKey.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> sorted = new TreeMap<>(byKey);
        InsertValuesStep2<R, String, String> insert = dsl.insertInto(table, name, key);
        sorted.forEach((k, display) -> insert.values(display, k));
        insert.onConflictDoNothing().execute();
        Map<String, Long> ids = new HashMap<>();
        dsl.select(key, id).from(table).where(key.in(sorted.keySet()))
                .forEach(r -> ids.put(r.value1(), r.value2()));
        return ids;
    }

    /** How many of these ids exist. One statement. */
    public int countExisting(DSLContext dsl, Set<Long> ids) {
        return ids.isEmpty() ? 0 : dsl.fetchCount(table, id.in(ids));
    }

    /** Every row, by name_key. One statement. */
    public List<Entry> list(DSLContext dsl) {
        return dsl.select(id, name).from(table).orderBy(key, id).fetch(r -> new Entry(r.value1(), r.value2()));
    }

    /** Ids of the given set that do not exist, for error messages. */
    public Collection<Long> missing(DSLContext dsl, Set<Long> ids) {
        Set<Long> found = Set.copyOf(dsl.select(id).from(table).where(id.in(ids)).fetch(id));
        return ids.stream().filter(i -> !found.contains(i)).sorted().toList();
    }
}
