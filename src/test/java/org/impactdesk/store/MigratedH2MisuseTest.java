package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** What the extension says when it is used the wrong way: which method, and what to write instead. */
class MigratedH2MisuseTest {
    @MigratedH2
    static class PerTest {
        @BeforeAll
        static void fill(Database db) {
            // asks for a per-test database where no test runs
        }
    }

    /** Not run itself (no @Test): only its method is handed to the extension. */
    @ExtendWith(MigratedH2Extension.class)
    static class WithoutAnnotation {
        void reads(Database db) {
            // registered by hand, no lifecycle chosen
        }
    }

    static class OtherTypes {
        void take(String text, java.nio.file.Path path, Database db, FreshDatabases fresh) {
            // only the last two are the extension's
        }
    }

    /** A context of {@code testClass}, inside a test method when {@code method} is given, with no store. */
    static ExtensionContext context(Class<?> testClass, Method method) {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getRequiredTestClass" -> testClass;
                    case "getTestClass" -> Optional.of(testClass);
                    case "getTestMethod" -> Optional.ofNullable(method);
                    case "getParent" -> Optional.empty();
                    case "getUniqueId" -> "[class:" + testClass.getName() + "]";
                    case "toString" -> "context of " + testClass.getSimpleName();
                    default -> throw new UnsupportedOperationException("the test context has no " + m.getName());
                });
    }

    static ParameterContext parameter(Method method, int index) {
        Parameter p = method.getParameters()[index];
        return (ParameterContext) Proxy.newProxyInstance(ParameterContext.class.getClassLoader(),
                new Class<?>[] {ParameterContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getParameter" -> p;
                    case "getIndex" -> index;
                    case "getDeclaringExecutable" -> method;
                    case "toString" -> "parameter " + index + " of " + method.getName();
                    default -> throw new UnsupportedOperationException("the test parameter has no " + m.getName());
                });
    }

    @Test
    void aPerTestDatabaseAskedForInBeforeAllSaysWhereAndHowToShareOne() throws Exception {
        Method fill = PerTest.class.getDeclaredMethod("fill", Database.class);
        assertThatThrownBy(() -> new MigratedH2Extension().resolveParameter(parameter(fill, 0), context(PerTest.class, null)))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("fill(")
                .hasMessageContaining("outside a test")
                .hasMessageContaining("@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)");
    }

    @Test
    void theExtensionWithoutTheAnnotationSaysToUseTheAnnotation() throws Exception {
        Method reads = WithoutAnnotation.class.getDeclaredMethod("reads", Database.class);
        assertThatThrownBy(() -> new MigratedH2Extension().resolveParameter(parameter(reads, 0),
                context(WithoutAnnotation.class, reads)))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining(WithoutAnnotation.class.getName())
                .hasMessageContaining("annotate the class with @MigratedH2");
    }

    @Test
    void onlyDatabaseAndFreshDatabasesParametersAreTheExtensions() throws Exception {
        Method take = OtherTypes.class.getDeclaredMethod("take", String.class, java.nio.file.Path.class, Database.class,
                FreshDatabases.class);
        MigratedH2Extension extension = new MigratedH2Extension();
        ExtensionContext context = context(OtherTypes.class, take);
        assertThat(extension.supportsParameter(parameter(take, 0), context)).isFalse();
        assertThat(extension.supportsParameter(parameter(take, 1), context)).as("a Path stays @TempDir's").isFalse();
        assertThat(extension.supportsParameter(parameter(take, 2), context)).isTrue();
        assertThat(extension.supportsParameter(parameter(take, 3), context)).isTrue();
    }
}
