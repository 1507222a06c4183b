-- A complaint's import batch is read only to take an import back, which
-- is rare and may scan the table (as feedback's always has); the index
-- cost every bulk import its rebuild (0.24 s of a million tickets) and
-- every new complaint an entry.
DROP INDEX complaint_batch;
