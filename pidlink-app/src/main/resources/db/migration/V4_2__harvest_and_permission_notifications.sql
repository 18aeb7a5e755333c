-- Incremental harvests: where each one got to. The next window starts at high_water minus the overlap.
CREATE TABLE harvest_checkpoint (
    name           text        PRIMARY KEY,
    base_url       text        NOT NULL,
    high_water     timestamptz,
    last_run_at    timestamptz,
    last_records   integer     NOT NULL DEFAULT 0,
    last_error     text
);

-- Kafka: events already applied, so that a redelivered event (at-least-once) is recognized.
CREATE TABLE intake_event (
    event_key      text        PRIMARY KEY,
    applied_at     timestamptz NOT NULL
);

-- Permission requests sent to researchers pidlink does not know yet, through their ORCID inbox: one per
-- researcher (not one per DOI), resent by policy.
CREATE TABLE permission_notification (
    orcid          varchar(19) PRIMARY KEY,
    status         text        NOT NULL CHECK (status IN ('DUE', 'SENT', 'NOT_NEEDED', 'OPTED_OUT', 'FAILED')),
    due_at         timestamptz,
    first_needed_at timestamptz NOT NULL,
    last_sent_at   timestamptz,
    sends          integer     NOT NULL DEFAULT 0,
    attempts       integer     NOT NULL DEFAULT 0,
    put_code       bigint,
    last_error     text
);
CREATE INDEX permission_notification_due ON permission_notification (due_at) WHERE due_at IS NOT NULL;
