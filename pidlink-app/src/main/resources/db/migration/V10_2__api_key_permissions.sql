-- What an API key may do (issue 13): existing keys keep sending DOI metadata; affiliation uploads need a key
-- created with the affiliations permission. Owned by intake (its api_key table).
ALTER TABLE api_key ADD COLUMN permissions text NOT NULL DEFAULT 'dois';
