package lu.entreprinder.persistence.matching.internal;

import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_INDUSTRIES;
import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.List;
import org.jooq.Field;
import org.jooq.Record1;

/** The pieces of SQL that build an entrepreneur profile summary inside a larger query. */
public final class ProfileSummaries {

    private ProfileSummaries() {
    }

    /**
     * The industry names of the profile {@code profileId} (may be a NULL column of a LEFT JOIN: then an empty list),
     * sorted by name, as a correlated {@code multiset}.
     */
    public static Field<List<String>> industries(Field<Long> profileId) {
        return multiset(
                select(INDUSTRY.NAME)
                        .from(ENTREPRENEUR_PROFILE_INDUSTRIES)
                        .join(INDUSTRY).on(INDUSTRY.ID.eq(ENTREPRENEUR_PROFILE_INDUSTRIES.INDUSTRY_ID))
                        .where(ENTREPRENEUR_PROFILE_INDUSTRIES.ENTREPRENEURPROFILE_ID.eq(profileId))
                        .orderBy(INDUSTRY.NAME))
                .as("industries")
                .convertFrom(r -> r.map(Record1::value1));
    }
}
