package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHALLENGE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHAPTER;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CONFIGURATION;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PUZZLE_PIECE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_REWARD;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.internal.Json;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.crushlu.internal.ProfileJson;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.SQLDataType;

/**
 * Journey configurations: building them (chapters, challenges, rewards) and loading one whole journey for play in
 * one statement (nested multisets).
 */
public final class JourneyDao {

    /** Highest points of a challenge, a hint or a puzzle piece. */
    public static final int MAX_POINTS = 10_000;
    /** Most alternative answers of one challenge. */
    public static final int MAX_ALTERNATIVES = 20;
    /** Most pieces of one puzzle. */
    public static final int MAX_PIECES = 100;

    private final Database db;

    public JourneyDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Inserts a journey configuration (created now).
     *
     * @throws ValidationException (fields {@code name}, {@code description})
     */
    public long insertJourney(String name, String description, boolean active) {
        String n = Check.text(name, 200, "name");
        String d = Check.optionalText(description, 0, "description");
        return db.dsl().insertInto(JOURNEY_CONFIGURATION)
                .set(JOURNEY_CONFIGURATION.NAME, n)
                .set(JOURNEY_CONFIGURATION.DESCRIPTION, d)
                .set(JOURNEY_CONFIGURATION.IS_ACTIVE, active)
                .set(JOURNEY_CONFIGURATION.CREATED_AT, db.now())
                .returning(JOURNEY_CONFIGURATION.ID)
                .fetchOne(JOURNEY_CONFIGURATION.ID);
    }

    /**
     * Inserts a chapter; numbers are unique per journey and start at 1.
     *
     * @throws ValidationException (fields {@code journeyId}, {@code chapterNumber}, {@code title},
     *         {@code description})
     * @throws ConflictException ({@code crush_lu_journeychapter_journey_id_chapter_number_uniq}) for a taken number
     * @throws ForeignKeyViolationException if the journey does not exist
     */
    public long insertChapter(long journeyId, int chapterNumber, String title, String description) {
        return insertChapter(journeyId, chapterNumber, title, description, false);
    }

    /**
     * Inserts a chapter; numbers are unique per journey and start at 1. In a questionnaire chapter every challenge
     * accepts any non-empty answer of its format ({@link JourneyService#answer}).
     *
     * @throws ValidationException (fields {@code journeyId}, {@code chapterNumber}, {@code title},
     *         {@code description})
     * @throws ConflictException ({@code crush_lu_journeychapter_journey_id_chapter_number_uniq}) for a taken number
     * @throws ForeignKeyViolationException if the journey does not exist
     */
    public long insertChapter(long journeyId, int chapterNumber, String title, String description,
                              boolean questionnaire) {
        Check.id(journeyId, "journeyId");
        Check.range(chapterNumber, 1, Integer.MAX_VALUE, "chapterNumber");
        String t = Check.text(title, 200, "title");
        String d = Check.optionalText(description, 0, "description");
        return db.inTransaction(tx -> tx.dsl().insertInto(JOURNEY_CHAPTER)
                .set(JOURNEY_CHAPTER.JOURNEY_ID, journeyId)
                .set(JOURNEY_CHAPTER.CHAPTER_NUMBER, chapterNumber)
                .set(JOURNEY_CHAPTER.TITLE, t)
                .set(JOURNEY_CHAPTER.DESCRIPTION, d)
                .set(JOURNEY_CHAPTER.IS_QUESTIONNAIRE, questionnaire)
                .returning(JOURNEY_CHAPTER.ID)
                .fetchOne(JOURNEY_CHAPTER.ID));
    }

    /**
     * Inserts a challenge into a chapter. Checks the format: multiple choice needs 2+ distinct options containing
     * the correct answer; timeline sort needs 2+ distinct items and a right order (a JSON array) that is a
     * permutation of them; riddles and word scrambles need a correct answer. Points and the hint's cost are
     * 0..{@value #MAX_POINTS}; a hint that costs needs a hint text; alternative answers (at most
     * {@value #MAX_ALTERNATIVES}, riddles and word scrambles only) are compared like the correct answer.
     *
     * @throws ValidationException (fields {@code chapterId}, {@code spec}, {@code type}, {@code question},
     *         {@code correctAnswer}, {@code options}, {@code hint}, {@code points}, {@code hintCost},
     *         {@code alternativeAnswers})
     * @throws ForeignKeyViolationException if the chapter does not exist
     */
    public long insertChallenge(long chapterId, NewJourneyChallenge spec) {
        Check.id(chapterId, "chapterId");
        Check.required(spec, "spec");
        JourneyChallengeType type = Check.required(spec.type(), "type");
        String question = Check.text(spec.question(), 0, "question");
        String hint = Check.optionalText(spec.hint(), 0, "hint");
        List<String> options = spec.options();
        int points = Check.range(spec.points(), 0, MAX_POINTS, "points");
        int hintCost = Check.range(spec.hintCost(), 0, MAX_POINTS, "hintCost");
        if (hintCost > 0 && hint.isBlank()) {
            throw new ValidationException("hintCost", "needs a hint to pay for");
        }
        List<String> alternatives = spec.alternativeAnswers() == null ? List.of() : spec.alternativeAnswers();
        Check.size(alternatives, MAX_ALTERNATIVES, "alternativeAnswers");
        for (String a : alternatives) {
            Check.text(a, 500, "alternativeAnswers");
        }
        if (!alternatives.isEmpty() && type != JourneyChallengeType.RIDDLE
                && type != JourneyChallengeType.WORD_SCRAMBLE) {
            throw new ValidationException("alternativeAnswers", "only riddles and word scrambles accept alternatives");
        }
        String correct;
        switch (type) {
            case RIDDLE, WORD_SCRAMBLE -> {
                correct = Check.text(spec.correctAnswer(), 500, "correctAnswer");
                if (options != null) {
                    distinctOptions(options);
                }
            }
            case MULTIPLE_CHOICE -> {
                correct = Check.text(spec.correctAnswer(), 500, "correctAnswer");
                distinctOptions(options);
                if (!options.contains(correct)) {
                    throw new ValidationException("correctAnswer", "must be one of the options");
                }
            }
            case TIMELINE_SORT -> {
                correct = Check.text(spec.correctAnswer(), 500, "correctAnswer");
                distinctOptions(options);
                List<String> order = parseOrder(correct);
                if (order.size() != options.size() || !new LinkedHashSet<>(order).equals(new LinkedHashSet<>(options))) {
                    throw new ValidationException("correctAnswer", "must order exactly the items in options");
                }
            }
            case WOULD_YOU_RATHER -> {
                correct = Check.optionalText(spec.correctAnswer(), 500, "correctAnswer");
                if (options != null) {
                    distinctOptions(options);
                }
            }
            default -> {
                correct = Check.optionalText(spec.correctAnswer(), 500, "correctAnswer");
                // riddle, scramble and open text do not use options, but what is stored must still be playable
                if (options != null) {
                    distinctOptions(options);
                }
            }
        }
        return db.inTransaction(tx -> tx.dsl().insertInto(JOURNEY_CHALLENGE)
                .set(JOURNEY_CHALLENGE.CHAPTER_ID, chapterId)
                .set(JOURNEY_CHALLENGE.CHALLENGE_TYPE, type.dbValue())
                .set(JOURNEY_CHALLENGE.QUESTION, question)
                .set(JOURNEY_CHALLENGE.CORRECT_ANSWER, correct)
                .set(JOURNEY_CHALLENGE.OPTIONS, options == null ? null : Json.toJsonb(options))
                .set(JOURNEY_CHALLENGE.HINT, hint)
                .set(JOURNEY_CHALLENGE.ORDER, spec.order())
                .set(JOURNEY_CHALLENGE.POINTS, points)
                .set(JOURNEY_CHALLENGE.HINT_COST, hintCost)
                .set(JOURNEY_CHALLENGE.ALTERNATIVE_ANSWERS, Json.toJsonb(List.copyOf(alternatives)))
                .returning(JOURNEY_CHALLENGE.ID)
                .fetchOne(JOURNEY_CHALLENGE.ID));
    }

    private static void distinctOptions(List<String> options) {
        Check.size(Check.required(options, "options"), 50, "options");
        if (options.size() < 2 || new LinkedHashSet<>(options).size() != options.size()) {
            throw new ValidationException("options", "must hold at least two distinct entries");
        }
        for (String o : options) {
            Check.text(o, 500, "options");
        }
    }

    /** The right order of a timeline sort as stored in {@code correct_answer}. */
    /**
     * The stored order of a timeline challenge, read once (every answer to it reads it): {@link #parseOrder}'s
     * result, which this falls back to (and its error) when the text is not a JSON array of strings.
     */
    static List<String> storedOrder(String correctAnswer) {
        if (correctAnswer != null) {
            try {
                return ProfileJson.strings(JSONB.valueOf(correctAnswer));
            } catch (RuntimeException notAListOfStrings) {
                // parseOrder says why
            }
        }
        return parseOrder(correctAnswer);
    }

    static List<String> parseOrder(String correctAnswer) {
        var node = Json.parse(correctAnswer, "correctAnswer");
        if (!node.isArray()) {
            throw new ValidationException("correctAnswer", "must be a JSON array of the items in the right order");
        }
        return ProfileJson.strings(JSONB.valueOf(node.toString()));
    }

    /**
     * Inserts a reward of a chapter (unlocked when all its challenges are completed). A puzzle needs its pieces:
     * {@link #insertPuzzleReward}.
     *
     * @throws ValidationException (fields {@code chapterId}, {@code type} (also for {@link JourneyRewardType#PUZZLE}),
     *         {@code title}, {@code content}, {@code photo})
     * @throws ForeignKeyViolationException if the chapter does not exist
     */
    public long insertReward(long chapterId, JourneyRewardType type, String title, String content, String photo) {
        Check.id(chapterId, "chapterId");
        Check.required(type, "type");
        if (type == JourneyRewardType.PUZZLE) {
            throw new ValidationException("type", "a puzzle is inserted with its pieces (insertPuzzleReward)");
        }
        String t = Check.text(title, 200, "title");
        String c = Check.optionalText(content, 0, "content");
        String p = Check.optionalText(photo, 100, "photo");
        return db.inTransaction(tx -> tx.dsl().insertInto(JOURNEY_REWARD)
                .set(JOURNEY_REWARD.CHAPTER_ID, chapterId)
                .set(JOURNEY_REWARD.REWARD_TYPE, type.dbValue())
                .set(JOURNEY_REWARD.TITLE, t)
                .set(JOURNEY_REWARD.CONTENT, c)
                .set(JOURNEY_REWARD.PHOTO, p)
                .returning(JOURNEY_REWARD.ID)
                .fetchOne(JOURNEY_REWARD.ID));
    }

    /**
     * Inserts a puzzle reward of a chapter with its pieces, numbered 1..N in the order of {@code pieceCosts}; each
     * piece is unlocked with its cost in points ({@link JourneyService#unlockPiece}). Two statements, one
     * transaction.
     *
     * @return the reward's id
     * @throws ValidationException (fields {@code chapterId}, {@code title}, {@code content}, {@code photo},
     *         {@code pieceCosts}: 1..{@value #MAX_PIECES} costs, each 0..{@value #MAX_POINTS})
     * @throws ForeignKeyViolationException if the chapter does not exist
     */
    public long insertPuzzleReward(long chapterId, String title, String content, String photo,
                                   List<Integer> pieceCosts) {
        Check.id(chapterId, "chapterId");
        String t = Check.text(title, 200, "title");
        String c = Check.optionalText(content, 0, "content");
        String p = Check.optionalText(photo, 100, "photo");
        Check.size(Check.required(pieceCosts, "pieceCosts"), MAX_PIECES, "pieceCosts");
        if (pieceCosts.isEmpty()) {
            throw new ValidationException("pieceCosts", "a puzzle needs at least one piece");
        }
        for (Integer cost : pieceCosts) {
            Check.range(cost, 0, MAX_POINTS, "pieceCosts");
        }
        List<Integer> costs = List.copyOf(pieceCosts);
        return db.inTransaction(tx -> {
            long reward = tx.dsl().insertInto(JOURNEY_REWARD)
                    .set(JOURNEY_REWARD.CHAPTER_ID, chapterId)
                    .set(JOURNEY_REWARD.REWARD_TYPE, JourneyRewardType.PUZZLE.dbValue())
                    .set(JOURNEY_REWARD.TITLE, t)
                    .set(JOURNEY_REWARD.CONTENT, c)
                    .set(JOURNEY_REWARD.PHOTO, p)
                    .returning(JOURNEY_REWARD.ID)
                    .fetchOne(JOURNEY_REWARD.ID);
            var insert = tx.dsl().insertInto(JOURNEY_PUZZLE_PIECE, JOURNEY_PUZZLE_PIECE.REWARD_ID,
                    JOURNEY_PUZZLE_PIECE.PIECE_NUMBER, JOURNEY_PUZZLE_PIECE.POINT_COST);
            for (int i = 0; i < costs.size(); i++) {
                insert = insert.values(reward, i + 1, costs.get(i));
            }
            insert.execute();
            return reward;
        });
    }

    /**
     * The whole journey for play, in one statement: chapters by number, each with its challenges (by order, then
     * id; without answers) and rewards (by id).
     *
     * @throws ValidationException (field {@code journeyId})
     * @throws NotFoundException if the journey does not exist
     */
    public JourneyPlay getJourneyForPlay(long journeyId) {
        Check.id(journeyId, "journeyId");
        Field<String> optionsText = JOURNEY_CHALLENGE.OPTIONS.cast(SQLDataType.CLOB);
        Field<List<JourneyPlay.Challenge>> challenges = multiset(
                select(JOURNEY_CHALLENGE.ID, JOURNEY_CHALLENGE.CHALLENGE_TYPE, JOURNEY_CHALLENGE.QUESTION,
                        optionsText, JOURNEY_CHALLENGE.HINT, JOURNEY_CHALLENGE.ORDER, JOURNEY_CHALLENGE.POINTS,
                        JOURNEY_CHALLENGE.HINT_COST)
                        .from(JOURNEY_CHALLENGE)
                        .where(JOURNEY_CHALLENGE.CHAPTER_ID.eq(JOURNEY_CHAPTER.ID))
                        .orderBy(JOURNEY_CHALLENGE.ORDER, JOURNEY_CHALLENGE.ID))
                .convertFrom(r -> r.map(c -> new JourneyPlay.Challenge(c.value1(),
                        JourneyChallengeType.fromDb(c.value2()), c.value3(),
                        c.value4() == null ? List.of() : ProfileJson.strings(JSONB.valueOf(c.value4())),
                        !c.value5().isEmpty(), c.value6(), c.value7(), c.value8())));
        Field<List<JourneyPlay.Reward>> rewards = multiset(
                select(JOURNEY_REWARD.ID, JOURNEY_REWARD.REWARD_TYPE, JOURNEY_REWARD.TITLE, JOURNEY_REWARD.CONTENT,
                        JOURNEY_REWARD.PHOTO)
                        .from(JOURNEY_REWARD)
                        .where(JOURNEY_REWARD.CHAPTER_ID.eq(JOURNEY_CHAPTER.ID))
                        .orderBy(JOURNEY_REWARD.ID))
                .convertFrom(r -> r.map(w -> new JourneyPlay.Reward(w.value1(), JourneyRewardType.fromDb(w.value2()),
                        w.value3(), w.value4(), w.value5())));
        Field<List<JourneyPlay.Chapter>> chapters = multiset(
                select(JOURNEY_CHAPTER.ID, JOURNEY_CHAPTER.CHAPTER_NUMBER, JOURNEY_CHAPTER.TITLE,
                        JOURNEY_CHAPTER.DESCRIPTION, challenges, rewards, JOURNEY_CHAPTER.IS_QUESTIONNAIRE)
                        .from(JOURNEY_CHAPTER)
                        .where(JOURNEY_CHAPTER.JOURNEY_ID.eq(JOURNEY_CONFIGURATION.ID))
                        .orderBy(JOURNEY_CHAPTER.CHAPTER_NUMBER))
                .convertFrom(r -> r.map(c -> new JourneyPlay.Chapter(c.value1(), c.value2(), c.value3(), c.value4(),
                        c.value5(), c.value6(), c.value7())));
        return db.dsl()
                .select(JOURNEY_CONFIGURATION.ID, JOURNEY_CONFIGURATION.NAME, JOURNEY_CONFIGURATION.DESCRIPTION,
                        JOURNEY_CONFIGURATION.IS_ACTIVE, chapters)
                .from(JOURNEY_CONFIGURATION)
                .where(JOURNEY_CONFIGURATION.ID.eq(journeyId))
                .fetchOptional(r -> new JourneyPlay(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()))
                .orElseThrow(() -> new NotFoundException("journey", journeyId));
    }

    /**
     * The hint of a challenge, empty when it has none. One statement.
     *
     * @throws ValidationException (field {@code challengeId})
     * @throws NotFoundException if the challenge does not exist
     */
    public Optional<String> getHint(long challengeId) {
        Check.id(challengeId, "challengeId");
        String hint = db.dsl().select(JOURNEY_CHALLENGE.HINT).from(JOURNEY_CHALLENGE)
                .where(JOURNEY_CHALLENGE.ID.eq(challengeId))
                .fetchOptional(JOURNEY_CHALLENGE.HINT)
                .orElseThrow(() -> new NotFoundException("challenge", challengeId));
        return hint.isEmpty() ? Optional.empty() : Optional.of(hint);
    }
}
