package org.pidlink.core.metadata;

/**
 * @param funderName       the funder's name
 * @param funderIdentifier the funder's identifier (Crossref Funder ID, ROR, ...), or null
 * @param awardNumber      the award or grant number, or null
 * @param awardUri         the award's URI, or null
 * @param awardTitle       the award's title, or null
 */
public record FundingReference(String funderName, Identifier funderIdentifier,
                               String awardNumber, String awardUri, String awardTitle) {
}
