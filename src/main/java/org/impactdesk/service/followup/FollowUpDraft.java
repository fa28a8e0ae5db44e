package org.impactdesk.service.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a follow-up must meet, in English for the log and the service's refusal (the window
 * checks the same rules in its ViewModel and says them in the user's language).
 */
public final class FollowUpDraft {
    private FollowUpDraft() {
    }

    /** A problem per broken rule; empty when the follow-up may be saved. */
    public static List<String> problems(LocalDate followedUpOn, String note, LocalDate today) {
        List<String> out = new ArrayList<>();
        if (followedUpOn == null) {
            out.add("the date of the follow-up is missing");
        } else if (followedUpOn.isAfter(today)) {
            out.add("the date " + followedUpOn + " is after today (" + today + ")");
        }
        if (note != null && note.length() > FollowUpService.MAX_NOTE_LENGTH) {
            out.add("the note has " + note.length() + " characters; at most " + FollowUpService.MAX_NOTE_LENGTH);
        }
        if (note != null && hasControl(note)) {
            out.add("the note holds a control character other than a line break");
        }
        return out;
    }

    /** A control character other than a line break (tabs, bidirectional overrides included). */
    public static boolean hasControl(String s) {
        return s.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n')
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
    }
}
