package lu.entreprinder.persistence.crushlu;

/** The answer of {@link ConnectionService#getContactDetails}. */
public sealed interface ContactDetailsResult {

    /** Both consented and the coach approved: the other person's details. */
    record Shared(ContactDetails details) implements ContactDetailsResult {
    }

    /**
     * Not shared yet: the connection is not accepted ({@code connected} is false) or its sharing has not reached
     * {@code shared}.
     */
    record NotSharedYet(boolean connected, ContactSharingStatus sharingStatus) implements ContactDetailsResult {
    }

    /** No connection with this id that the user is part of (it does not exist, or belongs to others). */
    record NotFound() implements ContactDetailsResult {
    }
}
