package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT_SPECIAL_USERS;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonArray;
import static org.jooq.impl.DSL.jsonArrayAgg;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.internal.Json;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.PreparedRead;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.crushlu.internal.ProfileDisplay;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Record16;
import org.jooq.Record17;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Meetup events: creation, listings for a member, the detail page with its confirmed attendees, and the organizer's
 * view of registrations. Every read is one SQL statement. Private invitation events are invisible to a member who
 * is not among the event's special users, presents no invitation code and holds no registration of the event;
 * listings (where no code is presented) never show them to such a member.
 *
 * <p>Listings apply exactly the {@link EventFilter} given: member-facing pages use {@code published()} so that
 * drafts stay hidden; an organizer's back office may list everything. Cancelled events
 * ({@link EventService#cancelEvent}) never appear in a listing; their detail still answers (a registered member
 * finds it), with {@code registrationOpen} false. A guest whose invitation a coach approved
 * ({@link InvitationService}) sees the invitation's private event like a special user.
 */
public final class EventDao {

    static final int MAX_TEXT = 200;

    private final Database db;

    public EventDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writes
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Inserts an event.
     *
     * @return the new event's id
     * @throws ValidationException naming the field, for any field outside the limits of {@link NewEvent}
     */
    public long insertEvent(NewEvent draft) {
        Check.required(draft, "draft");
        String title = Check.text(draft.title(), MAX_TEXT, "title");
        String description = Check.optionalText(draft.description(), NewEvent.MAX_DESCRIPTION, "description");
        EventType type = Check.required(draft.eventType(), "eventType");
        OffsetDateTime eventDate = Check.timestamp(draft.eventDate(), "eventDate");
        String location = Check.text(draft.location(), MAX_TEXT, "location");
        int max = Check.range(draft.maxParticipants(), 1, NewEvent.MAX_PARTICIPANTS, "maxParticipants");
        int minAge = Check.range(draft.minAge(), 18, NewEvent.MAX_AGE, "minAge");
        int maxAge = Check.range(draft.maxAge(), minAge, NewEvent.MAX_AGE, "maxAge");
        BigDecimal fee = Check.decimal(draft.registrationFee(), 6, 2, "registrationFee");
        OffsetDateTime deadline = Check.timestamp(draft.registrationDeadline(), "registrationDeadline");
        if (deadline.isAfter(eventDate)) {
            throw new ValidationException("registrationDeadline", "must not be after the event date");
        }
        String code = Check.optionalText(draft.invitationCode(), 50, "invitationCode");
        if (draft.privateInvitation() && code.isBlank()) {
            throw new ValidationException("invitationCode", "is required for a private invitation event");
        }
        return db.dsl().insertInto(MEETUP_EVENT)
                .set(MEETUP_EVENT.TITLE, title)
                .set(MEETUP_EVENT.DESCRIPTION, description)
                .set(MEETUP_EVENT.EVENT_TYPE, type.dbValue())
                .set(MEETUP_EVENT.EVENT_DATE, eventDate)
                .set(MEETUP_EVENT.LOCATION, location)
                .set(MEETUP_EVENT.MAX_PARTICIPANTS, max)
                .set(MEETUP_EVENT.MIN_AGE, minAge)
                .set(MEETUP_EVENT.MAX_AGE, maxAge)
                .set(MEETUP_EVENT.REGISTRATION_FEE, fee)
                .set(MEETUP_EVENT.REGISTRATION_DEADLINE, deadline)
                .set(MEETUP_EVENT.IS_PUBLISHED, draft.published())
                .set(MEETUP_EVENT.IS_PRIVATE_INVITATION, draft.privateInvitation())
                .set(MEETUP_EVENT.INVITATION_CODE, code)
                .returning(MEETUP_EVENT.ID)
                .fetchOne(MEETUP_EVENT.ID);
    }

    /**
     * Adds a user to the event's special users (who see a private invitation event without its code).
     *
     * @return true if added, false if the user already was one
     * @throws ValidationException (field {@code eventId} or {@code userId}) for a non-positive id
     * @throws NotFoundException for an unknown event or user
     */
    public boolean insertSpecialUser(long eventId, long userId) {
        Check.id(eventId, "eventId");
        Check.userId(userId, "userId");
        return db.inTransaction(tx -> {
            Record r = tx.dsl().select(
                            field(exists(selectOne().from(MEETUP_EVENT).where(MEETUP_EVENT.ID.eq(eventId)))),
                            field(exists(selectOne().from(USER).where(USER.ID.eq(userId)))))
                    .fetchOne();
            if (!Boolean.TRUE.equals(r.get(0, Boolean.class))) {
                throw new NotFoundException("event", eventId);
            }
            if (!Boolean.TRUE.equals(r.get(1, Boolean.class))) {
                throw new NotFoundException("user", userId);
            }
            return tx.dsl().insertInto(MEETUP_EVENT_SPECIAL_USERS)
                    .set(MEETUP_EVENT_SPECIAL_USERS.MEETUPEVENT_ID, eventId)
                    .set(MEETUP_EVENT_SPECIAL_USERS.USER_ID, userId)
                    .onConflictDoNothing()
                    .execute() == 1;
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reads
    // ---------------------------------------------------------------------------------------------------------

    // The reads' statements are rendered once per shape and dialect (PreparedRead); per call only these are bound.
    private static final Param<Long> VIEWER = DSL.param("viewer", EVENT_REGISTRATION.USER_ID.getDataType());
    private static final Param<OffsetDateTime> NOW = DSL.param("now", MEETUP_EVENT.EVENT_DATE.getDataType());
    private static final Param<OffsetDateTime> AFTER_DATE =
            DSL.param("after_date", MEETUP_EVENT.EVENT_DATE.getDataType());
    private static final Param<Long> AFTER_ID = DSL.param("after_id", MEETUP_EVENT.ID.getDataType());
    private static final Param<Long> EVENT_ID = DSL.param("event_id", MEETUP_EVENT.ID.getDataType());
    private static final Param<String> CODE = DSL.param("code", MEETUP_EVENT.INVITATION_CODE.getDataType());

    /**
     * What decides a listing's SQL text: the filter, member or anonymous, first page or after a cursor, the rows it
     * reads (inlined, not bound: see {@link PreparedRead}), dialect.
     */
    private record ListShape(EventFilter filter, boolean member, boolean after, int limit, boolean postgres) {
    }

    /** At most 16 filters × 2 × 2 × 100 page sizes × 2 shapes. */
    private static final Map<ListShape, PreparedRead<Record16<Long, String, String, OffsetDateTime, String, Integer,
            Integer, Integer, BigDecimal, OffsetDateTime, Boolean, Boolean, Integer, Integer, Integer, String>>>
            LISTINGS = new ConcurrentHashMap<>();

    /** The detail's shapes: without and with an invitation code, on PostgreSQL and on SQLite. */
    private static final PreparedRead<Record17<Long, String, String, String, OffsetDateTime, String, Integer,
            Integer, Integer, BigDecimal, OffsetDateTime, Boolean, Integer, Integer, Boolean, String, JSON>> DETAIL =
            PreparedRead.of(detailShape(false, true), EVENT_ID, VIEWER);
    private static final PreparedRead<Record17<Long, String, String, String, OffsetDateTime, String, Integer,
            Integer, Integer, BigDecimal, OffsetDateTime, Boolean, Integer, Integer, Boolean, String, JSON>>
            DETAIL_WITH_CODE = PreparedRead.of(detailShape(true, true), EVENT_ID, VIEWER, CODE);
    private static final PreparedRead<Record17<Long, String, String, String, OffsetDateTime, String, Integer,
            Integer, Integer, BigDecimal, OffsetDateTime, Boolean, Integer, Integer, Boolean, String, JSON>>
            SQLITE_DETAIL = PreparedRead.of(detailShape(false, false), EVENT_ID, VIEWER);
    private static final PreparedRead<Record17<Long, String, String, String, OffsetDateTime, String, Integer,
            Integer, Integer, BigDecimal, OffsetDateTime, Boolean, Integer, Integer, Boolean, String, JSON>>
            SQLITE_DETAIL_WITH_CODE = PreparedRead.of(detailShape(true, false), EVENT_ID, VIEWER, CODE);

    /**
     * One keyset page of events for a member, ordered by (event date, id), each with its counts and the viewer's
     * registration; cancelled events are left out. One statement: the page's rows are chosen (filter, visibility,
     * keyset, LIMIT) in a derived table, then counted (on PostgreSQL in one {@code LATERAL} pass per listed event).
     *
     * @throws ValidationException (field {@code viewerId}, {@code filter}, {@code page} or {@code cursor})
     */
    public Page<EventListItem> listEventsForViewer(long viewerId, EventFilter filter, PageRequest page) {
        Check.userId(viewerId, "viewerId");
        Check.required(filter, "filter");
        Check.required(page, "page");
        OffsetDateTime now = db.now();
        List<EventListItem> rows = listRows(filter, true, viewerId, page, now, rec -> {
            int max = rec.value6();
            int c = rec.value13();
            Optional<RegistrationStatus> status = Optional.ofNullable(rec.value16()).map(RegistrationStatus::fromDb);
            return new EventListItem(rec.value1(), rec.value2(), EventType.fromDb(rec.value3()), rec.value4(),
                    rec.value5(), max, rec.value7(), rec.value8(), rec.value9(), rec.value10(), rec.value11(),
                    rec.value12(), c, rec.value14(), rec.value15(), Math.max(0, max - c), c >= max,
                    isOpen(rec.value11(), false, rec.value10(), c, max, now),
                    status.map(RegistrationStatus::isActive).orElse(false), status);
        });
        return page.toPage(rows, item -> PageRequest.encode(item.eventDate(), item.id()));
    }

    /**
     * One keyset page of events for an anonymous visitor, ordered by (event date, id): published, not cancelled,
     * upcoming and not private invitation events, whatever {@code filter} says (it may narrow further, e.g.
     * {@link EventFilter#notFull()}), with the same counts as {@link #listEventsForViewer} and no per-viewer field.
     * One statement, shaped like the member listing's.
     *
     * @throws ValidationException (field {@code filter}, {@code page} or {@code cursor})
     */
    public Page<PublicEventListItem> listEventsForAnonymous(EventFilter filter, PageRequest page) {
        Check.required(filter, "filter");
        Check.required(page, "page");
        OffsetDateTime now = db.now();
        List<PublicEventListItem> rows = listRows(filter.published().upcoming(), false, 0, page, now, rec -> {
            int max = rec.value6();
            int c = rec.value13();
            return new PublicEventListItem(rec.value1(), rec.value2(), EventType.fromDb(rec.value3()), rec.value4(),
                    rec.value5(), max, rec.value7(), rec.value8(), rec.value9(), rec.value10(), c, rec.value14(),
                    rec.value15(), Math.max(0, max - c), c >= max,
                    isOpen(rec.value11(), false, rec.value10(), c, max, now));
        });
        return page.toPage(rows, item -> PageRequest.encode(item.eventDate(), item.id()));
    }

    /**
     * A listing's rows, mapped: its statement (its plan: {@code db.explain(() -> dao.listEventsForViewer(…))}) with
     * this call's values bound, in the order {@link #listShape} declares them.
     */
    private <E> List<E> listRows(EventFilter filter, boolean member, long viewerId, PageRequest page,
                                 OffsetDateTime now, RecordMapper<? super Record16<Long, String, String, OffsetDateTime,
                                 String, Integer, Integer, Integer, BigDecimal, OffsetDateTime, Boolean, Boolean, Integer,
                                 Integer, Integer, String>, E> mapper) {
        boolean after = page.after() != null;
        var read = LISTINGS.computeIfAbsent(new ListShape(filter, member, after, page.size() + 1, db.isPostgres()),
                EventDao::listShape);
        List<Object> values = new ArrayList<>(5);
        if (filter.onlyUpcoming() || filter.onlyBeforeDeadline()) {
            values.add(now);
        }
        if (member) {
            values.add(viewerId);
        }
        if (after) {
            values.add(page.key(0, 2, OffsetDateTime::parse));
            values.add(page.key(1, 2, Long::parseLong));
        }
        return read.fetch(db.dsl(), mapper, values.toArray());
    }

    /**
     * A listing's shape: the page's rows (filter, visibility, keyset, LIMIT) in the derived table {@code p}, only
     * the columns a listing shows, then the counts of those rows only and, for a member, the viewer's status (else
     * a constant null, one lookup in the unique (event, user) index). On PostgreSQL the counts come from one
     * {@code LATERAL} pass over each listed event's entries of the (event, status) index with
     * {@code count(*) FILTER (…)}; on SQLite (no {@code LATERAL}) from correlated subqueries, which give the same
     * answers. Parameters: {@code now} (when the filter uses it), {@code viewer}
     * (member), {@code after_date} and {@code after_id} (after a cursor); the LIMIT is the shape's.
     */
    private static PreparedRead<Record16<Long, String, String, OffsetDateTime, String, Integer, Integer, Integer,
            BigDecimal, OffsetDateTime, Boolean, Boolean, Integer, Integer, Integer, String>> listShape(
            ListShape shape) {
        var e = MEETUP_EVENT;
        var r = EVENT_REGISTRATION;
        List<Param<?>> params = new ArrayList<>();
        EventFilter filter = shape.filter();
        if (filter.onlyUpcoming() || filter.onlyBeforeDeadline()) {
            params.add(NOW);
        }
        Condition where = conditions(filter, NOW).and(e.IS_CANCELLED.isFalse());
        if (shape.member()) {
            params.add(VIEWER);
            where = where.and(visibleTo(VIEWER, null));
        } else {
            where = where.and(e.IS_PRIVATE_INVITATION.isFalse());
        }
        if (shape.after()) {
            params.add(AFTER_DATE);
            params.add(AFTER_ID);
            where = where.and(row(e.EVENT_DATE, e.ID).gt(row(AFTER_DATE, AFTER_ID)));
        }
        Table<?> p = select(e.ID, e.TITLE, e.EVENT_TYPE, e.EVENT_DATE, e.LOCATION, e.MAX_PARTICIPANTS, e.MIN_AGE,
                        e.MAX_AGE, e.REGISTRATION_FEE, e.REGISTRATION_DEADLINE, e.IS_PUBLISHED,
                        e.IS_PRIVATE_INVITATION)
                .from(e).where(where)
                .orderBy(e.EVENT_DATE, e.ID).limit(inline(shape.limit())).asTable("p");
        Field<Long> pid = p.field(e.ID);
        Field<OffsetDateTime> pdate = p.field(e.EVENT_DATE);
        Condition isConfirmed = r.STATUS.eq(RegistrationStatus.CONFIRMED.dbValue());
        Condition isWaitlisted = r.STATUS.eq(RegistrationStatus.WAITLIST.dbValue());
        Condition isActive = r.STATUS.ne(RegistrationStatus.CANCELLED.dbValue());
        Field<Integer> confirmed;
        Field<Integer> waitlist;
        Field<Integer> total;
        Field<String> status;
        Table<?> from;
        if (shape.postgres()) {
            // The pass reads only (event_id, status): an index-only scan of that index, no registration row fetched
            Table<?> c = lateral(select(count().filterWhere(isConfirmed).as("confirmed"),
                    count().filterWhere(isWaitlisted).as("waitlist"),
                    count().filterWhere(isActive).as("total"))
                    .from(r).where(r.EVENT_ID.eq(pid))).as("c");
            confirmed = c.field("confirmed", Integer.class);
            waitlist = c.field("waitlist", Integer.class);
            total = c.field("total", Integer.class);
            from = p.crossJoin(c);
        } else {
            confirmed = registrations(pid, isConfirmed).as("confirmed");
            waitlist = registrations(pid, isWaitlisted).as("waitlist");
            total = registrations(pid, isActive).as("total");
            from = p;
        }
        // one lookup in the (event, user) unique index
        status = !shape.member() ? inline((String) null).as("viewer_status") : viewerStatus(pid, VIEWER);
        return PreparedRead.of(
                select(pid, p.field(e.TITLE), p.field(e.EVENT_TYPE), pdate, p.field(e.LOCATION),
                        p.field(e.MAX_PARTICIPANTS), p.field(e.MIN_AGE), p.field(e.MAX_AGE),
                        p.field(e.REGISTRATION_FEE), p.field(e.REGISTRATION_DEADLINE), p.field(e.IS_PUBLISHED),
                        p.field(e.IS_PRIVATE_INVITATION), confirmed, waitlist, total, status)
                        .from(from)
                        .orderBy(pdate, pid),
                params.toArray(Param<?>[]::new));
    }

    /**
     * The event as a member sees it, with its confirmed attendees (display name and age range only), in one
     * statement. Empty when the event does not exist, is not published, or is a private invitation event the
     * viewer may not see (not a special user and no matching {@code invitationCode}) — the same answer for all,
     * so nothing leaks.
     *
     * @param invitationCode the code the viewer presents, or null
     * @throws ValidationException (field {@code eventId}, {@code viewerId} or {@code invitationCode})
     */
    public Optional<EventDetail> findEventDetail(long eventId, long viewerId, String invitationCode) {
        Check.id(eventId, "eventId");
        Check.userId(viewerId, "viewerId");
        String code = Check.optionalText(invitationCode, 50, "invitationCode");
        OffsetDateTime now = db.now();
        LocalDate today = db.today();
        boolean postgres = db.isPostgres();
        var found = code == null || code.isBlank()
                ? (postgres ? DETAIL : SQLITE_DETAIL).fetchOptional(db.dsl(), row -> row, eventId, viewerId)
                : (postgres ? DETAIL_WITH_CODE : SQLITE_DETAIL_WITH_CODE)
                        .fetchOptional(db.dsl(), row -> row, eventId, viewerId, code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var rec = found.get();
        int max = rec.value7();
        int c = rec.value13();
        return Optional.of(new EventDetail(rec.value1(), rec.value2(), rec.value3(), EventType.fromDb(rec.value4()),
                rec.value5(), rec.value6(), max, rec.value8(), rec.value9(), rec.value10(), rec.value11(),
                rec.value12(), c, rec.value14(), Math.max(0, max - c), c >= max,
                isOpen(true, rec.value15(), rec.value11(), c, max, now),
                Optional.ofNullable(rec.value16()).map(RegistrationStatus::fromDb),
                attendees(rec.value17(), c, today)));
    }

    /**
     * The shape of {@link #findEventDetail}'s statement: the event's one row with its counts, the viewer's status and
     * its confirmed attendees aggregated into one JSON array (oldest registration first; each attendee an array of
     * registration id, user id, first name, last name, show full name, date of birth), which {@link #attendees}
     * reads. One row instead of one per attendee: the event's columns are read once, and the attendees' values
     * come as one text (PostgreSQL {@code json_agg}, SQLite {@code json_group_array}). Parameters: {@code event_id},
     * {@code viewer}, and {@code code} when {@code withCode}.
     *
     * <p>On PostgreSQL each attendee's profile is one lookup in the unique {@code user_id} index, in a
     * {@code LATERAL} subquery the planner cannot flatten ({@code LIMIT 1}): as a plain left join, on a small table
     * (2,000 profiles, benchmark scale 0.1) it hashed a sequential scan of all profiles for every detail, 1.2 ms
     * against 0.33 ms. SQLite (no {@code LATERAL}) looks the profile up by that index anyway.
     */
    private static ResultQuery<Record17<Long, String, String, String, OffsetDateTime, String, Integer, Integer,
            Integer, BigDecimal, OffsetDateTime, Boolean, Integer, Integer, Boolean, String, JSON>> detailShape(
            boolean withCode, boolean postgres) {
        var e = MEETUP_EVENT;
        var r = EVENT_REGISTRATION;
        var u = USER;
        var cp = CRUSH_PROFILE;
        String confirmedStatus = RegistrationStatus.CONFIRMED.dbValue();
        Table<?> profile = postgres
                ? lateral(select(cp.SHOW_FULL_NAME, cp.DATE_OF_BIRTH).from(cp).where(cp.USER_ID.eq(r.USER_ID))
                        .limit(inline(1))).as("cp")
                : cp;
        Field<Boolean> showFullName = profile.field(cp.SHOW_FULL_NAME);
        Field<LocalDate> dateOfBirth = profile.field(cp.DATE_OF_BIRTH);
        Field<JSON> attendees = field(select(jsonArrayAgg(jsonArray(r.ID, r.USER_ID, u.FIRST_NAME, u.LAST_NAME,
                        showFullName, dateOfBirth)).orderBy(r.CREATED_AT, r.ID))
                .from(r)
                .join(u).on(u.ID.eq(r.USER_ID))
                .leftJoin(profile).on(postgres ? noCondition() : cp.USER_ID.eq(r.USER_ID))
                .where(r.EVENT_ID.eq(e.ID), r.STATUS.eq(confirmedStatus))).as("attendees");
        return select(e.ID, e.TITLE, e.DESCRIPTION, e.EVENT_TYPE, e.EVENT_DATE, e.LOCATION, e.MAX_PARTICIPANTS,
                e.MIN_AGE, e.MAX_AGE, e.REGISTRATION_FEE, e.REGISTRATION_DEADLINE, e.IS_PRIVATE_INVITATION,
                registrations(e.ID, r.STATUS.eq(confirmedStatus)).as("confirmed"),
                registrations(e.ID, r.STATUS.eq(RegistrationStatus.WAITLIST.dbValue())).as("waitlist"),
                e.IS_CANCELLED, viewerStatus(e.ID, VIEWER), attendees)
                .from(e)
                .where(e.ID.eq(EVENT_ID), e.IS_PUBLISHED.isTrue(), visibleTo(VIEWER, withCode ? CODE : null));
    }

    /**
     * The attendees of a {@link #detailShape} row from its JSON array (null: none), read with a streaming parser:
     * the values straight into the records, no tree ({@code expected}, the confirmed count, sizes the list).
     * Booleans are JSON booleans on both databases; the date of birth is ISO text or null (a user without a
     * profile).
     */
    private static List<EventAttendee> attendees(JSON json, int expected, LocalDate today) {
        if (json == null) {
            return List.of();
        }
        List<EventAttendee> out = new ArrayList<>(expected);
        try (JsonParser p = Json.mapper().getFactory().createParser(json.data())) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                long registrationId = p.getLongValue();
                expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                long userId = p.getLongValue();
                p.nextToken();
                String first = p.getValueAsString();
                p.nextToken();
                String last = p.getValueAsString();
                boolean showFullName = p.nextToken() == JsonToken.VALUE_TRUE;
                String ageRange = p.nextToken() == JsonToken.VALUE_NULL ? null
                        : ProfileDisplay.ageRange(date(p), today);
                expect(p.nextToken(), JsonToken.END_ARRAY);
                out.add(new EventAttendee(registrationId, userId,
                        ProfileDisplay.displayName(first, last, showFullName), ageRange));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
        } catch (IOException ex) {
            throw new IllegalStateException("the detail's attendees are not the JSON its statement builds", ex);
        }
        return out;
    }

    /**
     * The parser's current string as a date: {@code yyyy-MM-dd} read from its characters in place (the form both
     * databases give; {@code LocalDate.parse} costs about 480 bytes a call, ~20 KB for a detail page), any other form
     * through {@link LocalDate#parse}.
     */
    private static LocalDate date(JsonParser p) throws IOException {
        char[] c = p.getTextCharacters();
        int o = p.getTextOffset();
        if (p.getTextLength() == 10 && c[o + 4] == '-' && c[o + 7] == '-') {
            int year = digits(c, o, 4);
            int month = digits(c, o + 5, 2);
            int day = digits(c, o + 8, 2);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(p.getText());
    }

    /** The non-negative number of the {@code n} ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(char[] c, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", got " + actual);
        }
    }

    /**
     * The organizer's view of an event's registrations with each user and profile, oldest first, in one statement:
     * the only read that returns dietary restrictions and special requests. The caller checks that its user may
     * organize the event (the schema has no organizer column).
     *
     * @param status only registrations with this status, or null for all
     * @throws ValidationException (field {@code eventId}) for a non-positive id
     * @throws NotFoundException for an unknown event
     */
    public List<RegistrationOrganizerView> listRegistrationsForOrganizer(long eventId, RegistrationStatus status) {
        Check.id(eventId, "eventId");
        LocalDate today = db.today();
        var e = MEETUP_EVENT;
        var r = EVENT_REGISTRATION;
        var u = USER;
        var cp = CRUSH_PROFILE;
        Condition byStatus = status == null ? noCondition() : r.STATUS.eq(status.dbValue());
        Field<List<RegistrationOrganizerView>> regs = multiset(
                select(r.ID, r.USER_ID, u.USERNAME, u.EMAIL, u.FIRST_NAME, u.LAST_NAME, r.STATUS,
                        r.PAYMENT_CONFIRMED, r.PAYMENT_DATE, r.DIETARY_RESTRICTIONS, r.SPECIAL_REQUESTS,
                        r.CREATED_AT, cp.DATE_OF_BIRTH, cp.GENDER, cp.LOCATION, cp.IS_APPROVED)
                        .from(r)
                        .join(u).on(u.ID.eq(r.USER_ID))
                        .leftJoin(cp).on(cp.USER_ID.eq(r.USER_ID))
                        .where(r.EVENT_ID.eq(e.ID), byStatus)
                        .orderBy(r.CREATED_AT, r.ID))
                .as("registrations")
                .convertFrom(result -> result.map(x -> new RegistrationOrganizerView(x.value1(), x.value2(),
                        x.value3(), x.value4(), x.value5(), x.value6(), RegistrationStatus.fromDb(x.value7()),
                        x.value8(), Optional.ofNullable(x.value9()), x.value10(), x.value11(), x.value12(),
                        Optional.ofNullable(x.value13()).map(d -> ProfileDisplay.age(d, today)),
                        x.value14() == null ? "" : x.value14(), x.value15() == null ? "" : x.value15(),
                        Boolean.TRUE.equals(x.value16()))));
        return db.dsl().select(regs).from(e).where(e.ID.eq(eventId))
                .fetchOptional(regs)
                .orElseThrow(() -> new NotFoundException("event", eventId));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Conditions
    // ---------------------------------------------------------------------------------------------------------

    /** The filter's conditions on {@code MEETUP_EVENT} at {@code now}. */
    static Condition conditions(EventFilter filter, Field<OffsetDateTime> now) {
        var e = MEETUP_EVENT;
        var r = EVENT_REGISTRATION;
        Condition c = noCondition();
        if (filter.onlyPublished()) {
            c = c.and(e.IS_PUBLISHED.isTrue());
        }
        if (filter.onlyUpcoming()) {
            c = c.and(e.EVENT_DATE.ge(now));
        }
        if (filter.onlyBeforeDeadline()) {
            c = c.and(e.REGISTRATION_DEADLINE.gt(now));
        }
        if (filter.onlyNotFull()) {
            c = c.and(registrations(e.ID, r.STATUS.eq(RegistrationStatus.CONFIRMED.dbValue()))
                    .lt(e.MAX_PARTICIPANTS));
        }
        return c;
    }

    /**
     * Public events, and private invitation events the viewer is a special user of, holds the code of
     * ({@code code} null: no code presented), or already holds a registration of (not cancelled: they
     * presented the code when registering).
     */
    static Condition visibleTo(Field<Long> viewerId, Field<String> code) {
        var e = MEETUP_EVENT;
        var su = MEETUP_EVENT_SPECIAL_USERS;
        var r = EVENT_REGISTRATION;
        Condition visible = e.IS_PRIVATE_INVITATION.isFalse()
                .or(exists(selectOne().from(su).where(su.MEETUPEVENT_ID.eq(e.ID), su.USER_ID.eq(viewerId))))
                .or(exists(InvitationService.approvedGuest(e.ID, viewerId)))
                .or(exists(selectOne().from(r).where(r.EVENT_ID.eq(e.ID), r.USER_ID.eq(viewerId),
                        r.STATUS.ne(RegistrationStatus.CANCELLED.dbValue()))));
        if (code != null) {
            visible = visible.or(e.INVITATION_CODE.eq(code).and(e.INVITATION_CODE.ne(inline(""))));
        }
        return visible;
    }

    /** Published, not cancelled, before the deadline and not full. */
    static boolean isOpen(boolean published, boolean cancelled, OffsetDateTime deadline, int confirmed, int max,
                          OffsetDateTime now) {
        return published && !cancelled && now.isBefore(deadline) && confirmed < max;
    }

    /** Correlated count of the registrations of the event {@code eventId} that satisfy {@code status}. */
    private static Field<Integer> registrations(Field<Long> eventId, Condition status) {
        var r = EVENT_REGISTRATION;
        return field(selectCount().from(r).where(r.EVENT_ID.eq(eventId), status));
    }

    /** Correlated status of the viewer's registration of the event {@code eventId} (null when none). */
    private static Field<String> viewerStatus(Field<Long> eventId, Field<Long> viewerId) {
        var r = EVENT_REGISTRATION;
        return field(select(r.STATUS).from(r).where(r.EVENT_ID.eq(eventId), r.USER_ID.eq(viewerId)))
                .as("viewer_status");
    }
}
