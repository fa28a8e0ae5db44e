package org.impactdesk.service.settings;

import java.util.List;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.DatabaseLocation;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.service.funder.StoredFunderSettingsService;
import org.impactdesk.store.DataChanges;
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
    private final DatabaseLocation database;
    /** Where a save is recorded for other desktops to notice (V98); null: not recorded. */
    private final DataChanges changes;

    /** {@code funder}: the activity types a funder category choice must name. */
    public StoredSettingsService(OrganizationDao organizations, FunderDao funder, DatabaseLocation database) {
        this(organizations, funder, database, null);
    }

    public StoredSettingsService(OrganizationDao organizations, FunderDao funder, DatabaseLocation database, DataChanges changes) {
        this.organizations = organizations;
        this.funder = funder;
        this.database = database;
        this.changes = changes;
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
        if (changes != null) { // other desktops on a team database see that the settings changed (V98)
            changes.record(DataChanges.What.SETTINGS, org.impactdesk.service.changes.StoredChangeWatch.nameOf(actor),
                    java.time.Instant.now());
        }
    }

    @Override
    public DatabaseLocation database() {
        return database;
    }

    private void check(Actor actor, String organizationId) {
        boolean allowed = actor.isGlobalAdmin()
                || (actor.isAdmin() && organizationId != null && organizationId.equals(actor.organizationId()));
        if (!allowed) {
            throw new SettingsRefusedException("Only an administrator of " + organizationId + " may change its settings.");
        }
    }
}
