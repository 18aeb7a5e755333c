-- Affiliations an institution wants on its people's ORCID records (issue 13). One row per person the institution
-- names (keyed by its local person id, else e-mail, else iD) with her permission link, and one row per affiliation
-- (keyed by the institution's local key) with what ORCID holds of it.
CREATE TABLE affiliation_person (
    id                 bigserial   PRIMARY KEY,
    person_key         text        NOT NULL UNIQUE,
    orcid              varchar(19) CHECK (orcid ~ '^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$'),
    email              text,
    name               text,
    local_person_id    text,
    -- the permission link: only the SHA-256 of its random token is kept
    link_hash          bytea       UNIQUE,
    link_created_at    timestamptz,
    link_expires_at    timestamptz,
    link_revoked_at    timestamptz,
    link_sent_at       timestamptz,
    link_sent_by       text,
    link_opened_at     timestamptz,
    notification_error text,
    -- the writer's lease: one call at a time per person
    leased_until       timestamptz,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX affiliation_person_orcid ON affiliation_person (orcid);

CREATE TABLE affiliation (
    id                 bigserial   PRIMARY KEY,
    local_key          text        NOT NULL UNIQUE,
    person_id          bigint      NOT NULL REFERENCES affiliation_person (id),
    source             text        NOT NULL,
    kind               text        NOT NULL,
    -- the validated row's fields (the file's columns) and their hash: an upload changing nothing writes nothing
    fields             jsonb       NOT NULL,
    content_hash       text        NOT NULL,
    -- the researcher's answer: PENDING, APPROVED, DECLINED
    decision           text        NOT NULL DEFAULT 'PENDING',
    decided_at         timestamptz,
    -- what the institution wants: true while the row is in its data, false once removed from it
    wanted             boolean     NOT NULL DEFAULT true,
    -- what ORCID holds: NONE, WRITTEN, UPDATED, REMOVED, REMOVED_BY_RESEARCHER, FAILED
    state              text        NOT NULL DEFAULT 'NONE',
    put_code           bigint,
    written_hash       text,
    written_at         timestamptz,
    -- set (and committed) before a POST: after a crash, the next attempt reads ORCID before posting again
    create_started_at  timestamptz,
    -- the next call due (CREATE, UPDATE, DELETE) and when it may run
    action             text,
    due_at             timestamptz,
    attempts           integer     NOT NULL DEFAULT 0,
    message            text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX affiliation_person_rows ON affiliation (person_id);
CREATE INDEX affiliation_due ON affiliation (due_at) WHERE action IS NOT NULL;
