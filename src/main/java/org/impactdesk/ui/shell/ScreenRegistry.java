package org.impactdesk.ui.shell;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.impactdesk.access.Actor;

/**
 * The screens the window offers, registered once in {@code App} (the composition root): a
 * factory per {@link ScreenId} and who may see it. Navigation shows only registered screens the
 * signed-in actor may see, in {@link ScreenId} order.
 */
public final class ScreenRegistry {

    /** Builds a screen for a signed-in session. */
    @FunctionalInterface
    public interface ScreenFactory {
        Screen create(ScreenContext context);
    }

    public record Registration(ScreenId id, Predicate<Actor> visibleTo, ScreenFactory factory) {
    }

    private final Map<ScreenId, Registration> registrations = new EnumMap<>(ScreenId.class);

    /** Registers (or replaces) a screen everyone signed in may see. */
    public ScreenRegistry register(ScreenId id, ScreenFactory factory) {
        return register(id, actor -> true, factory);
    }

    public ScreenRegistry register(ScreenId id, Predicate<Actor> visibleTo, ScreenFactory factory) {
        registrations.put(id, new Registration(id, visibleTo, factory));
        return this;
    }

    public Optional<Registration> find(ScreenId id) {
        return Optional.ofNullable(registrations.get(id));
    }

    /** The registered screens {@code actor} may see, in navigation order. */
    public List<ScreenId> visibleTo(Actor actor) {
        return registrations.values().stream().filter(r -> r.visibleTo().test(actor)).map(Registration::id).toList();
    }

    public boolean isVisible(ScreenId id, Actor actor) {
        return find(id).map(r -> r.visibleTo().test(actor)).orElse(false);
    }
}
