package lu.entreprinder.persistence.crushlu;

/**
 * Told about each review after its transaction committed (never after a rollback), e.g. to send the e-mail. A
 * listener that throws is logged; the review stays committed.
 */
@FunctionalInterface
public interface CoachReviewListener {

    /** Called once per committed review, on the reviewing thread, outside the transaction. */
    void onReviewed(CoachReviewNotice notice);

    /** A listener that ignores every notice. */
    static CoachReviewListener none() {
        return notice -> { };
    }
}
