package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"caredesk/data"
)

// errImportDone is returned by an import used after Commit or Rollback.
var errImportDone = errors.New("feedback import already finished")

// feedbackImport is one import transaction. Rows go to SQLite in groups
// through prepared statements; only a group of pending rows, the per-day
// count changes, the client ids and a fixed-size filter of the ids seen are
// kept in memory, so a million-row file needs little RAM.
type feedbackImport struct {
	mu     sync.Mutex
	ctx    context.Context
	execCt context.Context // ctx without its cancellation, see duplicate
	tx     *sql.Tx
	loc    *time.Location
	batch  data.ImportBatch

	insertRows, insertTags            map[int]*sql.Stmt // multi-row INSERTs by row count
	findClient, insertClient, segment *sql.Stmt
	exists, sourceHasRows             *sql.Stmt

	nextID      int64
	pending     []any // arguments of rows added but not inserted yet
	pendingTags []any
	seen        bloom           // (source, external id) added by this import
	oldSources  map[string]bool // whether a source had rows before this import
	clients     clientCache
	deltas      rollupDeltas
	err         error // first storage failure; the transaction is gone then
	done        bool

	existingRows   int64    // rows stored before this import (approximately)
	droppedIndexes []string // CREATE INDEX statements to run again at Commit
}

// Rows are inserted in groups: one statement per group instead of per row
// saves the per-execution work (cursors on the table and every index),
// which was about half the cost of a row.
const (
	rowsPerInsert = 64
	feedbackArgs  = 11
)

// BeginFeedbackImport starts an import of one file. b.Source is required:
// external ids are unique per source, which is what makes re-importing the
// same file add nothing. The import holds the write connection until Commit
// or Rollback; reads carry on meanwhile. Cancelling ctx rolls it back.
func (db *DB) BeginFeedbackImport(ctx context.Context, b data.ImportBatch) (data.FeedbackImport, error) {
	b.Source = strings.TrimSpace(b.Source)
	if b.Source == "" {
		return nil, fmt.Errorf("begin feedback import: source is required: %w", data.ErrInvalid)
	}
	if b.Kind == "" {
		b.Kind = "feedback"
	}
	if b.ImportedAt.IsZero() {
		b.ImportedAt = time.Now()
	}
	b.ImportedAt = b.ImportedAt.UTC().Truncate(time.Second)
	b.Imported, b.Duplicates = 0, 0

	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin feedback import: %w", err)
	}
	imp := &feedbackImport{
		ctx:         ctx,
		execCt:      context.WithoutCancel(ctx),
		tx:          tx,
		loc:         db.Location(),
		clients:     clientCache{},
		deltas:      rollupDeltas{},
		insertRows:  map[int]*sql.Stmt{},
		insertTags:  map[int]*sql.Stmt{},
		oldSources:  map[string]bool{},
		pending:     make([]any, 0, rowsPerInsert*feedbackArgs),
		pendingTags: make([]any, 0, 2*rowsPerInsert),
	}
	if err := imp.begin(b); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("begin feedback import from %s: %w", b.Source, err)
	}
	return imp, nil
}

// begin records the batch (its counts are filled at Commit; rows reference
// it) and prepares the statements of the row loop.
func (i *feedbackImport) begin(b data.ImportBatch) error {
	res, err := i.tx.ExecContext(i.ctx, `INSERT INTO import_batch
		(kind, source, file_name, imported_at, imported, duplicates, rejected) VALUES (?, ?, ?, ?, 0, 0, ?)`,
		b.Kind, b.Source, b.FileName, b.ImportedAt.Unix(), b.Rejected)
	if err != nil {
		return err
	}
	if b.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	i.batch = b
	// The import holds the write lock, so it can number its rows itself and
	// insert them in groups.
	if err := i.tx.QueryRowContext(i.ctx, `SELECT coalesce(max(id), 0) + 1 FROM feedback`).Scan(&i.nextID); err != nil {
		return err
	}
	i.existingRows = i.nextID - 1
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&i.exists, `SELECT EXISTS (SELECT 1 FROM feedback WHERE source = ? AND external_id = ?)`},
		{&i.sourceHasRows, `SELECT EXISTS (SELECT 1 FROM feedback WHERE source = ?)`},
		{&i.findClient, `SELECT id, segment FROM client WHERE name = ?`},
		{&i.insertClient, `INSERT INTO client (name, segment) VALUES (?, ?)`},
		{&i.segment, `UPDATE client SET segment = ? WHERE id = ? AND segment = ''`},
	} {
		if *p.stmt, err = i.tx.PrepareContext(i.ctx, p.query); err != nil {
			return err
		}
	}
	return nil
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
	if i.err != nil {
		return false, i.err
	}
	if i.done {
		return false, errImportDone
	}
	if err := i.ctx.Err(); err != nil {
		return false, i.fail(err)
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
		id, err := i.client(f.ClientName, f.Segment)
		if err != nil {
			return false, i.fail(fmt.Errorf("client %q: %w", f.ClientName, err))
		}
		f.ClientID = id
	}
	f.Tags = normalizeTags(f.Tags)
	dup, err := i.duplicate(f.Source, f.ExternalID)
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
		i.pendingTags = append(i.pendingTags, f.ID, t)
	}
	if len(i.pending) == rowsPerInsert*feedbackArgs {
		if err := i.flush(); err != nil {
			return false, i.fail(err)
		}
	}
	i.deltas.add(rollupKey{day, string(f.Channel), f.Touchpoint}, f.Score, 1)
	i.batch.Imported++
	if i.droppedIndexes == nil && int64(i.batch.Imported) >= bulkThreshold(i.existingRows) {
		if err := i.dropSecondaryIndexes(); err != nil {
			return false, i.fail(err)
		}
	}
	return true, nil
}

// bulkThreshold is the number of rows after which an import drops the
// secondary indexes and builds them again at Commit. Keeping an index up
// to date costs SQLite about 2.5 µs a row and index; building it from
// scratch, about 0.4 µs a stored row. A large import (relative to what is
// stored) therefore goes about twice as fast without them.
func bulkThreshold(existing int64) int64 { return max(50_000, existing/4) }

// dropSecondaryIndexes drops the indexes of feedback and its tags that no
// constraint needs, remembering their definitions. Inside the transaction
// the drop is undone by a rollback; other connections keep reading through
// the indexes of their snapshot. UNIQUE constraints (duplicate detection)
// have no SQL of their own and stay.
func (i *feedbackImport) dropSecondaryIndexes() error {
	if err := i.flush(); err != nil {
		return err
	}
	rows, err := i.tx.QueryContext(i.execCt, `SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name IN ('feedback', 'feedback_tag') AND sql IS NOT NULL ORDER BY name`)
	if err != nil {
		return err
	}
	var names []string
	i.droppedIndexes = []string{}
	for rows.Next() {
		var name, ddl string
		if err := rows.Scan(&name, &ddl); err != nil {
			rows.Close()
			return err
		}
		names = append(names, name)
		i.droppedIndexes = append(i.droppedIndexes, ddl)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, name := range names {
		// The name comes from sqlite_master, not from input.
		if _, err := i.tx.ExecContext(i.execCt, `DROP INDEX "`+strings.ReplaceAll(name, `"`, `""`)+`"`); err != nil {
			return fmt.Errorf("drop index %s for a bulk import: %w", name, err)
		}
	}
	return nil
}

// duplicate reports whether (source, externalID) is already stored or
// already added by this import. The filter of ids added so far answers
// most rows of a first import without a query; a possible hit, or a source
// that had rows before, is checked in the database.
func (i *feedbackImport) duplicate(source, externalID string) (bool, error) {
	h := hashID(source, externalID)
	maybeSeen := i.seen.has(h)
	if !maybeSeen {
		old, ok := i.oldSources[source]
		if !ok {
			if err := i.sourceHasRows.QueryRowContext(i.execCt, source).Scan(&old); err != nil {
				return false, err
			}
			i.oldSources[source] = old
		}
		if !old {
			i.seen.add(h)
			return false, nil
		}
	} else if err := i.flush(); err != nil { // the earlier row may still be pending
		return false, err
	}
	// Statements run without ctx's cancellation: the driver would start a
	// watcher goroutine per call. Cancellation is still honoured: Add
	// checks ctx and database/sql rolls the transaction back when it ends.
	var exists bool
	if err := i.exists.QueryRowContext(i.execCt, source, externalID).Scan(&exists); err != nil {
		return false, err
	}
	if !exists {
		i.seen.add(h)
	}
	return exists, nil
}

// flush inserts the pending rows and then their tags.
func (i *feedbackImport) flush() error {
	if len(i.pending) > 0 {
		st, err := i.groupStmt(i.insertRows, len(i.pending)/feedbackArgs, `INSERT INTO feedback
			(id, responded_at, day, score, comment, channel, touchpoint, client_id, batch_id, source, external_id) VALUES `,
			"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(i.execCt, i.pending...); err != nil {
			return mapErr(err)
		}
		i.pending = i.pending[:0]
	}
	if len(i.pendingTags) > 0 {
		st, err := i.groupStmt(i.insertTags, len(i.pendingTags)/2, `INSERT INTO feedback_tag (feedback_id, tag) VALUES `, "(?, ?)")
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(i.execCt, i.pendingTags...); err != nil {
			return mapErr(err)
		}
		i.pendingTags = i.pendingTags[:0]
	}
	return nil
}

// groupStmt returns the prepared INSERT of n rows, preparing it once.
func (i *feedbackImport) groupStmt(cache map[int]*sql.Stmt, n int, head, row string) (*sql.Stmt, error) {
	if st := cache[n]; st != nil {
		return st, nil
	}
	var q strings.Builder
	q.WriteString(head)
	for k := 0; k < n; k++ {
		if k > 0 {
			q.WriteString(", ")
		}
		q.WriteString(row)
	}
	st, err := i.tx.PrepareContext(i.ctx, q.String())
	if err != nil {
		return nil, err
	}
	cache[n] = st
	return st, nil
}

// bloom is a Bloom filter of 64-bit hashes: "no" is certain, "yes" means
// maybe. 8 MiB keeps false positives below 1 in 10,000 at a million rows.
type bloom []uint64

const bloomBits = 1 << 26

func (b *bloom) add(h uint64) {
	if *b == nil {
		*b = make(bloom, bloomBits/64)
	}
	h1, h2 := h, h>>32|h<<32
	for k := uint64(0); k < 3; k++ {
		bit := (h1 + k*h2) % bloomBits
		(*b)[bit/64] |= 1 << (bit % 64)
	}
}

func (b bloom) has(h uint64) bool {
	if b == nil {
		return false
	}
	h1, h2 := h, h>>32|h<<32
	for k := uint64(0); k < 3; k++ {
		bit := (h1 + k*h2) % bloomBits
		if b[bit/64]&(1<<(bit%64)) == 0 {
			return false
		}
	}
	return true
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

// client finds or creates a client by name through the import's cache.
func (i *feedbackImport) client(name, segment string) (int64, error) {
	name, segment = strings.TrimSpace(name), strings.TrimSpace(segment)
	key := nocaseKey(name)
	c, ok := i.clients[key]
	if !ok {
		var current string
		err := i.findClient.QueryRowContext(i.execCt, name).Scan(&c.id, &current)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			res, err := i.insertClient.ExecContext(i.execCt, name, segment)
			if err != nil {
				return 0, mapErr(err)
			}
			if c.id, err = res.LastInsertId(); err != nil {
				return 0, err
			}
			current = segment
		case err != nil:
			return 0, err
		}
		c.hasSegment = current != ""
	}
	if !c.hasSegment && segment != "" {
		if _, err := i.segment.ExecContext(i.execCt, segment, c.id); err != nil {
			return 0, err
		}
		c.hasSegment = true
	}
	i.clients[key] = c
	return c.id, nil
}

// fail ends the import after a storage error or cancellation.
func (i *feedbackImport) fail(err error) error {
	i.err = fmt.Errorf("feedback import from %s: %w", i.batch.Source, err)
	i.tx.Rollback()
	return i.err
}

// Commit writes the daily counts and the batch's counts and makes every
// added row visible at once.
func (i *feedbackImport) Commit() (data.ImportBatch, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.err != nil {
		return data.ImportBatch{}, i.err
	}
	if i.done {
		return data.ImportBatch{}, errImportDone
	}
	if err := i.ctx.Err(); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	if err := i.flush(); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	for _, ddl := range i.droppedIndexes {
		if _, err := i.tx.ExecContext(i.ctx, ddl); err != nil {
			return data.ImportBatch{}, i.fail(fmt.Errorf("rebuild index after a bulk import: %w", err))
		}
	}
	if err := applyRollup(i.ctx, i.tx, i.deltas); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	b := i.batch
	if _, err := i.tx.ExecContext(i.ctx, `UPDATE import_batch SET imported = ?, duplicates = ?, rejected = ? WHERE id = ?`,
		b.Imported, b.Duplicates, b.Rejected, b.ID); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	if err := i.tx.Commit(); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	i.done = true
	return b, nil
}

// Rollback discards the import; after Commit it does nothing.
func (i *feedbackImport) Rollback() error {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.done || i.err != nil {
		return nil
	}
	i.done = true
	if err := i.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("roll back feedback import from %s: %w", i.batch.Source, err)
	}
	return nil
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
