package org.impactdesk.demo;

import java.util.UUID;

/** Readable ids as they are, or a deterministic random-looking UUID per readable id and seed. */
final class DemoIds {
    private final DemoSpec.IdStyle style;
    private final long seed;

    DemoIds(DemoSpec.IdStyle style, long seed) {
        this.style = style;
        this.seed = seed;
    }

    String of(String readable) {
        if (style == DemoSpec.IdStyle.READABLE) {
            return readable;
        }
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < readable.length(); i++) {
            h ^= readable.charAt(i);
            h *= 0x100000001b3L;
        }
        long hi = mix(h);
        long lo = mix(hi ^ 0x9E3779B97F4A7C15L);
        hi = (hi & ~0xF000L) | 0x4000L;                   // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(hi, lo).toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
