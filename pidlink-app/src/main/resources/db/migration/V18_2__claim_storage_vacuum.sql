-- A claim is updated a few times on its way to ORCID (held, released, written), each update leaving its old
-- version and index entries behind until a vacuum. With the default threshold (a fifth of the table dead) a table
-- of a million claims waits for 200,000 dead versions before their space is reused; at 2% it is reused as it goes.
ALTER TABLE claim SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05);
-- The intake queue's rows live minutes and are deleted in batches: vacuumed after every 10,000 dead rows, whatever
-- the table's size (the intake worker also vacuums it, and the works it refers to, after a large intake).
ALTER TABLE intake_task SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
