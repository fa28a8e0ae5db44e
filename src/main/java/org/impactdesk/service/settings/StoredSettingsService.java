package org.impactdesk.service.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.service.funder.StoredFunderSettingsService;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.OrganizationDao;

/**
 * {@link SettingsService} over the organisations table: admins only (a global admin every
 * organisation, an org admin their own). Saved rows take effect at the next generation; stored
 * summaries keep the thresholds and rates they were generated with.
 */
public final class StoredSettingsService implements SettingsService {
    private final OrganizationDao organizations;
    private final FunderDao funder;
    private final Path databaseFile;

    /** {@code funder}: the activity types a funder category choice must name. */
    public StoredSettingsService(OrganizationDao organizations, FunderDao funder, Path databaseFile) {
        this.organizations = organizations;
        this.funder = funder;
        this.databaseFile = databaseFile;
    }

    @Override
    public List<OrganizationSettings> editable(Actor actor) {
        if (actor.isGlobalAdmin()) {
            return organizations.all();
        }
        if (actor.isAdmin() && actor.organizationId() != null) {
            return organizations.find(actor.organizationId()).stream().toList();
        }
        return List.of();
    }

    @Override
    public List<String> enabledModules(Actor actor, String organizationId) {
        check(actor, organizationId);
        return organizations.enabledModules(organizationId);
    }

    @Override
    public List<String> knownModules() {
        return organizations.knownModules();
    }

    @Override
    public void save(Actor actor, OrganizationSettings settings, Set<String> modules, FunderSettings funderSettings) {
        check(actor, settings.id());
        if (funderSettings != null) {
            StoredFunderSettingsService.validate(funderSettings, funder.activityTypes().keySet());
        }
        if (!organizations.updateSettings(settings, modules, funderSettings)) {
            throw new IllegalArgumentException("No organisation with id " + settings.id());
        }
    }

    @Override
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
