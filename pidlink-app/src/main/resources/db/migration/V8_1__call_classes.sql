-- One ORCID budget, shared by classes of work in a fixed order (issue 11): the class of a claim's queued write,
-- the best class a researcher has due (she is leased by it), and the class of every audited call.
ALTER TABLE claim ADD COLUMN queued_class smallint;
ALTER TABLE push_researcher ADD COLUMN priority smallint;
UPDATE push_researcher SET priority = CASE WHEN urgent THEN 1 ELSE 2 END;
ALTER TABLE push_researcher DROP COLUMN urgent;
ALTER TABLE orcid_call ADD COLUMN call_class text;
