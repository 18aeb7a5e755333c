package org.pidlink.app.affiliations;

/**
 * One thing wrong in an affiliation file.
 *
 * @param line   the line of the file where the row (or the problem) starts, 1 being the first
 * @param column the column's header, or null when the problem is not in one column
 */
record RowError(int line, String column, String message) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
