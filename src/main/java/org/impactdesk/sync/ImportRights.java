package org.impactdesk.sync;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.ImportMessage;
/**
 * What an import may write, by who imports (EXPORT_FORMAT.md, "An import writes only what the
 * importing user may write"): an import is a write, scoped like every write.
 *
 * <ul>
 *   <li>the local operator: everything;</li>
 *   <li>a global admin: every organisation, but never a {@code global_admin} role (granted or
 *       taken away) nor a global admin's row;</li>
 *   <li>an org admin: the rows of their organisation, roles and coordinator scopes included, never
 *       {@code global_admin};</li>
 *   <li>a coordinator: the rows of their local associations (their coordinator scopes as stored):
 *       activities there of their mentors, those mentors' rows and users (names, e-mail; never
 *       roles or scopes), new contacts and contacts their activities name, attendance of their
 *       mentors; organisation settings, roles and other associations' rows are not theirs.</li>
 * </ul>
 *
 * Each check returns null when the row may be written, else the rule it breaks (said in the
 * report's "skipped" warning). Pure: the caller hands in the row's values and the stored ones.
 */
public final class ImportRights {
    static final String GLOBAL_ADMIN = Role.GLOBAL_ADMIN.code();

    enum Kind { OPERATOR, GLOBAL_ADMIN, ORG_ADMIN, COORDINATOR, NONE }

    private final Kind kind;
    private final String org;
    private final String userId;
    private final Set<String> associations;
    private final ImportMessage who;

    ImportRights(Kind kind, String org, String userId, Collection<String> associations, ImportMessage who) {
        this.kind = kind;
        this.org = org;
        this.userId = userId;
        this.associations = Set.copyOf(associations);
        this.who = who;
    }

    /** {@code coordinatorAssociations}: the actor's coordinator scopes as stored (empty when none). */
    static ImportRights of(Actor actor, Collection<String> coordinatorAssociations, ImportMessage who) {
        Kind kind;
        if (actor.isLocalOperator()) {
            kind = Kind.OPERATOR;
        } else if (actor.has(Role.GLOBAL_ADMIN)) {
            kind = Kind.GLOBAL_ADMIN;
        } else if (actor.has(Role.ORG_ADMIN)) {
            kind = Kind.ORG_ADMIN;
        } else if (actor.has(Role.COORDINATOR)) {
            kind = Kind.COORDINATOR;
        } else {
            kind = Kind.NONE;
        }
        return new ImportRights(kind, actor.organizationId(), actor.userId(), coordinatorAssociations, who);
    }

    Kind kind() {
        return kind;
    }

    public boolean mayImport() {
        return kind != Kind.NONE;
    }

    /** Every organisation's rows (the local operator, a global admin). */
    public boolean everyOrganisation() {
        return kind == Kind.OPERATOR || kind == Kind.GLOBAL_ADMIN;
    }

    boolean coordinator() {
        return kind == Kind.COORDINATOR;
    }

    String userId() {
        return userId;
    }

    public Set<String> associations() {
        return associations;
    }

    /** Whether any of {@code las} is one of the coordinator's associations. */
    boolean anyOfMine(Collection<String> las) {
        if (las == null) {
            return false;
        }
        for (String la : las) {
            if (associations.contains(la)) {
                return true;
            }
        }
        return false;
    }

    boolean mine(String la) {
        return la != null && associations.contains(la);
    }

    private ImportMessage otherOrganisation() {
        return ImportMessage.of("import.rule.otherOrganisation", who, org);
    }

    private ImportMessage otherAssociations() {
        return ImportMessage.of("import.rule.otherAssociations", who, String.join(", ", new TreeSet<>(associations)));
    }

    /** A row of an organisation: {@code rowOrg} as the bundle says, {@code storedOrg} as the database has it (null: new). */
    ImportMessage organisation(String rowOrg, String storedOrg) {
        if (everyOrganisation()) {
            return null;
        }
        if ((rowOrg != null && !rowOrg.equals(org)) || (storedOrg != null && !storedOrg.equals(org))) {
            return otherOrganisation();
        }
        return null;
    }

    /** organizations.csv: the organisation's settings ({@code changes}: the row differs from the stored one). */
    ImportMessage organisationRow(String id, boolean changes) {
        ImportMessage m = organisation(id, null);
        if (m == null && kind == Kind.COORDINATOR && changes) {
            return ImportMessage.of("import.rule.settings");
        }
        return m;
    }

    /** local_associations.csv. */
    ImportMessage association(String id, String rowOrg, String storedOrg) {
        ImportMessage m = organisation(rowOrg, storedOrg);
        if (m == null && kind == Kind.COORDINATOR && !mine(id)) {
            return otherAssociations();
        }
        return m;
    }

    /**
     * users.csv. {@code stored*} are null for a new user; {@code inScope}: the user is the
     * coordinator or the user of one of their mentors.
     */
    ImportMessage user(String rowOrg, String storedOrg, boolean exists, List<String> roles, List<String> storedRoles,
                       List<String> scopes, List<String> storedScopes, boolean inScope) {
        if (kind == Kind.OPERATOR) {
            return null;
        }
        boolean adminNow = roles.contains(GLOBAL_ADMIN);
        boolean adminBefore = storedRoles != null && storedRoles.contains(GLOBAL_ADMIN);
        if (adminNow != adminBefore || (kind != Kind.GLOBAL_ADMIN && (adminNow || adminBefore))
                || (kind != Kind.GLOBAL_ADMIN && rowOrg == null)) {
            return ImportMessage.of("import.rule.globalAdmin");
        }
        ImportMessage m = organisation(rowOrg, storedOrg);
        if (m != null || kind != Kind.COORDINATOR) {
            return m;
        }
        if (!inScope) {
            return otherAssociations();
        }
        if (!exists || !Objects.equals(roles, storedRoles) || !Objects.equals(scopes, storedScopes)) {
            return ImportMessage.of("import.rule.roles");
        }
        return null;
    }

    /**
     * peer_mentors.csv: {@code las} the memberships in the row (the primary included),
     * {@code storedLas} the stored ones (null: a new mentor). A coordinator writes their mentors'
     * rows (a member of one of their associations before and after) and leaves memberships in
     * other associations as they were; a new mentor's primary association is theirs.
     */
    ImportMessage mentor(String rowOrg, String storedOrg, String primary, Collection<String> las,
                         Collection<String> storedLas) {
        ImportMessage m = organisation(rowOrg, storedOrg);
        if (m != null || kind != Kind.COORDINATOR) {
            return m;
        }
        boolean ok = storedLas == null ? mine(primary)
                : anyOfMine(las) && anyOfMine(storedLas) && others(las).equals(others(storedLas));
        return ok ? null : otherAssociations();
    }

    private Set<String> others(Collection<String> las) {
        Set<String> out = new TreeSet<>(las);
        out.removeAll(associations);
        return out;
    }

    /** contacts.csv: a coordinator changes a stored contact only when one of their activities names it. */
    ImportMessage contact(String rowOrg, String storedOrg, boolean changes, boolean namedByMine) {
        ImportMessage m = organisation(rowOrg, storedOrg);
        if (m == null && kind == Kind.COORDINATOR && storedOrg != null && changes && !namedByMine) {
            return otherAssociations();
        }
        return m;
    }

    /** activity_types.csv: shared by every organisation; a new one anyone who imports may add. */
    ImportMessage activityType(boolean exists, boolean changes) {
        return !everyOrganisation() && exists && changes ? ImportMessage.of("import.rule.activityTypes") : null;
    }

    /** events.csv: a coordinator writes (new or changed) the events their users organise. */
    ImportMessage event(String rowOrg, String storedOrg, boolean changes, boolean organizerInScope,
                        boolean storedOrganizerInScope) {
        ImportMessage m = organisation(rowOrg, storedOrg);
        if (m == null && kind == Kind.COORDINATOR && changes && !(organizerInScope && storedOrganizerInScope)) {
            return otherAssociations();
        }
        return m;
    }

    /** event_attendance.csv: {@code userInScope}: the attending user is the coordinator or one of their mentors. */
    ImportMessage attendance(String eventOrg, String userOrg, boolean userInScope) {
        ImportMessage m = organisation(eventOrg, userOrg);
        if (m == null && kind == Kind.COORDINATOR && !userInScope) {
            return otherAssociations();
        }
        return m;
    }

    /** assignments.csv: the mentor's (and the stored assignment's mentor's) organisation and associations. */
    ImportMessage assignment(String mentorOrg, String storedMentorOrg, boolean mentorInScope, boolean storedMentorInScope) {
        ImportMessage m = organisation(mentorOrg, storedMentorOrg);
        if (m == null && kind == Kind.COORDINATOR && !(mentorInScope && storedMentorInScope)) {
            return otherAssociations();
        }
        return m;
    }

    /** activities.csv as the bundle has it: a coordinator's association, one of their mentors. */
    ImportMessage activity(String rowOrg, String la, boolean mentorInScope) {
        ImportMessage m = organisation(rowOrg, null);
        if (m == null && kind == Kind.COORDINATOR && !(mine(la) && mentorInScope)) {
            return otherAssociations();
        }
        return m;
    }

    /** The stored activity a bundle row would update (or a full snapshot remove). */
    public ImportMessage storedActivity(String org, String la) {
        ImportMessage m = organisation(null, org);
        if (m == null && kind == Kind.COORDINATOR && !mine(la)) {
            return otherAssociations();
        }
        return m;
    }
}
