package lu.entreprinder.persistence.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scaling options of {@link DatabaseConfig}: replicas and the transaction-pooling profile. */
class ScalingConfigTest {

    @Test
    void defaultsAreNoReplicasAndADirectConnection() {
        DatabaseConfig c = DatabaseConfig.builder("jdbc:postgresql://h/db").build();
        assertThat(c.replicaUrls()).isEmpty();
        assertThat(c.transactionPooling()).isFalse();
        assertThat(c.maxReplicaLagBytes()).isEqualTo(DatabaseConfig.DEFAULT_MAX_REPLICA_LAG_BYTES);
        assertThat(c.replicaPositionMaxAge()).isEqualTo(DatabaseConfig.DEFAULT_REPLICA_POSITION_MAX_AGE);
        assertThat(c.replicaRetryInterval()).isEqualTo(DatabaseConfig.DEFAULT_REPLICA_RETRY_INTERVAL);
    }

    @Test
    void replicasAreKeptInOrder() {
        DatabaseConfig c = DatabaseConfig.builder("jdbc:postgresql://p/db").replica("jdbc:postgresql://r1/db")
                .replica("jdbc:postgresql://r2/db").build();
        assertThat(c.replicaUrls()).containsExactly("jdbc:postgresql://r1/db", "jdbc:postgresql://r2/db");
    }

    @Test
    void badScalingSettingsFailFastNamingTheSetting() {
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:sqlite:x").replica("jdbc:postgresql://r/db").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("replica"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:postgresql://p/db").replica("jdbc:sqlite:x").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("replica"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:postgresql://p/db")
                .replica("jdbc:mysql://r/db?password=secret").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:postgresql://p/db").maxReplicaLagBytes(-1).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxReplicaLagBytes"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:postgresql://p/db")
                .replicaPositionMaxAge(Duration.ofMillis(-1)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("replicaPositionMaxAge"));
        assertThatThrownBy(() -> DatabaseConfig.builder("jdbc:postgresql://p/db").replicaRetryInterval(null).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("replicaRetryInterval"));
    }
}
