package org.impactdesk.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;

/**
 * What the importer says of a bundle, a problem's reason or a warning: the message {@code key} of
 * the app's bundles ({@code import.error.*}, {@code import.warning.*}) and its arguments, so that
 * the Sync screen says it in its language while the command line, the JSON report, the import log
 * and the reject file say it in English. An argument that is itself an ImportMessage (a row's
 * label, "this user") is said in the same language. Without a key it is plain words, said as they
 * are in every language.
 */
public record ImportMessage(String key, List<Object> args) {
    public ImportMessage {
        args = Collections.unmodifiableList(new ArrayList<>(args)); // a null argument is said "null", as before
    }

    public static ImportMessage of(String key, Object... args) {
        return new ImportMessage(key, Arrays.asList(args));
    }

    /** Words that are no message of the bundles (a scripted gateway's, a test's). */
    public static ImportMessage plain(String words) {
        return new ImportMessage(null, Collections.singletonList(words));
    }

    /** Said in the bundle's language. */
    public String in(ResourceBundle bundle) {
        if (key == null) {
            return String.valueOf(args.get(0));
        }
        Object[] said = args.stream().map(a -> a instanceof ImportMessage m ? m.in(bundle) : a).toArray();
        return BundleText.format(bundle, key, said);
    }

    /** Said in English: the command line's, the reports' and the reject file's words. */
    public String english() {
        return in(BundleText.english());
    }
}
