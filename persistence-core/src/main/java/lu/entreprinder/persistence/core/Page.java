package lu.entreprinder.persistence.core;

import java.util.List;
import java.util.Optional;

/**
 * One keyset page: the items and, when more follow, the opaque cursor that fetches the next page.
 *
 * @param items      the page's items, in order (never null)
 * @param nextCursor the cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** The cursor of the next page, empty on the last page. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }
}
