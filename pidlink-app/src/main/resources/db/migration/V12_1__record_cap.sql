-- ORCID's 10,000-work cap (issue 12). Which works matter most when a record cannot take them all: a rank from the
-- work (lower is written first, see WriteOrder), and what pidlink knows of each record's other works.
ALTER TABLE claim ADD COLUMN write_rank integer NOT NULL DEFAULT 0;
-- How the DOI's metadata names the researcher ('creator', 'contributor'; NULL when the work does not list her iD, or
-- for claims made before this column): the administrators' figures count links by it.
ALTER TABLE claim ADD COLUMN named_as text CHECK (named_as IN ('creator', 'contributor'));

-- Works on a researcher's record that are not pidlink's claims' (other sources', her own): counted from pidlink's
-- reads of the record ('read'), or taken to fill the record when ORCID refused an addition with 9048 ('refused').
-- pidlink's own works are its claims holding put-codes.
CREATE TABLE orcid_record_works (
    orcid        text        PRIMARY KEY,
    other_works  integer     NOT NULL,
    counted_at   timestamptz NOT NULL,
    counted_by   text        NOT NULL CHECK (counted_by IN ('read', 'refused'))
);

-- The push engine's hot path, bounded by the batch rather than by her claim count (a researcher may hold 50,000):
-- her next write in the order ClaimLifecycle.nextWrite reads it, her next additions in rank order, her works on
-- the record (the room left), and her works held back for a full record.
CREATE INDEX claim_next_write ON claim (orcid, (coalesce(queued_class, 2)),
    (CASE queued_action WHEN 'DELETE' THEN 0 WHEN 'ADD' THEN 1 ELSE 2 END), due_at, id)
    WHERE queued_action IS NOT NULL;
CREATE INDEX claim_next_additions ON claim (orcid, registration_id, (coalesce(queued_class, 2)), write_rank, id)
    WHERE queued_action = 'ADD';
CREATE INDEX claim_on_record ON claim (orcid) WHERE put_code IS NOT NULL OR post_attempted_hash IS NOT NULL;
CREATE INDEX claim_record_full ON claim (orcid, write_rank, id) WHERE status = 'RECORD_FULL';
-- Her earliest due write (the push schedule reads it after every change of her claims).
CREATE INDEX claim_due ON claim (orcid, due_at) WHERE queued_action IS NOT NULL AND due_at IS NOT NULL;
