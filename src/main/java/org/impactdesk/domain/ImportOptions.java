package org.impactdesk.domain;

/**
 * How an import treats bad rows: all or nothing (the default: any bad row refuses the whole
 * bundle) or {@code skipInvalid} (write the valid rows, save the rejected ones to a reject file).
 */
public record ImportOptions(boolean skipInvalid) {
    public static ImportOptions allOrNothing() {
        return new ImportOptions(false);
    }

    public static ImportOptions skippingInvalid() {
        return new ImportOptions(true);
    }
}
