package lu.entreprinder.persistence.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A request for one keyset page: a size (default {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE}) and the cursor
 * returned with the previous page (none for the first page).
 */
public record PageRequest(int size, String after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /**
     * @throws ValidationException (field {@code pageSize}) unless {@code 1 <= size <= 100}
     */
    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException("pageSize", "must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }

    /** The first page of {@value #DEFAULT_SIZE} items. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_SIZE, null);
    }

    /** The first page of {@code size} items. */
    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }

    /** The page after the given cursor, same size. */
    public PageRequest next(String cursor) {
        return new PageRequest(size, cursor);
    }

    /** The decoded keyset values of {@link #after()}, or null for the first page. */
    public List<String> afterKeys() {
        return after == null ? null : decode(after);
    }

    /** Encodes keyset values (each {@code toString()}-able and parsed back by the DAO) into an opaque cursor. */
    public static String encode(Object... keys) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                s.append('\u001f');
            }
            s.append(keys[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor made by {@link #encode}.
     *
     * @throws ValidationException (field {@code cursor}) for anything that is not such a cursor
     */
    public static List<String> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return List.of(text.split("\u001f", -1));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "is not a cursor returned by this library");
        }
    }

    /**
     * Builds the page from {@code size + 1} fetched rows: the extra row only says that another page follows.
     */
    public <T> Page<T> toPage(List<T> fetched, Function<T, String> cursorOf) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, size);
        return new Page<>(items, cursorOf.apply(items.get(size - 1)));
    }

    /**
     * Parses one decoded key, refusing a malformed cursor with a typed error.
     *
     * @throws ValidationException (field {@code cursor}) if the key count or a value is wrong
     */
    public <T> T key(int index, int expectedKeys, Function<String, T> parser) {
        List<String> keys = afterKeys();
        if (keys == null || keys.size() != expectedKeys) {
            throw new ValidationException("cursor", "is not a cursor of this listing");
        }
        try {
            return parser.apply(keys.get(index));
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "is not a cursor of this listing");
        }
    }
}
