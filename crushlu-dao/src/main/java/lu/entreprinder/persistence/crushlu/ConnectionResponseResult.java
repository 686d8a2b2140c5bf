package lu.entreprinder.persistence.crushlu;

/** The answer of {@link ConnectionService#respond}. */
public sealed interface ConnectionResponseResult {

    /** Accepted: the two are connected since {@code connection.connectedAt()}. */
    record Connected(EventConnection connection) implements ConnectionResponseResult {
    }

    /** Declined. */
    record Declined(EventConnection connection) implements ConnectionResponseResult {
    }

    /** The request was already answered. */
    record NotPending(EventConnection connection) implements ConnectionResponseResult {
    }

    /** No request with this id addressed to this user (it does not exist, or belongs to others). */
    record NotFound() implements ConnectionResponseResult {
    }
}
