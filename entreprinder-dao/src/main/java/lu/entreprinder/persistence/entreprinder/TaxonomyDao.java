package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static lu.entreprinder.persistence.schema.generated.Tables.SKILL;

import java.util.List;
import java.util.Optional;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.entreprinder.internal.NameKeys;
import lu.entreprinder.persistence.entreprinder.internal.Vocabulary;
import lu.entreprinder.persistence.schema.generated.tables.records.IndustryRecord;
import lu.entreprinder.persistence.schema.generated.tables.records.SkillRecord;

/**
 * Industries and skills: unique names compared case-insensitively through {@code name_key} (Unicode NFKC,
 * whitespace collapsed, lower-cased: the V9 migration's rule). The stored name keeps the first caller's spelling,
 * with whitespace collapsed.
 *
 * <p>Get-or-create is safe under concurrency without a transaction or lock: a select, and only on a miss
 * {@code INSERT … ON CONFLICT DO NOTHING RETURNING id} followed, when another caller won, by a second select.
 * Concurrent callers with the same new name all get the one row, none an error.
 */
public final class TaxonomyDao {

    static final Vocabulary<IndustryRecord> INDUSTRIES =
            new Vocabulary<>(INDUSTRY, INDUSTRY.ID, INDUSTRY.NAME, INDUSTRY.NAME_KEY);
    static final Vocabulary<SkillRecord> SKILLS = new Vocabulary<>(SKILL, SKILL.ID, SKILL.NAME, SKILL.NAME_KEY);

    private final Database db;

    /** Test hook: runs between the select that missed and the insert (lets a race test hold one caller there). */
    volatile Runnable beforeInsert = () -> { };

    /** Test switch: the unsafe check-then-insert path (plain INSERT), the race tests' negative control. */
    volatile boolean unsafeInsert;

    public TaxonomyDao(Database db) {
        this.db = db;
    }

    /**
     * The industry with this name, compared case-insensitively, created when missing. One statement when it exists,
     * two when this call creates it, three when a concurrent caller created it first.
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
        beforeInsert.run();
        if (unsafeInsert) {
            return new Vocabulary.Entry(vocabulary.insert(db.dsl(), display, key), display);
        }
        Optional<Long> created = vocabulary.insertIgnoringConflict(db.dsl(), display, key);
        if (created.isPresent()) {
            return new Vocabulary.Entry(created.get(), display);
        }
        return vocabulary.findByKey(db.dsl(), key).orElseThrow(() -> new ConflictException(
                "the " + vocabulary.table().getName() + " row with name_key '" + key
                        + "' conflicted on insert but is not visible (concurrently deleted?)", null, null));
    }
}
