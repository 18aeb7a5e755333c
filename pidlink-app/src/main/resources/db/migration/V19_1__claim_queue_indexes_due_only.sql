-- Issue 12 (≤ 2 KiB per link): the claim table's indexes, measured after the aggregate benchmark's push, were as
-- large as its rows. Two of them cost space without serving a query.

-- No statement looks claims up by their payload hash (claim_work is read by the hash a claim holds, from the claim's
-- side): the index only grew with every version of every claim.
DROP INDEX claim_payload_hash;

-- The push engine's next write and next additions read only due writes (due_at <= now), and every other reader of
-- these two indexes asks for due_at IS NOT NULL too. Held claims (waiting for a permission, for auto-update, for
-- her review) no longer get entries: a researcher connecting before intake had each claim indexed once while held
-- and again when released, and a release's new entries landed between live ones, splitting half-full pages.
-- claim_queued (orcid, registration_id, due_at) still finds the held ones for their release.
DROP INDEX claim_next_write;
CREATE INDEX claim_next_write ON claim (orcid, (coalesce(queued_class, 2)),
    (CASE queued_action WHEN 'DELETE' THEN 0 WHEN 'ADD' THEN 1 ELSE 2 END), due_at, id)
    WHERE queued_action IS NOT NULL AND due_at IS NOT NULL;
DROP INDEX claim_next_additions;
CREATE INDEX claim_next_additions ON claim (orcid, registration_id, (coalesce(queued_class, 2)), write_rank, id)
    WHERE queued_action = 'ADD' AND due_at IS NOT NULL;
