/**
 * Matching: likes that become matches exactly once, match lists, candidate discovery and likes received.
 *
 * <ul>
 *   <li>{@link lu.entreprinder.persistence.matching.MatchingService}: the verbs {@code like} and {@code unlike}, each in
 *       its own transaction, serialised per pair by locking both users' rows in id order (see its class comment for why
 *       that gives exactly one match under READ COMMITTED).</li>
 *   <li>{@link lu.entreprinder.persistence.matching.MatchingDao}: the reads, one SQL statement each, keyset pages.</li>
 * </ul>
 * Liking oneself is broken input ({@link lu.entreprinder.persistence.core.ValidationException}, field
 * {@code toUserId}); liking an unknown user is {@link lu.entreprinder.persistence.core.NotFoundException} (entity
 * {@code user}); liking twice is the outcome {@link lu.entreprinder.persistence.matching.LikeResult.AlreadyLiked}.
 * Entrepreneur profiles, industries and skills are read directly from their tables: DAO modules never depend on each
 * other.
 */
package lu.entreprinder.persistence.matching;
