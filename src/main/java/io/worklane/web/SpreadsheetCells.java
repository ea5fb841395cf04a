package io.worklane.web;

/** Text bound for a CSV file that people open in a spreadsheet. */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * The text as a cell that a spreadsheet shows and never runs: one that would start a formula (=, +, -, @, tab,
     * carriage return) gets a leading apostrophe (CSV injection). Numbers are written as numbers, not through here.
     */
    public static String text(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
