-- Search & Link: per DOI whose latest metadata ORCID may show, what a researcher searches (title, creator names)
-- and the ORCID work mapped from that metadata, so that a claim made from the search writes it without
-- re-reading the DOI's metadata.
CREATE TABLE search_doi (
    doi               text        PRIMARY KEY,
    title             text        NOT NULL,
    publication_year  integer,
    creators          text        NOT NULL,
    orcids            text[]      NOT NULL DEFAULT '{}',
    work_json         text        NOT NULL,
    work_hash         text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- 'simple': no stemming or stop words, so names and title words match as typed (prefixes via :*)
    words             tsvector    GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || creators)) STORED
);
CREATE INDEX search_doi_words ON search_doi USING gin (words);
