package lu.entreprinder.persistence.crushlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Statements;

/** The anonymous visitor's event listing: what it shows, its counts, one statement, keyset paging. */
class AnonymousEventListingIT {

    @DatabaseTest
    void showsOnlyPublishedUpcomingPublicNotCancelledEventsWithTheMemberListingsCounts(Database db) {
        EventDao dao = new EventDao(db);
        long a = EventFixtures.event(db, "a", 2);
        long b = EventFixtures.event(db, "b", 3);
        long c = EventFixtures.event(db, "c", 10);
        long privateOne = dao.insertEvent(EventFixtures.draft(db, "private", 5).withPrivateInvitation("SECRET"));
        long draft = dao.insertEvent(EventFixtures.draft(db, "draft", 5).withPublished(false));
        long past = EventFixtures.pastEvent(db, "past", 5);
        long cancelled = EventFixtures.event(db, "cancelled", 5);
        new EventService(db).cancelEvent(cancelled);
        List<Long> users = EventFixtures.members(db, "u", 6);
        // a: full with a waitlist; b: two confirmed and a cancellation; c: two confirmed, one waitlisted (by hand)
        int i = 0;
        for (long[] reg : new long[][] {{a, 0, 0}, {a, 1, 0}, {a, 2, 1}, {b, 0, 0}, {b, 1, 0}, {b, 2, 2},
                {c, 3, 0}, {c, 4, 0}, {c, 5, 1}, {privateOne, 0, 0}, {draft, 0, 0}, {past, 0, 0}, {cancelled, 0, 0}}) {
            RegistrationStatus status = reg[2] == 0 ? RegistrationStatus.CONFIRMED
                    : reg[2] == 1 ? RegistrationStatus.WAITLIST : RegistrationStatus.CANCELLED;
            EventFixtures.registration(db, reg[0], users.get((int) reg[1]), status, Duration.ofMinutes(++i));
        }

        var listed = Statements.count(db, () -> dao.listEventsForAnonymous(EventFilter.all(), PageRequest.first(20)));
        assertThat(listed.statements()).isEqualTo(1);
        Page<PublicEventListItem> page = listed.value();
        assertThat(page.items()).extracting(PublicEventListItem::id).containsExactly(a, b, c);
        assertThat(page.next()).isEmpty();

        Map<Long, EventListItem> member = dao.listEventsForViewer(users.get(0), EventFilter.all().published()
                .upcoming(), PageRequest.first(20)).items().stream()
                .collect(Collectors.toMap(EventListItem::id, Function.identity()));
        for (PublicEventListItem item : page.items()) {
            EventListItem m = member.get(item.id());
            assertThat(List.of(item.confirmedCount(), item.waitlistCount(), item.totalRegistrations(),
                    item.spotsRemaining())).isEqualTo(List.of(m.confirmedCount(), m.waitlistCount(),
                    m.totalRegistrations(), m.spotsRemaining()));
            assertThat(item.full()).isEqualTo(m.full());
            assertThat(item.registrationOpen()).isEqualTo(m.registrationOpen());
        }
        PublicEventListItem first = page.items().get(0);
        assertThat(List.of(first.confirmedCount(), first.waitlistCount(), first.totalRegistrations()))
                .containsExactly(2, 1, 3);
        assertThat(first.full()).isTrue();
        assertThat(first.registrationOpen()).isFalse();
        assertThat(page.items().get(1).spotsRemaining()).isEqualTo(1);

        assertThat(dao.listEventsForAnonymous(EventFilter.all().notFull(), PageRequest.first(20)).items())
                .extracting(PublicEventListItem::id).containsExactly(b, c);
    }

    @DatabaseTest
    void pagesWithAKeysetCursor(Database db) {
        EventDao dao = new EventDao(db);
        long a = EventFixtures.event(db, "a", 2);
        long b = EventFixtures.event(db, "b", 2);
        long c = EventFixtures.event(db, "c", 2);
        Page<PublicEventListItem> first = dao.listEventsForAnonymous(EventFilter.all(), PageRequest.first(2));
        assertThat(first.items()).extracting(PublicEventListItem::id).containsExactly(a, b);
        assertThat(first.next()).isPresent();
        Page<PublicEventListItem> second = dao.listEventsForAnonymous(EventFilter.all(),
                PageRequest.first(2).next(first.next().orElseThrow()));
        assertThat(second.items()).extracting(PublicEventListItem::id).containsExactly(c);
        assertThat(second.next()).isEmpty();
    }

    @DatabaseTest
    void missingArgumentsAreNamed(Database db) {
        EventDao dao = new EventDao(db);
        assertThatThrownBy(() -> dao.listEventsForAnonymous(null, PageRequest.first()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("filter"));
        assertThatThrownBy(() -> dao.listEventsForAnonymous(EventFilter.all(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("page"));
    }
}
