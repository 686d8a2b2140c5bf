package lu.entreprinder.persistence.benchmarks.workloads;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Workload 0's ORM comparator: Hibernate ORM with entities mapped onto {@code auth_user} and
 * {@code vinsdelux_vdlplot}, on the same connection pool; one short session per read, {@code session.find}, as a
 * service method would do it. No second-level cache (a cache would not read the database at all).
 */
public final class HibernateOrm implements AutoCloseable {

    @Entity
    @Table(name = "auth_user")
    public static class UserEntity {
        @Id
        Integer id;
        String password;
        @Column(name = "last_login")
        OffsetDateTime lastLogin;
        @Column(name = "is_superuser")
        boolean superuser;
        String username;
        @Column(name = "first_name")
        String firstName;
        @Column(name = "last_name")
        String lastName;
        String email;
        @Column(name = "is_staff")
        boolean staff;
        @Column(name = "is_active")
        boolean active;
        @Column(name = "date_joined")
        OffsetDateTime dateJoined;

        public Integer getId() {
            return id;
        }

        public String getUsername() {
            return username;
        }

        public OffsetDateTime getDateJoined() {
            return dateJoined;
        }
    }

    @Entity
    @Table(name = "vinsdelux_vdlplot")
    public static class PlotEntity {
        @Id
        Long id;
        @Column(name = "producer_id")
        long producerId;
        String name;
        String status;
        @Column(name = "size_hectares")
        BigDecimal sizeHectares;
        @Column(name = "grape_varieties")
        String grapeVarieties;
        @Column(name = "soil_type")
        String soilType;
        int elevation;
        /** jsonb, read as text (the driver returns it as a string). */
        String coordinates;

        public Long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public BigDecimal getSizeHectares() {
            return sizeHectares;
        }
    }

    private final SessionFactory sessionFactory;

    /** @param statistics enable Hibernate's statistics (to count statements; off while measuring) */
    public HibernateOrm(DataSource dataSource, boolean statistics) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.GENERATE_STATISTICS, statistics)
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .build();
        this.sessionFactory = new MetadataSources(registry)
                .addAnnotatedClass(UserEntity.class)
                .addAnnotatedClass(PlotEntity.class)
                .buildMetadata()
                .buildSessionFactory();
    }

    public UserEntity user(int id) {
        try (Session session = sessionFactory.openSession()) {
            return session.find(UserEntity.class, id);
        }
    }

    public PlotEntity plot(long id) {
        try (Session session = sessionFactory.openSession()) {
            return session.find(PlotEntity.class, id);
        }
    }

    /** Statements prepared so far (needs statistics on). */
    public long statements() {
        return sessionFactory.getStatistics().getPrepareStatementCount();
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
