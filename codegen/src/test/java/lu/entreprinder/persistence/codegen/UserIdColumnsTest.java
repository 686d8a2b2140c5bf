package lu.entreprinder.persistence.codegen;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.schema.types.UserIdConverter;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

/**
 * Every column holding an {@code auth_user} id is generated as {@code Long} through {@link UserIdConverter}, and no
 * other column is: a new foreign key to {@code auth_user} whose name the rule of {@link Codegen#USER_ID_COLUMNS}
 * misses fails here (the drift test alone would accept its {@code Integer}).
 */
class UserIdColumnsTest {

    @Test
    void exactlyAuthUserIdAndTheForeignKeysToItAreLongThroughTheConverter() {
        TreeSet<String> referencing = new TreeSet<>();
        referencing.add(name(USER, USER.ID));
        TreeSet<String> converted = new TreeSet<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (ForeignKey<?, ?> fk : table.getReferences()) {
                if (fk.getKey().getTable().getName().equals(USER.getName())) {
                    fk.getFields().forEach(f -> referencing.add(name(table, f)));
                }
            }
            for (Field<?> f : table.fields()) {
                // an integer column read as Long: only UserIdConverter does that
                if (f.getType() == Long.class && f.getDataType().getSQLDataType().getType() == Integer.class) {
                    converted.add(name(table, f));
                }
            }
        }
        assertThat(converted)
                .as("columns referencing auth_user(id) must be named so that Codegen.USER_ID_COLUMNS maps them to Long "
                        + "(schema/MIGRATIONS.md, 'User ids')")
                .containsExactlyElementsOf(referencing);
        assertThat(referencing).as("at least auth_user.id and the 15 foreign keys to it of V2-V5").hasSizeGreaterThanOrEqualTo(16);
        assertThat(new UserIdConverter().from(7)).isEqualTo(7L);
        assertThat(new UserIdConverter().to(7L)).isEqualTo(7);
        assertThatThrownBy(() -> new UserIdConverter().to(4_294_967_297L)).as("narrows, never wraps to user 1")
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theNamingRuleMatchesUserIdColumnsOnly() {
        Pattern rule = Pattern.compile(Codegen.USER_ID_COLUMNS);
        for (String name : List.of("public.auth_user.id", "auth_user.id", "public.crush_lu_crushprofile.user_id",
                "public.matching_match.user1_id", "public.matching_like.from_user_id",
                "public.crush_lu_connectionmessage.sender_id", "public.crush_lu_report.reported_user_id")) {
            assertThat(rule.matcher(name).matches()).as(name).isTrue();
        }
        for (String name : List.of("public.crush_lu_profilesubmission.coach_id", "public.matching_match.id",
                "public.crush_lu_eventregistration.event_id", "public.entreprinder_skill.name", "user_id",
                "public.auth_user_groups.id", "public.crush_lu_crushprofile.user_identity")) {
            assertThat(rule.matcher(name).matches()).as(name).isFalse();
        }
    }

    private static String name(Table<?> table, Field<?> field) {
        return table.getName() + "." + field.getName();
    }
}
