package org.pidlink.app.affiliations;

import java.util.Map;

/** A row of an affiliation file as read, before validation: the line it starts on and its values by column. */
record RawRow(int line, Map<Column, String> values) {

    RawRow {
        values = Map.copyOf(values);
    }

    String get(Column column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
