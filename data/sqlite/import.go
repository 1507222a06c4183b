package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"caredesk/data"
)

// feedbackImport is one import transaction. Rows go to SQLite in groups
// through prepared statements; only a group of pending rows, the per-day
// count changes, the client ids and a fixed-size filter of the ids seen are
// kept in memory, with the ids seen (see bulkImport.seen), so a
// million-row file needs little RAM.
type feedbackImport struct {
	*bulkImport
	loc *time.Location

	insertRows map[int]string // multi-row INSERTs by row count

	pending []any // arguments of rows added but not queued yet
	tags    *rowGroups
	writer  *groupWriter
	clients *importClients
	deltas  rollupDeltas
}

// Rows are inserted in groups (see groupQuery).
const (
	rowsPerInsert = 64
	feedbackArgs  = 11
)

// BeginFeedbackImport starts an import of one file. b.Source is required:
// external ids are unique per source, which is what makes re-importing the
// same file add nothing. The import holds the write connection until Commit
// or Rollback; reads carry on meanwhile. Cancelling ctx rolls it back.
func (db *DB) BeginFeedbackImport(ctx context.Context, b data.ImportBatch) (data.FeedbackImport, error) {
	if b.Kind == "" {
		b.Kind = "feedback"
	}
	base, err := db.newBulkImport(ctx, importTarget{what: "feedback", table: "feedback", uniqueIndex: "feedback_external",
		indexTables: []string{"feedback", "feedback_tag"}, bulkAfter: bulkThreshold}, &b)
	if err != nil {
		return nil, err
	}
	imp := &feedbackImport{
		bulkImport: base,
		loc:        db.Location(),
		clients:    newImportClients("segment"),
		deltas:     rollupDeltas{},
		insertRows: map[int]string{},
		pending:    make([]any, 0, rowsPerInsert*feedbackArgs),
		tags:       newRowGroups(importInsert+`feedback_tag (feedback_id, tag) VALUES `, 2, 2*rowsPerInsert),
	}
	imp.writer = newGroupWriter(base.execCt, base.conn)
	base.flush, base.release = imp.flush, imp.writer.close
	base.bulkStarted = func() error { return imp.clients.loadAll(base.execCt, base.tx, db.read) }
	base.checkKeys = func() error { return imp.clients.checkStored(base.execCt, base.tx) }
	if err := imp.bulkImport.begin(b); err != nil {
		base.abort()
		return nil, fmt.Errorf("begin feedback import from %s: %w", b.Source, err)
	}
	return imp, nil
}

// Add stores one response. A response failing validation is counted as
// rejected and its validation error returned; the import goes on. A
// storage error ends the import (rolled back) and is returned by every
// later call. f gets its ID, BatchID, ClientID, Source and ExternalID set.
// A response without an external id gets a generated one, so it cannot be
// recognised as a duplicate later.
func (i *feedbackImport) Add(f *data.Feedback) (bool, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if err := i.usable(); err != nil {
		return false, err
	}
	if err := f.Validate(); err != nil {
		i.batch.Rejected++
		return false, err
	}
	if f.Source == "" {
		f.Source = i.batch.Source
	}
	if f.ExternalID == "" {
		f.ExternalID = newExternalID()
	}
	if f.ClientID == 0 && strings.TrimSpace(f.ClientName) != "" {
		id, _, err := i.clients.find(i.execCt, i.tx, f.ClientName, f.Segment)
		if err != nil {
			return false, i.fail(fmt.Errorf("client %q: %w", f.ClientName, err))
		}
		f.ClientID = id
	}
	f.Tags = normalizeTags(f.Tags)
	dup, err := i.duplicate(f.Source, f.ExternalID, i.nextID)
	if err != nil {
		return false, i.fail(err)
	}
	if dup {
		i.batch.Duplicates++
		return false, nil
	}
	day := data.DayOf(f.RespondedAt, i.loc)
	f.ID, f.BatchID = i.nextID, i.batch.ID
	i.nextID++
	i.pending = append(i.pending, f.ID, f.RespondedAt.Unix(), int64(day), scoreArg(f.Score), f.Comment,
		string(f.Channel), f.Touchpoint, nullID(f.ClientID), i.batch.ID, f.Source, f.ExternalID)
	for _, t := range f.Tags {
		i.tags.pending = append(i.tags.pending, f.ID, t)
	}
	if len(i.pending) == rowsPerInsert*feedbackArgs {
		if err := i.queue(false); err != nil {
			return false, i.fail(err)
		}
	}
	i.deltas.add(rollupKey{day, string(f.Channel), f.Touchpoint}, f.Score, 1)
	i.batch.Imported++
	if err := i.dropIndexesIfBulk(); err != nil {
		return false, i.fail(err)
	}
	return true, nil
}

// bulkThreshold is the number of rows after which an import drops the
// secondary indexes and builds them again at Commit. Keeping an index up
// to date costs SQLite about 2.5 µs a row and index; building it from
// scratch, about 0.4 µs a stored row. A large import (relative to what is
// stored) therefore goes about twice as fast without them. Into an empty
// or small table they go after 2,000 rows: at 50,000, those first rows
// with seven live indexes cost a million-row import into a new file
// 3–13% of its time.
func bulkThreshold(existing int64) int64 { return max(2_000, existing/4) }

// queue hands the pending rows and then their tags in full groups to the
// writer; with all, the tags short of a group too.
func (i *feedbackImport) queue(all bool) error {
	if err := i.clients.queue(i.writer); err != nil {
		return err
	}
	if len(i.pending) > 0 {
		q := groupSQL(i.insertRows, len(i.pending)/feedbackArgs, importInsert+`feedback
			(id, responded_at, day, score, comment, channel, touchpoint, client_id, batch_id, source, external_id) VALUES `,
			"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
		var err error
		if i.pending, err = i.writer.queue(q, i.pending); err != nil {
			return err
		}
	}
	return i.tags.queue(i.writer, all)
}

// flush stores every row added so far: what must read them waits here.
func (i *feedbackImport) flush() error {
	if err := i.queue(true); err != nil {
		return err
	}
	return i.writer.wait()
}

// hashID hashes a (source, external id) pair with FNV-1a.
func hashID(source, externalID string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(source); i++ {
		h = (h ^ uint64(source[i])) * prime
	}
	h = (h ^ 0xff) * prime // separator: no byte of UTF-8 text is 0xff
	for i := 0; i < len(externalID); i++ {
		h = (h ^ uint64(externalID[i])) * prime
	}
	return h
}

// Commit writes the daily counts and the batch's counts and makes every
// added row visible at once.
func (i *feedbackImport) Commit() (data.ImportBatch, error) {
	return i.commit(func() func(bool) error {
		return func(write bool) error {
			if !write {
				return nil
			}
			return applyRollup(i.ctx, i.tx, i.deltas)
		}
	})
}

// ImportBatches returns every import, newest first.
func (db *DB) ImportBatches(ctx context.Context) ([]data.ImportBatch, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id, kind, source, file_name, imported_at, imported, duplicates, rejected
		FROM import_batch ORDER BY imported_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	defer rows.Close()
	var out []data.ImportBatch
	for rows.Next() {
		var b data.ImportBatch
		var at int64
		if err := rows.Scan(&b.ID, &b.Kind, &b.Source, &b.FileName, &at, &b.Imported, &b.Duplicates, &b.Rejected); err != nil {
			return nil, fmt.Errorf("list imports: %w", err)
		}
		b.ImportedAt = unixTime(at)
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	return out, tx.Commit()
}

// DeleteImportBatch removes an import and the responses or complaints it
// added (their tags, events and SLA rows go with them), keeping the
// rollups in step, in one transaction. It returns how many rows went.
func (db *DB) DeleteImportBatch(ctx context.Context, id int64) (int, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("delete import %d: %w", id, err)
	}
	defer tx.Rollback()
	n, err := deleteImportBatch(ctx, tx, id)
	if err != nil {
		return 0, fmt.Errorf("delete import %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("delete import %d: %w", id, err)
	}
	return n, nil
}

func deleteImportBatch(ctx context.Context, tx *sql.Tx, id int64) (int, error) {
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM import_batch WHERE id = ?)`, id).Scan(&exists); err != nil {
		return 0, err
	}
	if !exists {
		return 0, data.ErrNotFound
	}
	rows, err := tx.QueryContext(ctx, `SELECT day, channel, touchpoint, score, count(*) FROM feedback
		WHERE batch_id = ? GROUP BY day, channel, touchpoint, score`, id)
	if err != nil {
		return 0, err
	}
	deltas := rollupDeltas{}
	total := 0
	for rows.Next() {
		var k rollupKey
		var score sql.NullInt64
		var n int64
		if err := rows.Scan(&k.day, &k.channel, &k.touchpoint, &score, &n); err != nil {
			rows.Close()
			return 0, err
		}
		deltas.add(k, scoreOf(score), -n)
		total += int(n)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return 0, err
	}
	if err := rows.Close(); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM feedback WHERE batch_id = ?`, id); err != nil {
		return 0, err
	}
	if err := applyRollup(ctx, tx, deltas); err != nil {
		return 0, err
	}
	complaints, err := deleteBatchComplaints(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	total += complaints
	if _, err := tx.ExecContext(ctx, `DELETE FROM import_batch WHERE id = ?`, id); err != nil {
		return 0, mapErr(err)
	}
	return total, nil
}
