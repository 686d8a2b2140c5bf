package lu.entreprinder.persistence.crushlu;

/** The answer of {@link ConnectionService#requestConnection}. */
public sealed interface ConnectionRequestResult {

    /** The request was created, pending the other attendee's answer. */
    record Requested(EventConnection connection) implements ConnectionRequestResult {
    }

    /** The pair already has a connection for this event (in either direction); nothing was written. */
    record AlreadyExists(EventConnection connection) implements ConnectionRequestResult {
    }

    /** The requester did not attend the event (attended, or confirmed for an event that has taken place). */
    record RequesterNotAttendee() implements ConnectionRequestResult {
    }

    /** The other user did not attend the event. */
    record TargetNotAttendee() implements ConnectionRequestResult {
    }
}
