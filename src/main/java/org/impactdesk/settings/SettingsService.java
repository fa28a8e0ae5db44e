package org.impactdesk.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.store.OrganizationDao;

/**
 * Organisation settings for the Settings screen: admins only (a global admin every
 * organisation, an org admin their own). Saved rows take effect at the next generation;
 * stored summaries keep the thresholds and rates they were generated with.
 */
public final class SettingsService {
    private final OrganizationDao organizations;
    private final Path databaseFile;

    public SettingsService(OrganizationDao organizations, Path databaseFile) {
        this.organizations = organizations;
        this.databaseFile = databaseFile;
    }

    /** The organisations the actor may edit, ordered by id (empty for non-admins). */
    public List<OrganizationSettings> editable(Actor actor) {
        if (actor.isGlobalAdmin()) {
            return organizations.all();
        }
        if (actor.isAdmin() && actor.organizationId() != null) {
            return organizations.find(actor.organizationId()).stream().toList();
        }
        return List.of();
    }

    public List<String> enabledModules(Actor actor, String organizationId) {
        check(actor, organizationId);
        return organizations.enabledModules(organizationId);
    }

    public List<String> knownModules() {
        return organizations.knownModules();
    }

    /** Saves settings and modules; refuses an actor who may not edit the organisation. */
    public void save(Actor actor, OrganizationSettings settings, Set<String> modules) {
        check(actor, settings.id());
        if (!organizations.updateSettings(settings, modules)) {
            throw new IllegalArgumentException("No organisation with id " + settings.id());
        }
    }

    /** The H2 database file in use ({@code <path>.mv.db}). */
    public Path databaseFile() {
        return Path.of(databaseFile + ".mv.db");
    }

    private void check(Actor actor, String organizationId) {
        boolean allowed = actor.isGlobalAdmin()
                || (actor.isAdmin() && organizationId != null && organizationId.equals(actor.organizationId()));
        if (!allowed) {
            throw new SettingsRefusedException("Only an administrator of " + organizationId + " may change its settings.");
        }
    }
}
