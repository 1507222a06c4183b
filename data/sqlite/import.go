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

// feedbackImport is one import transaction. Rows go straight to SQLite
// through prepared statements; only the per-day count changes and the
// client ids are kept in memory, so a million-row file needs little RAM.
type feedbackImport struct {
	mu     sync.Mutex
	ctx    context.Context
	execCt context.Context // ctx without its cancellation, see Add
	tx     *sql.Tx
	loc    *time.Location
	batch  data.ImportBatch

	insertFeedback, insertTag         *sql.Stmt
	findClient, insertClient, segment *sql.Stmt

	clients clientCache
	deltas  rollupDeltas
	err     error // first storage failure; the transaction is gone then
	done    bool
}

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
		ctx:     ctx,
		execCt:  context.WithoutCancel(ctx),
		tx:      tx,
		loc:     db.Location(),
		clients: clientCache{},
		deltas:  rollupDeltas{},
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
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&i.insertFeedback, `INSERT INTO feedback
			(responded_at, day, score, comment, channel, touchpoint, client_id, batch_id, source, external_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (source, external_id) DO NOTHING`},
		{&i.insertTag, `INSERT INTO feedback_tag (feedback_id, tag) VALUES (?, ?)`},
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
	day := data.DayOf(f.RespondedAt, i.loc)
	// Statements run without ctx's cancellation: the driver would start a
	// watcher goroutine per call. Cancellation is still honoured: ctx is
	// checked above and database/sql rolls the transaction back when ctx
	// ends.
	res, err := i.insertFeedback.ExecContext(i.execCt,
		f.RespondedAt.Unix(), int64(day), scoreArg(f.Score), f.Comment, string(f.Channel), f.Touchpoint,
		nullID(f.ClientID), i.batch.ID, f.Source, f.ExternalID)
	if err != nil {
		return false, i.fail(fmt.Errorf("external id %q: %w", f.ExternalID, mapErr(err)))
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return false, i.fail(err)
		}
		i.batch.Duplicates++
		return false, nil
	}
	if f.ID, err = res.LastInsertId(); err != nil {
		return false, i.fail(err)
	}
	for _, t := range f.Tags {
		if _, err := i.insertTag.ExecContext(i.execCt, f.ID, t); err != nil {
			return false, i.fail(fmt.Errorf("external id %q: tag %q: %w", f.ExternalID, t, err))
		}
	}
	f.BatchID = i.batch.ID
	i.deltas.add(rollupKey{day, string(f.Channel), f.Touchpoint}, f.Score, 1)
	i.batch.Imported++
	return true, nil
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
