package org.impactdesk.sync;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.impactdesk.domain.ImportMessage;
/**
 * The value dialect of export bundles (EXPORT_FORMAT.md): booleans, whole numbers, decimals
 * (with a decimal comma when the file uses {@code ;}), ISO instants with an offset, local
 * date-times in the organisation's zone, dates, and {@code |} lists. Each parser returns the
 * value or throws {@link BadValue} with the reason a coordinator reads after the column name
 * (a message of {@code import.error.*} with the value as {@link #shown} makes it).
 */
final class Values {
    private Values() {
    }

    /** A field that does not hold what its column needs; the reason follows "column: ". */
    static final class BadValue extends Exception {
        final ImportMessage reason;

        BadValue(String key, String raw) {
            super(null, null, false, false);
            this.reason = ImportMessage.of(key, shown(raw));
        }

        @Override
        public String getMessage() {
            return reason.english();
        }
    }

    /** A cell's value as a message shows it (the message puts the quotes): at most 60 characters, on one line. */
    static String shown(String raw) {
        String s = raw.length() > 60 ? raw.substring(0, 57) + "..." : raw;
        return s.replace("\n", " ").replace("\r", " ");
    }

    static Boolean bool(String raw) throws BadValue {
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "ja", "1":
                return Boolean.TRUE;
            case "false", "no", "nei", "0":
                return Boolean.FALSE;
            default:
                throw new BadValue("import.error.notYesOrNo", raw);
        }
    }

    /** A whole number; {@code key} is the error that names the unit ("import.error.notWholeMinutes"). */
    static int wholeNumber(String raw, String key) throws BadValue {
        int n = raw.length();
        if (n == 0 || n > 9) {
            throw new BadValue(key, raw);
        }
        int i = 0;
        boolean neg = false;
        if (raw.charAt(0) == '-' || raw.charAt(0) == '+') {
            neg = raw.charAt(0) == '-';
            i = 1;
            if (n == 1) {
                throw new BadValue(key, raw);
            }
        }
        int v = 0;
        for (; i < n; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                throw new BadValue(key, raw);
            }
            v = v * 10 + (c - '0');
        }
        return neg ? -v : v;
    }

    /**
     * A decimal with {@code .}; with {@code decimalComma} also {@code ,}. Rounded half-up to
     * {@code scale} places (the column's scale); at most {@code integerDigits} before the point.
     */
    static BigDecimal decimal(String raw, boolean decimalComma, int scale, int integerDigits) throws BadValue {
        String s = raw;
        if (s.indexOf(',') >= 0) {
            if (!decimalComma) {
                throw new BadValue("import.error.decimalPoint", raw);
            }
            if (s.indexOf('.') >= 0 || s.indexOf(',') != s.lastIndexOf(',')) {
                throw new BadValue("import.error.thousandsSeparator", raw);
            }
            s = s.replace(',', '.');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && i == 0))) {
                throw new BadValue("import.error.notNumber", raw);
            }
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new BadValue("import.error.notNumber", raw);
        }
        d = d.setScale(scale, RoundingMode.HALF_UP);
        if (d.precision() - d.scale() > integerDigits) {
            throw new BadValue("import.error.tooLarge", raw);
        }
        return d;
    }

    static LocalDate date(String raw) throws BadValue {
        LocalDate d = dateOrNull(raw, 0, raw.length());
        if (d == null) {
            throw new BadValue("import.error.notDate", raw);
        }
        return d;
    }

    /**
     * yyyy-MM-dd, d.M.yyyy or d.M.yy in raw[from, to), or null. Two-digit years are 2000-2099
     * (LibreOffice's default in a Norwegian locale); anything else with two-digit years (slashes,
     * dashes, a year first) stays refused, since it could be read more than one way.
     */
    private static LocalDate dateOrNull(String s, int from, int to) {
        try {
            int len = to - from;
            if (len == 10 && s.charAt(from + 4) == '-' && s.charAt(from + 7) == '-') {
                return LocalDate.of(digits(s, from, 4), digits(s, from + 5, 2), digits(s, from + 8, 2));
            }
            int p1 = s.indexOf('.', from);
            int p2 = p1 < 0 ? -1 : s.indexOf('.', p1 + 1);
            if (p1 > from && p2 > p1 + 1 && p2 < to && p1 - from <= 2 && p2 - p1 - 1 <= 2
                    && (to - p2 - 1 == 4 || to - p2 - 1 == 2)) {
                int year = to - p2 - 1 == 4 ? digits(s, p2 + 1, 4) : 2000 + digits(s, p2 + 1, 2);
                return LocalDate.of(year, digits(s, p1 + 1, p2 - p1 - 1), digits(s, from, p1 - from));
            }
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
        return null;
    }

    /** Whether a date or date-time that parsed wrote its year with two digits (d.M.yy). */
    static boolean twoDigitYear(String raw) {
        int end = raw.indexOf(' ');
        if (end < 0) {
            end = raw.indexOf('T');
        }
        if (end < 0) {
            end = raw.length();
        }
        int p2 = raw.lastIndexOf('.', end - 1);
        return p2 > 0 && raw.indexOf('.') < p2 && end - p2 - 1 == 2;
    }

    /**
     * Why an id or a name may not be taken as it is: a control character (line breaks included)
     * or a bidirectional override (U+202A-U+202E, U+2066-U+2069), which can make a text render as
     * another; null when it has none.
     */
    static ImportMessage deceptive(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return ImportMessage.of("import.error.controlCharacter", codePoint(c), i + 1);
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return ImportMessage.of("import.error.bidiCharacter", codePoint(c), i + 1);
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * A timestamp: ISO-8601 with an offset or Z, or a local date-time ({@code 2025-03-01T10:00},
     * {@code 2025-03-01 10:00}, {@code 01.03.2025 10:00}, seconds optional) in {@code zone}.
     * Truncated to microseconds (the database's precision).
     */
    static Instant timestamp(String raw, ZoneId zone) throws BadValue {
        Instant fast = fastIso(raw, zone);
        if (fast != null) {
            return fast;
        }
        String s = raw;
        int sep = s.indexOf('T') >= 0 ? s.indexOf('T') : s.indexOf(' ');
        if (sep > 0) {
            LocalDate d = dateOrNull(s, 0, sep);
            if (d != null) {
                String time = s.substring(sep + 1);
                try {
                    return OffsetDateTime.parse(d + "T" + time).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                } catch (DateTimeParseException e) {
                    // not with an offset
                }
                try {
                    LocalDateTime ldt = LocalDateTime.parse(d + "T" + time);
                    return ldt.atZone(zone).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                } catch (DateTimeParseException e) {
                    // fall through
                }
            }
        }
        throw new BadValue("import.error.notDateTime", raw);
    }

    /** The common shapes without java.time parsing: yyyy-MM-ddTHH:mm[:ss[.fraction]][Z|+HH:MM]. */
    private static Instant fastIso(String s, ZoneId zone) {
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':') {
            return null;
        }
        try {
            int y = digits(s, 0, 4);
            int mo = digits(s, 5, 2);
            int d = digits(s, 8, 2);
            int h = digits(s, 11, 2);
            int mi = digits(s, 14, 2);
            int i = 16;
            int sec = 0;
            int nanos = 0;
            if (i < n && s.charAt(i) == ':') {
                if (i + 3 > n) {
                    return null;
                }
                sec = digits(s, i + 1, 2);
                i += 3;
                if (i < n && s.charAt(i) == '.') {
                    int j = i + 1;
                    int digitsRead = 0;
                    while (j < n && Character.isDigit(s.charAt(j))) {
                        if (digitsRead < 9) {
                            nanos = nanos * 10 + (s.charAt(j) - '0');
                            digitsRead++;
                        }
                        j++;
                    }
                    if (digitsRead == 0) {
                        return null;
                    }
                    for (int k = digitsRead; k < 9; k++) {
                        nanos *= 10;
                    }
                    i = j;
                }
            }
            LocalDateTime ldt = LocalDateTime.of(y, mo, d, h, mi, sec, nanos - nanos % 1000);
            if (i == n) {
                return ldt.atZone(zone).toInstant();
            }
            char c = s.charAt(i);
            if (c == 'Z' && i + 1 == n) {
                return ldt.toInstant(ZoneOffset.UTC);
            }
            if ((c == '+' || c == '-') && (n - i == 6 && s.charAt(i + 3) == ':' || n - i == 5 || n - i == 3)) {
                int oh = digits(s, i + 1, 2);
                int om = n - i == 3 ? 0 : n - i == 6 ? digits(s, i + 4, 2) : digits(s, i + 3, 2);
                int total = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
                return ldt.toInstant(ZoneOffset.ofTotalSeconds(total));
            }
            return null;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** {@code a|b|c}: trimmed, empty parts dropped, order kept, no duplicates. */
    static List<String> list(String raw) {
        List<String> out = new ArrayList<>();
        for (String part : raw.split("\\|", -1)) {
            String t = part.trim();
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
