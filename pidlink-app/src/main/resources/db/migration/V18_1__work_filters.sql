-- Issue 14: each researcher's filters on what pidlink sends to her ORCID record, the administrators' defaults and
-- locks, and what a claim needs to know to be filtered without reading its work again.

-- What of a DOI's record decides the filters, beside the work itself: its state and whether it is a version or part.
ALTER TABLE intake_doi ADD COLUMN doi_state text;
ALTER TABLE intake_doi ADD COLUMN version_of text;

-- Per claim, the facts the filters read (set when asserted; NULL for claims older than the filters, which pass).
ALTER TABLE claim ADD COLUMN doi_state text;
ALTER TABLE claim ADD COLUMN version_of text;
ALTER TABLE claim ADD COLUMN work_type text;
ALTER TABLE claim ADD COLUMN work_year integer;
-- The filter that keeps the work off her record (its name in WorkFilters.Filter), NULL while it qualifies.
ALTER TABLE claim ADD COLUMN filtered_by text;

-- Claims made before the filters get their work's type and publication year (as ClaimedWork reads them: the year
-- 0 when there is none). Their DOIs were all findable and no versions (the old skip rules). The work is in
-- claim_work (V17_1).
WITH w AS (
    SELECT payload_hash, lower(work_json::json ->> 'type') AS work_type,
           CASE WHEN trim(work_json::json #>> '{publication-date,year,value}') ~ '^[0-9]{1,4}$'
                THEN trim(work_json::json #>> '{publication-date,year,value}')::integer
                ELSE 0 END AS work_year
    FROM claim_work)
UPDATE claim SET work_type = w.work_type, work_year = w.work_year, doi_state = 'FINDABLE'
FROM w WHERE w.payload_hash = claim.payload_hash;

-- Her own choices; a researcher without a row follows the administrators' defaults.
CREATE TABLE work_filters (
    orcid             text        PRIMARY KEY,
    -- ORCID work types she sends; NULL: all of them
    work_types        text[],
    findable_only     boolean     NOT NULL,
    exclude_versions  boolean     NOT NULL,
    creator_only      boolean     NOT NULL,
    year_floor        integer,
    changed_at        timestamptz NOT NULL
);

-- The administrators' defaults for researchers who have not chosen, and the filters they lock for everybody.
-- One row (id 1); without it the built-in defaults apply (today's behaviour: findable only, no versions or parts).
CREATE TABLE work_filter_defaults (
    id                integer     PRIMARY KEY CHECK (id = 1),
    work_types        text[],
    findable_only     boolean     NOT NULL,
    exclude_versions  boolean     NOT NULL,
    creator_only      boolean     NOT NULL,
    year_floor        integer,
    -- names of WorkFilters.Filter locked institution-wide at the default's value
    locked            text[]      NOT NULL DEFAULT '{}',
    changed_at        timestamptz NOT NULL
);

-- The filters' preview and re-evaluation read her claims by iD (claim_triple leads with orcid); the held-back ones
-- are found along this index.
CREATE INDEX claim_filtered ON claim (orcid) WHERE filtered_by IS NOT NULL;

-- The built-in defaults (today's behaviour), which administrators change on /admin/filters.
INSERT INTO work_filter_defaults (id, work_types, findable_only, exclude_versions, creator_only, year_floor, locked,
                                  changed_at)
VALUES (1, NULL, true, true, false, NULL, '{}', now());
