package org.impactdesk.domain;

/** A periodic summary's {@code outlier_status} (seed 004), as stored at generation time. */
public enum OutlierStatus {
    UNDERACTIVE("underactive"),
    NORMAL("normal"),
    OVERLOADED("overloaded");

    private final String code;

    OutlierStatus(String code) {
        this.code = code;
    }

    /** The value stored in {@code periodic_summaries.outlier_status}. */
    public String code() {
        return code;
    }

    public static OutlierStatus fromCode(String code) {
        for (OutlierStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown outlier_status '" + code + "' (underactive, normal or overloaded)");
    }
}
