-- The baseline: later migrations add accounts, claims, the push queue and intake.
CREATE TABLE pidlink_instance (
    id          smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO pidlink_instance DEFAULT VALUES;
