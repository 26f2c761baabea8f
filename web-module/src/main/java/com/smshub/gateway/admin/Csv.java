package com.smshub.gateway.admin;

import java.util.List;

import org.apache.commons.csv.CSVFormat;

/**
 * Rows of comma-separated values as RFC 4180 writes them (Commons CSV): a field with a comma, a quote or a line
 * break is quoted, its quotes doubled, each row ended by CRLF. A field a spreadsheet would run as a formula (it begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) and that is not a number gets a leading apostrophe, so that a tenant's
 * name cannot become a formula in an operator's spreadsheet.
 */
final class Csv {

    private Csv() {
    }

    /** One row, ended by CRLF as the RFC says. */
    static String row(List<?> fields) {
        return CSVFormat.RFC4180.format(fields.stream().map(f -> defused(f == null ? "" : f.toString())).toArray())
                + CSVFormat.RFC4180.getRecordSeparator();
    }

    static String field(String value) {
        return CSVFormat.RFC4180.format(defused(value));
    }

    /** The value, with an apostrophe before it where a spreadsheet would take it for a formula. */
    private static String defused(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
            return "'" + value;
        }
        return value;
    }
}
