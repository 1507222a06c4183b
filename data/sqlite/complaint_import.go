package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"caredesk/data"
)

// complaintImport is one complaint import transaction. Complaints are
// derived in Go (facts, durations, SLA outcomes) and go to SQLite in
// groups with their events and SLA rows; the rollup changes are summed in
// memory and written at Commit.
type complaintImport struct {
	*bulkImport
	j *judge

	insertRows map[int]string
	sla        *slaWriter
	writer     *groupWriter

	pending []any
	// The events of queued and pending complaints: most need only the
	// plain columns (status changes, replies, assignments), the rest (a
	// level, a note, undated, cancelled) all of them.
	events, fullEvents *rowGroups
	breached           []int64 // pending complaints with a breach mark
	names              nameCache
	deltas             *complaintDeltas
	boxes              complaintBoxes
}

// complaintBoxes box the values a complaint import binds most often
// (see boxes.go).
type complaintBoxes struct {
	id, batch, openedDay, resolvedDay, eventDay                                     intBox
	source, tier, channel, typ, priority, verdict, status, level, kind, eventStatus textBoxes
}

// Rows a multi-row INSERT stores: 64 complaints and 128 events took a
// million tickets 3-5% faster than 32 and 64 (fewer statements, fewer
// hand-offs to the writer); 128 and 256 were no faster.
const (
	complaintsPerInsert = 64
	complaintArgs       = 38
	eventsPerInsert     = 128
	eventArgs           = 12
	plainEventArgs      = 8
)

const complaintInsertCols = `id, source, external_id, batch_id, opened_at, client_id, tier, channel, type, category_id,
	subcategory_id, priority, priority_rank, subject, description, resolution, compensation, verdict,
	opened_day, status, status_rank, level, assignee_id, first_response_at, first_resolved_at, resolved_at, resolved_day,
	reopens, escalations, agents, fr_calendar, fr_working, res_calendar, res_working, waiting, reopened_spans, due_at, withdrawn`

// BeginComplaintImport starts an import of one file of complaints (kind
// "complaints"). b.Source is required: external ids are unique per source,
// so re-importing a file adds nothing. The import holds the write
// connection until Commit or Rollback; cancelling ctx rolls it back.
func (db *DB) BeginComplaintImport(ctx context.Context, b data.ImportBatch) (data.ComplaintImport, error) {
	b.Kind = "complaints"
	// complaint_sla's index of open items too: kept live, its three
	// insertion points per group cost a ticket import into a store with
	// standards 4% of its speed.
	base, err := db.newBulkImport(ctx, importTarget{what: "complaint", table: "complaint",
		indexTables: []string{"complaint", "complaint_sla"}, bulkAfter: complaintBulkThreshold}, &b)
	if err != nil {
		return nil, err
	}
	j, err := db.judgeFor(ctx, base.tx, time.Now())
	if err != nil {
		base.abort()
		return nil, fmt.Errorf("begin complaint import: %w", err)
	}
	imp := &complaintImport{
		bulkImport: base,
		j:          j,
		insertRows: map[int]string{},
		names:      newNameCache(),
		deltas:     newComplaintDeltas(),
		pending:    make([]any, 0, complaintsPerInsert*complaintArgs),
		events: newRowGroups(importInsert+`complaint_event (complaint_id, id, at, kind, status, assignee_id, day, flow) VALUES `,
			plainEventArgs, eventsPerInsert),
		fullEvents: newRowGroups(importInsert+`complaint_event
			(complaint_id, id, at, kind, status, level, assignee_id, note, day, flow, undated, cancelled) VALUES `, eventArgs, eventsPerInsert),
		sla:    newSLAWriter(base.execCt, base.tx, j.loc),
		writer: newGroupWriter(base.execCt, base.conn),
	}
	imp.sla.queue = imp.writer
	base.flush = imp.flush
	base.bulkStarted = func() error { return imp.names.clients.loadAll(base.execCt, base.tx, db.read) }
	base.checkKeys = func() error { return imp.names.clients.checkStored(base.execCt, base.tx) }
	base.release = func() {
		imp.writer.close()
		imp.sla.close()
	}
	if err := imp.begin(b); err != nil {
		base.abort()
		return nil, fmt.Errorf("begin complaint import from %s: %w", b.Source, err)
	}
	return imp, nil
}

// Add stores one complaint with its events. A complaint failing
// validation is counted as rejected and its error returned; the import
// goes on. A storage error ends the import (rolled back) and is returned
// by every later call. c gets its ID, BatchID, Source, ExternalID, the
// linked ids and the derived fields set.
func (i *complaintImport) Add(c *data.Complaint) (bool, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if err := i.usable(); err != nil {
		return false, err
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
	dup, err := i.duplicate(c.Source, c.ExternalID, i.nextID)
	if err != nil {
		return false, i.fail(err)
	}
	if dup {
		i.batch.Duplicates++
		return false, nil
	}
	if err := i.names.resolve(i.execCt, i.tx, c); err != nil {
		return false, i.fail(err)
	}
	c.ID, c.BatchID = i.nextID, i.batch.ID
	i.nextID++
	c.Events = initialEvents(c)
	d := i.j.derive(c, c.Events)
	b := &i.boxes
	id := b.id.of(c.ID)
	i.pending = append(i.pending, id, b.source.of(c.Source), c.ExternalID, b.batch.of(c.BatchID), c.OpenedAt.Unix(), nullID(c.ClientID),
		b.tier.of(c.ClientTier), b.channel.of(string(c.Channel)), b.typ.of(string(c.Type)), nullID(c.CategoryID), nullID(c.SubcategoryID),
		b.priority.of(string(c.Priority)), priorityRank(c.Priority), c.Subject, c.Description, c.Resolution, c.Compensation,
		b.verdict.of(string(c.Verdict)))
	i.pending = appendDerived(i.pending, c, &d, b)
	if d.breached {
		i.breached = append(i.breached, c.ID)
	}
	for k := range c.Events {
		e := &c.Events[k]
		e.ComplaintID = c.ID
		if e.Level == "" && e.Note == "" && !e.Undated && !e.Cancelled {
			i.events.pending = append(i.events.pending, id, e.ID, e.At.Unix(), b.kind.of(string(e.Kind)), b.eventStatus.of(string(e.Status)),
				e.AssigneeID, b.eventDay.of(int64(d.eventDays[k])), d.eventFlows[k])
			continue
		}
		i.fullEvents.pending = append(i.fullEvents.pending, id, e.ID, e.At.Unix(), b.kind.of(string(e.Kind)), b.eventStatus.of(string(e.Status)),
			string(e.Level), e.AssigneeID, e.Note, b.eventDay.of(int64(d.eventDays[k])), d.eventFlows[k], e.Undated, e.Cancelled)
	}
	if len(i.pending) >= complaintsPerInsert*complaintArgs {
		if err := i.queue(false); err != nil {
			return false, i.fail(err)
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
	if err := i.dropIndexesIfBulk(); err != nil {
		return false, i.fail(err)
	}
	return true, nil
}

// complaintBulkThreshold is the number of tickets after which an import
// drops complaint's secondary indexes and builds them again at Commit. A
// complaint has eleven: keeping them up to date costs about 30 µs a
// ticket, building one from scratch about 1 µs a stored row, so dropping
// pays once an import adds an eighth of what is stored.
func complaintBulkThreshold(existing int64) int64 { return max(2_000, existing/8) }

// queue hands the writer the new clients the pending complaints name,
// the complaints with their breach marks, then their events in full
// groups; with all, the rest of the events and the SLA rows too. Each
// waits for what it refers to: the complaints for their clients, the
// events for their complaints; SLA rows go by themselves as their groups
// fill. Groups have set sizes (see rowGroups): each size is a statement
// of its own, and a group's parameters are limited.
func (i *complaintImport) queue(all bool) error {
	if err := i.names.clients.queue(i.writer); err != nil {
		return err
	}
	if n := len(i.pending) / complaintArgs; n > 0 {
		q := groupSQL(i.insertRows, n, importInsert+`complaint (`+complaintInsertCols+`) VALUES `, "("+placeholders(complaintArgs)+")")
		var err error
		if i.pending, err = i.writer.queue(q, i.pending); err != nil {
			return err
		}
		if err := i.queueBreachMarks(); err != nil {
			return err
		}
	}
	for _, g := range []*rowGroups{i.events, i.fullEvents} {
		if err := g.queue(i.writer, all); err != nil {
			return err
		}
	}
	if all {
		return i.sla.flush()
	}
	return nil
}

// queueBreachMarks hands the breach marks of the queued complaints to the
// writer.
func (i *complaintImport) queueBreachMarks() error {
	if len(i.breached) == 0 {
		return nil
	}
	_, err := i.writer.queue(markBreachedQuery, []any{jsonIDs(i.breached)})
	i.breached = i.breached[:0]
	return err
}

// flush stores every complaint added so far: what must read them waits
// here.
func (i *complaintImport) flush() error {
	if err := i.queue(true); err != nil {
		return err
	}
	return i.writer.wait()
}

// Commit writes the rollups and the batch's counts and makes every added
// complaint visible at once. The rollups' stored rows are read and
// merged with the import's changes on another goroutine, through the
// read connection, while the indexes are rebuilt (see merge): the
// rebuild keeps one core busy, the merge took 0.3 s of a million tickets.
func (i *complaintImport) Commit() (data.ImportBatch, error) {
	return i.commit(func() func(bool) error {
		w := &rollupWrites{}
		merged := make(chan error, 1)
		go func() { merged <- i.deltas.merge(i.ctx, i.db.read, w) }()
		return func(write bool) error {
			if err := <-merged; err != nil || !write {
				return err
			}
			return i.deltas.write(i.ctx, i.tx, w)
		}
	})
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
