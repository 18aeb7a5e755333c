-- Issue 12 (the public lookup at 64 clients): every instance keeps the DOI–iD links in memory to answer the
-- public lookup by DOI without a query (lookup.LinkIndex), so each must learn of every change to claims, its own
-- and other instances'. A statement that changes claims tells every listening session which DOIs' links changed:
-- NOTIFY is delivered at commit, in commit order, and not at all for a rollback. The DOIs go one per line, at most
-- 7,000 bytes a message (PostgreSQL takes 8,000). TRUNCATE says '*': everything changed.
CREATE FUNCTION claim_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    dois text[];
    d text;
    message text := '';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('pidlink_claim_links', '*');
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT doi) INTO dois FROM old_claims;
    ELSE
        SELECT array_agg(DISTINCT doi) INTO dois FROM new_claims;
    END IF;
    FOREACH d IN ARRAY coalesce(dois, '{}') LOOP
        IF message <> '' AND octet_length(message) + octet_length(d) >= 7000 THEN
            PERFORM pg_notify('pidlink_claim_links', message);
            message := '';
        END IF;
        message := CASE WHEN message = '' THEN d ELSE message || E'\n' || d END;
    END LOOP;
    IF message <> '' THEN
        PERFORM pg_notify('pidlink_claim_links', message);
    END IF;
    RETURN NULL;
END $$;

-- A claim's DOI never changes (no statement sets it), so an update's new rows name every DOI it touched.
CREATE TRIGGER claim_links_inserted AFTER INSERT ON claim REFERENCING NEW TABLE AS new_claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_links_changed();
CREATE TRIGGER claim_links_updated AFTER UPDATE ON claim REFERENCING NEW TABLE AS new_claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_links_changed();
CREATE TRIGGER claim_links_deleted AFTER DELETE ON claim REFERENCING OLD TABLE AS old_claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_links_changed();
CREATE TRIGGER claim_links_truncated AFTER TRUNCATE ON claim
    FOR EACH STATEMENT EXECUTE FUNCTION claim_links_changed();
