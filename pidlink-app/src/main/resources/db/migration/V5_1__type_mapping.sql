-- The ORCID work type mapping administrators uploaded (whole-file replacement). One row at most: no row, or a row
-- whose csv is null, means pidlink's built-in defaults. The version grows with every change, so that each
-- instance can tell with one cheap read whether the mapping it holds in memory is still the current one.
CREATE TABLE type_mapping (
    id           smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version      bigint      NOT NULL,
    csv          text,
    replaced_by  text        NOT NULL,
    replaced_at  timestamptz NOT NULL
);
