-- Issue 14: a researcher's write mode, and her approval of the works pidlink proposes.
-- A researcher without a row writes automatically (today's behaviour).
CREATE TABLE claim_write_mode (
    orcid         text        PRIMARY KEY,
    review_first  boolean     NOT NULL,
    changed_at    timestamptz NOT NULL
);
-- She approved the claim in review-first mode (or brought it back): it is written like any other.
ALTER TABLE claim ADD COLUMN approved boolean NOT NULL DEFAULT false;
-- Her review list, newest first, a page at a time.
CREATE INDEX claim_awaiting_review ON claim (orcid, created_at DESC, id DESC) WHERE status = 'AWAITING_REVIEW';
