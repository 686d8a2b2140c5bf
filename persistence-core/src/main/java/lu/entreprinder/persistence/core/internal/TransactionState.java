package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** One level of a thread's transaction: the outermost owns the connection, nested levels are savepoints. */
public final class TransactionState {

    private final Connection connection;
    private final TransactionState parent;
    private final int depth;
    private final List<Runnable> afterCommit = new ArrayList<>();

    public TransactionState(Connection connection, TransactionState parent) {
        this.connection = connection;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    public Connection connection() {
        return connection;
    }

    public TransactionState parent() {
        return parent;
    }

    public int depth() {
        return depth;
    }

    public void addAfterCommit(Runnable hook) {
        afterCommit.add(hook);
    }

    /** A released savepoint hands its hooks to the enclosing level; they run when the outermost commits. */
    public void handHooksToParent() {
        parent.afterCommit.addAll(afterCommit);
        afterCommit.clear();
    }

    public List<Runnable> afterCommitHooks() {
        return afterCommit;
    }
}
