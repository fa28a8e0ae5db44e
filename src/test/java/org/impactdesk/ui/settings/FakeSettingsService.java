package org.impactdesk.ui.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.service.settings.SettingsRefusedException;
import org.impactdesk.service.settings.SettingsService;

/**
 * An in-memory {@link SettingsService} for the Settings ViewModel's tests: organisations and their
 * enabled modules in maps, saves recorded and kept, a refusal to script. Who may edit what in the
 * database is {@code StoredSettingsServiceTest}'s.
 */
final class FakeSettingsService implements SettingsService {
    /** A save as the ViewModel sent it ({@code funder} null: the funder settings not part of it). */
    record Save(OrganizationSettings settings, Set<String> modules, FunderSettings funder) {
    }

    final Map<String, OrganizationSettings> organizations = new TreeMap<>();
    final Map<String, Set<String>> enabled = new LinkedHashMap<>();
    final List<String> known = new ArrayList<>();
    final List<Save> saves = new ArrayList<>();
    RuntimeException refuseSave;

    void add(OrganizationSettings s, String... modules) {
        organizations.put(s.id(), s);
        enabled.put(s.id(), new TreeSet<>(List.of(modules)));
    }

    @Override
    public List<OrganizationSettings> editable(Actor actor) {
        if (!actor.isAdmin()) {
            return List.of();
        }
        return organizations.values().stream()
                .filter(o -> actor.isGlobalAdmin() || o.id().equals(actor.organizationId())).toList();
    }

    @Override
    public List<String> enabledModules(Actor actor, String organizationId) {
        return List.copyOf(enabled.getOrDefault(organizationId, Set.of()));
    }

    @Override
    public List<String> knownModules() {
        return List.copyOf(known);
    }

    @Override
    public void save(Actor actor, OrganizationSettings settings, Set<String> modules, FunderSettings funder) {
        if (refuseSave != null) {
            throw refuseSave;
        }
        saves.add(new Save(settings, Set.copyOf(modules), funder));
        organizations.put(settings.id(), settings);
        enabled.put(settings.id(), new TreeSet<>(modules));
    }

    @Override
    public org.impactdesk.domain.DatabaseLocation database() {
        return database;
    }

    /** What {@link #database()} answers: an H2 file unless a test sets a server. */
    org.impactdesk.domain.DatabaseLocation database = org.impactdesk.domain.DatabaseLocation.ofFile(Path.of("/data/impact-desk/db.mv.db"));

    /** Refuses saving as the real service refuses an actor who may not edit the organisation. */
    static SettingsRefusedException refusal(String organizationId) {
        return new SettingsRefusedException("Only an administrator of " + organizationId + " may change its settings.");
    }
}
