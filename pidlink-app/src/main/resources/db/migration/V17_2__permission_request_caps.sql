-- Permission requests capped per DOI and paced per source (issue 17): the DOI that first asked for a
-- researcher's request, and the source (owner) of that DOI.
ALTER TABLE permission_notification ADD COLUMN doi text;
ALTER TABLE permission_notification ADD COLUMN source text;
CREATE INDEX permission_notification_doi ON permission_notification (doi);
CREATE INDEX permission_notification_source_sent ON permission_notification (source, last_sent_at);
