package lu.entreprinder.persistence.spring;

import java.util.List;
import lu.entreprinder.persistence.core.Database;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up when the database answers and no migration is pending; out of service (with the pending versions) when
 * migrations are missing; down when it cannot be reached.
 */
public final class DatabaseHealthIndicator implements HealthIndicator {

    private final Database db;

    public DatabaseHealthIndicator(Database db) {
        this.db = db;
    }

    @Override
    public Health health() {
        try {
            db.dsl().selectOne().fetch();
            List<String> pending = db.pendingMigrations();
            Health.Builder health = pending.isEmpty() ? Health.up() : Health.outOfService();
            return health.withDetail("dialect", db.dialect().getName()).withDetail("pendingMigrations", pending).build();
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("dialect", db.dialect().getName()).build();
        }
    }
}
