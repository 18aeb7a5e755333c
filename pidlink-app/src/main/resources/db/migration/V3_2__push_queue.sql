-- The push engine's shared state. Several instances use one database: researchers are leased with
-- FOR UPDATE SKIP LOCKED and a lease expiry, ORCID's rate limit lives in the bucket table (Bucket4j).

-- One row per researcher with queued work: the unit of leasing, so that one write at a time is in
-- flight per ORCID record, and of fairness (round robin by last_served_at).
CREATE TABLE push_researcher (
    orcid           text        PRIMARY KEY,
    -- earliest due_at among the researcher's queued claims; NULL when nothing is due
    due_at          timestamptz,
    -- a deletion or a first addition is queued: served before researchers with only updates
    urgent          boolean     NOT NULL DEFAULT false,
    -- the researcher pressed "Sync now": served first
    sync_now        boolean     NOT NULL DEFAULT false,
    last_served_at  timestamptz,
    lease_owner     text,
    lease_until     timestamptz
);
CREATE INDEX push_researcher_due ON push_researcher (due_at) WHERE due_at IS NOT NULL;

-- Per ORCID client: a shared slow-down after ORCID answered 503.
CREATE TABLE push_client (
    client_id       text        PRIMARY KEY,
    cool_off_until  timestamptz,
    http503         bigint      NOT NULL DEFAULT 0
);

-- Bucket4j's PostgreSQL proxy manager (select-for-update flavour): one token bucket per ORCID client.
CREATE TABLE orcid_rate_bucket (
    id          text   PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
