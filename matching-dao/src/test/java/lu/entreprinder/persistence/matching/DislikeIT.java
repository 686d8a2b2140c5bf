package lu.entreprinder.persistence.matching;

import static lu.entreprinder.persistence.matching.MatchingFixtures.disliked;
import static lu.entreprinder.persistence.matching.MatchingFixtures.industries;
import static lu.entreprinder.persistence.matching.MatchingFixtures.industry;
import static lu.entreprinder.persistence.matching.MatchingFixtures.liked;
import static lu.entreprinder.persistence.matching.MatchingFixtures.likes;
import static lu.entreprinder.persistence.matching.MatchingFixtures.matchOf;
import static lu.entreprinder.persistence.matching.MatchingFixtures.matches;
import static lu.entreprinder.persistence.schema.generated.Tables.DISLIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.MATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

/** Dislikes (V22): hidden candidates, their interplay with likes and matches, and who liked first in a match. */
class DislikeIT {

    /** Three candidates with two industries each (so an N+1 over the industries could not hide). */
    private static long[] candidatesWithIndustries(Database db, long me) {
        long finance = industry(db, "Finance");
        long health = industry(db, "Health");
        long food = industry(db, "Food");
        industries(db, Fixtures.entrepreneurProfile(db, me, "Me", "bio"), finance);
        long[] users = new long[3];
        String[] names = {"ava", "bob", "cid"};
        for (int i = 0; i < 3; i++) {
            users[i] = Fixtures.user(db, names[i]);
            industries(db, Fixtures.entrepreneurProfile(db, users[i], "Head " + i, "bio"), i == 2 ? food : finance,
                    health);
        }
        return users;
    }

    private static List<Long> candidateIds(MatchingDao dao, long me) {
        return dao.listCandidates(me, PageRequest.first(20)).items().stream().map(Candidate::userId).toList();
    }

    @DatabaseTest
    void aDislikedUserNeverComesBackAsACandidate(Database db, TestClock clock) {
        long me = Fixtures.user(db, "me");
        long[] others = candidatesWithIndustries(db, me);
        var dao = new MatchingDao(db);
        var service = new MatchingService(db);
        assertThat(candidateIds(dao, me)).containsExactlyInAnyOrder(others[0], others[1], others[2]);

        var counted = Statements.count(db, () -> service.dislike(me, others[1]));

        assertThat(counted.value()).isEqualTo(new DislikeResult.Disliked(
                ((DislikeResult.Disliked) counted.value()).dislikeId(), false, OptionalLong.empty()));
        assertThat(counted.statements()).as("lock, insert the dislike, withdraw a like (none)").isEqualTo(3);
        var read = Statements.count(db, () -> dao.listCandidates(me, PageRequest.first(20)));
        assertThat(read.statements()).isEqualTo(1);
        assertThat(read.value().items()).extracting(Candidate::userId).containsExactly(others[0], others[2]);
        assertThat(read.value().items()).allSatisfy(c -> assertThat(c.profile().industries()).hasSize(2));
        // only for the disliker: the disliked user still sees me
        assertThat(candidateIds(dao, others[1])).contains(me);
        // also on later pages and after time passes
        clock.advance(java.time.Duration.ofDays(30));
        assertThat(candidateIds(dao, me)).doesNotContain(others[1]);
        var page1 = dao.listCandidates(me, PageRequest.first(1));
        var page2 = dao.listCandidates(me, PageRequest.first(1).next(page1.nextCursor()));
        assertThat(page1.items()).extracting(Candidate::userId).doesNotContain(others[1]);
        assertThat(page2.items()).extracting(Candidate::userId).doesNotContain(others[1]);
    }

    @DatabaseTest
    void dislikingTwiceIsANoOp(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var service = new MatchingService(db);
        assertThat(service.dislike(anna, ben)).isInstanceOf(DislikeResult.Disliked.class);

        var counted = Statements.count(db, () -> service.dislike(anna, ben));

        assertThat(counted.value()).isEqualTo(new DislikeResult.AlreadyDisliked());
        assertThat(counted.statements()).isEqualTo(2);
        assertThat(db.dsl().fetchCount(DISLIKE)).isEqualTo(1);
    }

    @DatabaseTest
    void aDislikeWithdrawsTheLikeAndDissolvesTheMatchButKeepsTheOtherLike(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var service = new MatchingService(db);
        service.like(anna, ben);
        long matchId = ((LikeResult.Matched) service.like(ben, anna)).matchId();

        var counted = Statements.count(db, () -> service.dislike(anna, ben));

        var outcome = (DislikeResult.Disliked) counted.value();
        assertThat(outcome.likeWithdrawn()).isTrue();
        assertThat(outcome.dissolvedMatchId()).hasValue(matchId);
        assertThat(counted.statements()).as("lock, insert, withdraw the like, dissolve the match").isEqualTo(4);
        assertThat(liked(db, anna, ben)).isFalse();
        assertThat(liked(db, ben, anna)).as("ben's own like stays").isTrue();
        assertThat(matches(db)).isZero();
        assertThat(disliked(db, anna, ben)).isTrue();
    }

    @DatabaseTest
    void aLikeOfSomeoneDislikedClearsTheDislike(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var service = new MatchingService(db);
        service.like(ben, anna);
        service.dislike(anna, ben);

        var counted = Statements.count(db, () -> service.like(anna, ben));

        assertThat(counted.value()).isInstanceOf(LikeResult.Matched.class);
        assertThat(counted.statements()).isEqualTo(4);
        assertThat(disliked(db, anna, ben)).isFalse();
        assertThat(liked(db, anna, ben)).isTrue();
        assertThat(matchOf(db, anna, ben)).isNotNull();
    }

    @DatabaseTest
    void aMatchKeepsWhoLikedFirst(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long cleo = Fixtures.user(db, "cleo");
        var service = new MatchingService(db);
        // ben (higher id) likes first: the match is stored (anna, ben) but remembers ben
        service.like(ben, anna);
        service.like(anna, ben);
        service.like(anna, cleo);
        service.like(cleo, anna);

        assertThat(db.dsl().select(MATCH.FIRST_LIKER_ID).from(MATCH).where(MATCH.ID.eq(matchOf(db, anna, ben)))
                .fetchOne(MATCH.FIRST_LIKER_ID)).isEqualTo((int) ben);
        var dao = new MatchingDao(db);
        var annas = dao.listMatches(anna, PageRequest.first(20)).items();
        assertThat(annas).extracting(UserMatch::otherUserId, UserMatch::firstLikerId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ben, OptionalLong.of(ben)),
                        org.assertj.core.groups.Tuple.tuple(cleo, OptionalLong.of(anna)));
        assertThat(dao.listMatches(ben, PageRequest.first(20)).items())
                .extracting(UserMatch::firstLikerId).containsExactly(OptionalLong.of(ben));
    }

    @DatabaseTest
    void aMatchTheDjangoAppWroteHasNoFirstLiker(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        // the Django app's INSERT does not name first_liker_id: the database default (NULL) applies
        db.dsl().insertInto(MATCH, MATCH.USER1_ID, MATCH.USER2_ID, MATCH.CREATED_AT)
                .values(anna, ben, db.now()).execute();

        assertThat(new MatchingDao(db).listMatches(anna, PageRequest.first(20)).items())
                .extracting(UserMatch::firstLikerId).containsExactly(OptionalLong.empty());
    }

    @DatabaseTest
    void badInputIsRefusedNamingTheFieldAndWritesNothing(Database db) {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var service = new MatchingService(db);
        service.like(anna, ben);

        assertThatThrownBy(() -> service.dislike(anna, anna)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("toUserId"));
        assertThatThrownBy(() -> service.dislike(0, ben)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("fromUserId"));
        assertThatThrownBy(() -> service.dislike(anna, -3)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("toUserId"));
        assertThatThrownBy(() -> service.dislike(anna, 999_999)).isInstanceOf(NotFoundException.class);

        assertThat(db.dsl().fetchCount(DISLIKE)).isZero();
        assertThat(liked(db, anna, ben)).as("the like was not withdrawn").isTrue();
        assertThat(likes(db)).isEqualTo(1);
    }
}
