package org.impactdesk.access;

import java.util.Set;

/**
 * Who acts: the signed-in user (window) or the {@code --as} user (command line), or the local
 * operator with full rights. Every service call carries one; its {@link #scope()} goes to the DAOs.
 */
public record Actor(String userId, String displayName, String organizationId, Set<Role> roles, String peerMentorId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The person at this machine without --as: full rights (the January batch job, a first import). */
    public static Actor localOperator() {
        return new Actor(null, "Local operator", null, Set.of(Role.GLOBAL_ADMIN), null);
    }

    public boolean isLocalOperator() {
        return userId == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isGlobalAdmin() {
        return isLocalOperator() || has(Role.GLOBAL_ADMIN);
    }

    public boolean isAdmin() {
        return isGlobalAdmin() || has(Role.ORG_ADMIN);
    }

    /** A peer mentor and nothing more: their own figures only (no import, no team, no outlier labels). */
    public boolean isPeerMentorOnly() {
        return scope().kind() == Scope.Kind.SELF;
    }

    /** The widest scope among the user's roles. */
    public Scope scope() {
        if (isGlobalAdmin()) {
            return Scope.everything();
        }
        if (has(Role.ORG_ADMIN)) {
            return Scope.organization(userId, organizationId, peerMentorId);
        }
        if (has(Role.COORDINATOR)) {
            return Scope.associations(userId, organizationId, peerMentorId);
        }
        return Scope.self(userId, organizationId, peerMentorId);
    }
}
