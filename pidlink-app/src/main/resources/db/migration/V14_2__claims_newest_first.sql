-- Issue 14: the researcher's works, newest first, a page at a time without reading all her claims.
CREATE INDEX claim_newest ON claim (orcid, created_at DESC, id DESC);
