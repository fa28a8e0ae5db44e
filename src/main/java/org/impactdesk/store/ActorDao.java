package org.impactdesk.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.jdbi.v3.core.Jdbi;

/** Looks up who a user is, for signing in and for --as. */
public final class ActorDao {
    private final Jdbi jdbi;

    public ActorDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Actor> find(String userId) {
        return jdbi.withHandle(h -> {
            record Row(String id, String displayName, String organizationId, String peerMentorId) {}
            Optional<Row> row = h.createQuery("""
                    SELECT u.id, u.display_name, u.organization_id, pm.id AS peer_mentor_id
                    FROM users u LEFT JOIN peer_mentors pm ON pm.user_id = u.id
                    WHERE u.id = :id""")
                    .bind("id", userId)
                    .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("display_name"),
                            rs.getString("organization_id"), rs.getString("peer_mentor_id")))
                    .findOne();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Set<Role> roles = h.createQuery("SELECT role FROM user_roles WHERE user_id = :id")
                    .bind("id", userId)
                    .mapTo(String.class)
                    .stream().map(Role::fromCode).collect(Collectors.toSet());
            Row r = row.get();
            return Optional.of(new Actor(r.id(), r.displayName(), r.organizationId(), roles, r.peerMentorId()));
        });
    }

    /** Users who may sign in to the window, ordered by name: everyone with a role (one query, not one per user). */
    public List<Actor> signInCandidates() {
        return jdbi.withHandle(h -> {
            record Row(String id, String name, String org, String pm, String role) {}
            List<Row> rows = h.createQuery("""
                    SELECT u.id, u.display_name, u.organization_id, pm.id AS peer_mentor_id, r.role
                    FROM users u JOIN user_roles r ON r.user_id = u.id LEFT JOIN peer_mentors pm ON pm.user_id = u.id
                    ORDER BY u.display_name, u.id""")
                    .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("display_name"),
                            rs.getString("organization_id"), rs.getString("peer_mentor_id"), rs.getString("role")))
                    .list();
            java.util.Map<String, Set<Role>> roles = new java.util.LinkedHashMap<>();
            java.util.Map<String, Row> first = new java.util.LinkedHashMap<>();
            for (Row r : rows) {
                roles.computeIfAbsent(r.id(), k -> new java.util.HashSet<>()).add(Role.fromCode(r.role()));
                first.putIfAbsent(r.id(), r);
            }
            return first.values().stream()
                    .map(r -> new Actor(r.id(), r.name(), r.org(), roles.get(r.id()), r.pm()))
                    .toList();
        });
    }

    /** Every organisation's name by id (the sign-in list shows each user's). */
    public java.util.Map<String, String> organizationNames() {
        return jdbi.withHandle(h -> {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            h.createQuery("SELECT id, name FROM organizations")
                    .map((rs, ctx) -> java.util.Map.entry(rs.getString("id"), rs.getString("name")))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
            return names;
        });
    }
}
