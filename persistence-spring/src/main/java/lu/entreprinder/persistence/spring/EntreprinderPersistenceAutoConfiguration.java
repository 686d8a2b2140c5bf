package lu.entreprinder.persistence.spring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.DatabaseObserver;
import lu.entreprinder.persistence.micrometer.MicrometerObserver;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Opens the library's {@link Database} on the application's {@link DataSource} (no second pool) and joins Spring's
 * transactions: a DAO call inside a {@code @Transactional} method runs on that transaction's connection and rolls
 * back with it, a DAO's own {@code inTransaction} inside it is a savepoint, and after-commit hooks run after Spring's
 * commit, never after its rollback. DAO beans are left to the application. Settings: {@link EntreprinderPersistenceProperties}.
 * A {@code java.time.Clock} bean, when there is one, is the library's clock; a {@link DatabaseObserver} bean hears
 * its statements; with Micrometer on the class path and a {@code MeterRegistry} bean, the library's meters are
 * published (see {@link MicrometerObserver}).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(Database.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "entreprinder.persistence", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EntreprinderPersistenceProperties.class)
public class EntreprinderPersistenceAutoConfiguration {

    /** The library's database on the application's pool; closing it leaves the pool open. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Database entreprinderDatabase(DataSource dataSource, EntreprinderPersistenceProperties properties,
                                         ObjectProvider<Clock> clock, ObjectProvider<DatabaseObserver> observer) {
        DatabaseConfig.Builder config = DatabaseConfig.builder(new TransactionAwareDataSourceProxy(dataSource))
                .externalTransactions(new SpringTransactions(dataSource))
                .schema(DefaultSchema.DEFAULT_SCHEMA)
                .migrateOnStart(properties.migrateOnStart())
                .zone(properties.zone())
                .slowQueryThreshold(properties.slowQueryThreshold());
        clock.ifUnique(config::clock);
        observer.ifUnique(config::observer);
        return Database.open(config.build());
    }

    /** Micrometer meters for the library, when Micrometer and the library's Micrometer module are present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, MicrometerObserver.class})
    static class Metrics {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean(DatabaseObserver.class)
        MicrometerObserver entreprinderMicrometerObserver(MeterRegistry registry) {
            return new MicrometerObserver(registry);
        }
    }

    /** The health indicator, when Spring Boot's health module is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthCheck {

        @Bean
        @ConditionalOnMissingBean(name = "entreprinderDatabaseHealthIndicator")
        DatabaseHealthIndicator entreprinderDatabaseHealthIndicator(Database database) {
            return new DatabaseHealthIndicator(database);
        }
    }
}
