package lu.entreprinder.persistence.core;

import java.sql.Connection;
import java.sql.DriverManager;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A fresh JVM for {@link StartupIT}: jOOQ's banner, tip and version check fire once per JVM, and a missing driver
 * needs a class path without it, so these are observed in a process of their own, configured like a host service
 * (slf4j-simple at INFO, no jOOQ system properties).
 *
 * <p>Arguments: {@code library <url>} opens a {@link Database} and runs one statement; {@code bare <url>} runs the same
 * statement through plain jOOQ (the negative control). Prints {@code RESULT …} or {@code THREW <class>: <message>},
 * then the jOOQ system properties as they are afterwards.
 */
public final class StartupProcess {

    private StartupProcess() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        try {
            if (mode.equals("library")) {
                try (Database db = Database.open(DatabaseConfig.builder(url).build())) {
                    System.out.println("RESULT " + db.dsl().selectOne().fetchOne(0));
                }
            } else {
                try (Connection connection = DriverManager.getConnection(url)) {
                    SQLDialect dialect = url.startsWith("jdbc:sqlite:") ? SQLDialect.SQLITE : SQLDialect.POSTGRES;
                    System.out.println("RESULT " + DSL.using(connection, dialect).selectOne().fetchOne(0));
                }
            }
        } catch (RuntimeException e) {
            System.out.println("THREW " + e.getClass().getName() + ": " + e.getMessage());
        }
        for (String property : new String[] {"org.jooq.no-logo", "org.jooq.no-tips",
                "org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport"}) {
            System.out.println("PROPERTY " + property + "=" + System.getProperty(property));
        }
    }
}
