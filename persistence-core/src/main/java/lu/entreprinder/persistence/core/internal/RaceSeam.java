package lu.entreprinder.persistence.core.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one seam race tests use, one per {@code Database} (so tests sharing a JVM never see each other's settings).
 * Not for production code; reached only through {@link #of(Object)}.
 *
 * <ul>
 *   <li>{@link #locks(boolean) locks(false)} turns every lock the library takes through
 *       {@link lu.entreprinder.persistence.core.Transaction} ({@code forUpdate}, {@code forNoKeyUpdate},
 *       {@code forUpdateSkipLocked}, {@code lockKeys}) into a plain read (the advisory key locks into nothing) and
 *       changes nothing else: the negative control of a race test runs the real code path without its lock. On
 *       SQLite the lock that matters is the transaction's own write lock ({@code BEGIN IMMEDIATE}), which stays.</li>
 *   <li>{@link #pause(String)} is a named point in a DAO between its check and its write (for example
 *       {@code "registration.before-write"}); {@link #onPause} hooks code there, typically to hold one transaction
 *       until the others have reached the same point.</li>
 * </ul>
 */
public final class RaceSeam {

    private static volatile Function<Object, RaceSeam> access;

    private volatile boolean locks = true;
    private final Map<String, Runnable> hooks = new ConcurrentHashMap<>();

    /** Called once by {@code Database}'s class initializer; the accessor reads the database's own seam. */
    public static void install(Function<Object, RaceSeam> accessor) {
        if (access != null) {
            throw new IllegalStateException("the race seam accessor is installed already");
        }
        access = Objects.requireNonNull(accessor, "accessor");
    }

    /** The seam of this {@code Database} (typed {@code Object} so that internal code never points back at the API). */
    public static RaceSeam of(Object db) {
        return access.apply(Objects.requireNonNull(db, "db"));
    }

    /** True (the default) while the library's locks are taken. */
    public boolean locks() {
        return locks;
    }

    /** Takes the library's locks ({@code true}, the default) or reads without them ({@code false}). */
    public RaceSeam locks(boolean on) {
        this.locks = on;
        return this;
    }

    /** Runs {@code hook} whenever any thread reaches the pause point {@code point}; replaces an earlier hook. */
    public RaceSeam onPause(String point, Runnable hook) {
        hooks.put(Objects.requireNonNull(point, "point"), Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /** Removes every hook and takes the locks again. */
    public void reset() {
        hooks.clear();
        locks = true;
    }

    /** The pause point {@code point}: runs its hook, if a test set one; nothing otherwise. */
    public void pause(String point) {
        Runnable hook = hooks.get(point);
        if (hook != null) {
            hook.run();
        }
    }
}
