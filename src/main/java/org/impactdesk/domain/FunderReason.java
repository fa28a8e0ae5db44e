package org.impactdesk.domain;

/**
 * Why an activity is not counted in the funder report: one per activity, the first that applies,
 * in this (the spec's) order.
 */
public enum FunderReason {
    NOT_APPROVED("not_approved"),
    BEFORE_START("before_start"),
    UNCATEGORISED_TYPE("uncategorised_type"),
    CATEGORY_NOT_COUNTED("category_not_counted"),
    CONTACT_SERVICE("contact_service"),
    TOO_SHORT("too_short"),
    TOO_FEW_PARTICIPANTS("too_few_participants"),
    SAME_DAY_DUPLICATE("same_day_duplicate");

    private final String code;

    FunderReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * True when the activity can still be corrected in the source system so that it counts (the
     * open year's "at risk" list); false for a type counted by design on its own line or never.
     */
    public boolean atRisk() {
        return this != CATEGORY_NOT_COUNTED && this != CONTACT_SERVICE;
    }
}
