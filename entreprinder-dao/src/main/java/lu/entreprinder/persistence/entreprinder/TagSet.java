package lu.entreprinder.persistence.entreprinder;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A set of industries or skills given by id (must exist) and/or by name (found or created, case-insensitively via
 * {@code name_key}). The empty set clears.
 *
 * @param ids   existing ids
 * @param names names, each 1..100 characters after whitespace is collapsed
 */
public record TagSet(Set<Long> ids, Set<String> names) {

    /** At most this many ids plus names in one set. */
    public static final int MAX_SIZE = 100;

    public TagSet {
        ids = ids == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        names = names == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** The empty set. */
    public static TagSet none() {
        return new TagSet(Set.of(), Set.of());
    }

    /** A set by ids. */
    public static TagSet ofIds(Long... ids) {
        return new TagSet(new LinkedHashSet<>(Arrays.asList(ids)), Set.of());
    }

    /** A set by ids. */
    public static TagSet ofIds(Collection<Long> ids) {
        return new TagSet(new LinkedHashSet<>(ids), Set.of());
    }

    /** A set by names. */
    public static TagSet ofNames(String... names) {
        return new TagSet(Set.of(), new LinkedHashSet<>(Arrays.asList(names)));
    }

    /** A set by names. */
    public static TagSet ofNames(Collection<String> names) {
        return new TagSet(Set.of(), new LinkedHashSet<>(names));
    }
}
