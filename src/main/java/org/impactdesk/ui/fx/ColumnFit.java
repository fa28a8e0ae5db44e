package org.impactdesk.ui.fx;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A table whose columns are always as wide as their header and their widest cell's text, so no
 * header or value is cut to "...": the widths are measured in the fonts the theme gives the
 * table (on the FX thread, whenever the rows or a header change), set as each column's minimum
 * and preferred width, and the table's preferred width becomes their sum, so the pane holding it
 * (a side panel) takes the width its table needs in either language.
 */
public final class ColumnFit {
    /** A cell's padding left and right plus a little air, as modena pads table cells and headers. */
    static final double CELL_EXTRA = 12;
    /** The table's border and a vertical scroll bar, which appears when the rows outgrow it. */
    static final double TABLE_EXTRA = 18;
    /** JavaFX's width of a column nobody sized. */
    private static final double DEFAULT_COLUMN_WIDTH = 80;
    /** The column property holding the width this class last gave the column. */
    private static final String FITTED = ColumnFit.class.getName() + ".fitted";

    private ColumnFit() {
    }

    /**
     * Keeps {@code table}'s columns fitted to their contents: each row's text in a column is what
     * the column's cell value factory gives, as a string (the columns show their values as text).
     */
    public static <S> void toContent(TableView<S> table) {
        toContent(table, java.util.List.of());
    }

    /**
     * As {@link #toContent(TableView)} for every column but the {@code flexible} ones (a message, a
     * file name), which keep their preferred width and take what is left of the table's width
     * (its resize policy), but never get narrower than their header; the table's own width is left
     * to its layout.
     */
    public static <S> void toContent(TableView<S> table, java.util.List<TableColumn<S, ?>> flexible) {
        Runnable fit = () -> fit(table, flexible);
        table.getItems().addListener((ListChangeListener<S>) c -> fit.run());
        table.itemsProperty().addListener((o, was, now) -> {
            now.addListener((ListChangeListener<S>) c -> fit.run());
            fit.run();
        });
        for (TableColumn<S, ?> column : table.getColumns()) {
            column.textProperty().addListener((o, was, now) -> fit.run());
        }
        // the header's font is known once the skin and the theme's CSS are in place
        table.skinProperty().addListener((o, was, now) -> Platform.runLater(fit));
        table.sceneProperty().addListener((o, was, now) -> Platform.runLater(fit));
        fit.run();
    }

    /**
     * Keeps one {@code column} of {@code table} as wide as its header and the widest of the texts
     * its rows show ({@code text} of each row; each distinct text measured once, in the bold form of
     * the cell font, as a pinned row may show it), so none is cut to "..."; a wider width the
     * person gave it stays. For a table whose other columns keep their own widths (a table that
     * scrolls sideways). {@code refitOn}: what else changes the texts.
     */
    public static <S> void column(TableView<S> table, TableColumn<S, ?> column, java.util.function.Function<S, String> text,
                                  javafx.beans.Observable... refitOn) {
        Runnable fit = () -> fitOne(table, column, text);
        for (javafx.beans.Observable o : refitOn) { // the texts change without the rows (marks landing)
            o.addListener(changed -> fit.run());
        }
        table.getItems().addListener((ListChangeListener<S>) c -> fit.run());
        table.itemsProperty().addListener((o, was, now) -> {
            now.addListener((ListChangeListener<S>) c -> fit.run());
            fit.run();
        });
        column.textProperty().addListener((o, was, now) -> fit.run());
        table.skinProperty().addListener((o, was, now) -> Platform.runLater(fit));
        table.sceneProperty().addListener((o, was, now) -> Platform.runLater(fit));
        fit.run();
    }

    private static <S> void fitOne(TableView<S> table, TableColumn<S, ?> column, java.util.function.Function<S, String> text) {
        Font header = fontOf(table, ".column-header .label", Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
                Font.getDefault().getSize()));
        Font plain = fontOf(table, ".table-row-cell .table-cell", Font.font(header.getFamily(), FontWeight.NORMAL,
                header.getSize()));
        Font bold = Font.font(plain.getFamily(), FontWeight.BOLD, plain.getSize());
        Text measure = new Text();
        // a header that wraps onto two lines needs its longest word, not the whole text on one line
        double widest = longestWord(measure, column.getText(), header);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (S row : table.getItems()) {
            String s = text.apply(row);
            if (s != null && seen.add(s)) {
                widest = Math.max(widest, width(measure, bold, s));
            }
        }
        double w = Math.ceil(widest + CELL_EXTRA);
        column.setMinWidth(w);
        Object fitted = column.getProperties().get(FITTED);
        boolean ours = fitted == null || ((Double) fitted) == column.getPrefWidth();
        if (ours || column.getPrefWidth() < w) {
            column.setPrefWidth(w);
            column.getProperties().put(FITTED, w);
        }
    }

    private static <S> void fit(TableView<S> table, java.util.List<TableColumn<S, ?>> flexible) {
        Font header = fontOf(table, ".column-header .label", Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
                Font.getDefault().getSize()));
        Font cell = fontOf(table, ".table-row-cell .table-cell", Font.font(header.getFamily(), FontWeight.NORMAL,
                header.getSize()));
        Text measure = new Text();
        double total = 0;
        for (TableColumn<S, ?> column : table.getColumns()) {
            double widest = width(measure, header, column.getText());
            if (flexible.contains(column)) {
                column.setMinWidth(Math.ceil(widest + CELL_EXTRA));
                continue;
            }
            for (S row : table.getItems()) {
                Object value = column.getCellData(row);
                widest = Math.max(widest, width(measure, cell, value == null ? null : value.toString()));
            }
            double w = Math.ceil(widest + CELL_EXTRA);
            column.setMinWidth(w);
            // a width the person gave the column (or WindowPrefs restored) stays unless too narrow;
            // a width that is still JavaFX's default or this class's own follows the content
            Object fitted = column.getProperties().get(FITTED);
            boolean ours = fitted == null ? column.getPrefWidth() == DEFAULT_COLUMN_WIDTH
                    : ((Double) fitted) == column.getPrefWidth();
            if (ours || column.getPrefWidth() < w) {
                column.setPrefWidth(w);
                column.getProperties().put(FITTED, w);
            }
            total += column.getPrefWidth();
        }
        if (flexible.isEmpty()) {
            table.setPrefWidth(total + TABLE_EXTRA);
            table.setMinWidth(total + TABLE_EXTRA);
        }
    }

    /** The widest word of {@code text} in {@code font} (a header that wraps needs that much); 0 for none. */
    public static double longestWord(Text measure, String text, Font font) {
        double widest = 0;
        for (String word : (text == null ? "" : text).split("\\s+")) {
            widest = Math.max(widest, width(measure, font, word));
        }
        return widest;
    }

    /** {@code s} in {@code font} as laid out by {@code measure} (a detached Text, reused); 0 for none. */
    public static double width(Text measure, Font font, String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        measure.setFont(font);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** The font the theme gave the first node matching {@code selector} in the table, else {@code otherwise}. */
    private static Font fontOf(TableView<?> table, String selector, Font otherwise) {
        for (Node n : table.lookupAll(selector)) {
            if (n instanceof Labeled l && l.getFont() != null) {
                return l.getFont();
            }
        }
        return otherwise;
    }
}
