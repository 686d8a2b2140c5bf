package lu.entreprinder.persistence.core.internal;

import java.sql.SQLException;

/** Reads the constraint and column pgjdbc reports; loaded only when the PostgreSQL driver is present. */
final class PostgresErrorDetails {

    private static final boolean DRIVER_PRESENT = present();

    private PostgresErrorDetails() {
    }

    private static boolean present() {
        try {
            Class.forName("org.postgresql.util.PSQLException", false, PostgresErrorDetails.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static String constraint(SQLException e) {
        return DRIVER_PRESENT ? Pgjdbc.constraint(e) : null;
    }

    static String column(SQLException e) {
        return DRIVER_PRESENT ? Pgjdbc.column(e) : null;
    }

    /** The table the server names in the error, or null. */
    static String table(SQLException e) {
        return DRIVER_PRESENT ? Pgjdbc.table(e) : null;
    }

    /** The server's DETAIL line ({@code Key (event_id)=(99) is not present in table …}), or null. */
    static String detail(SQLException e) {
        return DRIVER_PRESENT ? Pgjdbc.detail(e) : null;
    }

    /** Separate class so that pgjdbc types are only resolved when the driver is on the class path. */
    private static final class Pgjdbc {
        static String constraint(SQLException e) {
            return e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getConstraint() : null;
        }

        static String table(SQLException e) {
            return e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getTable() : null;
        }

        static String detail(SQLException e) {
            return e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getDetail() : null;
        }

        static String column(SQLException e) {
            return e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getTable() + "." + p.getServerErrorMessage().getColumn() : null;
        }
    }
}
