package io.sentimentconsumer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Rows of text printed in columns, each as wide as its widest cell, for a terminal. */
final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(List.of(header));
    }

    void row(String... cells) {
        if (cells.length != rows.get(0).size()) {
            throw new IllegalArgumentException("a row needs " + rows.get(0).size() + " cells; has " + cells.length);
        }
        rows.add(List.of(cells));
    }

    List<String> lines() {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        return rows.stream().map(row -> {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row.get(c) : String.format("%-" + widths[c] + "s  ", row.get(c)));
            }
            return line.toString().stripTrailing();
        }).collect(Collectors.toList());
    }
}
