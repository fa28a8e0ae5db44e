package org.impactdesk.ui.fx;

import javafx.scene.Scene;

/** The app's style sheets and the light/dark switch: the dark class on the root redefines the tokens. */
public final class Themes {
    public static final String DARK = "dark";
    public static final String TOKENS = "/styles/tokens.css";
    public static final String APP = "/styles/app.css";

    private Themes() {
    }

    /** Adds the token and app sheets to a scene and sets its theme. */
    public static void apply(Scene scene, boolean dark) {
        for (String sheet : new String[] {TOKENS, APP}) {
            String url = Themes.class.getResource(sheet).toExternalForm();
            if (!scene.getStylesheets().contains(url)) {
                scene.getStylesheets().add(url);
            }
        }
        setDark(scene, dark);
    }

    public static void setDark(Scene scene, boolean dark) {
        if (scene.getRoot() == null) {
            return;
        }
        var classes = scene.getRoot().getStyleClass();
        if (dark && !classes.contains(DARK)) {
            classes.add(DARK);
        } else if (!dark) {
            classes.remove(DARK);
        }
    }
}
