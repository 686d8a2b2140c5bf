package lu.entreprinder.persistence.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/DATABASE.md's tables of models, relationships, constraints and indexes match the migrations. */
class SchemaDocumentUpToDateIT {

    @Test
    void theCommittedSchemaDocumentMatchesTheMigratedSchema() throws Exception {
        Path document = Path.of(System.getProperty("schema.document", "../docs/DATABASE.md"));
        String committed = SchemaDocument.generated(Files.readString(document));
        assertThat(committed)
                .as("docs/DATABASE.md is stale. Regenerate it with: mvn -pl codegen -am -Pcodegen verify -DskipTests, then commit.")
                .isEqualTo(SchemaDocument.generate().strip());
    }

    @Test
    void mergeReplacesOnlyTheGeneratedPart() {
        String doc = "intro\n" + SchemaDocument.START + "\nold\n" + SchemaDocument.END + "\noutro\n";
        String merged = SchemaDocument.merge(doc, "new\n");
        assertThat(merged).startsWith("intro\n").endsWith(SchemaDocument.END + "\noutro\n");
        assertThat(SchemaDocument.generated(merged)).isEqualTo("new");
    }
}
