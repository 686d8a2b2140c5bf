package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.EventFixtures.member;
import static lu.entreprinder.persistence.crushlu.EventFixtures.registration;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;

class EventDaoIT {

    private static final Duration HOUR = Duration.ofHours(1);

    @DatabaseTest
    void listForViewerCountsEveryEventInOneStatement(Database db) {
        EventDao dao = new EventDao(db);
        long viewer = member(db, "viewer");
        List<Long> people = EventFixtures.members(db, "p", 6);
        long a = EventFixtures.event(db, "A", 2);
        long b = EventFixtures.event(db, "B", 5);
        long c = EventFixtures.event(db, "C", 3);
        // A: 2 confirmed (full), 1 waitlisted, 1 cancelled; B: 2 confirmed (the viewer one of them);
        // C: 2 confirmed and the viewer's cancelled registration
        registration(db, a, people.get(0), RegistrationStatus.CONFIRMED, HOUR);
        registration(db, a, people.get(1), RegistrationStatus.CONFIRMED, HOUR);
        registration(db, a, people.get(2), RegistrationStatus.WAITLIST, HOUR);
        registration(db, a, people.get(3), RegistrationStatus.CANCELLED, HOUR);
        registration(db, b, people.get(0), RegistrationStatus.CONFIRMED, HOUR);
        registration(db, b, viewer, RegistrationStatus.CONFIRMED, HOUR);
        registration(db, c, people.get(4), RegistrationStatus.CONFIRMED, HOUR);
        registration(db, c, people.get(5), RegistrationStatus.CONFIRMED, HOUR);
        registration(db, c, viewer, RegistrationStatus.CANCELLED, HOUR);

        var counted = Statements.count(db, () -> dao.listEventsForViewer(viewer, EventFilter.all(), PageRequest.first()));

        assertThat(counted.statements()).isEqualTo(1);
        List<EventListItem> items = counted.value().items();
        assertThat(items).extracting(EventListItem::id).containsExactly(a, b, c);
        EventListItem ia = items.get(0);
        assertThat(ia.confirmedCount()).isEqualTo(2);
        assertThat(ia.waitlistCount()).isEqualTo(1);
        assertThat(ia.totalRegistrations()).isEqualTo(3);
        assertThat(ia.spotsRemaining()).isZero();
        assertThat(ia.full()).isTrue();
        assertThat(ia.registrationOpen()).isFalse();
        assertThat(ia.viewerRegistered()).isFalse();
        assertThat(ia.viewerStatus()).isEmpty();
        EventListItem ib = items.get(1);
        assertThat(ib.confirmedCount()).isEqualTo(2);
        assertThat(ib.spotsRemaining()).isEqualTo(3);
        assertThat(ib.registrationOpen()).isTrue();
        assertThat(ib.viewerRegistered()).isTrue();
        assertThat(ib.viewerStatus()).contains(RegistrationStatus.CONFIRMED);
        EventListItem ic = items.get(2);
        assertThat(ic.viewerRegistered()).isFalse();
        assertThat(ic.viewerStatus()).contains(RegistrationStatus.CANCELLED);
        assertThat(ic.totalRegistrations()).isEqualTo(2);
        assertThat(ic.spotsRemaining()).isEqualTo(1);
    }

    @DatabaseTest
    void filtersComposeLikeTheQuerySet(Database db) {
        EventDao dao = new EventDao(db);
        long viewer = member(db, "viewer");
        OffsetDateTime now = db.now();
        long open = dao.insertEvent(EventFixtures.draft(db, "open", 1));
        long full = dao.insertEvent(EventFixtures.draft(db, "full", 1));
        registration(db, full, member(db, "x"), RegistrationStatus.CONFIRMED, HOUR);
        long draft = dao.insertEvent(EventFixtures.draft(db, "draft", 5).withPublished(false));
        long closed = dao.insertEvent(NewEvent.of("closed", now.plusDays(2), now.minusHours(1), 5));
        long past = EventFixtures.pastEvent(db, "past", 5);

        Function<EventFilter, List<Long>> ids = f -> dao.listEventsForViewer(viewer, f, PageRequest.first())
                .items().stream().map(EventListItem::id).toList();

        assertThat(ids.apply(EventFilter.all())).containsExactlyInAnyOrder(open, full, draft, closed, past);
        assertThat(ids.apply(EventFilter.all().published())).containsExactlyInAnyOrder(open, full, closed, past);
        assertThat(ids.apply(EventFilter.all().upcoming())).containsExactlyInAnyOrder(open, full, draft, closed);
        assertThat(ids.apply(EventFilter.all().published().upcoming())).containsExactlyInAnyOrder(open, full, closed);
        assertThat(ids.apply(EventFilter.all().upcoming().notFull())).containsExactlyInAnyOrder(open, draft, closed);
        assertThat(ids.apply(EventFilter.all().beforeDeadline())).containsExactlyInAnyOrder(open, full, draft);
        assertThat(ids.apply(EventFilter.availableForRegistration())).containsExactly(open);
        assertThat(ids.apply(EventFilter.all().published().and(EventFilter.all().notFull().upcoming())))
                .containsExactlyInAnyOrder(open, closed);
        var counted = Statements.count(db,
                () -> dao.listEventsForViewer(viewer, EventFilter.availableForRegistration(), PageRequest.first()));
        assertThat(counted.statements()).isEqualTo(1);
    }

    @DatabaseTest
    void keysetPagesWalkEveryEventOnceInDateOrder(Database db) {
        EventDao dao = new EventDao(db);
        long viewer = member(db, "viewer");
        OffsetDateTime now = db.now();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two events share each date so the id breaks ties
            OffsetDateTime date = now.plusDays(10 - i / 2);
            expected.add(dao.insertEvent(NewEvent.of("e" + i, date, date.minusDays(1), 3)));
        }
        List<Long> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (true) {
            Page<EventListItem> page = dao.listEventsForViewer(viewer, EventFilter.all(), request);
            page.items().forEach(i -> seen.add(i.id()));
            pages++;
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page.nextCursor());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
        // date order: e6 (day 7), e4, e5 (day 8), e2, e3 (day 9), e0, e1 (day 10)
        assertThat(seen).containsExactly(expected.get(6), expected.get(4), expected.get(5), expected.get(2),
                expected.get(3), expected.get(0), expected.get(1));
    }

    @DatabaseTest
    void privateInvitationEventsNeverLeakToOthers(Database db) {
        EventDao dao = new EventDao(db);
        long invited = member(db, "invited");
        long stranger = member(db, "stranger");
        long pub = EventFixtures.event(db, "public", 5);
        long priv = dao.insertEvent(EventFixtures.draft(db, "secret", 5).withPrivateInvitation("ROSE"));
        assertThat(dao.insertSpecialUser(priv, invited)).isTrue();
        assertThat(dao.insertSpecialUser(priv, invited)).isFalse();

        assertThat(dao.listEventsForViewer(stranger, EventFilter.all(), PageRequest.first()).items())
                .extracting(EventListItem::id).containsExactly(pub);
        assertThat(dao.listEventsForViewer(invited, EventFilter.all(), PageRequest.first()).items())
                .extracting(EventListItem::id).containsExactly(pub, priv);
        assertThat(dao.findEventDetail(priv, stranger, null)).isEmpty();
        assertThat(dao.findEventDetail(priv, stranger, "WRONG")).isEmpty();
        assertThat(dao.findEventDetail(priv, stranger, "")).isEmpty();
        assertThat(dao.findEventDetail(priv, stranger, "ROSE")).isPresent();
        assertThat(dao.findEventDetail(priv, invited, null)).isPresent();
        assertThat(dao.findEventDetail(999, stranger, null)).isEmpty();
        // once registered with the code, the event is theirs to see; a cancelled registration no longer counts
        long guest = member(db, "guest");
        registration(db, priv, guest, RegistrationStatus.CONFIRMED, HOUR);
        registration(db, priv, stranger, RegistrationStatus.CANCELLED, HOUR);
        assertThat(dao.listEventsForViewer(guest, EventFilter.all(), PageRequest.first()).items())
                .extracting(EventListItem::id).containsExactly(pub, priv);
        assertThat(dao.findEventDetail(priv, guest, null)).isPresent();
        assertThat(dao.listEventsForViewer(stranger, EventFilter.all(), PageRequest.first()).items())
                .extracting(EventListItem::id).containsExactly(pub);
        assertThat(dao.findEventDetail(priv, stranger, null)).isEmpty();
    }

    @DatabaseTest
    void detailCarriesConfirmedAttendeesWithDisplayNameAndAgeRangeInOneStatement(Database db) {
        EventDao dao = new EventDao(db);
        long viewer = member(db, "viewer");
        long anna = member(db, "anna", LocalDate.of(2005, 6, 2), true);     // 20 on 2026-06-01
        long ben = member(db, "ben", LocalDate.of(1997, 6, 1), false);      // 29 (birthday today)
        long carl = member(db, "carl", LocalDate.of(1980, 1, 1), true);     // 46
        long dora = member(db, "dora", LocalDate.of(1990, 1, 1), true);
        long e1 = EventFixtures.event(db, "one", 10);
        long e2 = EventFixtures.event(db, "two", 10);
        long e3 = EventFixtures.event(db, "three", 10);
        for (long e : List.of(e1, e2, e3)) {
            registration(db, e, anna, RegistrationStatus.CONFIRMED, Duration.ofHours(3));
            registration(db, e, ben, RegistrationStatus.CONFIRMED, Duration.ofHours(2));
            registration(db, e, carl, RegistrationStatus.CONFIRMED, Duration.ofHours(1));
            registration(db, e, dora, RegistrationStatus.WAITLIST, Duration.ofHours(1));
        }
        registration(db, e2, viewer, RegistrationStatus.WAITLIST, HOUR);

        for (long e : List.of(e1, e2, e3)) {
            var counted = Statements.count(db, () -> dao.findEventDetail(e, viewer, null));
            assertThat(counted.statements()).isEqualTo(1);
            EventDetail detail = counted.value().orElseThrow();
            assertThat(detail.confirmedCount()).isEqualTo(3);
            assertThat(detail.spotsRemaining()).isEqualTo(7);
            assertThat(detail.confirmedRegistrations()).extracting(EventAttendee::userId)
                    .containsExactly(anna, ben, carl);
            assertThat(detail.confirmedRegistrations()).extracting(EventAttendee::displayName)
                    .containsExactly("Anna Tester", "Ben", "Carl Tester");
            assertThat(detail.confirmedRegistrations()).extracting(EventAttendee::ageRange)
                    .containsExactly("18-24", "25-29", "40+");
        }
        assertThat(dao.findEventDetail(e2, viewer, null).orElseThrow().viewerStatus())
                .contains(RegistrationStatus.WAITLIST);
        assertThat(dao.findEventDetail(e2, viewer, null).orElseThrow().waitlistCount()).isEqualTo(2);
    }

    @DatabaseTest
    void detailWithoutConfirmedAttendeesAndAttendeesWithoutProfileStillReadInOneStatement(Database db) {
        EventDao dao = new EventDao(db);
        long viewer = member(db, "viewer");
        long guest = Fixtures.user(db, "guest");                            // a user without a Crush.lu profile
        long waiting = member(db, "waiting");
        long empty = EventFixtures.event(db, "empty", 4);
        registration(db, empty, waiting, RegistrationStatus.WAITLIST, HOUR);
        registration(db, empty, viewer, RegistrationStatus.CANCELLED, HOUR);
        long withGuest = EventFixtures.event(db, "guest", 4);
        registration(db, withGuest, guest, RegistrationStatus.CONFIRMED, HOUR);

        var none = Statements.count(db, () -> dao.findEventDetail(empty, viewer, null));
        assertThat(none.statements()).isEqualTo(1);
        EventDetail detail = none.value().orElseThrow();
        assertThat(detail.confirmedRegistrations()).isEmpty();
        assertThat(detail.confirmedCount()).isZero();
        assertThat(detail.waitlistCount()).isEqualTo(1);
        assertThat(detail.spotsRemaining()).isEqualTo(4);
        assertThat(detail.registrationOpen()).isTrue();
        assertThat(detail.viewerStatus()).contains(RegistrationStatus.CANCELLED);

        EventDetail other = dao.findEventDetail(withGuest, viewer, null).orElseThrow();
        assertThat(other.confirmedRegistrations()).containsExactly(
                new EventAttendee(other.confirmedRegistrations().get(0).registrationId(), guest, "Guest", null));
        assertThat(other.viewerStatus()).isEmpty();
        assertThat(dao.findEventDetail(Long.MAX_VALUE / 2, viewer, null)).isEmpty();
    }

    @DatabaseTest
    void detailAttendeesNamesWithQuotesEscapesAndEmojiReadBackExactly(Database db) {
        EventDao dao = new EventDao(db);
        long viewer = member(db, "viewer");
        long zoe = member(db, "zoe", LocalDate.of(2000, 2, 29), true);
        long brackets = member(db, "brackets", LocalDate.of(1986, 12, 31), true);
        String first = "Zoë \"Z\" \\ O'Neil 😀";
        String last = "Tab\tand\nnewline \u2028 ü, [1]";
        db.dsl().update(USER).set(USER.FIRST_NAME, first).set(USER.LAST_NAME, last).where(USER.ID.eq(zoe)).execute();
        db.dsl().update(USER).set(USER.FIRST_NAME, "][").set(USER.LAST_NAME, "").where(USER.ID.eq(brackets))
                .execute();
        long e = EventFixtures.event(db, "names", 10);
        registration(db, e, zoe, RegistrationStatus.CONFIRMED, Duration.ofHours(2));
        registration(db, e, brackets, RegistrationStatus.CONFIRMED, HOUR);

        assertThat(dao.findEventDetail(e, viewer, null).orElseThrow().confirmedRegistrations())
                .extracting(EventAttendee::userId, EventAttendee::displayName, EventAttendee::ageRange)
                .containsExactly(tuple(zoe, first + " " + last, "25-29"), tuple(brackets, "][", "35-39"));
    }

    @DatabaseTest
    void unpublishedEventsHaveNoDetail(Database db) {
        EventDao dao = new EventDao(db);
        long viewer = member(db, "viewer");
        long draft = dao.insertEvent(EventFixtures.draft(db, "draft", 5).withPublished(false));
        assertThat(dao.findEventDetail(draft, viewer, null)).isEmpty();
    }

    @DatabaseTest
    void organizerSeesRequestsAndProfilesByStatusInOneStatement(Database db) {
        EventDao dao = new EventDao(db);
        List<Long> people = EventFixtures.members(db, "m", 3);
        long noProfile = Fixtures.user(db, "plain");
        List<Long> events = List.of(EventFixtures.event(db, "a", 5), EventFixtures.event(db, "b", 5),
                EventFixtures.event(db, "c", 5));
        for (long e : events) {
            registration(db, e, people.get(0), RegistrationStatus.CONFIRMED, Duration.ofHours(3));
            registration(db, e, people.get(1), RegistrationStatus.CONFIRMED, Duration.ofHours(2));
            registration(db, e, people.get(2), RegistrationStatus.WAITLIST, Duration.ofHours(1));
            registration(db, e, noProfile, RegistrationStatus.CANCELLED, Duration.ofMinutes(1));
        }
        db.dsl().update(EVENT_REGISTRATION)
                .set(EVENT_REGISTRATION.DIETARY_RESTRICTIONS, "vegan")
                .set(EVENT_REGISTRATION.SPECIAL_REQUESTS, "window")
                .execute();

        for (long e : events) {
            var all = Statements.count(db, () -> dao.listRegistrationsForOrganizer(e, null));
            assertThat(all.statements()).isEqualTo(1);
            assertThat(all.value()).hasSize(4);
            RegistrationOrganizerView first = all.value().get(0);
            assertThat(first.userId()).isEqualTo(people.get(0));
            assertThat(first.dietaryRestrictions()).isEqualTo("vegan");
            assertThat(first.specialRequests()).isEqualTo("window");
            assertThat(first.email()).isEqualTo("m0@example.com");
            assertThat(first.age()).contains(31);
            assertThat(first.approved()).isTrue();
            RegistrationOrganizerView last = all.value().get(3);
            assertThat(last.userId()).isEqualTo(noProfile);
            assertThat(last.age()).isEmpty();
            assertThat(last.approved()).isFalse();

            var confirmed = Statements.count(db,
                    () -> dao.listRegistrationsForOrganizer(e, RegistrationStatus.CONFIRMED));
            assertThat(confirmed.statements()).isEqualTo(1);
            assertThat(confirmed.value()).extracting(RegistrationOrganizerView::userId)
                    .containsExactly(people.get(0), people.get(1));
        }
        assertThatThrownBy(() -> dao.listRegistrationsForOrganizer(999, null))
                .isInstanceOf(NotFoundException.class);
    }

    @DatabaseTest
    void attendeeRecordsCarryNoOrganizerOnlyFields() {
        assertThat(List.of(EventAttendee.class, EventListItem.class, EventDetail.class, Registration.class))
                .allSatisfy(type -> assertThat(type.getRecordComponents())
                        .extracting(java.lang.reflect.RecordComponent::getName)
                        .doesNotContain("dietaryRestrictions", "specialRequests", "invitationCode", "dateOfBirth",
                                "phone", "email"));
    }

    @DatabaseTest
    void badEventInputIsRefusedNamingTheFieldAndWritesNothing(Database db) {
        EventDao dao = new EventDao(db);
        long user = member(db, "u");
        long event = EventFixtures.event(db, "ok", 5);
        String before = EventFixtures.snapshot(db);
        NewEvent ok = EventFixtures.draft(db, "t", 5);
        OffsetDateTime now = db.now();
        assertField(() -> dao.insertEvent(null), "draft");
        assertField(() -> dao.insertEvent(NewEvent.of(null, now.plusDays(2), now.plusDays(1), 5)), "title");
        assertField(() -> dao.insertEvent(NewEvent.of("x".repeat(201), now.plusDays(2), now.plusDays(1), 5)),
                "title");
        assertField(() -> dao.insertEvent(NewEvent.of("t", null, now.plusDays(1), 5)), "eventDate");
        assertField(() -> dao.insertEvent(NewEvent.of("t", now.plusDays(2), null, 5)), "registrationDeadline");
        assertField(() -> dao.insertEvent(NewEvent.of("t", now.plusDays(2), now.plusDays(3), 5)),
                "registrationDeadline");
        assertField(() -> dao.insertEvent(NewEvent.of("t", now.plusDays(2), now.plusDays(1), 0)), "maxParticipants");
        assertField(() -> dao.insertEvent(NewEvent.of("t", now.plusDays(2), now.plusDays(1), -3)),
                "maxParticipants");
        assertField(() -> dao.insertEvent(NewEvent.of("t", now.plusDays(2), now.plusDays(1), 10_001)),
                "maxParticipants");
        assertField(() -> dao.insertEvent(ok.withAges(17, 30)), "minAge");
        assertField(() -> dao.insertEvent(ok.withAges(40, 30)), "maxAge");
        assertField(() -> dao.insertEvent(ok.withFee(new BigDecimal("-1"))), "registrationFee");
        assertField(() -> dao.insertEvent(ok.withFee(new BigDecimal("10000.00"))), "registrationFee");
        assertField(() -> dao.insertEvent(ok.withPrivateInvitation("")), "invitationCode");
        assertField(() -> dao.insertEvent(ok.withPrivateInvitation("c".repeat(51))), "invitationCode");
        assertField(() -> dao.insertEvent(ok.withDescription("d\u0000")), "description");
        assertField(() -> dao.insertSpecialUser(0, user), "eventId");
        assertField(() -> dao.insertSpecialUser(event, -1), "userId");
        assertField(() -> dao.insertSpecialUser(event, user + (1L << 32)), "userId");
        assertField(() -> dao.listEventsForViewer(user + (1L << 32), EventFilter.all(), PageRequest.first()),
                "viewerId");
        assertField(() -> dao.findEventDetail(event, user + (1L << 32), null), "viewerId");
        assertThatThrownBy(() -> dao.insertSpecialUser(999, user)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dao.insertSpecialUser(event, 999)).isInstanceOf(NotFoundException.class);
        assertField(() -> dao.listEventsForViewer(0, EventFilter.all(), PageRequest.first()), "viewerId");
        assertField(() -> dao.listEventsForViewer(user, null, PageRequest.first()), "filter");
        assertField(() -> dao.listEventsForViewer(user, EventFilter.all(), null), "page");
        assertField(() -> dao.listEventsForViewer(user, EventFilter.all(), PageRequest.first().next("%%%")),
                "cursor");
        assertField(() -> dao.listEventsForViewer(user, EventFilter.all(),
                PageRequest.first().next(PageRequest.encode("notadate", 1))), "cursor");
        assertField(() -> dao.findEventDetail(-1, user, null), "eventId");
        assertField(() -> dao.findEventDetail(event, 0, null), "viewerId");
        assertField(() -> dao.findEventDetail(event, user, "c".repeat(51)), "invitationCode");
        assertField(() -> dao.listRegistrationsForOrganizer(0, null), "eventId");
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void insertedEventReadsBackAsWritten(Database db) {
        EventDao dao = new EventDao(db);
        long viewer = member(db, "viewer");
        NewEvent draft = EventFixtures.draft(db, "Wine & Dine", 12).withAges(25, 40)
                .withFee(new BigDecimal("25.5")).withDescription("An evening");
        long id = dao.insertEvent(draft);
        EventDetail detail = dao.findEventDetail(id, viewer, null).orElseThrow();
        assertThat(detail.title()).isEqualTo("Wine & Dine");
        assertThat(detail.description()).isEqualTo("An evening");
        assertThat(detail.eventType()).isEqualTo(EventType.SPEED_DATING);
        assertThat(detail.eventDate()).isEqualTo(draft.eventDate());
        assertThat(detail.registrationDeadline()).isEqualTo(draft.registrationDeadline());
        assertThat(detail.registrationFee()).isEqualTo(new BigDecimal("25.50"));
        assertThat(detail.minAge()).isEqualTo(25);
        assertThat(detail.maxAge()).isEqualTo(40);
        assertThat(detail.registrationOpen()).isTrue();
        assertThat(detail.confirmedRegistrations()).isEmpty();
        assertThat(detail.viewerStatus()).isEqualTo(Optional.empty());
    }
}
