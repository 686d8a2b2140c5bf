package lu.entreprinder.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lu.entreprinder.persistence.core.ValidationException;

/** Assertions on bad input: the call is refused with a {@link ValidationException} naming the field. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Runs a call that must refuse its input.
     *
     * @param call the call with the bad input
     * @param field the field the {@link ValidationException} must name
     * @throws AssertionError when the call returns, throws something else, or names another field
     */
    public static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }
}
