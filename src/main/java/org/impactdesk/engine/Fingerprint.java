package org.impactdesk.engine;

/**
 * A 64-bit FNV-1a fingerprint of computed values: equal values give equal fingerprints, so a
 * regeneration that computes the same figures can leave the stored row alone.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static long of(Object... values) {
        long h = 0xcbf29ce484222325L;
        for (Object v : values) {
            String s = v == null ? "\u0000null" : v instanceof java.math.BigDecimal b ? b.toPlainString() : v.toString();
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
