package lu.entreprinder.persistence.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test once per backend (PostgreSQL and SQLite by default) on the shared migrated database,
 * emptied and with its clock reset before each run. Test methods may declare parameters of type
 * {@link lu.entreprinder.persistence.core.Database}, {@link TestClock} and {@link Backend}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseTestExtension.class)
public @interface DatabaseTest {

    /** The backends to run on (default: both). A single-backend test says why in its Javadoc. */
    Backend[] value() default {Backend.POSTGRESQL, Backend.SQLITE};
}
