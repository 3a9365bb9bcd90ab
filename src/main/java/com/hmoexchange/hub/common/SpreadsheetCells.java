package com.hmoexchange.hub.common;

/**
 * Text for a CSV file a person opens in a spreadsheet: a value the spreadsheet would run as a formula (it starts
 * with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so it is shown as typed.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String defused(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
