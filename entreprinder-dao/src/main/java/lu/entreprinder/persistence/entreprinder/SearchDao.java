package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PreparedRead;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.entreprinder.internal.SearchWords;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record4;
import org.jooq.ResultQuery;
import org.jooq.SelectLimitPercentStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Ranked full-text search, as Django's {@code SearchVector('headline', weight='A') + SearchVector('bio',
 * weight='B')} with {@code SearchRank}: over entrepreneur profiles (headline A, bio B) and published Crush.lu meetup
 * events (title A, description B). All words must match (AND), whole words only (no prefixes); case and the accents
 * of French, German and Luxembourgish letters are ignored.
 *
 * <p>PostgreSQL: text-search configuration {@code simple} over {@code search_fold(...)}, in the stored, GIN-indexed
 * {@code search_vector} columns of V18 ({@code search_vector @@ plainto_tsquery('simple', search_fold(:words))}),
 * ranked by {@code ts_rank} (default weights A=1.0, B=0.4). A one-word search reads the same {@code ts_rank}, stored
 * per profile and word by V24 ({@code entreprinder_profile_search_term}), best first from an index, instead of
 * ranking every hit (a common word matches thousands of profiles). SQLite: the FTS5 tables of V12 ({@code unicode61
 * remove_diacritics 2}) with {@code MATCH}, ranked by {@code bm25(fts, 10.0, 1.0)}. Both return the same result
 * sets; the order can differ where the two ranking functions disagree (see the module's tests).
 *
 * <p>Input is tokenized in Java (runs of letters and digits); the words reach the database as one bind value, so
 * quotes, operators ({@code & | ! ( ) : * -}, {@code AND OR NOT NEAR}) and any other character are plain separators.
 * Input without any word returns an empty list without running a statement. Known tokenizer differences: PostgreSQL's
 * parser keeps some compound tokens whole (host names such as {@code www.example.lu}, numbers like {@code 1.5},
 * e-mail addresses), so a word that is only a part of such a token can match on SQLite and not on PostgreSQL.
 */
public final class SearchDao {

    /** The most results one search returns. */
    public static final int MAX_LIMIT = 100;

    /** V24: each profile's words with their one-word {@code ts_rank} (PostgreSQL only, not in the generated classes). */
    private static final Table<?> TERM = DSL.table(DSL.name("entreprinder_profile_search_term"));
    private static final Field<Long> TERM_PROFILE_ID =
            DSL.field(DSL.name("entreprinder_profile_search_term", "profile_id"), SQLDataType.BIGINT);
    private static final Field<String> TERM_LEXEME =
            DSL.field(DSL.name("entreprinder_profile_search_term", "lexeme"), SQLDataType.CLOB);
    private static final Field<Float> TERM_RANK =
            DSL.field(DSL.name("entreprinder_profile_search_term", "rank"), SQLDataType.REAL);
    private static final Field<Double> RANK = DSL.field(DSL.name("rank"), SQLDataType.DOUBLE);
    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);

    private static final Table<?> PROFILE_FTS = DSL.table(DSL.unquotedName("entreprinder_entrepreneurprofile_fts"));
    private static final Table<?> EVENT_FTS = DSL.table(DSL.unquotedName("crush_lu_meetupevent_fts"));

    private final Database db;

    public SearchDao(Database db) {
        this.db = db;
    }

    /**
     * The best {@code limit} profiles whose headline or bio contain every word of {@code words}, best first (ties
     * by id). One statement; none when {@code words} has no word.
     *
     * @throws ValidationException ({@code words}) if null or longer than 200 characters; ({@code limit}) unless
     *         1..100
     */
    public List<ProfileHit> searchProfiles(String words, int limit) {
        List<String> tokens = SearchWords.words(words, "words");
        Check.range(limit, 1, MAX_LIMIT, "limit");
        if (tokens.isEmpty()) {
            return List.of();
        }
        return profileRead(tokens, limit).fetch(db.dsl(),
                r -> new ProfileHit(r.value1(), r.value2(), r.value3(), r.value4()), words(tokens));
    }

    /**
     * The best {@code limit} published, public meetup events (never private-invitation ones: a search has no viewer
     * to invite) whose title or description contain every word, best first (ties
     * by id). One statement; none when {@code words} has no word.
     *
     * @throws ValidationException ({@code words}) if null or longer than 200 characters; ({@code limit}) unless
     *         1..100
     */
    public List<EventHit> searchEvents(String words, int limit) {
        List<String> tokens = SearchWords.words(words, "words");
        Check.range(limit, 1, MAX_LIMIT, "limit");
        if (tokens.isEmpty()) {
            return List.of();
        }
        return eventRead(limit).fetch(db.dsl(), r -> new EventHit(r.value1(), r.value2(), r.value3(), r.value4()),
                words(tokens));
    }

    /** The profile search statement (package-private for plan checks). */
    ResultQuery<Record4<Long, Long, String, Double>> profileQuery(List<String> tokens, int limit) {
        return profileRead(tokens, limit).bind(db.dsl(), words(tokens));
    }

    /** The event search statement (package-private for plan checks). */
    ResultQuery<Record4<Long, String, OffsetDateTime, Double>> eventQuery(List<String> tokens, int limit) {
        return eventRead(limit).bind(db.dsl(), words(tokens));
    }

    private PreparedRead<Record4<Long, Long, String, Double>> profileRead(List<String> tokens, int limit) {
        ProfileStatement statement;
        if (!db.isPostgres()) {
            statement = ProfileStatement.FTS5;
        } else if (tokens.size() != 1) {
            // several words rank the vector of every hit; one word reads its stored ranks (V24) from an index
            statement = ProfileStatement.WORDS;
        } else {
            statement = SearchWords.isPlainWord(tokens.get(0)) ? ProfileStatement.ONE_PLAIN_WORD
                    : ProfileStatement.ONE_WORD;
        }
        return PROFILE_READS.computeIfAbsent(new ProfileShape(statement, limit), SearchDao::profileStatement);
    }

    private PreparedRead<Record4<Long, String, OffsetDateTime, Double>> eventRead(int limit) {
        return EVENT_READS.computeIfAbsent(new EventShape(db.isPostgres(), limit), SearchDao::eventStatement);
    }

    /** The words as the dialect's full-text query takes them. */
    private String words(List<String> tokens) {
        return db.isPostgres() ? SearchWords.plainQuery(tokens) : SearchWords.ftsQuery(tokens);
    }

    // The statements, built once per shape and rendered once per dialect (PreparedRead); only the words are bound
    // per call; the LIMIT is part of the shape (why: PreparedRead's Javadoc).

    private static final Param<String> WORDS = DSL.param("words", SQLDataType.VARCHAR);

    /** The profile search statements. */
    private enum ProfileStatement {
        /** PostgreSQL: every hit's stored vector (V18) ranked, the best kept. */
        WORDS,
        /**
         * PostgreSQL, one word: its stored ranks (V24), best first from the index. Which branch runs is decided by
         * the server once per statement (a one-time filter on {@code numnode}): a word PostgreSQL's parser splits
         * into several lexemes ranks the vector as a search of several words does.
         */
        ONE_WORD,
        /**
         * PostgreSQL, one word the parser surely keeps whole ({@link SearchWords#isPlainWord}): only the stored
         * ranks. Without the other branch the server plans about half as much (workload 5c).
         */
        ONE_PLAIN_WORD,
        /** SQLite: FTS5's bm25. */
        FTS5
    }

    private record ProfileShape(ProfileStatement statement, int limit) {
    }

    private record EventShape(boolean postgres, int limit) {
    }

    /** At most 4 statements x 100 limits. */
    private static final Map<ProfileShape, PreparedRead<Record4<Long, Long, String, Double>>> PROFILE_READS =
            new ConcurrentHashMap<>();
    /** At most 2 x 100. */
    private static final Map<EventShape, PreparedRead<Record4<Long, String, OffsetDateTime, Double>>> EVENT_READS =
            new ConcurrentHashMap<>();

    private static PreparedRead<Record4<Long, Long, String, Double>> profileStatement(ProfileShape shape) {
        var p = ENTREPRENEUR_PROFILE;
        Field<Integer> limit = DSL.inline(shape.limit());
        Field<Object> query = tsQuery(WORDS);
        Field<Object> profileVector = storedVector(p);
        Field<Double> profileRank = tsRank(profileVector, query);
        Field<String> lexeme = DSL.field("(tsvector_to_array(to_tsvector('simple', search_fold({0}))))[1]",
                SQLDataType.CLOB, WORDS);
        Condition oneLexeme = DSL.condition("numnode({0}) = 1", query);
        Condition hit = DSL.condition("{0} @@ {1}", profileVector, query);
        return switch (shape.statement()) {
            case WORDS -> PreparedRead.of(DSL.select(p.ID, p.USER_ID, p.HEADLINE, profileRank)
                    .from(p)
                    .where(hit)
                    .orderBy(profileRank.desc(), p.ID)
                    .limit(limit), WORDS);
            case ONE_PLAIN_WORD -> PreparedRead.of(storedRanks(TERM_LEXEME.eq(lexeme), limit), WORDS);
            case ONE_WORD -> PreparedRead.of(storedRanks(TERM_LEXEME.eq(lexeme).and(oneLexeme), limit)
                    .unionAll(DSL.select(p.ID, p.USER_ID, p.HEADLINE, profileRank)
                            .from(p)
                            .where(hit).and(DSL.not(oneLexeme))
                            .orderBy(profileRank.desc(), p.ID)
                            .limit(limit))
                    .orderBy(RANK.desc(), ID)
                    .limit(limit), WORDS);
            case FTS5 -> {
                Field<Double> bm25 = negatedBm25(PROFILE_FTS);
                yield PreparedRead.of(DSL.select(p.ID, p.USER_ID, p.HEADLINE, bm25)
                        .from(PROFILE_FTS)
                        .join(p).on(p.ID.eq(rowid(PROFILE_FTS)))
                        .where(match(PROFILE_FTS, WORDS))
                        .orderBy(bm25.desc(), p.ID)
                        .limit(limit), WORDS);
            }
        };
    }

    private static PreparedRead<Record4<Long, String, OffsetDateTime, Double>> eventStatement(EventShape shape) {
        var e = MEETUP_EVENT;
        Field<Integer> limit = DSL.inline(shape.limit());
        if (shape.postgres()) {
            Field<Object> eventVector = storedVector(e);
            Field<Double> eventRank = tsRank(eventVector, tsQuery(WORDS));
            return PreparedRead.of(DSL.select(e.ID, e.TITLE, e.EVENT_DATE, eventRank)
                    .from(e)
                    .where(DSL.condition("{0} @@ {1}", eventVector, tsQuery(WORDS)))
                    .and(e.IS_PUBLISHED.isTrue()).and(e.IS_PRIVATE_INVITATION.isFalse()).and(e.IS_CANCELLED.isFalse())
                    .orderBy(eventRank.desc(), e.ID)
                    .limit(limit), WORDS);
        }
        Field<Double> eventBm25 = negatedBm25(EVENT_FTS);
        return PreparedRead.of(DSL.select(e.ID, e.TITLE, e.EVENT_DATE, eventBm25)
                .from(EVENT_FTS)
                .join(e).on(e.ID.eq(rowid(EVENT_FTS)))
                .where(match(EVENT_FTS, WORDS))
                .and(e.IS_PUBLISHED.isTrue()).and(e.IS_PRIVATE_INVITATION.isFalse()).and(e.IS_CANCELLED.isFalse())
                .orderBy(eventBm25.desc(), e.ID)
                .limit(limit), WORDS);
    }

    /** The best {@code limit} stored one-word ranks (V24) where {@code condition} holds, best first. */
    private static SelectLimitPercentStep<Record4<Long, Long, String, Double>> storedRanks(Condition condition,
                                                                                          Field<Integer> limit) {
        var p = ENTREPRENEUR_PROFILE;
        return DSL.select(p.ID, p.USER_ID, p.HEADLINE, TERM_RANK.cast(SQLDataType.DOUBLE).as(RANK.getName()))
                .from(TERM)
                .join(p).on(p.ID.eq(TERM_PROFILE_ID))
                .where(condition)
                .orderBy(TERM_RANK.desc(), TERM_PROFILE_ID)
                .limit(limit);
    }

    /**
     * The stored, GIN-indexed vector of V18 (title/headline A, description/bio B, as V12 defined them): ranking reads
     * it instead of recomputing it for every hit. PostgreSQL only, so not in the generated classes.
     */
    private static Field<Object> storedVector(Table<?> table) {
        return DSL.field(DSL.name(table.getName(), "search_vector"), Object.class);
    }

    private static Field<Object> tsQuery(Field<String> plainWords) {
        return DSL.field("plainto_tsquery('simple', search_fold({0}))", Object.class, plainWords);
    }

    /**
     * {@code ts_rank} with its default weights (D 0.1, C 0.2, B 0.4, A 1.0), as Django's SearchRank. Its {@code real}
     * is widened to {@code double precision} in SQL, so the value read is exact whichever transfer mode (text or
     * binary) the driver uses; a {@code real} read as a double would be its 9-digit text in one and exact in the other.
     */
    private static Field<Double> tsRank(Field<Object> vector, Field<Object> query) {
        return DSL.field("ts_rank({0}, {1})", SQLDataType.REAL, vector, query).cast(SQLDataType.DOUBLE).as("rank");
    }

    /** FTS5's bm25 (smaller is better) negated, so that higher is better as on PostgreSQL. */
    private static Field<Double> negatedBm25(Table<?> fts) {
        return DSL.field("-bm25({0}, 10.0, 1.0)", SQLDataType.DOUBLE, fts).as("rank");
    }

    private static Field<Long> rowid(Table<?> fts) {
        return DSL.field("{0}.rowid", SQLDataType.BIGINT, fts);
    }

    private static Condition match(Table<?> fts, Field<String> ftsQuery) {
        return DSL.condition("{0} MATCH {1}", fts, ftsQuery);
    }
}
