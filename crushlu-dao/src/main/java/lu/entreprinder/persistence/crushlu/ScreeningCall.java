package lu.entreprinder.persistence.crushlu;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The coach's screening call with a profile's owner, recorded on the submission
 * ({@code screening_call_completed}, {@code screening_call_date}, {@code screening_call_notes}); a submission is
 * approved only once its call is recorded.
 *
 * @param date  the day of the call (in the library's zone), never after the day it was recorded
 * @param notes the coach's notes of the call (internal, possibly empty)
 */
public record ScreeningCall(LocalDate date, String notes) {

    public ScreeningCall {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(notes, "notes");
    }
}
