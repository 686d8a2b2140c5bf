package lu.entreprinder.persistence.core.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Configuration;
import org.jooq.ConverterContext;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;

/**
 * What a {@link org.jooq.Binding} of its own is given on the direct path, besides its value: the configuration. There
 * is no execute context there: a binding that asks for one gets {@link Unsupported}, and the statement takes jOOQ's
 * path instead (nothing has been sent by then).
 */
abstract class DirectScope implements ConverterContext {

    /** The binding needs more than the direct path gives; the caller falls back to jOOQ's path. */
    static final class Unsupported extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super("a binding asked for " + what + ", which the direct path does not have", null, false, false);
        }
    }

    private final Configuration configuration;
    private Map<Object, Object> data;

    DirectScope(Configuration configuration) {
        this.configuration = configuration;
    }

    public ConverterContext converterContext() {
        return this;
    }

    public ExecuteContext executeContext() {
        throw new Unsupported("an execute context");
    }

    @Override
    public Instant creationTime() {
        return Instant.now();
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public DSLContext dsl() {
        return configuration.dsl();
    }

    @Override
    public Settings settings() {
        return configuration.settings();
    }

    @Override
    public SQLDialect dialect() {
        return configuration.dialect();
    }

    @Override
    public SQLDialect family() {
        return configuration.dialect().family();
    }

    @Override
    public Map<Object, Object> data() {
        if (data == null) {
            data = new HashMap<>();
        }
        return data;
    }

    @Override
    public Object data(Object key) {
        return data == null ? null : data.get(key);
    }

    @Override
    public Object data(Object key, Object newValue) {
        return data().put(key, newValue);
    }
}
