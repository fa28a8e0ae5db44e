package org.impactdesk.access;

public enum Role {
    PEER_MENTOR("peer_mentor"),
    COORDINATOR("coordinator"),
    ORG_ADMIN("org_admin"),
    GLOBAL_ADMIN("global_admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** The value used in exports and in the database. */
    public String code() {
        return code;
    }

    public static Role fromCode(String code) {
        for (Role r : values()) {
            if (r.code.equalsIgnoreCase(code.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role: " + code);
    }
}
