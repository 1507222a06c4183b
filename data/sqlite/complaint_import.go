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

// complaintImport is one complaint import transaction. Complaints are
// derived in Go (facts, durations, SLA outcomes) and go to SQLite in
// groups with their events and SLA rows; the rollup changes are summed in
// memory and written at Commit.
type complaintImport struct {
	mu     sync.Mutex
	ctx    context.Context
	execCt context.Context // ctx without its cancellation (see feedbackImport.duplicate)
	tx     *sql.Tx
	j      *judge
	batch  data.ImportBatch

	insertRows, insertEvents map[int]*sql.Stmt
	exists, sourceHasRows    *sql.Stmt
	sla                      *slaWriter

	nextID        int64
	pending       []any
	pendingEvents []any
	seen          bloom
	oldSources    map[string]bool
	clients       map[string]cachedTier
	categories    map[categoryKey]int64
	employees     map[string]int64
	deltas        *complaintDeltas
	err           error
	done          bool

	existingRows   int64
	droppedIndexes []string
}

type cachedTier struct {
	id   int64
	tier string
}

type categoryKey struct {
	parent int64
	name   string
}

const (
	complaintsPerInsert = 32
	complaintArgs       = 38
	eventsPerInsert     = 64
	eventArgs           = 11
)

const complaintInsertCols = `id, source, external_id, batch_id, opened_at, client_id, tier, channel, type, category_id,
	subcategory_id, priority, priority_rank, subject, description, resolution, compensation, verdict,
	opened_day, status, status_rank, level, assignee_id, first_response_at, first_resolved_at, resolved_at, resolved_day,
	reopens, escalations, agents, fr_calendar, fr_working, res_calendar, res_working, waiting, reopened_spans, due_at, sla_breached`

// BeginComplaintImport starts an import of one file of complaints (kind
// "complaints"). b.Source is required: external ids are unique per source,
// so re-importing a file adds nothing. The import holds the write
// connection until Commit or Rollback; cancelling ctx rolls it back.
func (db *DB) BeginComplaintImport(ctx context.Context, b data.ImportBatch) (data.ComplaintImport, error) {
	b.Source = strings.TrimSpace(b.Source)
	if b.Source == "" {
		return nil, fmt.Errorf("begin complaint import: source is required: %w", data.ErrInvalid)
	}
	b.Kind = "complaints"
	if b.ImportedAt.IsZero() {
		b.ImportedAt = time.Now()
	}
	b.ImportedAt = b.ImportedAt.UTC().Truncate(time.Second)
	b.Imported, b.Duplicates = 0, 0
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin complaint import: %w", err)
	}
	j, err := db.judgeFor(ctx, tx, time.Now())
	if err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("begin complaint import: %w", err)
	}
	imp := &complaintImport{
		ctx:           ctx,
		execCt:        context.WithoutCancel(ctx),
		tx:            tx,
		j:             j,
		insertRows:    map[int]*sql.Stmt{},
		insertEvents:  map[int]*sql.Stmt{},
		oldSources:    map[string]bool{},
		clients:       map[string]cachedTier{},
		categories:    map[categoryKey]int64{},
		employees:     map[string]int64{},
		deltas:        newComplaintDeltas(),
		pending:       make([]any, 0, complaintsPerInsert*complaintArgs),
		pendingEvents: make([]any, 0, eventsPerInsert*eventArgs),
	}
	imp.sla = newSLAWriter(imp.execCt, tx, j.loc)
	if err := imp.begin(b); err != nil {
		imp.sla.close()
		tx.Rollback()
		return nil, fmt.Errorf("begin complaint import from %s: %w", b.Source, err)
	}
	return imp, nil
}

func (i *complaintImport) begin(b data.ImportBatch) error {
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
	if err := i.tx.QueryRowContext(i.ctx, `SELECT coalesce(max(id), 0) + 1 FROM complaint`).Scan(&i.nextID); err != nil {
		return err
	}
	i.existingRows = i.nextID - 1
	if i.exists, err = i.tx.PrepareContext(i.ctx, `SELECT EXISTS (SELECT 1 FROM complaint WHERE source = ? AND external_id = ?)`); err != nil {
		return err
	}
	i.sourceHasRows, err = i.tx.PrepareContext(i.ctx, `SELECT EXISTS (SELECT 1 FROM complaint WHERE source = ?)`)
	return err
}

// Add stores one complaint with its events. A complaint failing
// validation is counted as rejected and its error returned; the import
// goes on. A storage error ends the import (rolled back) and is returned
// by every later call. c gets its ID, BatchID, Source, ExternalID, the
// linked ids and the derived fields set.
func (i *complaintImport) Add(c *data.Complaint) (bool, error) {
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
	if err := c.Validate(); err != nil {
		i.batch.Rejected++
		return false, err
	}
	if c.Source == "" {
		c.Source = i.batch.Source
	}
	if c.ExternalID == "" {
		c.ExternalID = newExternalID()
	}
	dup, err := i.duplicate(c.Source, c.ExternalID)
	if err != nil {
		return false, i.fail(err)
	}
	if dup {
		i.batch.Duplicates++
		return false, nil
	}
	if err := i.resolveNames(c); err != nil {
		return false, i.fail(err)
	}
	c.ID, c.BatchID = i.nextID, i.batch.ID
	i.nextID++
	c.Events = initialEvents(c)
	d := i.j.derive(c, c.Events)
	args := derivedArgs(c, &d, c.ID)
	i.pending = append(i.pending, c.ID, c.Source, c.ExternalID, c.BatchID, c.OpenedAt.Unix(), nullID(c.ClientID), c.ClientTier,
		string(c.Channel), string(c.Type), nullID(c.CategoryID), nullID(c.SubcategoryID), string(c.Priority),
		priorityRank(c.Priority), c.Subject, c.Description, c.Resolution, c.Compensation, string(c.Verdict))
	i.pending = append(i.pending, args[:len(args)-1]...)
	if len(i.pending) == cap(i.pending) {
		if err := i.flush(); err != nil {
			return false, i.fail(err)
		}
	}
	for k := range c.Events {
		e := &c.Events[k]
		e.ComplaintID = c.ID
		i.pendingEvents = append(i.pendingEvents, c.ID, e.ID, e.At.Unix(), string(e.Kind), string(e.Status), string(e.Level),
			e.AssigneeID, e.Note, int64(d.eventDays[k]), d.eventFlows[k], e.Undated)
		if len(i.pendingEvents) == cap(i.pendingEvents) {
			if err := i.flush(); err != nil {
				return false, i.fail(err)
			}
		}
	}
	for k := range d.sla {
		if err := i.sla.add(c.ID, &d.sla[k]); err != nil {
			return false, i.fail(err)
		}
	}
	r := rollupRowOf(c, &d)
	i.deltas.addRow(&r, 1)
	i.deltas.addResults(d.sla, i.j.loc, 1)
	i.batch.Imported++
	if i.droppedIndexes == nil && int64(i.batch.Imported) >= complaintBulkThreshold(i.existingRows) {
		if err := i.dropSecondaryIndexes(); err != nil {
			return false, i.fail(err)
		}
	}
	return true, nil
}

// complaintBulkThreshold is the number of tickets after which an import
// drops complaint's secondary indexes and builds them again at Commit. A
// complaint has eleven: keeping them up to date costs about 30 µs a
// ticket, building one from scratch about 1 µs a stored row, so dropping
// pays once an import adds an eighth of what is stored.
func complaintBulkThreshold(existing int64) int64 { return max(2_000, existing/8) }

// resolveNames is resolveNames of complaint.go through the import's
// caches.
func (i *complaintImport) resolveNames(c *data.Complaint) error {
	ctx, tx := i.execCt, i.tx
	var err error
	switch {
	case c.ClientID != 0:
		if c.ClientTier, err = clientTier(ctx, tx, c.ClientID); err != nil {
			return err
		}
	case strings.TrimSpace(c.ClientName) != "":
		key := nocaseKey(c.ClientName)
		cached, ok := i.clients[key]
		if !ok || (cached.tier == "" && strings.TrimSpace(c.ClientTier) != "") {
			if cached.id, cached.tier, err = clientByNameTier(ctx, tx, c.ClientName, c.ClientTier); err != nil {
				return fmt.Errorf("client %q: %w", c.ClientName, err)
			}
			i.clients[key] = cached
		}
		c.ClientID, c.ClientTier = cached.id, cached.tier
	default:
		c.ClientTier = ""
	}
	category := func(name string, parent int64) (int64, error) {
		k := categoryKey{parent, strings.ToLower(strings.TrimSpace(name))}
		if id, ok := i.categories[k]; ok {
			return id, nil
		}
		id, err := categoryByName(ctx, tx, name, parent)
		if err != nil {
			return 0, fmt.Errorf("category %q: %w", name, err)
		}
		i.categories[k] = id
		return id, nil
	}
	if c.CategoryID == 0 && strings.TrimSpace(c.Category) != "" {
		if c.CategoryID, err = category(c.Category, 0); err != nil {
			return err
		}
	}
	if c.SubcategoryID == 0 && strings.TrimSpace(c.Subcategory) != "" && c.CategoryID != 0 {
		if c.SubcategoryID, err = category(c.Subcategory, c.CategoryID); err != nil {
			return err
		}
	}
	if c.AssigneeID == 0 && strings.TrimSpace(c.Assignee) != "" {
		key := nocaseKey(c.Assignee)
		id, ok := i.employees[key]
		if !ok {
			if id, err = employeeByName(ctx, tx, c.Assignee); err != nil {
				return fmt.Errorf("employee %q: %w", c.Assignee, err)
			}
			i.employees[key] = id
		}
		c.AssigneeID = id
	}
	return nil
}

// duplicate reports whether (source, externalID) is stored or was added by
// this import; see feedbackImport.duplicate.
func (i *complaintImport) duplicate(source, externalID string) (bool, error) {
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
	} else if err := i.flush(); err != nil {
		return false, err
	}
	var exists bool
	if err := i.exists.QueryRowContext(i.execCt, source, externalID).Scan(&exists); err != nil {
		return false, err
	}
	if !exists {
		i.seen.add(h)
	}
	return exists, nil
}

// flush inserts the pending complaints, then their events and SLA rows.
func (i *complaintImport) flush() error {
	if n := len(i.pending) / complaintArgs; n > 0 {
		st, err := groupStmt(i.ctx, i.tx, i.insertRows, n, `INSERT INTO complaint (`+complaintInsertCols+`) VALUES `,
			"("+placeholders(complaintArgs)+")")
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(i.execCt, i.pending...); err != nil {
			return mapErr(err)
		}
		i.pending = i.pending[:0]
	}
	if n := len(i.pendingEvents) / eventArgs; n > 0 {
		st, err := groupStmt(i.ctx, i.tx, i.insertEvents, n, `INSERT INTO complaint_event
			(complaint_id, id, at, kind, status, level, assignee_id, note, day, flow, undated) VALUES `, "("+placeholders(eventArgs)+")")
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(i.execCt, i.pendingEvents...); err != nil {
			return mapErr(err)
		}
		i.pendingEvents = i.pendingEvents[:0]
	}
	return i.sla.flush()
}

// dropSecondaryIndexes drops complaint's indexes for a bulk import and
// remembers them for Commit (see feedbackImport.dropSecondaryIndexes).
func (i *complaintImport) dropSecondaryIndexes() error {
	if err := i.flush(); err != nil {
		return err
	}
	rows, err := i.tx.QueryContext(i.execCt, `SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name = 'complaint' AND sql IS NOT NULL ORDER BY name`)
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
	if err := closeRows(rows); err != nil {
		return err
	}
	for _, name := range names {
		if _, err := i.tx.ExecContext(i.execCt, `DROP INDEX "`+strings.ReplaceAll(name, `"`, `""`)+`"`); err != nil {
			return fmt.Errorf("drop index %s for a bulk import: %w", name, err)
		}
	}
	return nil
}

func (i *complaintImport) fail(err error) error {
	i.err = fmt.Errorf("complaint import from %s: %w", i.batch.Source, err)
	i.sla.close()
	i.tx.Rollback()
	return i.err
}

// Commit writes the rollups and the batch's counts and makes every added
// complaint visible at once.
func (i *complaintImport) Commit() (data.ImportBatch, error) {
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
	if err := i.deltas.apply(i.ctx, i.tx); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	b := i.batch
	if _, err := i.tx.ExecContext(i.ctx, `UPDATE import_batch SET imported = ?, duplicates = ?, rejected = ? WHERE id = ?`,
		b.Imported, b.Duplicates, b.Rejected, b.ID); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	i.sla.close()
	if err := i.tx.Commit(); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	i.done = true
	return b, nil
}

// Rollback discards the import; after Commit it does nothing.
func (i *complaintImport) Rollback() error {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.done || i.err != nil {
		return nil
	}
	i.done = true
	i.sla.close()
	if err := i.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("roll back complaint import from %s: %w", i.batch.Source, err)
	}
	return nil
}

// groupStmt returns the prepared INSERT of n rows, preparing it once.
func groupStmt(ctx context.Context, tx *sql.Tx, cache map[int]*sql.Stmt, n int, head, row string) (*sql.Stmt, error) {
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
	st, err := tx.PrepareContext(ctx, q.String())
	if err != nil {
		return nil, err
	}
	cache[n] = st
	return st, nil
}

// deleteBatchComplaints removes the complaints an import added, with
// their events and SLA rows, keeping the rollups in step. A large batch
// is cheaper to take out by recounting the rollups than complaint by
// complaint.
func deleteBatchComplaints(ctx context.Context, tx *sql.Tx, batch int64) (int, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM complaint WHERE batch_id = ?`, batch).Scan(&n); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, nil
	}
	const recountAbove = 5000
	deltas := newComplaintDeltas()
	if n <= recountAbove {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM complaint WHERE batch_id = ?`, batch)
		if err != nil {
			return 0, err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return 0, err
			}
			ids = append(ids, id)
		}
		if err := closeRows(rows); err != nil {
			return 0, err
		}
		for _, id := range ids {
			if err := subtractStored(ctx, tx, id, deltas); err != nil {
				return 0, fmt.Errorf("complaint %d: %w", id, err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM complaint_sla WHERE standard_id IN (SELECT id FROM standard)
		AND complaint_id IN (SELECT id FROM complaint WHERE batch_id = ?)`, batch); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM complaint WHERE batch_id = ?`, batch); err != nil {
		return 0, mapErr(err)
	}
	if n > recountAbove {
		return n, rebuildComplaintRollups(ctx, tx)
	}
	return n, deltas.apply(ctx, tx)
}
