package lu.entreprinder.persistence.entreprinder;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.common.V9__entreprinder_populate_name_key;
import java.util.List;
import lu.entreprinder.persistence.entreprinder.internal.NameKeys;
import org.junit.jupiter.api.Test;

/**
 * The live name rule ({@link NameKeys}) and migration V9's frozen copy give the same keys today. When this fails
 * because the live rule changed on purpose, the stored keys are stale: add a migration that re-keys them, and
 * change this test's expectation, never V9.
 */
class NameKeysTest {

    @Test
    void theLiveRuleKeysNamesAsV9KeyedTheStoredRows() {
        List<String> names = List.of("Agriculture", "  ÉNERGIE\u00a0 renouvelable ", "ＦＵＬＬ\u3000width", "Straße",
                "İstanbul", "ﬁnance", "tab\tand\nnewline", "Ǆemal", "x".repeat(100));
        for (String name : names) {
            assertThat(NameKeys.key(name, "name")).as(name)
                    .isEqualTo(V9__entreprinder_populate_name_key.normalizeName(name));
        }
    }
}
