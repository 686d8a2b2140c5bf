package lu.entreprinder.persistence.core;

import lu.entreprinder.persistence.core.internal.Json;
import lu.entreprinder.persistence.core.internal.Check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void theDialectFollowsFromTheUrl() {
        assertThat(DatabaseConfig.builder("jdbc:postgresql://h/db").build().dialect()).isEqualTo(SQLDialect.POSTGRES);
        assertThat(DatabaseConfig.builder("jdbc:sqlite:/tmp/x.db").build().dialect()).isEqualTo(SQLDialect.SQLITE);
        assertThat(DatabaseConfig.builder("jdbc:sqlite::memory:").build().sqliteInMemory()).isTrue();
    }

    @Test
    void defaultsAreTheNamedOnes() {
        DatabaseConfig c = DatabaseConfig.builder("jdbc:sqlite:/tmp/x.db").build();
        assertThat(c.maximumPoolSize()).isEqualTo(DatabaseConfig.DEFAULT_MAXIMUM_POOL_SIZE);
        assertThat(c.connectionTimeout()).isEqualTo(DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT);
        assertThat(c.slowQueryThreshold()).isEqualTo(DatabaseConfig.DEFAULT_SLOW_QUERY_THRESHOLD);
        assertThat(c.zone()).isEqualTo(DatabaseConfig.DEFAULT_ZONE);
        assertThat(c.migrateOnStart()).isFalse();
    }

    @Test
    void badSettingsFailFastNamingTheSetting() {
        assertThatThrownBy(() -> DatabaseConfig.builder((String) null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("jdbcUrl"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:mysql://h/db")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).contains("jdbcUrl").contains("supported"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:sqlite:x").maximumPoolSize(0).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maximumPoolSize"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:sqlite:x").connectionTimeout(Duration.ofMillis(10)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("connectionTimeout"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:sqlite:x").statementTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("statementTimeout"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:sqlite:x").clock(null).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("clock"));
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        DatabaseConfig c = DatabaseConfig.builder("jdbc:postgresql://h/db?user=app&password=s3cret")
                .username("app").password("hunter2").build();
        assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("s3cret").contains("****");
    }

    @Test
    void pageRequestsAreBoundedAndCursorsRoundTrip() {
        assertThat(PageRequest.first().size()).isEqualTo(20);
        assertThatThrownBy(() -> PageRequest.first(101)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("pageSize"));
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(ValidationException.class);
        String cursor = PageRequest.encode("2026-01-01T00:00:00Z", 42L);
        assertThat(PageRequest.decode(cursor)).containsExactly("2026-01-01T00:00:00Z", "42");
        assertThatThrownBy(() -> PageRequest.decode("***")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("cursor"));
        Page<Integer> page = PageRequest.first(2).toPage(List.of(1, 2, 3), String::valueOf);
        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.next()).contains("2");
        assertThat(PageRequest.first(2).toPage(List.of(1, 2), String::valueOf).hasNext()).isFalse();
    }

    @Test
    void checksNameTheFieldAndCountCodePoints() {
        assertThat(Check.optionalText(null, 5, "bio")).isEmpty();
        assertThat(Check.text("😀😀😀😀😀", 5, "name")).hasSize(10);
        assertThatThrownBy(() -> Check.text("😀😀😀😀😀😀", 5, "name")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> Check.text("  ", 5, "name")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Check.optionalText("a\u0000b", 5, "bio")).isInstanceOf(ValidationException.class);
        assertThat(Check.decimal(new java.math.BigDecimal("12.5"), 8, 2, "price")).isEqualByComparingTo("12.50")
                .hasToString("12.50");
        assertThatThrownBy(() -> Check.decimal(new java.math.BigDecimal("1000000.00"), 8, 2, "price"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("price"));
        assertThatThrownBy(() -> Check.decimal(new java.math.BigDecimal("1.001"), 8, 2, "price")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Check.decimal(new java.math.BigDecimal("-1"), 8, 2, "price")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Check.id(0L, "eventId")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("eventId"));
        assertThat(Check.userId(42L, "userId")).isEqualTo(42);
        assertThat(Check.text("emoji \uD83C\uDF77 ok", 20, "bio")).isNotEmpty();
        assertThatThrownBy(() -> Check.optionalText("ab\uD800cd", 20, "bio")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("bio"));
        assertThatThrownBy(() -> Check.optionalText("ends high \uD83C", 20, "bio")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Check.optionalText("\uDF77 low first", 20, "bio")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Check.timestamp(java.time.OffsetDateTime.MAX, "eventDate")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("eventDate"));
        assertThatThrownBy(() -> Check.date(java.time.LocalDate.MIN, "dateOfBirth")).isInstanceOf(ValidationException.class);
        assertThat(Check.date(java.time.LocalDate.of(1990, 1, 1), "dateOfBirth")).isEqualTo("1990-01-01");
        assertThatThrownBy(() -> Json.parse("{\"a\":1} trailing", "coordinates")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("coordinates"));
        assertThatThrownBy(() -> Json.parse("{\"n\":\"a\\u0000b\"}", "coordinates")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Json.parse("", "coordinates")).isInstanceOf(ValidationException.class);
        assertThat(Json.parse("[\"a\",\"b\"]", "options").size()).isEqualTo(2);
        assertThatThrownBy(() -> Check.userId(4_294_967_297L, "userId")).as("would wrap to user 1 if cast")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("userId"));
        assertThatThrownBy(() -> Check.userId(0L, "fromUserId")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("fromUserId"));
    }
}
