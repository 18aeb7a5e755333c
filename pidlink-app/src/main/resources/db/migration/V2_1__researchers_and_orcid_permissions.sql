-- Researchers sign in with ORCID; their iD is their account's identity.
CREATE TABLE researcher (
    id               bigserial PRIMARY KEY,
    orcid            varchar(19) NOT NULL UNIQUE CHECK (orcid ~ '^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$'),
    name             text,
    administrator    boolean     NOT NULL DEFAULT false,
    auto_update      boolean     NOT NULL DEFAULT false,
    public_profile   boolean     NOT NULL DEFAULT false,
    access_level     text        NOT NULL DEFAULT 'READ_WRITE'
                     CHECK (access_level IN ('READ_WRITE', 'READ_ONLY', 'MATCH_ONLY')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at  timestamptz
);

-- What a researcher allowed pidlink to do on their ORCID record, per ORCID client registration.
-- One row per iD and registration: one writer per iD, whichever account holds it.
-- Tokens are AEAD ciphertexts (Tink, AES-256-GCM) bound to iD, registration and column; key_id names the key
-- that sealed them so that a rotation can find what still needs re-encrypting.
CREATE TABLE orcid_permission (
    orcid            varchar(19) NOT NULL,
    registration_id  text        NOT NULL,
    researcher_id    bigint      NOT NULL REFERENCES researcher (id),
    client_id        text        NOT NULL,
    name             text,
    scope            text        NOT NULL,
    access_token     bytea       NOT NULL,
    refresh_token    bytea,
    key_id           bigint      NOT NULL,
    expires_at       timestamptz,
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    status_reason    text,
    granted_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (orcid, registration_id)
);
CREATE INDEX orcid_permission_researcher ON orcid_permission (researcher_id);
CREATE INDEX orcid_permission_key ON orcid_permission (key_id);
