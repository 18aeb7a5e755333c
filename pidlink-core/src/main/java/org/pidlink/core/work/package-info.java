/**
 * ORCID v3.0 works: the model pidlink writes, its JSON and XML forms, and the mapping from DOI metadata.
 *
 * <p><b>Entry points.</b> {@link org.pidlink.core.work.WorkMapper#map(org.pidlink.core.metadata.DoiRecord,
 * org.pidlink.core.identifiers.OrcidId)} makes the {@link org.pidlink.core.work.OrcidWork};
 * {@link org.pidlink.core.work.WorkJsonWriter} and {@link org.pidlink.core.work.WorkXmlWriter} write it (single
 * work or ORCID's {@code bulk} message); {@link org.pidlink.core.work.OrcidWork#canonicalHash()} identifies its
 * content so unchanged works are not written again; {@link org.pidlink.core.work.OrcidWork#withPutCode(long)}
 * addresses an update.
 *
 * <p><b>Field mapping</b> (why, where it departs from DataCite's own ORCID integration):
 * <ul>
 *   <li>title: the main title (else the first other non-subtitle title); subtitle; the first translated title
 *   whose language ORCID knows. Texts are cut at a word boundary to ORCID's limits and marked with "…".</li>
 *   <li>journal-title: the container (journal, book, series, proceedings), never the publisher, which DataCite's
 *   integration sends by mistake.</li>
 *   <li>short-description: the abstract (else a description of type Other), at most 5000 characters.</li>
 *   <li>citation: BibTeX built from the metadata (entry type from the ORCID type).</li>
 *   <li>type: {@link org.pidlink.core.types.TypeMapping}.</li>
 *   <li>publication-date: the earliest date of issue (DataCite Issued and publicationYear; Crossref
 *   published-print, published-online, issued), as precise as the sources allow; years outside ORCID's
 *   1900–2100 are dropped, an impossible day is cut to the month.</li>
 *   <li>external-ids: the DOI ({@code self}, with its https://doi.org/ URL); the work's other identifiers of a
 *   type ORCID knows ({@code self}); the container's ISSN, ISBN and DOI, and IsPartOf/IsPublishedIn targets of
 *   those types ({@code part-of}); targets of version relations ({@code version-of}, which groups versions in
 *   ORCID; never an ISSN); award numbers ({@code grant_number}), award DOIs ({@code doi}) or award URIs
 *   ({@code uri}) as {@code funded-by}. Identifiers are de-duplicated as ORCID compares them.</li>
 *   <li>url: the DOI's https://doi.org/ URL: persistent, so a moved landing page does not rewrite every work.</li>
 *   <li>contributors: creators in order (sequence first/additional, role author unless the source says
 *   otherwise), then contributors whose role ORCID can express (Editor → editor, Translator →
 *   chair-or-translator, ProjectLeader → principal-investigator, DataCurator → CRediT data-curation, …; CRediT
 *   roles given by the source are kept). At most 100 by default; the researcher the work is written for is
 *   always kept.</li>
 *   <li>language-code: the record's language in ORCID's codes (en-US → en, ger → de, he → iw, zh-Hant → zh_TW);
 *   left out when ORCID has no code for it.</li>
 * </ul>
 */
package org.pidlink.core.work;
