-- When pidlink last refreshed a permission's tokens: ORCID gives a refreshed token its parent's expiry, so
-- pidlink refreshes a token near its expiry at most once an hour rather than before every write.
ALTER TABLE orcid_permission ADD COLUMN refreshed_at timestamptz;
