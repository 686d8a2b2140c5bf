package lu.entreprinder.persistence.matching.internal;

import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_INDUSTRIES;
import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.replace;
import static org.jooq.impl.DSL.select;

import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.schema.generated.tables.EntrepreneurProfileIndustries;
import lu.entreprinder.persistence.schema.generated.tables.Industry;
import org.jooq.Context;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomField;
import org.jooq.impl.SQLDataType;

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

    /**
     * The industry names of the profile {@code profileId}, sorted by name, as one text: each name with {@code \} and
     * {@code ,} escaped by a {@code \}, joined by {@code ,}; NULL when the profile has none. {@link #industryNames}
     * turns it back into the list. Cheaper to read than {@link #industries} (one string per row instead of a JSON
     * document parsed into records: about a third of a candidate page's allocations), same answer on both databases.
     */
    public static Field<List<String>> industriesAsText(Field<Long> profileId) {
        EntrepreneurProfileIndustries pi = ENTREPRENEUR_PROFILE_INDUSTRIES.as("pi");
        Industry i = INDUSTRY.as("i");
        Field<String> escaped = replace(replace(i.NAME, inline("\\"), inline("\\\\")), inline(","), inline("\\,"));
        return field(select(new SortedJoin(escaped, i.NAME))
                        .from(pi)
                        .join(i).on(i.ID.eq(pi.INDUSTRY_ID))
                        .where(pi.ENTREPRENEURPROFILE_ID.eq(profileId)))
                .as("industries")
                .convertFrom(ProfileSummaries::industryNames);
    }

    /** The names in a text of {@link #industriesAsText} ({@code null}: none), as an unmodifiable list. */
    public static List<String> industryNames(String text) {
        if (text == null) {
            return List.of();
        }
        if (text.indexOf('\\') < 0) { // the usual one or two names: no builder, no copy in ProfileSummary
            int comma = text.indexOf(',');
            if (comma < 0) {
                return List.of(text);
            }
            if (text.indexOf(',', comma + 1) < 0) {
                return List.of(text.substring(0, comma), text.substring(comma + 1));
            }
        }
        List<String> names = new ArrayList<>(4);
        StringBuilder unescaped = null;
        int start = 0;
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\\' && at + 1 < text.length()) {
                if (unescaped == null) {
                    unescaped = new StringBuilder(text.length() - start);
                }
                unescaped.append(text, start, at).append(text.charAt(++at));
                start = at + 1;
            } else if (c == ',') {
                names.add(unescaped == null ? text.substring(start, at) : unescaped.append(text, start, at).toString());
                unescaped = null;
                start = at + 1;
            }
        }
        names.add(unescaped == null ? text.substring(start) : unescaped.append(text, start, text.length()).toString());
        return List.copyOf(names);
    }

    /**
     * {@code value}s joined by {@code ,} in {@code order}: {@code string_agg(value, ',' order by order)} on
     * PostgreSQL, {@code group_concat(value, ',' order by order)} on SQLite (3.44+). jOOQ's {@code listAgg} renders
     * the SQLite form with the ORDER BY before the separator, which SQLite reads as a second sort key.
     */
    private static final class SortedJoin extends CustomField<String> {

        private static final long serialVersionUID = 1L;
        private final Field<String> value;
        private final Field<String> order;

        SortedJoin(Field<String> value, Field<String> order) {
            super(name("industries"), SQLDataType.VARCHAR);
            this.value = value;
            this.order = order;
        }

        @Override
        public void accept(Context<?> ctx) {
            ctx.sql(ctx.family() == SQLDialect.SQLITE ? "group_concat(" : "string_agg(")
                    .visit(value).sql(", ',' order by ").visit(order).sql(')');
        }
    }
}
