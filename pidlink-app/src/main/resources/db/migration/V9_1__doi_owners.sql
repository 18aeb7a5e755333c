-- Sources own their DOIs: the source (an API key's source 'api:<name>', 'harvest:datacite', 'kafka:<topic>') that
-- first registered a DOI, or the source an administrator assigned its prefix to, is the only one that may change or
-- delete it. Administrators transfer DOIs between sources.
ALTER TABLE intake_doi ADD COLUMN owner text;
ALTER TABLE intake_doi ADD COLUMN owner_since timestamptz;
-- Before owners existed, the last source that sent a DOI is the best witness of who registered it.
UPDATE intake_doi SET owner = source, owner_since = received_at WHERE source IS NOT NULL AND content_hash IS NOT NULL;

-- DOI prefixes ('10.5281') an administrator assigned to a source: every DOI under one belongs to that source.
CREATE TABLE doi_prefix_owner (
    prefix         text        PRIMARY KEY,
    owner          text        NOT NULL,
    assigned_by    text,
    assigned_at    timestamptz NOT NULL
);
