package lu.entreprinder.persistence.matching;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import org.jooq.conf.ParamType;

/**
 * Diagnostics only: the SQL of {@link MatchingDao#listCandidates}'s one statement (package-private
 * {@code candidatesQuery}, "so a test can EXPLAIN it"), so the benchmark launcher can put its plan beside the
 * hand-tuned one. Lives in matching-dao's package for that reason alone; nothing else here touches its internals.
 */
public final class CandidatesPlan {

    private CandidatesPlan() {
    }

    /** The first-page query for {@code userId}, values inlined. */
    public static String sql(Database db, int userId) {
        return new MatchingDao(db).candidatesQuery(userId, PageRequest.first()).getSQL(ParamType.INLINED);
    }
}
