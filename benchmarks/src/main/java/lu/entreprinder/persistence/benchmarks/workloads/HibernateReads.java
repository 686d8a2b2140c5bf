package lu.entreprinder.persistence.benchmarks.workloads;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.crushlu.EventAttendee;
import lu.entreprinder.persistence.crushlu.EventDetail;
import lu.entreprinder.persistence.crushlu.EventListItem;
import lu.entreprinder.persistence.crushlu.EventType;
import lu.entreprinder.persistence.crushlu.RegistrationStatus;
import lu.entreprinder.persistence.crushlu.internal.ProfileDisplay;
import lu.entreprinder.persistence.vinsdelux.AdoptionPlan;
import lu.entreprinder.persistence.vinsdelux.Coffret;
import lu.entreprinder.persistence.vinsdelux.PlotListing;
import lu.entreprinder.persistence.vinsdelux.PlotStatus;
import lu.entreprinder.persistence.vinsdelux.ProducerRef;
import lu.entreprinder.persistence.vinsdelux.internal.GeoJsonCodec;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Imported;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.jooq.JSONB;

/**
 * Workloads 1, 2 and 8 with Hibernate ORM 7: entities mapped onto the real tables (enums through attribute
 * converters, associations as a Hibernate user maps them), one short read-only session per operation on the
 * library's pool, no second-level cache. Every read is an HQL DTO projection ({@code select new}): the pages are
 * read-only, so managed entities would only add hydration, snapshots and a persistence context.
 * <ul>
 *   <li>1: one statement, the counts and the viewer's status as correlated subqueries in the select list,
 *       {@code setMaxResults(51)} (PostgreSQL evaluates them only for the rows the LIMIT lets through);</li>
 *   <li>2: two statements, the event with its counts, then its confirmed attendees (user and profile joined). One
 *       statement with the counts next to every attendee row would count once per attendee;</li>
 *   <li>8: two statements, the page with its producer joined ({@code setMaxResults(21)}), then the plans with their
 *       coffrets for those plots ({@code in :ids}). Pagination and a collection fetch join in one query would page
 *       in memory (HHH90003004); {@code @BatchSize} would need a third statement for the coffrets. The same two
 *       statements with entities ({@code join fetch p.producer}, then {@code left join fetch p.adoptionPlans ap
 *       left join fetch ap.coffret where p in :plots}) were about 15 % slower (one interleaved run, scale 0.5).</li>
 * </ul>
 * Each returns the records the library's DAOs return (derived values computed as they compute them).
 */
public final class HibernateReads implements AutoCloseable {

    // ---- workloads 1 and 2: Crush.lu ----------------------------------------------------------------------

    @Entity(name = "Event")
    @Table(name = "crush_lu_meetupevent")
    public static class EventEntity {
        @Id
        Long id;
        String title;
        String description;
        @Column(name = "event_type")
        EventType eventType;
        @Column(name = "event_date")
        OffsetDateTime eventDate;
        String location;
        @Column(name = "max_participants")
        int maxParticipants;
        @Column(name = "min_age")
        int minAge;
        @Column(name = "max_age")
        int maxAge;
        @Column(name = "registration_fee")
        BigDecimal registrationFee;
        @Column(name = "registration_deadline")
        OffsetDateTime registrationDeadline;
        @Column(name = "is_published")
        boolean published;
        @Column(name = "is_private_invitation")
        boolean privateInvitation;
        @Column(name = "is_cancelled")
        boolean cancelled;
        @Column(name = "invitation_code")
        String invitationCode;
        @ManyToMany
        @JoinTable(name = "crush_lu_meetupevent_special_users", joinColumns = @JoinColumn(name = "meetupevent_id"),
                inverseJoinColumns = @JoinColumn(name = "user_id"))
        Set<UserEntity> specialUsers;
    }

    /** An invitation to a private event; it makes the event visible to its guest once accepted and approved. */
    @Entity(name = "Invitation")
    @Table(name = "crush_lu_eventinvitation")
    public static class InvitationEntity {
        @Id
        Long id;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "event_id")
        EventEntity event;
        @Column(name = "guest_user_id")
        Integer guestUserId;
        String status;
        @Column(name = "approval_status")
        String approvalStatus;
    }

    @Entity(name = "Registration")
    @Table(name = "crush_lu_eventregistration")
    public static class RegistrationEntity {
        @Id
        Long id;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "event_id")
        EventEntity event;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "user_id")
        UserEntity user;
        RegistrationStatus status;
        @Column(name = "created_at")
        OffsetDateTime createdAt;
    }

    @Entity(name = "User")
    @Table(name = "auth_user")
    public static class UserEntity {
        @Id
        Integer id;
        @Column(name = "first_name")
        String firstName;
        @Column(name = "last_name")
        String lastName;
    }

    @Entity(name = "CrushProfile")
    @Table(name = "crush_lu_crushprofile")
    public static class ProfileEntity {
        @Id
        Long id;
        @OneToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "user_id")
        UserEntity user;
        @Column(name = "date_of_birth")
        LocalDate dateOfBirth;
        @Column(name = "show_full_name")
        boolean showFullName;
    }

    /** An enum stored as its Django value (the library's {@code dbValue()} / {@code fromDb}). */
    abstract static class DbValueConverter<E> implements AttributeConverter<E, String> {
        private final Function<E, String> toDb;
        private final Function<String, E> fromDb;

        DbValueConverter(Function<E, String> toDb, Function<String, E> fromDb) {
            this.toDb = toDb;
            this.fromDb = fromDb;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : toDb.apply(value);
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null ? null : fromDb.apply(value);
        }
    }

    @Converter(autoApply = true)
    public static class EventTypeConverter extends DbValueConverter<EventType> {
        public EventTypeConverter() {
            super(EventType::dbValue, EventType::fromDb);
        }
    }

    @Converter(autoApply = true)
    public static class RegistrationStatusConverter extends DbValueConverter<RegistrationStatus> {
        public RegistrationStatusConverter() {
            super(RegistrationStatus::dbValue, RegistrationStatus::fromDb);
        }
    }

    /** An event of the listing with its counts (count(*) is a long in HQL). */
    @Imported
    public record EventRow(Long id, String title, EventType eventType, OffsetDateTime eventDate, String location,
                           Integer maxParticipants, Integer minAge, Integer maxAge, BigDecimal registrationFee,
                           OffsetDateTime registrationDeadline, Boolean published, Boolean privateInvitation,
                           Long confirmed, Long waitlist, Long total, RegistrationStatus viewerStatus) {
    }

    /** The event of a detail page with its counts. */
    @Imported
    public record DetailRow(Long id, String title, String description, EventType eventType, OffsetDateTime eventDate,
                            String location, Integer maxParticipants, Integer minAge, Integer maxAge,
                            BigDecimal registrationFee, OffsetDateTime registrationDeadline, Boolean published,
                            Boolean privateInvitation, Long confirmed, Long waitlist,
                            RegistrationStatus viewerStatus) {
    }

    @Imported
    public record AttendeeRow(Long registrationId, Integer userId, String firstName, String lastName,
                              Boolean showFullName, LocalDate dateOfBirth) {
    }

    // ---- workload 8: VinsDelux ----------------------------------------------------------------------------

    @Entity(name = "Plot")
    @Table(name = "vinsdelux_vdlplot")
    public static class PlotEntity {
        @Id
        Long id;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "producer_id")
        ProducerEntity producer;
        String name;
        PlotStatus status;
        @Column(name = "size_hectares")
        BigDecimal sizeHectares;
        @Column(name = "grape_varieties")
        String grapeVarieties;
        @Column(name = "soil_type")
        String soilType;
        int elevation;
        /** jsonb, read as its text (pgjdbc returns it so) and decoded by the module's codec. */
        String coordinates;
        @ManyToMany
        @JoinTable(name = "vinsdelux_vdlplot_adoption_plans", joinColumns = @JoinColumn(name = "vdlplot_id"),
                inverseJoinColumns = @JoinColumn(name = "vdladoptionplan_id"))
        @OrderBy("price, id")
        List<PlanEntity> adoptionPlans;
    }

    @Entity(name = "Producer")
    @Table(name = "vinsdelux_vdlproducer")
    public static class ProducerEntity {
        @Id
        Long id;
        String name;
        String region;
    }

    @Entity(name = "AdoptionPlan")
    @Table(name = "vinsdelux_vdladoptionplan")
    public static class PlanEntity {
        @Id
        Long id;
        String name;
        BigDecimal price;
        @Column(name = "duration_months")
        int durationMonths;
        @Column(name = "is_available")
        boolean available;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "coffret_id")
        CoffretEntity coffret;
    }

    @Entity(name = "Coffret")
    @Table(name = "vinsdelux_vdlcoffret")
    public static class CoffretEntity {
        @Id
        Long id;
        String name;
        int bottles;
        String description;
    }

    @Converter(autoApply = true)
    public static class PlotStatusConverter extends DbValueConverter<PlotStatus> {
        public PlotStatusConverter() {
            super(PlotStatus::dbValue, PlotStatus::fromDb);
        }
    }

    @Imported
    public record PlotRow(Long id, String name, PlotStatus status, BigDecimal sizeHectares, String grapeVarieties,
                          String soilType, Integer elevation, String coordinates, Long producerId,
                          String producerName, String producerRegion) {
    }

    @Imported
    public record PlanRow(Long plotId, Long id, String name, BigDecimal price, Integer durationMonths,
                          Boolean available, Long coffretId, String coffretName, Integer bottles,
                          String coffretDescription) {
    }

    // ---- the queries --------------------------------------------------------------------------------------

    private static final String CONFIRMED_WAITLIST = """
            (select count(*) from Registration r where r.event = e and r.status = :confirmed),
            (select count(*) from Registration r where r.event = e and r.status = :waitlist),
            """;

    private static final String VIEWER_STATUS = """
            (select r.status from Registration r where r.event = e and r.user.id = :viewer))
            """;

    private static final String VISIBLE = """
            (e.privateInvitation = false
             or exists (select 1 from e.specialUsers su where su.id = :viewer)
             or exists (select 1 from Invitation i
                        where i.event = e and i.guestUserId = :viewer and i.status = 'accepted'
                          and i.approvalStatus = 'approved')
             or exists (select 1 from Registration v
                        where v.event = e and v.user.id = :viewer and v.status <> :cancelled))""";

    static final String LIST_HQL = """
            select new EventRow(e.id, e.title, e.eventType, e.eventDate, e.location, e.maxParticipants, e.minAge,
                   e.maxAge, e.registrationFee, e.registrationDeadline, e.published, e.privateInvitation,
            """ + CONFIRMED_WAITLIST + """
            (select count(*) from Registration r where r.event = e and r.status <> :cancelled),
            """ + VIEWER_STATUS + """
            from Event e
            where e.published = true and e.cancelled = false and e.eventDate >= :now and""" + VISIBLE + """

            order by e.eventDate, e.id""";

    static final String DETAIL_HQL = """
            select new DetailRow(e.id, e.title, e.description, e.eventType, e.eventDate, e.location,
                   e.maxParticipants, e.minAge, e.maxAge, e.registrationFee, e.registrationDeadline, e.published,
                   e.privateInvitation,
            """ + CONFIRMED_WAITLIST + VIEWER_STATUS + """
            from Event e
            where e.id = :event and e.published = true and""" + VISIBLE;

    static final String ATTENDEES_HQL = """
            select new AttendeeRow(r.id, u.id, u.firstName, u.lastName, p.showFullName, p.dateOfBirth)
            from Registration r join r.user u left join CrushProfile p on p.user = u
            where r.event.id = :event and r.status = :confirmed
            order by r.createdAt, r.id""";

    static final String PLOTS_HQL = """
            select new PlotRow(p.id, p.name, p.status, p.sizeHectares, p.grapeVarieties, p.soilType, p.elevation,
                   p.coordinates, pr.id, pr.name, pr.region)
            from Plot p join p.producer pr
            where p.status = :status and p.id > :after
            order by p.id""";

    static final String PLANS_HQL = """
            select new PlanRow(p.id, ap.id, ap.name, ap.price, ap.durationMonths, ap.available, c.id, c.name,
                   c.bottles, c.description)
            from Plot p join p.adoptionPlans ap join ap.coffret c
            where p.id in :ids
            order by p.id, ap.price, ap.id""";

    private final Database db;
    private final SessionFactory sessionFactory;

    /**
     * @param statistics enable Hibernate's statistics (to count statements; off while measuring)
     * @param showSql    log the SQL Hibernate generates (to look at it once)
     */
    public HibernateReads(Database db, boolean statistics, boolean showSql) {
        this.db = db;
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, db.dataSource())
                .applySetting(AvailableSettings.GENERATE_STATISTICS, statistics)
                .applySetting(AvailableSettings.SHOW_SQL, showSql)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                // timestamptz read as OffsetDateTime in UTC, as the library returns them (else the JVM's zone)
                .applySetting(AvailableSettings.TIMEZONE_DEFAULT_STORAGE, "NORMALIZE_UTC")
                .build();
        this.sessionFactory = new MetadataSources(registry)
                .addAnnotatedClasses(EventEntity.class, InvitationEntity.class, RegistrationEntity.class,
                        UserEntity.class, ProfileEntity.class, PlotEntity.class, ProducerEntity.class, PlanEntity.class,
                        CoffretEntity.class, EventTypeConverter.class, RegistrationStatusConverter.class,
                        PlotStatusConverter.class, EventRow.class, DetailRow.class, AttendeeRow.class, PlotRow.class,
                        PlanRow.class)
                .buildMetadata()
                .buildSessionFactory();
    }

    public HibernateReads(Database db) {
        this(db, false, false);
    }

    private Session session() {
        Session session = sessionFactory.openSession();
        session.setDefaultReadOnly(true);
        return session;
    }

    // ---- workload 1 ---------------------------------------------------------------------------------------

    public List<EventListItem> list(int viewerId) {
        OffsetDateTime now = db.now();
        List<EventRow> rows;
        try (Session session = session()) {
            rows = session.createSelectionQuery(LIST_HQL, EventRow.class)
                    .setParameter("now", now)
                    .setParameter("viewer", viewerId)
                    .setParameter("confirmed", RegistrationStatus.CONFIRMED)
                    .setParameter("waitlist", RegistrationStatus.WAITLIST)
                    .setParameter("cancelled", RegistrationStatus.CANCELLED)
                    .setMaxResults(EventReads.LIST_SIZE + 1) // one more, for the next cursor (as the DAO)
                    .getResultList();
        }
        List<EventListItem> out = new ArrayList<>(Math.min(rows.size(), EventReads.LIST_SIZE));
        for (EventRow e : rows.subList(0, Math.min(rows.size(), EventReads.LIST_SIZE))) {
            int max = e.maxParticipants();
            int c = e.confirmed().intValue();
            Optional<RegistrationStatus> viewer = Optional.ofNullable(e.viewerStatus());
            out.add(new EventListItem(e.id(), e.title(), e.eventType(), e.eventDate(), e.location(), max, e.minAge(),
                    e.maxAge(), e.registrationFee(), e.registrationDeadline(), e.published(), e.privateInvitation(),
                    c, e.waitlist().intValue(), e.total().intValue(), Math.max(0, max - c), c >= max,
                    open(e.published(), e.registrationDeadline(), c, max, now),
                    viewer.map(RegistrationStatus::isActive).orElse(false), viewer));
        }
        return out;
    }

    // ---- workload 2 ---------------------------------------------------------------------------------------

    public Optional<EventDetail> detail(long eventId, int viewerId) {
        OffsetDateTime now = db.now();
        LocalDate today = db.today();
        try (Session session = session()) {
            DetailRow e = session.createSelectionQuery(DETAIL_HQL, DetailRow.class)
                    .setParameter("event", eventId)
                    .setParameter("viewer", viewerId)
                    .setParameter("confirmed", RegistrationStatus.CONFIRMED)
                    .setParameter("waitlist", RegistrationStatus.WAITLIST)
                    .setParameter("cancelled", RegistrationStatus.CANCELLED)
                    .getSingleResultOrNull();
            if (e == null) {
                return Optional.empty();
            }
            List<AttendeeRow> rows = session.createSelectionQuery(ATTENDEES_HQL, AttendeeRow.class)
                    .setParameter("event", eventId)
                    .setParameter("confirmed", RegistrationStatus.CONFIRMED)
                    .getResultList();
            List<EventAttendee> attendees = new ArrayList<>(rows.size());
            for (AttendeeRow a : rows) {
                attendees.add(new EventAttendee(a.registrationId(), a.userId(),
                        ProfileDisplay.displayName(a.firstName(), a.lastName(), Boolean.TRUE.equals(a.showFullName())),
                        ProfileDisplay.ageRange(a.dateOfBirth(), today)));
            }
            int max = e.maxParticipants();
            int c = e.confirmed().intValue();
            return Optional.of(new EventDetail(e.id(), e.title(), e.description(), e.eventType(), e.eventDate(),
                    e.location(), max, e.minAge(), e.maxAge(), e.registrationFee(), e.registrationDeadline(),
                    e.privateInvitation(), c, e.waitlist().intValue(), Math.max(0, max - c), c >= max,
                    open(e.published(), e.registrationDeadline(), c, max, now),
                    Optional.ofNullable(e.viewerStatus()), attendees));
        }
    }

    private static boolean open(boolean published, OffsetDateTime deadline, int confirmed, int max,
                                OffsetDateTime now) {
        return published && now.isBefore(deadline) && confirmed < max;
    }

    // ---- workload 8 ---------------------------------------------------------------------------------------

    public List<PlotListing> plots(long afterPlotId) {
        try (Session session = session()) {
            List<PlotRow> page = session.createSelectionQuery(PLOTS_HQL, PlotRow.class)
                    .setParameter("status", PlotStatus.AVAILABLE)
                    .setParameter("after", afterPlotId)
                    .setMaxResults(PlotListings.PAGE + 1) // one more, for the next cursor (as the DAO)
                    .getResultList();
            if (page.isEmpty()) {
                return List.of();
            }
            Map<Long, List<AdoptionPlan>> plans = new LinkedHashMap<>();
            List<Long> ids = new ArrayList<>(page.size());
            for (PlotRow p : page) {
                ids.add(p.id());
                plans.put(p.id(), new ArrayList<>(3));
            }
            for (PlanRow a : session.createSelectionQuery(PLANS_HQL, PlanRow.class)
                    .setParameter("ids", ids)
                    .getResultList()) {
                plans.get(a.plotId()).add(new AdoptionPlan(a.id(), a.name(), a.price(), a.durationMonths(),
                        a.available(), new Coffret(a.coffretId(), a.coffretName(), a.bottles(),
                        a.coffretDescription())));
            }
            List<PlotListing> out = new ArrayList<>(Math.min(page.size(), PlotListings.PAGE));
            for (PlotRow p : page.subList(0, Math.min(page.size(), PlotListings.PAGE))) {
                out.add(new PlotListing(p.id(), p.name(), p.status(), p.sizeHectares(), p.grapeVarieties(),
                        p.soilType(), p.elevation(),
                        p.coordinates() == null ? null : GeoJsonCodec.fromStored(JSONB.valueOf(p.coordinates())),
                        new ProducerRef(p.producerId(), p.producerName(), p.producerRegion()), plans.get(p.id())));
            }
            return out;
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
