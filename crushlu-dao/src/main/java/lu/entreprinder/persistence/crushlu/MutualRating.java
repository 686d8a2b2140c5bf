package lu.entreprinder.persistence.crushlu;

/**
 * Two attendees who rated each other's presentation highly in one session.
 *
 * @param userA      the lower user id of the pair
 * @param userB      the higher user id of the pair
 * @param scoreAtoB  the score {@code userA} gave {@code userB}
 * @param scoreBtoA  the score {@code userB} gave {@code userA}
 */
public record MutualRating(long userA, long userB, int scoreAtoB, int scoreBtoA) {
}
