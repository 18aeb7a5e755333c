-- Issue 12 (DataCite's scale, ≤ 2 KiB per link): a claim's row is updated several times in its life (queued, held,
-- released, written), and PostgreSQL copies the whole row on each update, its work JSON (often 1–2 KB, with every
-- co-author) included while it is stored inline. Kept out of line (compressed, in the TOAST table) the work is written
-- once and each update copies only a pointer to it; the row itself stays small.
ALTER TABLE claim SET (toast_tuple_target = 128);
