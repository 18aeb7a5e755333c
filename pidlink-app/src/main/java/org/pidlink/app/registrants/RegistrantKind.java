package org.pidlink.app.registrants;

/** What a registrant is: DataCite's data centres (repositories) and Crossref's publishers. */
public enum RegistrantKind {
    DATA_CENTRE("data centre"),
    PUBLISHER("publisher");

    private final String label;

    RegistrantKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
