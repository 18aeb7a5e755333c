-- Intake: DOI metadata received (REST, harvest, Kafka), what pidlink last made of each DOI, and the queue of
-- claim assertions and withdrawals it derived from them.

-- Per DOI, what the last metadata received asked for: its content hash makes the same metadata a no-op, and its
-- iD set tells which researchers to withdraw from when an iD disappears or the DOI stops being findable.
CREATE TABLE intake_doi (
    doi            text        PRIMARY KEY,
    content_hash   text,
    orcids         text[]      NOT NULL DEFAULT '{}',
    skip_reason    text,
    source         text,
    received_at    timestamptz NOT NULL,
    changed_at     timestamptz
);

-- Claim work derived from intake, executed in id order by the intake worker. A partition (from the iD) keeps
-- every task of one researcher on one worker thread, so that their order is kept.
CREATE TABLE intake_task (
    id             bigserial   PRIMARY KEY,
    doi            text        NOT NULL,
    orcid          text        NOT NULL,
    action         text        NOT NULL CHECK (action IN ('ASSERT', 'WITHDRAW')),
    work_json      text,
    work_hash      text,
    reason         text,
    partition      integer     NOT NULL,
    enqueued_at    timestamptz NOT NULL,
    attempts       integer     NOT NULL DEFAULT 0,
    not_before     timestamptz,
    last_error     text
);
CREATE INDEX intake_task_partition ON intake_task (partition, id);
-- The worker takes a task only when no earlier one for the same DOI and researcher waits.
CREATE INDEX intake_task_pair ON intake_task (doi, orcid, id);

-- API keys that metadata sources use on /api/**: only a SHA-256 of the key is stored.
CREATE TABLE api_key (
    id             bigserial   PRIMARY KEY,
    source         text        NOT NULL,
    label          text,
    key_prefix     text        NOT NULL,
    key_hash       text        NOT NULL UNIQUE,
    created_by     text,
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz,
    revoked_at     timestamptz
);
