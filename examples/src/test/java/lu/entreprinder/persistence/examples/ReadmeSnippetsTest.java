package lu.entreprinder.persistence.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every block between "README snippet start" and "end" markers in the examples (and in the Spring Boot consumer,
 * which CI builds on its own) appears in the README verbatim.
 */
class ReadmeSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "( *)// --- README snippet start[^\\n]*\\n(.*?)\\n *// --- README snippet end", Pattern.DOTALL);

    @Test
    void theReadmeShowsTheExamplesCodeAsItIs() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src", "main", "java")),
                Files.walk(Path.of("spring-consumer", "src", "main", "java")))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        List<String> checked = new ArrayList<>();
        for (Path source : sources) {
            Matcher m = SNIPPET.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                String indent = m.group(1);
                String snippet = m.group(2).lines()
                        .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
                        .reduce((a, b) -> a + "\n" + b).orElse("");
                assertThat(readme).as("README.md shows the snippet of %s as it is in the code", source.getFileName())
                        .contains(snippet);
                checked.add(source.getFileName().toString());
            }
        }
        assertThat(checked).contains("EmbeddingExample.java", "ServiceExample.java", "ConfigurationExample.java",
                "RecoveryExample.java", "MetricsExample.java", "SpringConsumerApplication.java", "Matchmaking.java");
    }
}
