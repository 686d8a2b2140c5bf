package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHALLENGE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHAPTER;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PROGRESS;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_REWARD;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.selectCount;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import lu.entreprinder.persistence.core.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.Json;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.crushlu.internal.JourneyText;
import lu.entreprinder.persistence.crushlu.internal.ProfileJson;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Record8;

/**
 * Playing journeys: answering challenges (validation per format, progress kept per user and journey, chapter
 * rewards unlocked, the journey completed) and the queries over the JSON progress lists.
 *
 * <p>Answers by the same user never lose an update: {@link #answer} gets or creates the progress row, then locks it
 * ({@code FOR UPDATE}; SQLite: the immediate transaction) before reading and rewriting its lists.
 *
 * <p>JSON containment: PostgreSQL uses {@code completed_challenges @> '[id]'} (GIN {@code jsonb_path_ops} index),
 * SQLite an {@code EXISTS} over {@code json_each}; both give the same answers.
 */
public final class JourneyService {

    private static final int MAX_ANSWER = 2000;

    private final Database db;

    public JourneyService(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Answers a challenge for a user. A wrong answer writes nothing. A right (or, for open formats, any non-empty)
     * answer adds the challenge to the user's completed challenges once; completing the chapter's challenges
     * unlocks its rewards and advances the current chapter; completing the last chapter completes the journey.
     * Open answers (would-you-rather, open text) are checked but not stored: the schema has no column for them.
     *
     * @throws ValidationException (fields {@code userId}, {@code challengeId}, {@code answer}) for bad input or an
     *         answer of the wrong format for the challenge (e.g. a choice that is not one of its options); nothing
     *         is written
     * @throws NotFoundException if the challenge does not exist
     * @throws ForeignKeyViolationException if the user does not exist
     */
    public JourneyAnswerResult answer(long userId, long challengeId, JourneyAnswer answer) {
        Check.userId(userId, "userId");
        Check.id(challengeId, "challengeId");
        Check.required(answer, "answer");
        return db.inTransaction(tx -> {
            Record8<Long, String, String, JSONB, String, Long, Long, Integer> ch = tx.dsl()
                    .select(JOURNEY_CHALLENGE.ID, JOURNEY_CHALLENGE.CHALLENGE_TYPE, JOURNEY_CHALLENGE.CORRECT_ANSWER,
                            JOURNEY_CHALLENGE.OPTIONS, JOURNEY_CHALLENGE.HINT, JOURNEY_CHALLENGE.CHAPTER_ID,
                            JOURNEY_CHAPTER.JOURNEY_ID, JOURNEY_CHAPTER.CHAPTER_NUMBER)
                    .from(JOURNEY_CHALLENGE)
                    .join(JOURNEY_CHAPTER).on(JOURNEY_CHAPTER.ID.eq(JOURNEY_CHALLENGE.CHAPTER_ID))
                    .where(JOURNEY_CHALLENGE.ID.eq(challengeId))
                    .fetchOptional()
                    .orElseThrow(() -> new NotFoundException("JourneyChallenge", challengeId));
            JourneyChallengeType type = JourneyChallengeType.fromDb(ch.value2());
            boolean correct = check(type, ch.value3(), ProfileJson.strings(ch.value4()), answer);
            if (!correct) {
                return new JourneyAnswerResult.Incorrect(challengeId, !ch.value5().isEmpty());
            }
            long journeyId = ch.value7();
            int chapterNumber = ch.value8();

            tx.dsl().insertInto(JOURNEY_PROGRESS)
                    .set(JOURNEY_PROGRESS.USER_ID, userId)
                    .set(JOURNEY_PROGRESS.JOURNEY_ID, journeyId)
                    .set(JOURNEY_PROGRESS.CURRENT_CHAPTER, 1)
                    .set(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, Json.toJsonb(List.of()))
                    .set(JOURNEY_PROGRESS.UNLOCKED_REWARDS, Json.toJsonb(List.of()))
                    .set(JOURNEY_PROGRESS.COMPLETED, false)
                    .onConflict(JOURNEY_PROGRESS.USER_ID, JOURNEY_PROGRESS.JOURNEY_ID).doNothing()
                    .execute();
            var select = tx.dsl().selectFrom(JOURNEY_PROGRESS)
                    .where(JOURNEY_PROGRESS.USER_ID.eq(userId))
                    .and(JOURNEY_PROGRESS.JOURNEY_ID.eq(journeyId));
            Record progress = tx.forUpdate(select).fetchSingle();
            JourneyProgressView before = view(progress);
            RaceSeam.of(db).pause("journey.between-read-and-write");

            if (before.completedChallenges().contains(challengeId)) {
                return new JourneyAnswerResult.AlreadyCompleted(before);
            }
            if (chapterNumber > before.currentChapter() && !before.completed()) {
                return new JourneyAnswerResult.ChapterLocked(challengeId, chapterNumber, before.currentChapter());
            }

            Map<Integer, List<Long>> challengesByChapter = new TreeMap<>();
            Map<Integer, List<Long>> rewardsByChapter = new TreeMap<>();
            tx.dsl().select(JOURNEY_CHAPTER.CHAPTER_NUMBER, JOURNEY_CHALLENGE.ID)
                    .from(JOURNEY_CHAPTER)
                    .leftJoin(JOURNEY_CHALLENGE).on(JOURNEY_CHALLENGE.CHAPTER_ID.eq(JOURNEY_CHAPTER.ID))
                    .where(JOURNEY_CHAPTER.JOURNEY_ID.eq(journeyId))
                    .forEach(r -> {
                        List<Long> list = challengesByChapter.computeIfAbsent(r.value1(), k -> new ArrayList<>());
                        if (r.value2() != null) {
                            list.add(r.value2());
                        }
                    });
            tx.dsl().select(JOURNEY_CHAPTER.CHAPTER_NUMBER, JOURNEY_REWARD.ID)
                    .from(JOURNEY_REWARD)
                    .join(JOURNEY_CHAPTER).on(JOURNEY_CHAPTER.ID.eq(JOURNEY_REWARD.CHAPTER_ID))
                    .where(JOURNEY_CHAPTER.JOURNEY_ID.eq(journeyId))
                    .orderBy(JOURNEY_REWARD.ID)
                    .forEach(r -> rewardsByChapter.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));

            LinkedHashSet<Long> completed = new LinkedHashSet<>(before.completedChallenges());
            completed.add(challengeId);
            LinkedHashSet<Long> unlocked = new LinkedHashSet<>(before.unlockedRewards());
            List<Long> newlyUnlocked = new ArrayList<>();
            Integer current = null;
            int last = 1;
            for (Map.Entry<Integer, List<Long>> chapter : challengesByChapter.entrySet()) {
                last = chapter.getKey();
                if (completed.containsAll(chapter.getValue())) {
                    for (Long reward : rewardsByChapter.getOrDefault(chapter.getKey(), List.of())) {
                        if (unlocked.add(reward)) {
                            newlyUnlocked.add(reward);
                        }
                    }
                } else if (current == null) {
                    current = chapter.getKey();
                }
            }
            boolean journeyDone = current == null;
            boolean chapterDone = completed.containsAll(challengesByChapter.getOrDefault(chapterNumber, List.of()));
            int newCurrent = journeyDone ? last : current;
            OffsetDateTime completedAt = before.completedAt().orElse(journeyDone ? db.now() : null);
            tx.dsl().update(JOURNEY_PROGRESS)
                    .set(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, Json.toJsonb(List.copyOf(completed)))
                    .set(JOURNEY_PROGRESS.UNLOCKED_REWARDS, Json.toJsonb(List.copyOf(unlocked)))
                    .set(JOURNEY_PROGRESS.CURRENT_CHAPTER, Math.max(1, newCurrent))
                    .set(JOURNEY_PROGRESS.COMPLETED, journeyDone)
                    .set(JOURNEY_PROGRESS.COMPLETED_AT, completedAt)
                    .where(JOURNEY_PROGRESS.ID.eq(before.progressId()))
                    .execute();
            JourneyProgressView after = new JourneyProgressView(before.progressId(), userId, journeyId,
                    Math.max(1, newCurrent), List.copyOf(completed), List.copyOf(unlocked), journeyDone,
                    Optional.ofNullable(completedAt));
            return new JourneyAnswerResult.Correct(after, newlyUnlocked, chapterDone,
                    journeyDone && !before.completed());
        });
    }

    private static boolean check(JourneyChallengeType type, String correct, List<String> options,
                                 JourneyAnswer answer) {
        return switch (type) {
            case RIDDLE, WORD_SCRAMBLE -> {
                String text = text(answer, type);
                yield JourneyText.normalize(text).equals(JourneyText.normalize(correct));
            }
            case MULTIPLE_CHOICE -> {
                if (!(answer instanceof JourneyAnswer.Choice choice)) {
                    throw new ValidationException("answer", "must be one of the options for a " + type.dbValue());
                }
                String option = matchOption(Check.text(choice.option(), MAX_ANSWER, "answer"), options);
                yield JourneyText.normalize(option).equals(JourneyText.normalize(correct));
            }
            case TIMELINE_SORT -> {
                if (!(answer instanceof JourneyAnswer.Order order) || order.items() == null) {
                    throw new ValidationException("answer", "must be an ordering of the items for a timeline_sort");
                }
                List<String> given = order.items().stream().map(JourneyText::normalize).toList();
                List<String> items = options.stream().map(JourneyText::normalize).toList();
                if (given.size() != items.size() || !new LinkedHashSet<>(given).equals(new LinkedHashSet<>(items))) {
                    throw new ValidationException("answer", "must order exactly the challenge's items");
                }
                List<String> right = JourneyDao.parseOrder(correct).stream().map(JourneyText::normalize).toList();
                yield given.equals(right);
            }
            case WOULD_YOU_RATHER -> {
                if (answer instanceof JourneyAnswer.Choice choice) {
                    String c = Check.text(choice.option(), MAX_ANSWER, "answer");
                    if (!options.isEmpty()) {
                        matchOption(c, options);
                    }
                    yield true;
                }
                text(answer, type);
                yield true;
            }
            case OPEN_TEXT -> {
                text(answer, type);
                yield true;
            }
        };
    }

    private static String text(JourneyAnswer answer, JourneyChallengeType type) {
        if (!(answer instanceof JourneyAnswer.Text text)) {
            throw new ValidationException("answer", "must be text for a " + type.dbValue());
        }
        return Check.text(text.text(), MAX_ANSWER, "answer");
    }

    private static String matchOption(String choice, List<String> options) {
        String wanted = JourneyText.normalize(choice);
        for (String o : options) {
            if (JourneyText.normalize(o).equals(wanted)) {
                return o;
            }
        }
        throw new ValidationException("answer", "is not one of the options");
    }

    private static JourneyProgressView view(Record r) {
        return new JourneyProgressView(r.get(JOURNEY_PROGRESS.ID), r.get(JOURNEY_PROGRESS.USER_ID),
                r.get(JOURNEY_PROGRESS.JOURNEY_ID), r.get(JOURNEY_PROGRESS.CURRENT_CHAPTER),
                ProfileJson.longs(r.get(JOURNEY_PROGRESS.COMPLETED_CHALLENGES)),
                ProfileJson.longs(r.get(JOURNEY_PROGRESS.UNLOCKED_REWARDS)), r.get(JOURNEY_PROGRESS.COMPLETED),
                Optional.ofNullable(r.get(JOURNEY_PROGRESS.COMPLETED_AT)));
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * The user's progress in the journey, empty before their first right answer. One statement.
     *
     * @throws ValidationException (fields {@code userId}, {@code journeyId})
     */
    public Optional<JourneyProgressView> findProgress(long userId, long journeyId) {
        Check.userId(userId, "userId");
        Check.id(journeyId, "journeyId");
        return db.dsl().selectFrom(JOURNEY_PROGRESS)
                .where(JOURNEY_PROGRESS.USER_ID.eq(userId))
                .and(JOURNEY_PROGRESS.JOURNEY_ID.eq(journeyId))
                .fetchOptional(JourneyService::view);
    }

    /**
     * The users who completed the challenge, by user id. One statement (PostgreSQL: containment on the GIN index).
     *
     * @throws ValidationException (field {@code challengeId})
     */
    public List<Long> listUsersWhoCompleted(long challengeId) {
        Check.id(challengeId, "challengeId");
        return usersWhoCompletedQuery(challengeId).fetch(r -> r.value1());
    }

    /** The query of {@link #listUsersWhoCompleted} (package-private for the plan test). */
    ResultQuery<Record1<Long>> usersWhoCompletedQuery(long challengeId) {
        return db.dsl().select(JOURNEY_PROGRESS.USER_ID).from(JOURNEY_PROGRESS)
                .where(containsId(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, challengeId))
                .orderBy(JOURNEY_PROGRESS.USER_ID);
    }

    /**
     * How far each user with progress is in the journey: current chapter and how many of the journey's challenges
     * they completed, furthest first (completed, then most challenges, then user id). One statement.
     *
     * @throws ValidationException (field {@code journeyId})
     */
    public List<JourneyStanding> listJourneyStandings(long journeyId) {
        Check.id(journeyId, "journeyId");
        var c = JOURNEY_CHALLENGE.as("c");
        var h = JOURNEY_CHAPTER.as("h");
        Field<Integer> total = selectCount().from(c).join(h).on(h.ID.eq(c.CHAPTER_ID))
                .where(h.JOURNEY_ID.eq(JOURNEY_PROGRESS.JOURNEY_ID)).asField("total");
        Field<Integer> done = selectCount().from(c).join(h).on(h.ID.eq(c.CHAPTER_ID))
                .where(h.JOURNEY_ID.eq(JOURNEY_PROGRESS.JOURNEY_ID))
                .and(containsField(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, c.ID)).asField("done");
        return db.dsl()
                .select(JOURNEY_PROGRESS.USER_ID, USER.USERNAME, JOURNEY_PROGRESS.CURRENT_CHAPTER, done, total,
                        JOURNEY_PROGRESS.COMPLETED)
                .from(JOURNEY_PROGRESS)
                .join(USER).on(USER.ID.eq(JOURNEY_PROGRESS.USER_ID))
                .where(JOURNEY_PROGRESS.JOURNEY_ID.eq(journeyId))
                .orderBy(JOURNEY_PROGRESS.COMPLETED.desc(), done.desc(), JOURNEY_PROGRESS.USER_ID)
                .fetch(r -> new JourneyStanding(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
    }

    /** The JSON array {@code list} contains the id (PostgreSQL {@code @>}, SQLite {@code json_each}). */
    private Condition containsId(Field<JSONB> list, long id) {
        if (db.isPostgres()) {
            return condition("{0} @> {1}", list, org.jooq.impl.DSL.val(Json.toJsonb(List.of(id))));
        }
        return condition("exists (select 1 from json_each({0}) where json_each.value = {1})", list,
                org.jooq.impl.DSL.val(id));
    }

    private Condition containsField(Field<JSONB> list, Field<Long> id) {
        if (db.isPostgres()) {
            return condition("{0} @> jsonb_build_array({1})", list, id);
        }
        return condition("exists (select 1 from json_each({0}) where json_each.value = {1})", list, id);
    }
}
