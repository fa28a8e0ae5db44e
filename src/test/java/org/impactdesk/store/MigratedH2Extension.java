package org.impactdesk.store;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link MigratedH2}: resolves {@link Database} and {@link FreshDatabases}
 * parameters to the databases of the test's scope, kept in the JUnit store of the scope's context
 * so they are closed and deleted when it ends.
 */
public final class MigratedH2Extension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigratedH2Extension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Database.class || type == FreshDatabases.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        FreshDatabases scope = scopeOf(parameter, context);
        return parameter.getParameter().getType() == Database.class ? scope.database() : scope;
    }

    private static FreshDatabases scopeOf(ParameterContext parameter, ExtensionContext context) {
        Class<?> annotated = annotatedClass(context.getRequiredTestClass()).orElseThrow(() -> new ParameterResolutionException(
                "The test database extension is registered on " + context.getRequiredTestClass().getName()
                        + " without @MigratedH2; annotate the class with @MigratedH2 instead of @ExtendWith"));
        MigratedH2.Lifecycle lifecycle = AnnotationSupport.findAnnotation(annotated, MigratedH2.class).orElseThrow().value();
        ExtensionContext owner;
        if (lifecycle == MigratedH2.Lifecycle.PER_CLASS) {
            owner = classContext(context, annotated);
        } else if (context.getTestMethod().isPresent()) {
            owner = context;
        } else {
            throw new ParameterResolutionException("Parameter " + parameter.getParameter().getName() + " of "
                    + parameter.getDeclaringExecutable() + " asks for a test database outside a test, but "
                    + annotated.getSimpleName() + " gives one per test; use @MigratedH2(MigratedH2.Lifecycle.PER_CLASS)"
                    + " to share one database across the class");
        }
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(FreshDatabases.class, k -> new FreshDatabases(),
                FreshDatabases.class);
    }

    /** The class carrying @MigratedH2: the test class, a superclass, or an enclosing class of a @Nested one. */
    private static Optional<Class<?>> annotatedClass(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, MigratedH2.class)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The context of the annotated class, which ends after its tests and nested classes. */
    private static ExtensionContext classContext(ExtensionContext context, Class<?> annotated) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getTestMethod().isEmpty() && c.get().getTestClass().filter(annotated::equals).isPresent()) {
                return c.get();
            }
        }
        throw new ParameterResolutionException("No context of " + annotated.getName() + " above " + context.getUniqueId());
    }
}
