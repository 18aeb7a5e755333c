package org.pidlink.core.metadata.support;

import java.util.ArrayList;
import java.util.List;

import org.pidlink.core.metadata.Identifier;
import org.pidlink.core.metadata.Person;

/** A creator or contributor being read; {@link RecordDraft#build()} turns it into a {@link Person}. */
public final class PersonDraft {

    public String name;
    public String givenName;
    public String familyName;
    public Person.NameType nameType;
    public final List<NameIdentifierEntry> nameIdentifiers = new ArrayList<>(2);
    public final List<String> roles = new ArrayList<>(1);
    public final List<String> affiliations = new ArrayList<>(2);

    public PersonDraft name(String value) {
        this.name = Texts.collapse(value);
        return this;
    }

    public PersonDraft givenName(String value) {
        this.givenName = Texts.collapse(value);
        return this;
    }

    public PersonDraft familyName(String value) {
        this.familyName = Texts.collapse(value);
        return this;
    }

    public PersonDraft role(String value) {
        String r = Texts.collapse(value);
        if (r != null && !roles.contains(r)) {
            roles.add(r);
        }
        return this;
    }

    public PersonDraft affiliation(String value) {
        String a = Texts.collapse(value);
        if (a != null) {
            affiliations.add(a);
        }
        return this;
    }

    /** The name to show: the source's full name, else "Given Family", else null. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        if (givenName != null && familyName != null) {
            return givenName + " " + familyName;
        }
        return familyName != null ? familyName : givenName;
    }

    /** True when nothing at all was found (an empty {@code <creator/>}); such drafts are dropped. */
    boolean isEmpty() {
        return displayName() == null && nameIdentifiers.isEmpty() && affiliations.isEmpty();
    }

    static Identifier otherIdentifier(NameIdentifierEntry e) {
        String value = Texts.trim(e.value());
        if (value == null) {
            return null;
        }
        String type = Texts.trim(e.scheme());
        return new Identifier(type == null ? Texts.trim(e.schemeUri()) : type, value);
    }
}
