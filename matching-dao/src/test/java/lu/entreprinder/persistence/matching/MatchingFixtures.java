package lu.entreprinder.persistence.matching;

import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_INDUSTRIES;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_SKILLS;
import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.MATCH;
import static lu.entreprinder.persistence.schema.generated.Tables.SKILL;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static lu.entreprinder.persistence.schema.generated.Tables.DISLIKE;

import java.util.Locale;
import lu.entreprinder.persistence.core.Database;

/** Matching-specific test data: plain inserts (industries, skills, their links, likes, matches). */
final class MatchingFixtures {

    private MatchingFixtures() {
    }

    static long industry(Database db, String name) {
        return db.dsl().insertInto(INDUSTRY)
                .set(INDUSTRY.NAME, name)
                .set(INDUSTRY.NAME_KEY, name.trim().toLowerCase(Locale.ROOT))
                .returning(INDUSTRY.ID).fetchOne(INDUSTRY.ID);
    }

    static long skill(Database db, String name) {
        return db.dsl().insertInto(SKILL)
                .set(SKILL.NAME, name)
                .set(SKILL.NAME_KEY, name.trim().toLowerCase(Locale.ROOT))
                .returning(SKILL.ID).fetchOne(SKILL.ID);
    }

    static void industries(Database db, long profileId, long... industryIds) {
        for (long id : industryIds) {
            db.dsl().insertInto(ENTREPRENEUR_PROFILE_INDUSTRIES)
                    .set(ENTREPRENEUR_PROFILE_INDUSTRIES.ENTREPRENEURPROFILE_ID, profileId)
                    .set(ENTREPRENEUR_PROFILE_INDUSTRIES.INDUSTRY_ID, id)
                    .execute();
        }
    }

    static void skills(Database db, long profileId, long... skillIds) {
        for (long id : skillIds) {
            db.dsl().insertInto(ENTREPRENEUR_PROFILE_SKILLS)
                    .set(ENTREPRENEUR_PROFILE_SKILLS.ENTREPRENEURPROFILE_ID, profileId)
                    .set(ENTREPRENEUR_PROFILE_SKILLS.SKILL_ID, id)
                    .execute();
        }
    }

    /** A like stored directly (no match logic), at the clock's now. */
    static long like(Database db, long from, long to) {
        return db.dsl().insertInto(LIKE)
                .set(LIKE.FROM_USER_ID, from)
                .set(LIKE.TO_USER_ID, to)
                .set(LIKE.CREATED_AT, db.now())
                .returning(LIKE.ID).fetchOne(LIKE.ID);
    }

    static void deactivate(Database db, long userId) {
        db.dsl().update(USER).set(USER.IS_ACTIVE, false).where(USER.ID.eq(userId)).execute();
    }

    static int likes(Database db) {
        return db.dsl().fetchCount(LIKE);
    }

    static int matches(Database db) {
        return db.dsl().fetchCount(MATCH);
    }

    static boolean liked(Database db, long from, long to) {
        return db.dsl().fetchExists(LIKE, LIKE.FROM_USER_ID.eq(from), LIKE.TO_USER_ID.eq(to));
    }

    /** The pair's match id, or null. Looks it up in the stored order (lower id first) only. */
    static Long matchOf(Database db, long a, long b) {
        return db.dsl().select(MATCH.ID).from(MATCH)
                .where(MATCH.USER1_ID.eq(Math.min(a, b)), MATCH.USER2_ID.eq(Math.max(a, b)))
                .fetchOne(MATCH.ID);
    }

    static boolean disliked(Database db, long from, long to) {
        return db.dsl().fetchExists(DISLIKE, DISLIKE.FROM_USER_ID.eq(from), DISLIKE.TO_USER_ID.eq(to));
    }
}
