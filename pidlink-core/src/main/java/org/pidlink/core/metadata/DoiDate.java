package org.pidlink.core.metadata;

/**
 * A dated event of the work.
 *
 * @param type the source's date type ({@code Issued}, {@code Created}, {@code Available}, Crossref's
 *             {@code published-print}, {@code published-online}, {@code issued}, ...)
 * @param date the date as far as it is known, or null when the raw value could not be read
 * @param raw  the value as the source gives it (DataCite allows ranges and times)
 */
public record DoiDate(String type, PartialDate date, String raw) {
}
