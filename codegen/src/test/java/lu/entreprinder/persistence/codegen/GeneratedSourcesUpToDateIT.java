package lu.entreprinder.persistence.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analogue of Django's {@code makemigrations --check}: regenerates the jOOQ classes from the migrations and
 * fails when they differ from the committed ones.
 */
class GeneratedSourcesUpToDateIT {

    @Test
    void committedJooqClassesMatchWhatTheMigrationsProduce(@TempDir Path fresh) throws Exception {
        Path committed = Path.of(System.getProperty("generated.dir", "../schema/src/generated/java"));
        Codegen.generate(fresh);

        Map<String, String> expected = read(fresh);
        Map<String, String> actual = read(committed);
        List<String> drift = new ArrayList<>();
        for (String file : expected.keySet()) {
            if (!actual.containsKey(file)) {
                drift.add("missing: " + file);
            } else if (!actual.get(file).equals(expected.get(file))) {
                drift.add("differs: " + file);
            }
        }
        for (String file : actual.keySet()) {
            if (!expected.containsKey(file)) {
                drift.add("stale: " + file);
            }
        }
        assertThat(drift)
                .as("The committed jOOQ classes in schema/src/generated/java do not match the migrations. "
                        + "Regenerate them with: mvn -pl codegen -am -Pcodegen verify -DskipTests, then commit.")
                .isEmpty();
        assertThat(expected).as("codegen produced classes").isNotEmpty();
    }

    @Test
    void everyTableHasAReadableClassName(@TempDir Path fresh) throws Exception {
        Codegen.generate(fresh);
        try (Stream<Path> files = Files.list(fresh.resolve("lu/entreprinder/persistence/schema/generated/tables"))) {
            List<String> unreadable = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("_") || Character.isLowerCase(n.charAt(0)))
                    .toList();
            assertThat(unreadable).as("tables without an entry in ReadableNamesStrategy.CLASS_NAMES").isEmpty();
        }
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return files;
    }
}
