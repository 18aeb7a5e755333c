-- When a harvest last walked its whole window: the health report says when the source has failed for too long.
ALTER TABLE harvest_checkpoint ADD COLUMN last_success_at timestamptz;
UPDATE harvest_checkpoint SET last_success_at = last_run_at WHERE last_error IS NULL;
