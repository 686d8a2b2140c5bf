package lu.entreprinder.persistence.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import lu.entreprinder.persistence.core.Database;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** The JUnit side of {@link DatabaseTest}. */
public final class DatabaseTestExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(DatabaseTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Backend[] backends = context.getRequiredTestMethod().getAnnotation(DatabaseTest.class).value();
        return Arrays.stream(backends).map(Invocation::new);
    }

    private record Invocation(Backend backend) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return backend.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of((BeforeEachCallback) ctx -> TestDatabases.reset(backend), new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                    Class<?> type = p.getParameter().getType();
                    return type == Database.class || type == TestClock.class || type == Backend.class;
                }

                @Override
                public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                    Class<?> type = p.getParameter().getType();
                    if (type == Database.class) {
                        return TestDatabases.shared(backend);
                    }
                    return type == TestClock.class ? TestDatabases.clock(backend) : backend;
                }
            });
        }
    }
}
