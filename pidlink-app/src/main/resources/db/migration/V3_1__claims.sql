-- Claims: "this ORCID iD authored this DOI, write it with this ORCID client". The claim row is also the
-- push queue's unit of work: queued_action + due_at say what the push engine has to do and when.
CREATE TABLE claim (
    id                   bigserial   PRIMARY KEY,
    orcid                text        NOT NULL,
    doi                  text        NOT NULL,
    registration_id      text        NOT NULL,
    -- every source that asserted the claim (AUTO_UPDATE, SEARCH_AND_LINK, IMPORT, ADMIN)
    provenance           text[]      NOT NULL DEFAULT '{}',
    -- the ORCID v3.0 work to write (JSON) and its canonical hash
    work_json            text        NOT NULL,
    payload_hash         text        NOT NULL,
    -- hash of the payload last written to ORCID: equal to payload_hash means nothing to write
    written_hash         text,
    put_code             bigint,
    status               text        NOT NULL,
    status_reason        text,
    -- false once no provenance remains (or the researcher removed everything): the work must leave ORCID
    wanted               boolean     NOT NULL DEFAULT true,
    -- the researcher removed the work on ORCID (or asked pidlink to remove everything): never re-added
    -- until the researcher puts it back
    kept_out             boolean     NOT NULL DEFAULT false,
    queued_action        text        CHECK (queued_action IN ('ADD', 'UPDATE', 'DELETE')),
    -- when the queued action may run; NULL while held (waiting for permission, permission revoked)
    due_at               timestamptz,
    -- read the record's works (ours, matched by DOI) before writing, to recover a lost put-code
    recover              boolean     NOT NULL DEFAULT false,
    -- crash safety: set, with the hash sent, before a POST; cleared when its result is stored
    post_attempted_hash  text,
    post_attempted_at    timestamptz,
    attempts             integer     NOT NULL DEFAULT 0,
    orcid_message        text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    written_at           timestamptz,
    CONSTRAINT claim_triple UNIQUE (orcid, doi, registration_id)
);
CREATE INDEX claim_queued ON claim (orcid, registration_id, due_at) WHERE queued_action IS NOT NULL;
CREATE INDEX claim_doi ON claim (doi);
CREATE INDEX claim_status ON claim (status);

-- Every call pidlink makes to ORCID, for administrators and for the researcher's history.
CREATE TABLE orcid_call (
    id               bigserial   PRIMARY KEY,
    called_at        timestamptz NOT NULL,
    method           text        NOT NULL,
    path             text        NOT NULL,
    status           integer,
    error_code       integer,
    latency_ms       integer     NOT NULL,
    orcid            text,
    registration_id  text,
    claim_ids        bigint[]    NOT NULL DEFAULT '{}',
    items            integer     NOT NULL DEFAULT 0,
    failure          text
);
CREATE INDEX orcid_call_orcid ON orcid_call (orcid, called_at);
CREATE INDEX orcid_call_called_at ON orcid_call (called_at);
