-- ORCID webhooks (orcid-api.md §6): one per connected researcher, so that pidlink learns when her record changes.
-- ORCID calls back with an empty, unauthenticated POST, so the callback's last path segment is a random secret:
-- only its SHA-256 is kept for recognizing callbacks; the callback URL itself (needed to unregister) is an AEAD
-- ciphertext (the token vault's keyset) bound to the iD, with key_id naming the key that sealed it.
CREATE TABLE orcid_webhook (
    orcid            varchar(19) PRIMARY KEY CHECK (orcid ~ '^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$'),
    registration_id  text        NOT NULL,
    token_hash       bytea       NOT NULL UNIQUE,
    callback         bytea       NOT NULL,
    key_id           bigint      NOT NULL,
    registered_at    timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
