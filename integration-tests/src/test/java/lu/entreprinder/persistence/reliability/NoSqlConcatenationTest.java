package lu.entreprinder.persistence.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main code builds SQL by concatenating strings into jOOQ's plain-SQL entry points. Statements are built with
 * jOOQ's DSL and bind values. A line that concatenates a constant on purpose says so with {@code // sql-constant:}.
 */
class NoSqlConcatenationTest {

    private static final Pattern PLAIN_SQL_WITH_CONCATENATION = Pattern.compile(
            "\\b(execute|resultQuery|query|fetch|fetchOne|fetchValue|field|condition|sql|table|unquotedName|raw|keyword)"
            + "\\s*\\(\\s*(\"[^\"]*\"\\s*\\+|[A-Za-z_][\\w.]*\\s*\\+\\s*\")");

    @Test
    void mainCodeNeverConcatenatesIntoPlainSql() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/")).toList()) {
                scanned++;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (PLAIN_SQL_WITH_CONCATENATION.matcher(line).find() && !line.contains("// sql-constant:")) {
                        offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(scanned).as("main source files scanned").isGreaterThan(20);
        assertThat(offenders).as("plain SQL built by concatenation").isEmpty();
    }

    @Test
    void theCheckRecognisesConcatenation() {
        assertThat(PLAIN_SQL_WITH_CONCATENATION.matcher("dsl.execute(\"delete from t where name = '\" + name + \"'\")").find()).isTrue();
        assertThat(PLAIN_SQL_WITH_CONCATENATION.matcher("dsl.resultQuery(prefix + \" where x = 1\")").find()).isTrue();
        assertThat(PLAIN_SQL_WITH_CONCATENATION.matcher("dsl.execute(\"delete from t where name = ?\", name)").find()).isFalse();
    }
}
