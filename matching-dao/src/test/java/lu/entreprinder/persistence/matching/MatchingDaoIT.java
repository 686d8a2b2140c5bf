package lu.entreprinder.persistence.matching;

import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static lu.entreprinder.persistence.matching.MatchingFixtures.deactivate;
import static lu.entreprinder.persistence.matching.MatchingFixtures.industries;
import static lu.entreprinder.persistence.matching.MatchingFixtures.industry;
import static lu.entreprinder.persistence.matching.MatchingFixtures.skill;
import static lu.entreprinder.persistence.matching.MatchingFixtures.skills;
import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

class MatchingDaoIT {

    /** anna matched with ben, cleo, dan (profiles with 2+ industries each) and eve (no profile). */
    record MatchWorld(long anna, long ben, long cleo, long dan, long eve) {
    }

    static MatchWorld matchWorld(Database db, TestClock clock) {
        long fintech = industry(db, "Fintech");
        long health = industry(db, "Health");
        long retail = industry(db, "Retail");
        long energy = industry(db, "Energy");
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long cleo = Fixtures.user(db, "cleo");
        long dan = Fixtures.user(db, "dan");
        long eve = Fixtures.user(db, "eve");
        Fixtures.entrepreneurProfile(db, anna, "Anna builds", "");
        industries(db, Fixtures.entrepreneurProfile(db, ben, "Ben pays", "bio"), fintech, retail);
        industries(db, Fixtures.entrepreneurProfile(db, cleo, "Cleo heals", "bio"), health, fintech, energy);
        industries(db, Fixtures.entrepreneurProfile(db, dan, "Dan powers", "bio"), energy, retail);
        var service = new MatchingService(db);
        for (long other : new long[] {ben, cleo, dan, eve}) {
            clock.advance(Duration.ofMinutes(1));
            service.like(anna, other);
            service.like(other, anna);
        }
        // ben and cleo also match each other, so their lists have more than one match too.
        service.like(ben, cleo);
        service.like(cleo, ben);
        return new MatchWorld(anna, ben, cleo, dan, eve);
    }

    @DatabaseTest
    void listMatchesShowsTheOtherPersonsSummaryNewestFirstInOneStatement(Database db, TestClock clock) {
        MatchWorld w = matchWorld(db, clock);
        var dao = new MatchingDao(db);

        var counted = Statements.count(db, () -> dao.listMatches(w.anna(), PageRequest.first()));

        assertThat(counted.statements()).isEqualTo(1);
        Page<UserMatch> page = counted.value();
        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).extracting(UserMatch::otherUserId).containsExactly(w.eve(), w.dan(), w.cleo(), w.ben());
        UserMatch cleo = page.items().get(2);
        assertThat(cleo.otherUsername()).isEqualTo("cleo");
        assertThat(cleo.otherFirstName()).isEqualTo("Cleo");
        assertThat(cleo.profile()).isEqualTo(new ProfileSummary(true, "Cleo heals", "profiles/" + w.cleo() + ".jpg",
                List.of("Energy", "Fintech", "Health")));
        assertThat(page.items().get(1).profile().industries()).containsExactly("Energy", "Retail");
        assertThat(page.items().get(3).profile().industries()).containsExactly("Fintech", "Retail");
        assertThat(page.items().get(0).profile()).isEqualTo(ProfileSummary.EMPTY);
        assertThat(page.items()).extracting(UserMatch::matchedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));

        // Seen from ben: anna and cleo, anna's profile has no industries.
        var ben = Statements.count(db, () -> dao.listMatches(w.ben(), PageRequest.first()));
        assertThat(ben.statements()).isEqualTo(1);
        assertThat(ben.value().items()).extracting(UserMatch::otherUserId).containsExactly(w.cleo(), w.anna());
        assertThat(ben.value().items().get(1).profile())
                .isEqualTo(new ProfileSummary(true, "Anna builds", "profiles/" + w.anna() + ".jpg", List.of()));
    }

    @DatabaseTest
    void listMatchesPagesByKeysetIncludingTies(Database db, TestClock clock) {
        long anna = Fixtures.user(db, "anna");
        var service = new MatchingService(db);
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long other = Fixtures.user(db, "u" + i);
            others.add(other);
            service.like(anna, other);
            service.like(other, anna);
            if (i % 2 == 1) {
                clock.advance(Duration.ofSeconds(1)); // pairs of matches share a created_at: the id breaks the tie
            }
        }
        var dao = new MatchingDao(db);
        List<Long> seen = pageThrough(req -> dao.listMatches(anna, req), 2, UserMatch::otherUserId, db);
        assertThat(seen).containsExactlyElementsOf(others.reversed());
    }

    @DatabaseTest
    void candidatesAreRankedBySharedSkillsAndIndustriesThenNewest(Database db, TestClock clock) {
        long fintech = industry(db, "Fintech");
        long health = industry(db, "Health");
        long retail = industry(db, "Retail");
        long energy = industry(db, "Energy");
        long java = skill(db, "Java");
        long sql = skill(db, "SQL");
        long design = skill(db, "Design");

        long anna = Fixtures.user(db, "anna");
        long annaProfile = Fixtures.entrepreneurProfile(db, anna, "Anna", "");
        skills(db, annaProfile, java, sql);
        industries(db, annaProfile, fintech, health);
        clock.advance(Duration.ofDays(1));
        long ben = Fixtures.user(db, "ben"); // same date_joined as cleo: the higher id (cleo) ranks first
        long cleo = Fixtures.user(db, "cleo");
        long benProfile = Fixtures.entrepreneurProfile(db, ben, "Ben", "");
        skills(db, benProfile, java, sql, design);
        industries(db, benProfile, fintech, retail);                    // 2 skills + 1 industry = 3
        long cleoProfile = Fixtures.entrepreneurProfile(db, cleo, "Cleo", "");
        skills(db, cleoProfile, java);
        industries(db, cleoProfile, fintech, health, energy);          // 1 skill + 2 industries = 3
        clock.advance(Duration.ofDays(1));
        long hal = Fixtures.user(db, "hal");
        long halProfile = Fixtures.entrepreneurProfile(db, hal, "Hal", "");
        industries(db, halProfile, health, energy);                     // 1
        clock.advance(Duration.ofDays(1));
        long dan = Fixtures.user(db, "dan");
        long danProfile = Fixtures.entrepreneurProfile(db, dan, "Dan", "");
        skills(db, danProfile, design);
        industries(db, danProfile, retail, energy);                     // 0, newest
        // Excluded: no profile, inactive, already liked.
        Fixtures.user(db, "eve");
        long fred = Fixtures.user(db, "fred");
        industries(db, Fixtures.entrepreneurProfile(db, fred, "Fred", ""), fintech, health);
        deactivate(db, fred);
        long gus = Fixtures.user(db, "gus");
        industries(db, Fixtures.entrepreneurProfile(db, gus, "Gus", ""), fintech, health);
        var service = new MatchingService(db);
        service.like(anna, gus);
        service.like(hal, anna); // being liked does not exclude

        var dao = new MatchingDao(db);
        var counted = Statements.count(db, () -> dao.listCandidates(anna, PageRequest.first()));

        assertThat(counted.statements()).isEqualTo(1);
        List<Candidate> list = counted.value().items();
        assertThat(list).extracting(Candidate::userId).containsExactly(cleo, ben, hal, dan);
        assertThat(list).extracting(Candidate::score).containsExactly(3, 3, 1, 0);
        assertThat(list.get(0).sharedSkills()).isEqualTo(1);
        assertThat(list.get(0).sharedIndustries()).isEqualTo(2);
        assertThat(list.get(1).sharedSkills()).isEqualTo(2);
        assertThat(list.get(1).sharedIndustries()).isEqualTo(1);
        assertThat(list.get(0).profile()).isEqualTo(new ProfileSummary(true, "Cleo", "profiles/" + cleo + ".jpg",
                List.of("Energy", "Fintech", "Health")));
        assertThat(list.get(3).profile().industries()).containsExactly("Energy", "Retail");
        assertThat(list.get(3).username()).isEqualTo("dan");
        assertThat(counted.value().hasNext()).isFalse();

        // Keyset pages of every size give the same order.
        for (int size = 1; size <= 3; size++) {
            assertThat(pageThrough(req -> dao.listCandidates(anna, req), size, Candidate::userId, db))
                    .containsExactly(cleo, ben, hal, dan);
        }

        // Liking a candidate removes them from the list.
        service.like(anna, ben);
        assertThat(dao.listCandidates(anna, PageRequest.first()).items()).extracting(Candidate::userId)
                .containsExactly(cleo, hal, dan);
    }

    @DatabaseTest
    void withoutAnOwnProfileCandidatesAreNewestFirstAndUnknownUsersHaveNone(Database db, TestClock clock) {
        long anna = Fixtures.user(db, "anna");
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(1));
            long u = Fixtures.user(db, "u" + i);
            Fixtures.entrepreneurProfile(db, u, "U" + i, "");
            others.add(u);
        }
        var dao = new MatchingDao(db);
        assertThat(dao.listCandidates(anna, PageRequest.first()).items())
                .extracting(Candidate::userId).containsExactlyElementsOf(others.reversed());
        assertThat(dao.listCandidates(anna, PageRequest.first()).items()).allSatisfy(c -> assertThat(c.score()).isZero());
        assertThat(dao.listCandidates(anna + 1000, PageRequest.first()).items()).isEmpty();
    }

    @DatabaseTest
    void candidateIndustryNamesComeBackExactlyWhateverTheyContain(Database db, TestClock clock) {
        // The candidate listing reads the names as one text with ',' and '\\' escaped: names holding them, an empty
        // name and a profile without industries must all come back as stored, in the database's name order.
        List<String> names = List.of("Food, Drink", "A\\B", "\\", ",", "\\,", "Zürich ☕ 𝄞", "", "end\\");
        long[] ids = names.stream().mapToLong(n -> industry(db, n)).toArray();
        long anna = Fixtures.user(db, "anna");
        clock.advance(Duration.ofHours(1));
        long ben = Fixtures.user(db, "ben");
        long benProfile = Fixtures.entrepreneurProfile(db, ben, "Ben", "");
        industries(db, benProfile, ids);
        clock.advance(Duration.ofHours(1));
        long cleo = Fixtures.user(db, "cleo");
        Fixtures.entrepreneurProfile(db, cleo, "Cleo", "");

        List<Candidate> list = new MatchingDao(db).listCandidates(anna, PageRequest.first()).items();

        List<String> stored = db.dsl().select(INDUSTRY.NAME).from(INDUSTRY).orderBy(INDUSTRY.NAME).fetch(INDUSTRY.NAME);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(names);
        assertThat(list).extracting(Candidate::userId).containsExactly(cleo, ben);
        assertThat(list.get(0).profile().industries()).isEmpty();
        assertThat(list.get(1).profile().industries()).containsExactlyElementsOf(stored);
    }

    @DatabaseTest
    void likesReceivedAreCountedAndListedNewestFirstInOneStatementEach(Database db, TestClock clock) {
        MatchWorld w = matchWorld(db, clock); // every one of ben, cleo, dan, eve liked anna (and anna liked back)
        long fay = Fixtures.user(db, "fay");
        long gil = Fixtures.user(db, "gil");
        var service = new MatchingService(db);
        clock.advance(Duration.ofMinutes(1));
        service.like(fay, w.anna());
        clock.advance(Duration.ofMinutes(1));
        service.like(gil, w.anna());
        var dao = new MatchingDao(db);

        var count = Statements.count(db, () -> dao.countLikesReceived(w.anna()));
        assertThat(count.value()).isEqualTo(6L);
        assertThat(count.statements()).isEqualTo(1);
        assertThat(dao.countLikesReceived(w.eve())).isEqualTo(1L);
        assertThat(dao.countLikesReceived(gil)).isZero();

        var first = Statements.count(db, () -> dao.listLikesReceived(w.anna(), PageRequest.first(4)));
        assertThat(first.statements()).isEqualTo(1);
        assertThat(first.value().items()).extracting(ReceivedLike::fromUserId)
                .containsExactly(gil, fay, w.eve(), w.dan());
        assertThat(first.value().items()).extracting(ReceivedLike::likedBack).containsExactly(false, false, true, true);
        assertThat(first.value().items().get(3).profile().industries()).containsExactly("Energy", "Retail");
        assertThat(first.value().items().get(0).profile()).isEqualTo(ProfileSummary.EMPTY);
        assertThat(first.value().items().get(0).fromUsername()).isEqualTo("gil");

        var second = Statements.count(db, () -> dao.listLikesReceived(w.anna(),
                PageRequest.first(4).next(first.value().nextCursor())));
        assertThat(second.statements()).isEqualTo(1);
        assertThat(second.value().items()).extracting(ReceivedLike::fromUserId).containsExactly(w.cleo(), w.ben());
        assertThat(second.value().items().get(0).profile().industries()).containsExactly("Energy", "Fintech", "Health");
        assertThat(second.value().items().get(1).profile().industries()).containsExactly("Fintech", "Retail");
        assertThat(second.value().hasNext()).isFalse();
    }

    @DatabaseTest
    void badInputToReadsIsRefusedNamingTheField(Database db) {
        long anna = Fixtures.user(db, "anna");
        var dao = new MatchingDao(db);
        long total = db.totalStatements();
        for (long bad : new long[] {0, -5, Integer.MAX_VALUE + 1L}) {
            assertField(() -> dao.listMatches(bad, PageRequest.first()), "userId");
            assertField(() -> dao.listCandidates(bad, PageRequest.first()), "userId");
            assertField(() -> dao.countLikesReceived(bad), "userId");
            assertField(() -> dao.listLikesReceived(bad, PageRequest.first()), "userId");
        }
        assertField(() -> dao.listMatches(anna, null), "page");
        assertField(() -> dao.listCandidates(anna, null), "page");
        assertField(() -> dao.listLikesReceived(anna, null), "page");
        assertField(() -> dao.listMatches(anna, PageRequest.first().next("not a cursor!")), "cursor");
        String twoKeys = PageRequest.encode("2026-06-01T10:00Z", 3);
        assertField(() -> dao.listCandidates(anna, PageRequest.first().next(twoKeys)), "cursor");
        assertField(() -> dao.listLikesReceived(anna, PageRequest.first().next(PageRequest.encode("x", "y"))), "cursor");
        assertThat(db.totalStatements()).as("no SQL ran").isEqualTo(total);
    }


    /** Fetches every page of {@code size} items, asserting one statement per page, and returns the keys in order. */
    static <T> List<Long> pageThrough(Function<PageRequest, Page<T>> list, int size, Function<T, Long> key,
                                      Database db) {
        List<Long> keys = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        for (int guard = 0; guard < 100; guard++) {
            PageRequest current = request;
            var counted = Statements.count(db, () -> list.apply(current));
            assertThat(counted.statements()).isEqualTo(1);
            assertThat(counted.value().items().size()).isLessThanOrEqualTo(size);
            counted.value().items().forEach(item -> keys.add(key.apply(item)));
            if (!counted.value().hasNext()) {
                return keys;
            }
            request = request.next(counted.value().nextCursor());
        }
        throw new AssertionError("more than 100 pages");
    }
}
