package lu.entreprinder.persistence.matching;

import static lu.entreprinder.persistence.matching.MatchingFixtures.liked;
import static lu.entreprinder.persistence.matching.MatchingFixtures.likes;
import static lu.entreprinder.persistence.matching.MatchingFixtures.matchOf;
import static lu.entreprinder.persistence.matching.MatchingFixtures.matches;
import static lu.entreprinder.persistence.schema.generated.Tables.MATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;
import org.jooq.Record;

class MatchingServiceIT {

    @DatabaseTest
    void likeWithoutLikeBackIsLikedInThreeStatements(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var service = new MatchingService(db);

        var counted = Statements.count(db, () -> service.like(anna, ben));

        assertThat(counted.value()).isInstanceOf(LikeResult.Liked.class);
        assertThat(counted.statements()).isEqualTo(4);
        assertThat(liked(db, anna, ben)).isTrue();
        assertThat(liked(db, ben, anna)).isFalse();
        assertThat(matches(db)).isZero();
    }

    @DatabaseTest
    void likeBackCreatesTheOneMatchLowerIdFirst(Database db, TestClock clock) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var service = new MatchingService(db);
        service.like(anna, ben);
        clock.advance(Duration.ofMinutes(5));

        // The higher id likes back: the match must still be stored (lower, higher).
        var counted = Statements.count(db, () -> service.like(ben, anna));

        assertThat(counted.statements()).isEqualTo(4);
        assertThat(counted.value()).isInstanceOf(LikeResult.Matched.class);
        long matchId = ((LikeResult.Matched) counted.value()).matchId();
        Record row = db.dsl().selectFrom(MATCH).fetchSingle();
        assertThat(row.get(MATCH.ID)).isEqualTo(matchId);
        assertThat(row.get(MATCH.USER1_ID)).isEqualTo(anna);
        assertThat(row.get(MATCH.USER2_ID)).isEqualTo(ben);
        assertThat(row.get(MATCH.CREATED_AT)).isEqualTo(db.now());
    }

    @DatabaseTest
    void likingTwiceIsANoOp(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var service = new MatchingService(db);
        service.like(anna, ben);

        var counted = Statements.count(db, () -> service.like(anna, ben));

        assertThat(counted.value()).isInstanceOf(LikeResult.AlreadyLiked.class);
        assertThat(counted.statements()).isEqualTo(3);
        assertThat(likes(db)).isEqualTo(1);

        // After the match, both directions are "already liked" and the match stays single.
        assertThat(service.like(ben, anna)).isInstanceOf(LikeResult.Matched.class);
        assertThat(service.like(ben, anna)).isInstanceOf(LikeResult.AlreadyLiked.class);
        assertThat(service.like(anna, ben)).isInstanceOf(LikeResult.AlreadyLiked.class);
        assertThat(matches(db)).isEqualTo(1);
        assertThat(likes(db)).isEqualTo(2);
    }

    @DatabaseTest
    void likeJoinsTheCallersTransactionAndRollsBackWithIt(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var service = new MatchingService(db);
        service.like(ben, anna);

        assertThatThrownBy(() -> db.useTransaction(tx -> {
            assertThat(service.like(anna, ben)).isInstanceOf(LikeResult.Matched.class);
            throw new IllegalStateException("caller fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(liked(db, anna, ben)).isFalse();
        assertThat(matches(db)).isZero();
    }

    @DatabaseTest
    void selfLikeIsRefusedWithNothingWritten(Database db) {
        long anna = Fixtures.user(db, "anna");
        var service = new MatchingService(db);

        assertThatThrownBy(() -> service.like(anna, anna))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toUserId"));
        assertThatThrownBy(() -> service.unlike(anna, anna))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toUserId"));
        assertThat(likes(db)).isZero();
    }

    @DatabaseTest
    void badIdsAreRefusedNamingTheFieldWithNothingWritten(Database db) {
        long anna = Fixtures.user(db, "anna");
        var service = new MatchingService(db);

        for (long bad : new long[] {0, -1, Long.MIN_VALUE, Integer.MAX_VALUE + 1L}) {
            long total = db.totalStatements();
            assertThatThrownBy(() -> service.like(bad, anna))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fromUserId"));
            assertThatThrownBy(() -> service.like(anna, bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toUserId"));
            assertThatThrownBy(() -> service.unlike(bad, anna))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fromUserId"));
            assertThatThrownBy(() -> service.unlike(anna, bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toUserId"));
            assertThat(db.totalStatements()).as("no SQL ran").isEqualTo(total);
        }
        assertThat(likes(db)).isZero();
    }

    @DatabaseTest
    void unknownUsersAreNotFoundWithNothingWritten(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ghost = anna + 1000;
        var service = new MatchingService(db);

        assertThatThrownBy(() -> service.like(anna, ghost))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entity()).isEqualTo("user");
                    assertThat(e.id()).isEqualTo(ghost);
                });
        assertThatThrownBy(() -> service.like(ghost, anna))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.id()).isEqualTo(ghost));
        assertThatThrownBy(() -> service.unlike(anna, ghost))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.id()).isEqualTo(ghost));
        assertThat(likes(db)).isZero();
        assertThat(matches(db)).isZero();
    }

    @DatabaseTest
    void unlikeRemovesTheLikeAndDissolvesTheMatch(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long cleo = Fixtures.user(db, "cleo");
        var service = new MatchingService(db);
        service.like(anna, ben);
        var matched = (LikeResult.Matched) service.like(ben, anna);
        service.like(anna, cleo);

        var counted = Statements.count(db, () -> service.unlike(ben, anna));

        assertThat(counted.value()).isEqualTo(new UnlikeResult.Unmatched(matched.matchId()));
        assertThat(counted.statements()).isEqualTo(3);
        assertThat(liked(db, ben, anna)).isFalse();
        assertThat(liked(db, anna, ben)).as("the other direction stays").isTrue();
        assertThat(matchOf(db, anna, ben)).isNull();

        var plain = Statements.count(db, () -> service.unlike(anna, cleo));
        assertThat(plain.value()).isEqualTo(new UnlikeResult.Unliked());
        assertThat(plain.statements()).isEqualTo(3);

        var none = Statements.count(db, () -> service.unlike(anna, cleo));
        assertThat(none.value()).isEqualTo(new UnlikeResult.NotLiked());
        assertThat(none.statements()).isEqualTo(2);

        // Liking back again re-creates the match.
        assertThat(service.like(ben, anna)).isInstanceOf(LikeResult.Matched.class);
        assertThat(matches(db)).isEqualTo(1);
        assertThat(likes(db)).isEqualTo(2);
    }
}
