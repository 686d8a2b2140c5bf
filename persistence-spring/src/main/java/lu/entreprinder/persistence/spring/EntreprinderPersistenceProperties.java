package lu.entreprinder.persistence.spring;

import java.time.Duration;
import java.time.ZoneId;
import lu.entreprinder.persistence.core.DatabaseConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The library's settings in a Spring Boot application, under {@code entreprinder.persistence}. The pool (URL, user,
 * size, timeouts) is the application's own {@code spring.datasource.*}.
 *
 * @param enabled            open the {@code Database} bean at all (default: true)
 * @param migrateOnStart     apply pending migrations at startup (default: false)
 * @param zone               zone for calendar questions such as age and "today" (default: Europe/Luxembourg)
 * @param slowQueryThreshold statements slower than this are logged at WARN (default: 500 ms; 0 logs none)
 */
@ConfigurationProperties("entreprinder.persistence")
public record EntreprinderPersistenceProperties(Boolean enabled, Boolean migrateOnStart, ZoneId zone,
                                                Duration slowQueryThreshold) {

    public EntreprinderPersistenceProperties {
        enabled = enabled == null || enabled;
        migrateOnStart = migrateOnStart != null && migrateOnStart;
        zone = zone == null ? DatabaseConfig.DEFAULT_ZONE : zone;
        slowQueryThreshold = slowQueryThreshold == null ? DatabaseConfig.DEFAULT_SLOW_QUERY_THRESHOLD : slowQueryThreshold;
    }
}
