package lu.entreprinder.persistence.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * persistence-bom is not a child of the parent POM (an imported BOM must not hand the library's build-time
 * dependencyManagement to services), so nothing in Maven keeps it in step: this test does. Every published module
 * (one without {@code publish.skip=true}) is in the BOM at the library's version, and the drivers it recommends are
 * the versions the library is built and tested with.
 */
class BomTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomListsEveryPublishedModuleAtTheLibrarysVersion() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        Element bom = pom(ROOT.resolve("persistence-bom/pom.xml"));
        String version = text(parent, "version");
        assertThat(text(bom, "version")).isEqualTo(version);

        List<String> published = new ArrayList<>();
        for (Element module : children(child(parent, "modules"), "module")) {
            String dir = module.getTextContent().trim();
            if (dir.equals("persistence-bom")) {
                continue;
            }
            Element pom = pom(ROOT.resolve(dir).resolve("pom.xml"));
            Element properties = child(pom, "properties");
            boolean skipped = properties != null && "true".equals(text(properties, "publish.skip"));
            if (!skipped) {
                published.add(text(pom, "artifactId"));
            }
        }
        Map<String, String> managed = managed(bom);

        assertThat(published).isNotEmpty().contains("persistence-core", "schema");
        for (String artifactId : published) {
            assertThat(managed).as("persistence-bom manages " + artifactId)
                    .containsEntry("lu.entreprinder.persistence:" + artifactId, "${project.version}");
        }
    }

    @Test
    void theBomsRuntimeAndDriverVersionsAreTheOnesTheLibraryIsBuiltAndTestedWith() throws Exception {
        Element properties = child(pom(ROOT.resolve("pom.xml")), "properties");
        Map<String, String> managed = managed(pom(ROOT.resolve("persistence-bom/pom.xml")));

        assertThat(managed).containsEntry("org.postgresql:postgresql", text(properties, "postgresql.version"))
                .containsEntry("org.xerial:sqlite-jdbc", text(properties, "sqlite.version"))
                .as("the runtime libraries at the library's versions (Spring Boot's BOM pins older ones)")
                .containsEntry("org.jooq:jooq", text(properties, "jooq.version"))
                .containsEntry("org.flywaydb:flyway-core", text(properties, "flyway.core.version"))
                .containsEntry("org.flywaydb:flyway-database-postgresql", text(properties, "flyway.core.version"))
                .containsEntry("com.zaxxer:HikariCP", text(properties, "hikaricp.version"));
    }

    private static Map<String, String> managed(Element bom) {
        Map<String, String> managed = new LinkedHashMap<>();
        for (Element dependency : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            managed.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), text(dependency, "version"));
        }
        return managed;
    }

    private static Element pom(Path file) throws Exception {
        assertThat(file).exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(file)) {
            Document document = factory.newDocumentBuilder().parse(in);
            return document.getDocumentElement();
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
