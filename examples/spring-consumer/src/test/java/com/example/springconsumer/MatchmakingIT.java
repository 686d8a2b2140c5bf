package com.example.springconsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.matching.LikeResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class MatchmakingIT {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws Exception {
        Path file = Files.createTempDirectory("spring-consumer").resolve("app.db");
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file);
    }

    @Autowired
    Matchmaking matchmaking;

    @Autowired
    Database db;

    @Test
    void aMatchCommitsWithTheSpringTransactionAndItsMailGoesOutAfterwards() {
        assertThat(matchmaking.signUpAndMatch("anna", "ben")).isInstanceOf(LikeResult.Matched.class);
        assertThat(matchmaking.mails()).containsExactly("match mail to anna and ben");

        // anna exists: the cast of the second sign-up's outcome fails inside the transaction, which rolls back whole
        assertThatThrownBy(() -> matchmaking.signUpAndMatch("carl", "anna")).isInstanceOf(ClassCastException.class);
        assertThat(db.dsl().fetchCount(lu.entreprinder.persistence.schema.generated.Tables.USER)).isEqualTo(2);
        assertThat(matchmaking.mails()).hasSize(1);
    }
}
