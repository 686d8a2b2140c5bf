package lu.entreprinder.persistence.crushlu;

/**
 * Told about registration changes after their transaction commits (never after a rollback), outside it: a good
 * place to send e-mails. A listener that throws is logged; the data stays committed.
 */
@FunctionalInterface
public interface RegistrationListener {

    /** A listener that does nothing. */
    RegistrationListener NONE = promotion -> { };

    /** A waitlisted registration was promoted to confirmed. */
    void onPromoted(RegistrationPromotion promotion);
}
