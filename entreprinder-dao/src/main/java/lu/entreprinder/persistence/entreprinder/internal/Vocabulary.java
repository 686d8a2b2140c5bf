package lu.entreprinder.persistence.entreprinder.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import lu.entreprinder.persistence.core.Transaction;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The statements over one name table ({@code entreprinder_industry} or {@code entreprinder_skill}): id, name and
 * {@code name_key}. "One row per key" is the library's rule, not a constraint (V17: Django's {@code unique=True} on
 * {@code name} is case-sensitive and the Django app shares the table), so writers take {@link #lockKeys} first, and
 * readers take the oldest row when another writer left two rows with one key.
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

    /** The row with this key (the oldest, if another writer left several). One statement. */
    public Optional<Entry> findByKey(DSLContext dsl, String nameKey) {
        return dsl.select(id, name).from(table).where(key.eq(nameKey)).orderBy(id).limit(1)
                .fetchOptional(r -> new Entry(r.value1(), r.value2()));
    }

    /** The row with exactly this name (Django's unique {@code name}). One statement. */
    public Optional<Entry> findByName(DSLContext dsl, String displayName) {
        return dsl.select(id, name).from(table).where(name.eq(displayName))
                .fetchOptional(r -> new Entry(r.value1(), r.value2()));
    }

    /**
     * Inside a transaction: takes the write lock of these keys until the transaction ends, in key order (so two
     * writers of overlapping sets cannot deadlock). PostgreSQL: transaction-scoped advisory locks on
     * {@code <table>.name_key:<key>}, one statement; SQLite: nothing to do, every library transaction already holds
     * the database's write lock ({@code BEGIN IMMEDIATE}).
     */
    public void lockKeys(Transaction tx, Collection<String> keys) {
        tx.lockKeys(table.getName() + ".name_key:", keys);
    }

    /**
     * {@code INSERT … ON CONFLICT DO NOTHING RETURNING id}: the new id, or empty when the exact {@code name} exists
     * already (Django's unique key; e.g. a row the Django app wrote whose database-made key differs from the
     * library's). Call it under {@link #lockKeys}.
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

    /**
     * Inside a transaction: finds or creates every name; returns id by key (the oldest row of a key). Under the
     * keys' locks ({@link #lockKeys}, taken in key order so concurrent callers cannot deadlock): one select, and
     * only when names are missing one multi-row insert (ignoring exact-name conflicts) and a second select. Two to
     * four statements whatever the count.
     *
     * @param byKey display name by name_key
     */
    public Map<String, Long> resolve(Transaction tx, Map<String, String> byKey) {
        if (byKey.isEmpty()) {
            return Map.of();
        }
        DSLContext dsl = tx.dsl();
        TreeMap<String, String> sorted = new TreeMap<>(byKey);
        lockKeys(tx, sorted.keySet());
        Map<String, Long> ids = idsByKey(dsl, sorted.keySet());
        if (ids.size() < sorted.size()) {
            InsertValuesStep2<R, String, String> insert = dsl.insertInto(table, name, key);
            sorted.forEach((k, display) -> {
                if (!ids.containsKey(k)) {
                    insert.values(display, k);
                }
            });
            insert.onConflictDoNothing().execute();
            ids.putAll(idsByKey(dsl, sorted.keySet()));
            // an exact name that exists under another key (a row the Django app wrote, keyed by the database)
            sorted.forEach((k, display) -> {
                if (!ids.containsKey(k)) {
                    findByName(dsl, display).ifPresent(e -> ids.put(k, e.id()));
                }
            });
        }
        return ids;
    }

    private Map<String, Long> idsByKey(DSLContext dsl, Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        dsl.select(key, id).from(table).where(key.in(keys)).orderBy(id.desc())
                .forEach(r -> ids.put(r.value1(), r.value2())); // descending: the oldest row of a key is put last
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
