package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchmakingServiceIT {

    @Test
    void twoDaosInOneTransaction(@TempDir Path dir) {
        try (MatchmakingService service = new MatchmakingService("jdbc:sqlite:" + dir.resolve("app.db"), 2)) {
            long anna = service.signUp("anna");
            long ben = service.signUp("ben");
            var matches = service.likeEachOther(anna, ben);
            assertEquals(1, matches.size());
            // the transaction is all-or-nothing: liking again is not "a like then a match", so it rolls back
            assertThrows(IllegalStateException.class, () -> service.likeEachOther(anna, ben));
        }
    }

    @Test
    void runsFromItsOwnConfiguration() throws Exception {
        try (MatchmakingService service = MatchmakingService.fromConfiguration()) {
            assertEquals(4, service.config().maximumPoolSize());
            assertEquals(java.time.Duration.ofMillis(250), service.config().slowQueryThreshold());
            long a = service.signUp("c" + System.nanoTime());
            long b = service.signUp("d" + System.nanoTime());
            assertEquals(1, service.likeEachOther(a, b).size());
        }
    }
}
