package org.pidlink.emulator.works;

import java.util.ArrayList;
import java.util.List;

/** Mutable collector used by the JSON and XML readers; {@link #build()} makes the immutable {@link Work}. */
final class WorkBuilder {

    Long putCode;
    String title;
    String subtitle;
    String translatedTitle;
    String translatedTitleLanguage;
    boolean hasTranslatedTitle;
    String journalTitle;
    String shortDescription;
    boolean hasCitation;
    String citationType;
    String citationValue;
    String type;
    boolean hasPublicationDate;
    String year;
    String month;
    String day;
    final List<Work.ExternalId> externalIds = new ArrayList<>();
    String url;
    final List<Work.Contributor> contributors = new ArrayList<>();
    String languageCode;
    String country;
    String visibility;

    // current external id
    String eidType;
    String eidValue;
    String eidUrl;
    String eidRelationship;

    // current contributor
    String cUri;
    String cPath;
    String cHost;
    String cCreditName;
    String cEmail;
    String cSequence;
    String cRole;

    void endExternalId() {
        externalIds.add(new Work.ExternalId(eidType, eidValue, eidUrl, eidRelationship));
        eidType = null;
        eidValue = null;
        eidUrl = null;
        eidRelationship = null;
    }

    void endContributor() {
        contributors.add(new Work.Contributor(cUri, cPath, cHost, cCreditName, cEmail, cSequence, cRole));
        cUri = null;
        cPath = null;
        cHost = null;
        cCreditName = null;
        cEmail = null;
        cSequence = null;
        cRole = null;
    }

    Work build() {
        return new Work(putCode, title, subtitle,
                hasTranslatedTitle ? new Work.TranslatedTitle(translatedTitle, translatedTitleLanguage) : null,
                journalTitle, shortDescription, hasCitation ? new Work.Citation(citationType, citationValue) : null,
                type, hasPublicationDate ? new Work.PublicationDate(year, month, day) : null, externalIds, url,
                contributors, languageCode, country, visibility);
    }
}
