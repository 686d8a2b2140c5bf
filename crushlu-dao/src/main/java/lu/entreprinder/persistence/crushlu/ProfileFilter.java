package lu.entreprinder.persistence.crushlu;

import java.util.Set;

/**
 * Criteria of {@link ProfileDao#listPublicProfiles}; every criterion is optional (null or empty: no restriction).
 *
 * @param allInterests profiles having every one of these interests
 * @param anyInterests profiles having at least one of these interests
 * @param minAge       youngest age (inclusive, from 18)
 * @param maxAge       oldest age (inclusive)
 * @param location     exact location, ignoring case
 */
public record ProfileFilter(Set<String> allInterests, Set<String> anyInterests, Integer minAge, Integer maxAge,
                            String location) {

    public ProfileFilter {
        allInterests = allInterests == null ? Set.of() : Set.copyOf(allInterests);
        anyInterests = anyInterests == null ? Set.of() : Set.copyOf(anyInterests);
    }

    /** No restriction. */
    public static ProfileFilter any() {
        return new ProfileFilter(Set.of(), Set.of(), null, null, null);
    }

    public ProfileFilter withAllInterests(String... interests) {
        return new ProfileFilter(Set.of(interests), anyInterests, minAge, maxAge, location);
    }

    public ProfileFilter withAnyInterests(String... interests) {
        return new ProfileFilter(allInterests, Set.of(interests), minAge, maxAge, location);
    }

    public ProfileFilter withAge(Integer min, Integer max) {
        return new ProfileFilter(allInterests, anyInterests, min, max, location);
    }

    public ProfileFilter withLocation(String value) {
        return new ProfileFilter(allInterests, anyInterests, minAge, maxAge, value);
    }
}
