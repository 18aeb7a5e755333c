-- Each harvest run with its progress, written as it goes: the administrators' harvest page shows the window, the
-- pages walked of those the registry announced, DOIs seen and accepted, and an estimate of the time left.
CREATE TABLE harvest_run (
    id           bigserial   PRIMARY KEY,
    name         text        NOT NULL,
    base_url     text        NOT NULL,
    window_from  timestamptz NOT NULL,
    window_until timestamptz NOT NULL,
    started_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    pages        integer     NOT NULL DEFAULT 0,
    records      integer     NOT NULL DEFAULT 0,
    accepted     integer     NOT NULL DEFAULT 0,
    -- the number of DOIs in the window, as the registry's first page announced it (meta.total), when it did
    announced    integer,
    complete     boolean     NOT NULL DEFAULT false,
    error        text
);
CREATE INDEX harvest_run_started ON harvest_run (name, started_at DESC);
