package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static lu.entreprinder.persistence.schema.generated.Tables.SKILL;

import java.util.List;
import java.util.Optional;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.entreprinder.internal.NameKeys;
import lu.entreprinder.persistence.entreprinder.internal.Vocabulary;
import lu.entreprinder.persistence.schema.generated.tables.records.IndustryRecord;
import lu.entreprinder.persistence.schema.generated.tables.records.SkillRecord;

/**
 * Industries and skills: unique names compared case-insensitively through {@code name_key} (Unicode NFKC,
 * whitespace collapsed, lower-cased: the V9 migration's rule). The stored name keeps the first caller's spelling,
 * with whitespace collapsed.
 *
 * <p>"One row per normalized name" is this class's rule, not a constraint (V17): the Django app shares these tables
 * and its {@code unique=True} on {@code name} is case-sensitive, so it may store {@code biotech} beside
 * {@code Biotech}; reads then answer the oldest row of the key. Get-or-create is race-safe: a select, and only on a
 * miss a transaction that takes the key's lock (PostgreSQL: a transaction-scoped advisory lock; SQLite: the write
 * lock every library transaction holds), selects again, and inserts. Concurrent callers with the same new name all
 * get the one row, none an error.
 */
public final class TaxonomyDao {

    static final Vocabulary<IndustryRecord> INDUSTRIES =
            new Vocabulary<>(INDUSTRY, INDUSTRY.ID, INDUSTRY.NAME, INDUSTRY.NAME_KEY);
    static final Vocabulary<SkillRecord> SKILLS = new Vocabulary<>(SKILL, SKILL.ID, SKILL.NAME, SKILL.NAME_KEY);

    private final Database db;

    public TaxonomyDao(Database db) {
        this.db = db;
    }

    /**
     * The industry with this name, compared case-insensitively, created when missing. One statement when it exists;
     * when this call creates it, four on PostgreSQL (select, lock, select, insert), three on SQLite.
     *
     * @throws ValidationException ({@code name}) if null, blank or over 100 characters
     */
    public Industry getOrCreateIndustry(String name) {
        Vocabulary.Entry e = getOrCreate(INDUSTRIES, name);
        return new Industry(e.id(), e.name());
    }

    /**
     * The skill with this name, compared case-insensitively, created when missing. Statements as
     * {@link #getOrCreateIndustry}.
     *
     * @throws ValidationException ({@code name}) if null, blank or over 100 characters
     */
    public Skill getOrCreateSkill(String name) {
        Vocabulary.Entry e = getOrCreate(SKILLS, name);
        return new Skill(e.id(), e.name());
    }

    /**
     * The industry with this name, compared case-insensitively. One statement.
     *
     * @throws ValidationException ({@code name}) if null, blank or over 100 characters
     */
    public Optional<Industry> findIndustryByName(String name) {
        return INDUSTRIES.findByKey(db.dsl(), NameKeys.key(NameKeys.displayName(name, "name"), "name"))
                .map(e -> new Industry(e.id(), e.name()));
    }

    /**
     * The skill with this name, compared case-insensitively. One statement.
     *
     * @throws ValidationException ({@code name}) if null, blank or over 100 characters
     */
    public Optional<Skill> findSkillByName(String name) {
        return SKILLS.findByKey(db.dsl(), NameKeys.key(NameKeys.displayName(name, "name"), "name"))
                .map(e -> new Skill(e.id(), e.name()));
    }

    /** Every industry, ordered by normalized name. One statement. Throws nothing but database failures. */
    public List<Industry> listIndustries() {
        return INDUSTRIES.list(db.dsl()).stream().map(e -> new Industry(e.id(), e.name())).toList();
    }

    /** Every skill, ordered by normalized name. One statement. Throws nothing but database failures. */
    public List<Skill> listSkills() {
        return SKILLS.list(db.dsl()).stream().map(e -> new Skill(e.id(), e.name())).toList();
    }

    private Vocabulary.Entry getOrCreate(Vocabulary<?> vocabulary, String rawName) {
        String display = NameKeys.displayName(rawName, "name");
        String key = NameKeys.key(display, "name");
        Optional<Vocabulary.Entry> existing = vocabulary.findByKey(db.dsl(), key);
        if (existing.isPresent()) {
            return existing.get();
        }
        return db.inTransaction(tx -> {
            vocabulary.lockKeys(tx, List.of(key));
            Optional<Vocabulary.Entry> again = vocabulary.findByKey(tx.dsl(), key);
            if (again.isPresent()) {
                return again.get();
            }
            RaceSeam.of(db).pause("taxonomy.before-insert");
            Optional<Long> created = vocabulary.insertIgnoringConflict(tx.dsl(), display, key);
            if (created.isPresent()) {
                return new Vocabulary.Entry(created.get(), display);
            }
            // the exact name exists under another key (a row the Django app wrote, keyed by the database)
            return vocabulary.findByName(tx.dsl(), display).orElseThrow(() -> new ConflictException(
                    "the " + vocabulary.table().getName() + " row named '" + display
                            + "' conflicted on insert but is not visible (concurrently deleted?)", null, null));
        });
    }
}
