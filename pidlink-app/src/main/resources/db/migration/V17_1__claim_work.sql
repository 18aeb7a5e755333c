-- A record names thousands of researchers: the work to write is stored once per payload hash and every claim
-- of it refers to it, instead of one copy per claim (issue 17: 10,000 iDs made 10,000 copies of ~28 KB).
CREATE TABLE claim_work (
    payload_hash  text        PRIMARY KEY,
    -- the ORCID v3.0 work to write (JSON), whose canonical hash is payload_hash
    work_json     text        NOT NULL,
    created_at    timestamptz NOT NULL
);
INSERT INTO claim_work (payload_hash, work_json, created_at)
SELECT DISTINCT ON (payload_hash) payload_hash, work_json, updated_at FROM claim
ORDER BY payload_hash, updated_at DESC;
ALTER TABLE claim DROP COLUMN work_json;
CREATE INDEX claim_payload_hash ON claim (payload_hash);

-- The same for intake's queue: one task per researcher, one copy of the work per hash.
CREATE TABLE intake_work (
    work_hash     text        PRIMARY KEY,
    work_json     text        NOT NULL
);
INSERT INTO intake_work (work_hash, work_json)
SELECT DISTINCT ON (work_hash) work_hash, work_json FROM intake_task WHERE work_hash IS NOT NULL
ORDER BY work_hash, id DESC;
ALTER TABLE intake_task DROP COLUMN work_json;
CREATE INDEX intake_task_work ON intake_task (work_hash) WHERE work_hash IS NOT NULL;
