package lu.entreprinder.persistence.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A replica connection for one read. When the replica fails the statement because it is gone (connection errors,
 * shutdown) or cancels it for a recovery conflict (SQLState 40001, "conflict with recovery"), the statement is
 * prepared again on a primary connection, its recorded settings and parameters replayed, and run there: the caller
 * gets the primary's result, never the replica's error.
 */
final class FallbackConnection implements InvocationHandler {

    private final Connection replicaConnection;
    private final ReplicaRouter.Replica replica;
    private final ReplicaRouter router;
    private final DataSource primaryPool;
    private Connection primaryConnection;

    private FallbackConnection(Connection replicaConnection, ReplicaRouter.Replica replica, ReplicaRouter router,
                               DataSource primaryPool) {
        this.replicaConnection = replicaConnection;
        this.replica = replica;
        this.router = router;
        this.primaryPool = primaryPool;
    }

    static Connection wrap(Connection replicaConnection, ReplicaRouter.Replica replica, ReplicaRouter router,
                           DataSource primaryPool) {
        return (Connection) Proxy.newProxyInstance(FallbackConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new FallbackConnection(replicaConnection, replica, router, primaryPool));
    }

    static boolean isWrapper(Connection connection) {
        return Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof FallbackConnection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("close")) {
            close();
            return null;
        }
        if (name.equals("equals")) {
            return proxy == args[0];
        }
        if (name.equals("hashCode")) {
            return System.identityHashCode(proxy);
        }
        if (name.equals("toString")) {
            return "replica connection " + replicaConnection;
        }
        Object result = call(replicaConnection, method, args);
        if ((name.equals("prepareStatement") || name.equals("createStatement")) && result instanceof Statement s) {
            Class<?> type = result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return Proxy.newProxyInstance(FallbackConnection.class.getClassLoader(), new Class<?>[] {type},
                    new FallbackStatement((Connection) proxy, s, method, args));
        }
        return result;
    }

    private void close() throws SQLException {
        try {
            replicaConnection.close();
        } finally {
            if (primaryConnection != null) {
                primaryConnection.close();
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** What a failed replica read means, or null when it is the caller's own error (that one is thrown). */
    static ReplicaRouter.Reason fallbackReason(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return null;
        }
        if (state.equals("40001") && e.getMessage() != null && e.getMessage().contains("conflict with recovery")) {
            return ReplicaRouter.Reason.RECOVERY_CONFLICT;
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return ReplicaRouter.Reason.REPLICA_DOWN;
        }
        return null;
    }

    /** One statement: its preparation and settings are recorded so that it can be rebuilt on the primary. */
    private final class FallbackStatement implements InvocationHandler {
        private final Connection owner;
        private final Method creator;
        private final Object[] creatorArgs;
        private final List<Object[]> recorded = new ArrayList<>();
        private final List<Method> recordedMethods = new ArrayList<>();
        private Statement target;
        private Statement abandoned;

        FallbackStatement(Connection owner, Statement target, Method creator, Object[] creatorArgs) {
            this.owner = owner;
            this.target = target;
            this.creator = creator;
            this.creatorArgs = creatorArgs;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "getConnection" -> {
                    return owner;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "close" -> {
                    try {
                        target.close();
                    } finally {
                        if (abandoned != null) {
                            abandoned.close();
                        }
                    }
                    return null;
                }
                default -> {
                }
            }
            if ((name.startsWith("set") || name.equals("clearParameters")) && abandoned == null) {
                recordedMethods.add(method);
                recorded.add(args);
            }
            if (!name.startsWith("execute") || abandoned != null) {
                return call(target, method, args);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof SQLException failure)) {
                    throw e.getCause();
                }
                ReplicaRouter.Reason reason = fallbackReason(failure);
                if (reason == null) {
                    throw failure;
                }
                router.fellBack(replica, reason, failure);
                try {
                    rebuildOnPrimary();
                } catch (SQLException primaryFailure) {
                    primaryFailure.addSuppressed(failure);
                    throw primaryFailure;
                }
                return call(target, method, args);
            }
        }

        private void rebuildOnPrimary() throws Throwable {
            if (primaryConnection == null) {
                primaryConnection = primaryPool.getConnection();
            }
            abandoned = target;
            target = (Statement) call(primaryConnection, creator, creatorArgs);
            for (int i = 0; i < recorded.size(); i++) {
                call(target, recordedMethods.get(i), recorded.get(i));
            }
        }
    }
}
