package lu.entreprinder.persistence.crushlu;

import java.util.List;

/**
 * A player's answer, typed by the challenge's format: {@link Text} for riddles, word scrambles, open text and
 * would-you-rather; {@link Choice} for multiple choice (and would-you-rather); {@link Order} for timeline sorts.
 */
public sealed interface JourneyAnswer {

    /** Free text. */
    record Text(String text) implements JourneyAnswer {
    }

    /** One of the challenge's options, as listed in the play projection. */
    record Choice(String option) implements JourneyAnswer {
    }

    /** The challenge's items in the player's order. */
    record Order(List<String> items) implements JourneyAnswer {
        public Order {
            items = items == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
        }
    }
}
