package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.VotingFixtures.open;
import static lu.entreprinder.persistence.crushlu.VotingFixtures.evening;
import lu.entreprinder.persistence.crushlu.VotingFixtures.Evening;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static lu.entreprinder.persistence.schema.generated.Tables.PRESENTATION_RATING;
import static lu.entreprinder.persistence.schema.generated.Tables.VOTING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import org.assertj.core.groups.Tuple;

/** Voting sessions, presentation ratings and results of a speed-dating evening (V23). */
class VotingIT {

    /** Every voting row, in a stable text form: equal snapshots mean nothing changed. */
    static String snapshot(Database db) {
        return db.dsl().selectFrom(VOTING_SESSION).orderBy(VOTING_SESSION.ID).fetch().stream()
                .map(r -> r.intoList().toString()).collect(Collectors.joining("; "))
                + " | " + db.dsl().selectFrom(PRESENTATION_RATING).orderBy(PRESENTATION_RATING.ID).fetch().stream()
                .map(r -> r.intoList().toString()).collect(Collectors.joining("; "));
    }

    @DatabaseTest
    void aCoachOpensTheEventsOneVotingSession(Database db) {
        Evening e = evening(db, "anna");
        long otherCoach = Fixtures.user(db, "coach2");
        Fixtures.coach(db, otherCoach, 5);
        var service = new VotingService(db);
        var dao = new VotingDao(db);

        var opened = Statements.count(db, () -> service.openSession(e.eventId(), e.coach()));

        assertThat(opened.statements()).as("checks, insert").isEqualTo(2);
        var session = ((VotingOpenResult.Opened) opened.value()).session();
        assertThat(session.eventId()).isEqualTo(e.eventId());
        assertThat(session.openedByUserId()).isEqualTo(OptionalLong.of(e.coach()));
        assertThat(session.status()).isEqualTo(VotingStatus.OPEN);
        assertThat(session.openedAt()).isEqualTo(db.now());
        assertThat(session.closedAt()).isEmpty();

        var again = Statements.count(db, () -> service.openSession(e.eventId(), otherCoach));
        assertThat(again.value()).isEqualTo(new VotingOpenResult.AlreadyExists(session));
        assertThat(again.statements()).isEqualTo(1);

        var found = Statements.count(db, () -> dao.findSessionForEvent(e.eventId()));
        assertThat(found.value()).contains(session);
        assertThat(found.statements()).isEqualTo(1);
        assertThat(dao.findSessionForEvent(e.eventId() + 1000)).isEmpty();
        assertThat(db.dsl().fetchCount(VOTING_SESSION)).isEqualTo(1);
    }

    @DatabaseTest
    void onlyACoachOpensOrClosesASession(Database db) {
        Evening e = evening(db, "anna");
        var service = new VotingService(db);
        long anna = e.attendees().get(0);

        assertThat(service.openSession(e.eventId(), anna)).isEqualTo(new VotingOpenResult.NotCoach(anna));
        assertThat(db.dsl().fetchCount(VOTING_SESSION)).isZero();

        long session = open(service, e);
        String before = snapshot(db);
        assertThat(service.closeSession(session, anna)).isEqualTo(new VotingCloseResult.NotCoach(anna));
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void attendeesRateEachOtherAndASecondRatingUpdatesTheOneRow(Database db) {
        Evening e = evening(db, "anna", "ben");
        long anna = e.attendees().get(0);
        long ben = e.attendees().get(1);
        var service = new VotingService(db);
        long session = open(service, e);

        var first = Statements.count(db, () -> service.rate(session, anna, ben, 4));
        assertThat(first.statements()).as("lock, checks, insert").isEqualTo(3);
        long ratingId = ((RatingResult.Rated) first.value()).ratingId();
        assertThat(first.value()).isEqualTo(new RatingResult.Rated(ratingId, 4));

        var second = Statements.count(db, () -> service.rate(session, anna, ben, 2));
        assertThat(second.statements()).as("lock, checks, update").isEqualTo(3);
        assertThat(second.value()).isEqualTo(new RatingResult.Updated(ratingId, 4, 2));

        var row = db.dsl().selectFrom(PRESENTATION_RATING).fetchSingle();
        assertThat(row.getScore()).isEqualTo(2);
        assertThat(row.getRaterUserId()).isEqualTo((int) anna);
        assertThat(row.getPresenterUserId()).isEqualTo((int) ben);
        // the other direction is a rating of its own
        assertThat(service.rate(session, ben, anna, 5)).isInstanceOf(RatingResult.Rated.class);
        assertThat(db.dsl().fetchCount(PRESENTATION_RATING)).isEqualTo(2);
    }

    @DatabaseTest
    void onlyAttendeesOfTheSessionsEventRateOrAreRated(Database db) {
        Evening e = evening(db, "anna", "ben");
        long anna = e.attendees().get(0);
        long ben = e.attendees().get(1);
        long carl = Fixtures.user(db, "carl");
        EventFixtures.registration(db, e.eventId(), carl, RegistrationStatus.CONFIRMED, Duration.ofDays(2));
        long dora = Fixtures.user(db, "dora");
        long otherEvent = EventFixtures.event(db, "Another evening", 10);
        EventFixtures.registration(db, otherEvent, dora, RegistrationStatus.ATTENDED, Duration.ofDays(2));
        var service = new VotingService(db);
        long session = open(service, e);
        String before = snapshot(db);

        assertThat(service.rate(session, carl, ben, 3)).as("confirmed is not attended")
                .isEqualTo(new RatingResult.RaterNotAttendee(carl));
        assertThat(service.rate(session, dora, ben, 3)).as("attended another event")
                .isEqualTo(new RatingResult.RaterNotAttendee(dora));
        assertThat(service.rate(session, anna, carl, 3)).isEqualTo(new RatingResult.PresenterNotAttendee(carl));
        assertThat(service.rate(session, anna, 999_999, 3)).isEqualTo(new RatingResult.PresenterNotAttendee(999_999));
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void aClosedSessionTakesNoMoreRatings(Database db) {
        Evening e = evening(db, "anna", "ben");
        long anna = e.attendees().get(0);
        long ben = e.attendees().get(1);
        var service = new VotingService(db);
        long session = open(service, e);
        service.rate(session, anna, ben, 4);

        var closed = Statements.count(db, () -> service.closeSession(session, e.coach()));
        assertThat(closed.statements()).as("lock and check, update").isEqualTo(2);
        var closedSession = ((VotingCloseResult.Closed) closed.value()).session();
        assertThat(closedSession.status()).isEqualTo(VotingStatus.CLOSED);
        assertThat(closedSession.closedAt()).contains(db.now());
        assertThat(new VotingDao(db).findSessionForEvent(e.eventId())).contains(closedSession);
        String before = snapshot(db);

        var refused = Statements.count(db, () -> service.rate(session, anna, ben, 1));
        assertThat(refused.value()).isEqualTo(new RatingResult.SessionClosed(session));
        assertThat(refused.statements()).isEqualTo(1);
        var again = Statements.count(db, () -> service.closeSession(session, e.coach()));
        assertThat(again.value()).isEqualTo(new VotingCloseResult.AlreadyClosed(closedSession));
        assertThat(again.statements()).isEqualTo(1);
        assertThat(service.openSession(e.eventId(), e.coach()))
                .isEqualTo(new VotingOpenResult.AlreadyExists(closedSession));
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void badInputIsRefusedNamingTheFieldAndWritesNothing(Database db) {
        Evening e = evening(db, "anna", "ben");
        long anna = e.attendees().get(0);
        long ben = e.attendees().get(1);
        var service = new VotingService(db);
        var dao = new VotingDao(db);
        long session = open(service, e);
        String before = snapshot(db);

        assertField(() -> service.rate(session, anna, ben, 0), "score");
        assertField(() -> service.rate(session, anna, ben, 6), "score");
        assertField(() -> service.rate(session, anna, anna, 3), "presenterId");
        assertField(() -> service.rate(0, anna, ben, 3), "sessionId");
        assertField(() -> service.rate(session, -1, ben, 3), "raterId");
        assertField(() -> service.rate(session, anna, 0, 3), "presenterId");
        assertField(() -> service.openSession(0, e.coach()), "eventId");
        assertField(() -> service.openSession(e.eventId(), 0), "coachUserId");
        assertField(() -> service.closeSession(-4, e.coach()), "sessionId");
        assertField(() -> service.closeSession(session, 0), "coachUserId");
        assertField(() -> dao.listResults(0), "sessionId");
        assertField(() -> dao.listMutualHighRatings(session, 0), "minScore");
        assertField(() -> dao.listMutualHighRatings(session, 6), "minScore");
        assertField(() -> dao.findSessionForEvent(0), "eventId");
        assertThatThrownBy(() -> service.rate(session + 1000, anna, ben, 3)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.closeSession(session + 1000, e.coach()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.openSession(e.eventId() + 1000, e.coach()))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void resultsGivePerPresenterCountAndAverageInOneStatement(Database db) {
        Evening e = evening(db, "anna", "ben", "cleo", "dan");
        long anna = e.attendees().get(0);
        long ben = e.attendees().get(1);
        long cleo = e.attendees().get(2);
        long dan = e.attendees().get(3);
        var service = new VotingService(db);
        var dao = new VotingDao(db);
        long session = open(service, e);
        // anna: 5, 4, 4 -> 4.33; ben: 5, 5 -> 5.00; cleo: 2, 3 -> 2.50; dan unrated
        service.rate(session, ben, anna, 5);
        service.rate(session, cleo, anna, 4);
        service.rate(session, dan, anna, 4);
        service.rate(session, anna, ben, 5);
        service.rate(session, dan, ben, 5);
        service.rate(session, anna, cleo, 2);
        service.rate(session, ben, cleo, 3);
        service.rate(session, cleo, dan, 1);
        service.rate(session, cleo, dan, 2); // updated, still one rating

        var results = Statements.count(db, () -> dao.listResults(session));

        assertThat(results.statements()).isEqualTo(1);
        assertThat(results.value()).extracting(PresenterResult::presenterId, PresenterResult::ratingCount,
                        PresenterResult::averageScore)
                .containsExactly(
                        Tuple.tuple(ben, 2, new BigDecimal("5.00")),
                        Tuple.tuple(anna, 3, new BigDecimal("4.33")),
                        Tuple.tuple(cleo, 2, new BigDecimal("2.50")),
                        Tuple.tuple(dan, 1, new BigDecimal("2.00")));
        assertThat(results.value().get(0).username()).isEqualTo("ben");

        var mutual = Statements.count(db, () -> dao.listMutualHighRatings(session, 4));
        assertThat(mutual.statements()).isEqualTo(1);
        assertThat(mutual.value()).containsExactly(new MutualRating(anna, ben, 5, 5));
        // only pairs who rated each other (ben rated cleo, cleo did not rate ben)
        assertThat(dao.listMutualHighRatings(session, 1)).containsExactly(
                new MutualRating(anna, ben, 5, 5), new MutualRating(anna, cleo, 2, 4));
        assertThat(dao.listResults(session + 1000)).isEmpty();
    }
}
