package lu.entreprinder.persistence.entreprinder;

/**
 * One profile found by {@link SearchDao#searchProfiles}.
 *
 * @param rank higher is better. PostgreSQL: {@code ts_rank} (weights A=1.0, B=0.4); SQLite: {@code -bm25} (weights
 *             headline 10, bio 1). Scores order results within one database; they are not comparable across
 *             databases.
 */
public record ProfileHit(long profileId, long userId, String headline, double rank) {
}
