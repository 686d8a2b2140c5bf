package lu.entreprinder.persistence.examples;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/** The README's "Configuration without code" snippets, compiled and run by a test so they cannot rot. */
public final class ConfigurationExample {

    private ConfigurationExample() {
    }

    /**
     * Opens the database described by a service's properties file (given as text) and returns its configuration.
     *
     * @throws IOException if the text cannot be read as properties
     */
    public static DatabaseConfig fromApplicationProperties(String applicationProperties) throws IOException {
        Reader applicationPropertiesFile = new StringReader(applicationProperties);
        // --- README snippet start (properties)
        Properties properties = new Properties();
        properties.load(applicationPropertiesFile);                      // the service's own file
        DatabaseConfig config = DatabaseConfig.fromProperties(properties, "entreprinder.database")
                .schema(DefaultSchema.DEFAULT_SCHEMA)                      // objects stay in code
                .build();
        try (Database db = Database.open(config)) {                      // migrates if migrate-on-start=true
            // … build the DAOs over db
        }
        // --- README snippet end (properties)
        return config;
    }

    /** Opens the database described by environment variables (a map stands in for the process's environment). */
    public static DatabaseConfig fromEnvironment(Map<String, String> environment) {
        // --- README snippet start (environment)
        DatabaseConfig config = DatabaseConfig.fromEnvironment(environment, "ENTREPRINDER_DB")  // or fromEnvironment("ENTREPRINDER_DB")
                .schema(DefaultSchema.DEFAULT_SCHEMA)
                .build();
        // --- README snippet end (environment)
        try (Database db = Database.open(config)) {
            db.migrate();
        }
        return config;
    }
}
