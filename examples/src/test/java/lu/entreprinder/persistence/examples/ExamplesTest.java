package lu.entreprinder.persistence.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesTest {

    @Test
    void theReadmeSnippetRunsOnAFreshSqliteFile(@TempDir Path dir) {
        assertThat(EmbeddingExample.run("jdbc:sqlite:" + dir.resolve("app.db"))).containsExactly("anna");
    }

    @Test
    void theTourRunsToTheEnd(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Database db = Database.open(DatabaseConfig.builder("jdbc:sqlite:" + dir.resolve("tour.db")).build())) {
            new Tour(db, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("applied 14 migrations").contains("the transaction rolled back").contains("users now: 4");
    }
}
