package org.impactdesk.domain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a text is not valid JSON, and where, in words of the app's bundles rather than the parser's
 * English: {@code line} and {@code column} (1-based, the column where the offending character or
 * word starts) and a {@code reason} said as {@code json.error.<reason>} with {@code detail} (the
 * character or word found, when there is one). The Achievements editor's metadata field and an
 * import's {@code manifest.json} say it in the user's language; the command line in English.
 */
public record JsonSyntax(int line, int column, Reason reason, String detail) {

    /** What was wrong, each said by the bundles' {@code json.error.<key>}. */
    public enum Reason {
        /** A character where a name in double quotes should start ({@code {period: 1}}, {@code {"a": 1,}}). */
        NAME_EXPECTED("nameExpected"),
        /** A name not followed by a colon. */
        COLON_EXPECTED("colonExpected"),
        /** Two values not separated by a comma. */
        COMMA_EXPECTED("commaExpected"),
        /** A closing bracket that closes nothing open, or the wrong kind. */
        UNMATCHED_CLOSE("unmatchedClose"),
        /** Any other character where a value should be (e.g. {@code 'single quotes'}). */
        UNEXPECTED_CHARACTER("unexpectedCharacter"),
        /** A bare word that is not true, false or null (text without its double quotes). */
        UNKNOWN_WORD("unknownWord"),
        /** The text ends while an object, array or quoted text is still open. */
        ENDS_EARLY("endsEarly"),
        /** A backslash escape JSON does not know. */
        BAD_ESCAPE("badEscape"),
        /** A line break, tab or other control character inside a quoted text. */
        CONTROL_CHARACTER("controlCharacter"),
        /** A malformed number (leading zeros, a lone minus). */
        BAD_NUMBER("badNumber"),
        /** More JSON after the first complete value. */
        TRAILING("trailing"),
        /** Anything else the parser refuses. */
        OTHER("other");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        /** The bundle key of the reason. */
        public String key() {
            return "json.error." + key;
        }
    }

    private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '(.*)': was expecting", Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.)'");

    /** Thrown by {@link #read}: the syntax error found. */
    public static final class Invalid extends Exception {
        private final JsonSyntax syntax;

        Invalid(JsonSyntax syntax, Throwable cause) {
            super("not valid JSON at line " + syntax.line + ", column " + syntax.column + ": " + syntax.reason.key
                    + (syntax.detail == null ? "" : " " + syntax.detail), cause);
            this.syntax = syntax;
        }

        public JsonSyntax syntax() {
            return syntax;
        }
    }

    /**
     * Reads one JSON value from {@code text}, refusing anything after it; blank text is a missing
     * node (the caller decides whether that is allowed).
     */
    public static JsonNode read(String text) throws Invalid {
        try {
            return STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Invalid(of(e, text), e);
        }
    }

    /** The syntax error of {@code e}, raised while reading {@code text}. */
    public static JsonSyntax of(JsonProcessingException e, String text) {
        JsonLocation at = e.getLocation();
        int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
        int column = at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
        int offset = at == null ? -1 : (int) at.getCharOffset();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonEOFException) {
            return new JsonSyntax(line, column, Reason.ENDS_EARLY, null);
        }
        if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            return new JsonSyntax(line, column, Reason.TRAILING, charAt(text, offset));
        }
        Matcher token = TOKEN.matcher(message);
        if (token.find()) {
            String word = token.group(1);
            // the parser stands after the word (and stops at some characters, e.g. the "-" of org-1): point at
            // its start and name the whole word as the text has it
            return new JsonSyntax(line, Math.max(1, column - word.length()), Reason.UNKNOWN_WORD,
                    wholeWord(text, offset - word.length(), word));
        }
        Matcher escape = ESCAPE.matcher(message);
        if (escape.find()) {
            return new JsonSyntax(line, Math.max(1, column - 1), Reason.BAD_ESCAPE, "\\" + escape.group(1));
        }
        if (message.startsWith("Illegal unquoted character")) {
            return new JsonSyntax(line, column, Reason.CONTROL_CHARACTER, null);
        }
        if (message.startsWith("Unexpected close marker")) {
            return new JsonSyntax(line, column, Reason.UNMATCHED_CLOSE, charAt(text, offset));
        }
        if (message.startsWith("Invalid numeric value") || message.contains("in numeric value")) {
            return new JsonSyntax(line, column, Reason.BAD_NUMBER, null);
        }
        if (message.startsWith("Unexpected character")) {
            Reason r = message.contains("double-quote to start field name") ? Reason.NAME_EXPECTED
                    : message.contains("colon to separate") ? Reason.COLON_EXPECTED
                    : message.contains("comma to separate") ? Reason.COMMA_EXPECTED
                    : Reason.UNEXPECTED_CHARACTER;
            return new JsonSyntax(line, column, r, charAt(text, offset));
        }
        return new JsonSyntax(line, column, Reason.OTHER, null);
    }

    /** The reason in a bundle's language (line and column are the caller's to place). */
    public ImportMessage reasonMessage() {
        return ImportMessage.of(reason.key(), detail == null ? "" : detail);
    }

    /** The bare word starting at {@code start}, up to a space or a JSON delimiter (at most 40 characters). */
    private static String wholeWord(String text, int start, String fallback) {
        if (text == null || start < 0 || start >= text.length() || !text.startsWith(fallback, start)) {
            return fallback;
        }
        int end = start;
        while (end < text.length() && end - start < 40 && !Character.isWhitespace(text.charAt(end))
                && ",:[]{}\"".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(start, end);
    }

    /** The character at {@code offset}, shown so a reader sees it (a space or a tab named in English codes). */
    private static String charAt(String text, int offset) {
        if (text == null || offset < 0 || offset >= text.length()) {
            return null;
        }
        int cp = text.codePointAt(offset);
        return Character.isISOControl(cp) || Character.isWhitespace(cp)
                ? String.format(Locale.ROOT, "U+%04X", cp) : new String(Character.toChars(cp));
    }
}
