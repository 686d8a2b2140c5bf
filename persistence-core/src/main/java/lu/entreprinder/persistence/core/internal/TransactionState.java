package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * One level of a transaction: the outermost level owns the connection, nested levels are savepoints on it. A level
 * is poisoned when a statement fails while it is the innermost open level; a poisoned level can only roll back.
 * Levels are used by the thread that runs the transaction's lambda (and by whatever that thread hands its
 * {@code Transaction} to while it waits), so the mutable fields are guarded by the level's connection holder.
 */
public final class TransactionState {

    /** The physical transaction shared by all levels: its connection and its innermost open level. */
    static final class Root {
        final Connection connection;
        TransactionState innermost;
        volatile boolean finished;

        Root(Connection connection) {
            this.connection = connection;
        }
    }

    private final Root root;
    private final TransactionState parent;
    private final int depth;
    private final Object savepoint;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private RuntimeException poison;
    private boolean ended;

    private TransactionState(Root root, TransactionState parent, Object savepoint) {
        this.root = root;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.savepoint = savepoint;
    }

    static TransactionState outermost(Connection connection) {
        Root root = new Root(connection);
        TransactionState state = new TransactionState(root, null, null);
        root.innermost = state;
        return state;
    }

    /** Opens a savepoint level inside this one; it becomes the innermost level. */
    TransactionState nested(Object savepoint) {
        TransactionState child = new TransactionState(root, this, savepoint);
        synchronized (root) {
            root.innermost = child;
        }
        return child;
    }

    public Connection connection() {
        return root.connection;
    }

    public TransactionState parent() {
        return parent;
    }

    public int depth() {
        return depth;
    }

    Object savepoint() {
        return savepoint;
    }

    /** The failure that poisoned the innermost open level of this transaction, or null when it is usable. */
    public RuntimeException poisonOfInnermost() {
        synchronized (root) {
            return root.innermost == null ? null : root.innermost.poison;
        }
    }

    /** Marks the innermost open level poisoned by {@code failure} (the first failure wins). */
    public void poisonInnermost(RuntimeException failure) {
        synchronized (root) {
            TransactionState level = root.innermost;
            if (level != null && level.poison == null) {
                level.poison = failure;
            }
        }
    }

    RuntimeException poison() {
        synchronized (root) {
            return poison;
        }
    }

    void poison(RuntimeException failure) {
        synchronized (root) {
            if (poison == null) {
                poison = failure;
            }
        }
    }

    /** True once this level's lambda has returned or thrown: its handle may no longer be used. */
    public boolean ended() {
        synchronized (root) {
            return ended;
        }
    }

    /** Ends this level; its parent (if any) becomes the innermost open level again. */
    void end() {
        synchronized (root) {
            ended = true;
            root.innermost = parent;
            if (parent == null) {
                root.finished = true;
            }
        }
    }

    /** True once the outermost level has ended: the connection is no longer this transaction's. */
    public boolean transactionFinished() {
        return root.finished;
    }

    /**
     * Registers a hook to run after the outermost commit.
     *
     * @throws IllegalStateException if this level has ended
     */
    public void addAfterCommit(Runnable hook) {
        synchronized (root) {
            if (ended) {
                throw new IllegalStateException("this transaction has ended: register after-commit hooks inside its lambda");
            }
            afterCommit.add(hook);
        }
    }

    /** A released savepoint hands its hooks to the enclosing level; they run when the outermost commits. */
    void handHooksToParent() {
        synchronized (root) {
            parent.afterCommit.addAll(afterCommit);
            afterCommit.clear();
        }
    }

    List<Runnable> afterCommitHooks() {
        synchronized (root) {
            return List.copyOf(afterCommit);
        }
    }
}
