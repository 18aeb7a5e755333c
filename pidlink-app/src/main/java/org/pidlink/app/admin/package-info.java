/**
 * What administrators configure for the whole service.
 *
 * <h2>For other features</h2>
 * <ul>
 *   <li>{@link org.pidlink.app.admin.TypeMappings#current()}: the ORCID work type mapping in force (uploaded CSV or
 *       pidlink's defaults), cached in memory and rechecked against the database's version number every
 *       {@code pidlink.admin.type-mapping.recheck-every} (1 s), so several instances agree within that time.</li>
 * </ul>
 *
 * <h2>Pages</h2>
 * {@code /admin/type-mapping}: the table, its CSV ({@code /admin/type-mapping.csv}), whole-file replacement by
 * upload (every line validated, ORCID types checked against ORCID's list, errors named by line) and reset.
 */
package org.pidlink.app.admin;
