-- Registrants (issue 15): data centres and publishers told which researchers claim their DOIs. Each owns DOI
-- prefixes; its API key (intake's api_key, permission 'suggestions') reads its suggestions only.
CREATE TABLE registrant (
    id                  bigserial   PRIMARY KEY,
    name                text        NOT NULL UNIQUE,
    kind                text        NOT NULL CHECK (kind IN ('DATA_CENTRE', 'PUBLISHER')),
    datacite_client_id  text,
    -- where suggestions are POSTed, signed with HMAC-SHA256; the secret is an AEAD ciphertext (the vault's key)
    webhook_url         text,
    webhook_secret      bytea,
    webhook_key_id      bigint,
    api_key_id          bigint,
    created_by          text,
    created_at          timestamptz NOT NULL,
    -- how far the scan of claims got: the (updated_at, id) of the last claim seen
    scanned_until       timestamptz NOT NULL DEFAULT '1970-01-01T00:00:00Z',
    scanned_id          bigint      NOT NULL DEFAULT 0
);

-- A prefix belongs to one registrant.
CREATE TABLE registrant_prefix (
    prefix         text        PRIMARY KEY,
    registrant_id  bigint      NOT NULL REFERENCES registrant (id) ON DELETE CASCADE
);
CREATE INDEX registrant_prefix_registrant ON registrant_prefix (registrant_id);

-- The latest metadata intake received for each DOI under a registrant's prefix: who it names, with their iDs.
CREATE TABLE registrant_doi (
    doi            text        PRIMARY KEY,
    registrant_id  bigint      NOT NULL REFERENCES registrant (id) ON DELETE CASCADE,
    -- [{"name": …, "orcid": …, "role": "creator"|"contributor"}, …]
    people         jsonb       NOT NULL,
    orcids         text[]      NOT NULL DEFAULT '{}',
    received_at    timestamptz NOT NULL,
    -- when the iDs in it were last checked against ORCID's record states
    states_checked_at timestamptz
);

-- What pidlink tells a registrant: one per registrant, DOI and iD (or the invalid value as found).
CREATE TABLE link_suggestion (
    id                 bigserial   PRIMARY KEY,
    registrant_id      bigint      NOT NULL REFERENCES registrant (id) ON DELETE CASCADE,
    doi                text        NOT NULL,
    orcid              text        NOT NULL,
    reason             text        NOT NULL CHECK (reason IN ('CLAIMED', 'INVALID_CHECKSUM', 'DEPRECATED_RECORD',
                                                              'DEACTIVATED_RECORD')),
    status             text        NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'REJECTED', 'ADDED_TO_METADATA',
                                                              'WITHDRAWN')),
    name_on_record     text,
    matched_name       text,
    matched_role       text,
    matched_position   integer,
    match_score        numeric(3,2),
    provenance         text[]      NOT NULL DEFAULT '{}',
    authenticated      boolean     NOT NULL DEFAULT false,
    -- ORCID's record summary markers (employments, validated and self-asserted works, the work on the record)
    trust              jsonb,
    claimed_at         timestamptz,
    -- shown to the registrant only
    reject_reason      text,
    decided_at         timestamptz,
    added_at           timestamptz,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT link_suggestion_once UNIQUE (registrant_id, doi, orcid)
);
CREATE INDEX link_suggestion_list ON link_suggestion (registrant_id, created_at, id);
CREATE INDEX link_suggestion_orcid ON link_suggestion (orcid);

-- The webhook outbox: one row per suggestion event to POST, taken with FOR UPDATE SKIP LOCKED, retried with backoff.
CREATE TABLE registrant_delivery (
    id             bigserial   PRIMARY KEY,
    registrant_id  bigint      NOT NULL REFERENCES registrant (id) ON DELETE CASCADE,
    suggestion_id  bigint      NOT NULL REFERENCES link_suggestion (id) ON DELETE CASCADE,
    channel        text        NOT NULL CHECK (channel IN ('WEBHOOK', 'KAFKA')),
    event          text        NOT NULL,
    payload        text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    due_at         timestamptz,
    attempts       integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL,
    delivered_at   timestamptz
);
CREATE INDEX registrant_delivery_due ON registrant_delivery (due_at) WHERE status = 'PENDING';

-- Every attempt, for the administrators' delivery log.
CREATE TABLE registrant_delivery_attempt (
    id             bigserial   PRIMARY KEY,
    delivery_id    bigint      NOT NULL REFERENCES registrant_delivery (id) ON DELETE CASCADE,
    attempted_at   timestamptz NOT NULL,
    http_status    integer,
    error          text,
    latency_ms     integer     NOT NULL
);
CREATE INDEX registrant_delivery_attempt_delivery ON registrant_delivery_attempt (delivery_id);
