package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"caredesk/data"
)

// complaintColumns are read by queryComplaints; the names and the tier come
// from joins.
const complaintColumns = `c.id, c.source, c.external_id, coalesce(c.batch_id, 0), c.opened_at, coalesce(c.client_id, 0),
	coalesce(cl.name, ''), c.tier, c.channel, c.type, coalesce(c.category_id, 0), coalesce(c.subcategory_id, 0),
	coalesce(nullif(cat.name_en, ''), cat.name_ru, ''), coalesce(nullif(sub.name_en, ''), sub.name_ru, ''),
	c.priority, c.subject, c.description, coalesce(c.assignee_id, 0), coalesce(emp.name, ''), c.level, c.status,
	c.resolution, c.compensation, c.verdict,
	c.first_response_at, c.first_resolved_at, c.resolved_at, c.waiting, c.reopened_spans, c.escalations, c.agents, c.withdrawn`

const complaintFrom = ` FROM complaint c
	LEFT JOIN client cl ON cl.id = c.client_id
	LEFT JOIN category cat ON cat.id = c.category_id
	LEFT JOIN category sub ON sub.id = c.subcategory_id
	LEFT JOIN employee emp ON emp.id = c.assignee_id`

// queryComplaints runs a query selecting complaintColumns. Facts come from
// the derived columns (Complaint(id) derives them from the events).
func queryComplaints(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]data.Complaint, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Complaint
	for rows.Next() {
		var (
			c                      data.Complaint
			opened                 int64
			channel, typ, priority string
			level, status, verdict string
			fr, firstRes, res      sql.NullInt64
			waiting, reopened      string
			escalations, agents    int
			withdrawn              bool
		)
		if err := rows.Scan(&c.ID, &c.Source, &c.ExternalID, &c.BatchID, &opened, &c.ClientID, &c.ClientName, &c.ClientTier,
			&channel, &typ, &c.CategoryID, &c.SubcategoryID, &c.Category, &c.Subcategory, &priority, &c.Subject,
			&c.Description, &c.AssigneeID, &c.Assignee, &level, &status, &c.Resolution, &c.Compensation, &verdict,
			&fr, &firstRes, &res, &waiting, &reopened, &escalations, &agents, &withdrawn); err != nil {
			return nil, err
		}
		c.OpenedAt = unixTime(opened)
		c.Channel, c.Type, c.Priority = data.Channel(channel), data.ComplaintType(typ), data.Priority(priority)
		c.Level, c.Status, c.Verdict = data.Level(level), data.Status(status), data.Verdict(verdict)
		c.Facts = storedFacts(c.Status, nullPtr(fr), nullPtr(res), waiting, reopened)
		if firstRes.Valid {
			c.Facts.FirstResolvedAt = unixTime(firstRes.Int64)
		}
		c.Facts.AssigneeID, c.Facts.Escalations, c.Facts.Agents, c.Facts.Withdrawn = c.AssigneeID, escalations, agents, withdrawn
		out = append(out, c)
	}
	return out, rows.Err()
}

// readComplaint reads one complaint with its events and facts derived
// from them.
func readComplaint(ctx context.Context, tx *sql.Tx, id int64) (data.Complaint, error) {
	rows, err := queryComplaints(ctx, tx, `SELECT `+complaintColumns+complaintFrom+` WHERE c.id = ?`, id)
	if err != nil {
		return data.Complaint{}, err
	}
	if len(rows) == 0 {
		return data.Complaint{}, data.ErrNotFound
	}
	c := rows[0]
	if c.Events, err = loadEvents(ctx, tx, id); err != nil {
		return data.Complaint{}, err
	}
	c.Facts = data.DeriveFacts(c.Events)
	return c, nil
}

// loadEvents returns a complaint's events by time, then id.
func loadEvents(ctx context.Context, tx *sql.Tx, id int64) ([]data.ComplaintEvent, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, at, kind, status, level, assignee_id, note, undated, cancelled FROM complaint_event
		WHERE complaint_id = ? ORDER BY at, id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.ComplaintEvent
	for rows.Next() {
		e := data.ComplaintEvent{ComplaintID: id}
		var at int64
		var kind, status, level string
		if err := rows.Scan(&e.ID, &at, &kind, &status, &level, &e.AssigneeID, &e.Note, &e.Undated, &e.Cancelled); err != nil {
			return nil, err
		}
		e.At, e.Kind, e.Status, e.Level = unixTime(at), data.EventKind(kind), data.Status(status), data.Level(level)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Complaint returns one complaint with its events and facts.
func (db *DB) Complaint(ctx context.Context, id int64) (data.Complaint, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return data.Complaint{}, fmt.Errorf("read complaint %d: %w", id, err)
	}
	defer tx.Rollback()
	c, err := readComplaint(ctx, tx, id)
	if err != nil {
		return data.Complaint{}, fmt.Errorf("read complaint %d: %w", id, err)
	}
	return c, tx.Commit()
}

// judgeFor loads what complaints are judged with inside tx.
func (db *DB) judgeFor(ctx context.Context, tx *sql.Tx, now time.Time) (*judge, error) {
	cal, err := workCalendar(ctx, tx)
	if err != nil {
		return nil, err
	}
	standards, err := loadStandards(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &judge{loc: db.Location(), cal: cal, standards: standards, now: now}, nil
}

// complaintWrite is one transaction changing complaints: each change
// subtracts the complaint's stored contribution, changes the rows, then
// derives and stores everything again; the rollups are written at the end.
type complaintWrite struct {
	ctx    context.Context
	tx     *sql.Tx
	j      *judge
	deltas *complaintDeltas
}

func (db *DB) beginComplaintWrite(ctx context.Context) (*complaintWrite, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	j, err := db.judgeFor(ctx, tx, time.Now())
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	return &complaintWrite{ctx: ctx, tx: tx, j: j, deltas: newComplaintDeltas()}, nil
}

func (w *complaintWrite) commit() error {
	if err := w.deltas.apply(w.ctx, w.tx); err != nil {
		return err
	}
	return w.tx.Commit()
}

// refresh re-derives complaint id from its stored fields and events,
// writes the derived columns, event marks and SLA rows, and adds its
// contribution to the rollups.
func (w *complaintWrite) refresh(id int64) (data.Complaint, error) {
	ctx, tx := w.ctx, w.tx
	c, err := readComplaint(ctx, tx, id)
	if err != nil {
		return c, err
	}
	if err := c.Validate(); err != nil {
		return c, err
	}
	d := w.j.derive(&c, c.Events)
	_, err = tx.ExecContext(ctx, `UPDATE complaint SET opened_day = ?, status = ?, status_rank = ?, level = ?, assignee_id = ?,
		first_response_at = ?, first_resolved_at = ?, resolved_at = ?, resolved_day = ?, reopens = ?, escalations = ?, agents = ?,
		fr_calendar = ?, fr_working = ?, res_calendar = ?, res_working = ?, waiting = ?, reopened_spans = ?, due_at = ?,
		withdrawn = ? WHERE id = ?`, derivedArgs(&c, &d, id)...)
	if err != nil {
		return c, mapErr(err)
	}
	if err := setBreachMark(ctx, tx, id, d.breached); err != nil {
		return c, err
	}
	for i, e := range c.Events {
		if _, err := tx.ExecContext(ctx, `UPDATE complaint_event SET day = ?, flow = ? WHERE complaint_id = ? AND id = ?`,
			int64(d.eventDays[i]), d.eventFlows[i], id, e.ID); err != nil {
			return c, err
		}
	}
	if err := deleteSLARows(ctx, tx, id); err != nil {
		return c, err
	}
	sw := newSLAWriter(ctx, tx, w.j.loc)
	defer sw.close()
	for i := range d.sla {
		if err := sw.add(id, &d.sla[i]); err != nil {
			return c, err
		}
	}
	if err := sw.flush(); err != nil {
		return c, err
	}
	r := rollupRowOf(&c, &d)
	w.deltas.addRow(&r, 1)
	w.deltas.addResults(d.sla, w.j.loc, 1)
	// Read again for the names the new derived columns join to.
	return readComplaint(ctx, tx, id)
}

// derivedArgs are the derived column values in the order of the UPDATE
// in refresh, followed by id.
func derivedArgs(c *data.Complaint, d *derivedComplaint, id int64) []any {
	var b complaintBoxes
	return append(appendDerived(make([]any, 0, complaintArgs), c, d, &b), id)
}

// appendDerived appends the derived columns of complaintInsertCols
// (opened_day on) to dst, boxing repeated values through b.
func appendDerived(dst []any, c *data.Complaint, d *derivedComplaint, b *complaintBoxes) []any {
	f := &d.facts
	var resDay any
	if !f.ResolvedAt.IsZero() {
		resDay = b.resolvedDay.of(int64(d.resDay))
	}
	dst = append(dst, b.openedDay.of(int64(d.openedDay)), b.status.of(string(f.Status)), statusRank(f.Status), b.level.of(string(c.Level)),
		nullID(f.AssigneeID), unixOrNil(f.FirstResponseAt), unixOrNil(f.FirstResolvedAt), unixOrNil(f.ResolvedAt), resDay,
		len(f.Reopens)+f.UndatedReopens, f.Escalations, f.Agents)
	for _, du := range d.durations {
		if du.ok {
			dst = append(dst, int64(du.d/time.Second))
		} else {
			dst = append(dst, nil)
		}
	}
	return append(dst, encodeSpans(f.Waiting), encodeSpans(reopenSpans(*f)), d.dueAt, f.Withdrawn)
}

func deleteSLARows(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM complaint_sla WHERE standard_id IN (SELECT id FROM standard) AND complaint_id = ?`, id)
	return err
}

func statusRank(s data.Status) int { return slices.Index(data.Statuses, s) }

func priorityRank(p data.Priority) int { return slices.Index(data.Priorities, p) }

// nameCache links complaints to the client, category, subcategory and
// assignee their names give, creating the missing ones, and remembers
// each name: an import meets the same few names again and again.
type nameCache struct {
	clients    *importClients
	categories map[categoryKey]int64
	employees  map[string]int64
}

type categoryKey struct {
	parent int64
	name   string
}

func newNameCache() nameCache {
	return nameCache{clients: newImportClients("tier"), categories: map[categoryKey]int64{}, employees: map[string]int64{}}
}

// resolveNames links one complaint (see nameCache.resolve).
func resolveNames(ctx context.Context, tx *sql.Tx, c *data.Complaint) error {
	names := newNameCache()
	return names.resolve(ctx, tx, c)
}

// resolve sets c's ids from its names where they are not set, and
// c.ClientTier from the client.
func (n *nameCache) resolve(ctx context.Context, tx *sql.Tx, c *data.Complaint) error {
	var err error
	switch {
	case c.ClientID != 0:
		if c.ClientTier, err = clientTier(ctx, tx, c.ClientID); err != nil {
			return err
		}
	case strings.TrimSpace(c.ClientName) != "":
		if c.ClientID, c.ClientTier, err = n.clients.find(ctx, tx, c.ClientName, c.ClientTier); err != nil {
			return fmt.Errorf("client %q: %w", c.ClientName, err)
		}
	default:
		c.ClientTier = ""
	}
	category := func(what, name string, parent int64) (int64, error) {
		// Remembered as written too: most rows repeat a spelling, and
		// lowering it made a string a row.
		if id, ok := n.categories[categoryKey{parent, name}]; ok {
			return id, nil
		}
		k := categoryKey{parent, strings.ToLower(strings.TrimSpace(name))}
		id, ok := n.categories[k]
		if !ok {
			var err error
			if id, err = categoryByName(ctx, tx, name, parent); err != nil {
				return 0, fmt.Errorf("%s %q: %w", what, name, err)
			}
			n.categories[k] = id
		}
		n.categories[categoryKey{parent, name}] = id
		return id, nil
	}
	if c.CategoryID == 0 && strings.TrimSpace(c.Category) != "" {
		if c.CategoryID, err = category("category", c.Category, 0); err != nil {
			return err
		}
	}
	if c.SubcategoryID == 0 && strings.TrimSpace(c.Subcategory) != "" && c.CategoryID != 0 {
		if c.SubcategoryID, err = category("subcategory", c.Subcategory, c.CategoryID); err != nil {
			return err
		}
	}
	if c.AssigneeID == 0 && strings.TrimSpace(c.Assignee) != "" {
		if c.AssigneeID, err = n.employee(ctx, tx, c.Assignee); err != nil {
			return err
		}
	}
	// An imported history names whom each assignment went to.
	for i := range c.Events {
		e := &c.Events[i]
		if e.Kind == data.EventAssign && e.AssigneeID == 0 && strings.TrimSpace(e.Assignee) != "" {
			if e.AssigneeID, err = n.employee(ctx, tx, e.Assignee); err != nil {
				return err
			}
		}
	}
	return nil
}

// employee returns the id of the employee named name, creating one the
// first time a name is met.
func (n *nameCache) employee(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	// Remembered as written too, like categories.
	if id, ok := n.employees[name]; ok {
		return id, nil
	}
	key := nocaseKey(name)
	id, ok := n.employees[key]
	if !ok {
		var err error
		if id, err = employeeByName(ctx, tx, name); err != nil {
			return 0, fmt.Errorf("employee %q: %w", name, err)
		}
		n.employees[key] = id
	}
	n.employees[name] = id
	return id, nil
}

// initialEvents completes the history of a new complaint: the "new"
// status at opening when there is no status event, and an assignment or
// escalation event for an assignee or level given without one, so that
// what the form shows follows from the events.
func initialEvents(c *data.Complaint) []data.ComplaintEvent {
	has := func(k data.EventKind) bool {
		return slices.ContainsFunc(c.Events, func(e data.ComplaintEvent) bool { return e.Kind == k })
	}
	// The given events are extended in place when they have room (an
	// import's history is made with room for two more; copying them was a
	// fifth of what a ticket import allocated), or else copied once with
	// room for the three that may be added.
	evs := c.Events
	if !has(data.EventStatus) {
		evs = make([]data.ComplaintEvent, 1, len(c.Events)+3)
		evs[0] = data.ComplaintEvent{At: c.OpenedAt, Kind: data.EventStatus, Status: data.StatusNew}
		evs = append(evs, c.Events...)
	} else if cap(evs)-len(evs) < 2 {
		evs = append(make([]data.ComplaintEvent, 0, len(c.Events)+2), c.Events...)
	}
	if c.AssigneeID != 0 && !has(data.EventAssign) {
		evs = append(evs, data.ComplaintEvent{At: c.OpenedAt, Kind: data.EventAssign, AssigneeID: c.AssigneeID})
	}
	if c.Level != "" && c.Level != data.LevelFrontline && !has(data.EventEscalation) {
		evs = append(evs, data.ComplaintEvent{At: c.OpenedAt, Kind: data.EventEscalation, Level: c.Level})
	}
	slices.SortStableFunc(evs, func(a, b data.ComplaintEvent) int { return a.At.Compare(b.At) })
	for i := range evs {
		evs[i].ID = int64(i + 1)
	}
	return evs
}

// CreateComplaint stores c with its events (see initialEvents) and sets
// c.ID, the derived fields and the events' ids. Without a source it is a
// manual entry with a generated external id.
func (db *DB) CreateComplaint(ctx context.Context, c *data.Complaint) error {
	if err := c.Validate(); err != nil {
		return err
	}
	w, err := db.beginComplaintWrite(ctx)
	if err != nil {
		return fmt.Errorf("create complaint: %w", err)
	}
	defer w.tx.Rollback()
	if err := w.create(c); err != nil {
		return fmt.Errorf("create complaint %q: %w", c.ExternalID, err)
	}
	saved, err := w.refresh(c.ID)
	if err != nil {
		return fmt.Errorf("create complaint %q: %w", c.ExternalID, err)
	}
	if err := w.commit(); err != nil {
		return fmt.Errorf("create complaint %q: %w", c.ExternalID, err)
	}
	*c = saved
	return nil
}

func (w *complaintWrite) create(c *data.Complaint) error {
	ctx, tx := w.ctx, w.tx
	if c.Source == "" {
		c.Source = SourceManual
	}
	if c.ExternalID == "" {
		c.ExternalID = newExternalID()
	}
	if err := resolveNames(ctx, tx, c); err != nil {
		return err
	}
	if c.AssigneeID != 0 {
		if err := employeeExists(ctx, tx, c.AssigneeID); err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO complaint (source, external_id, batch_id, opened_at, opened_day, client_id, tier,
		channel, type, category_id, subcategory_id, priority, priority_rank, subject, description, resolution, compensation, verdict,
		status, status_rank, level) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 0, 'frontline')`,
		c.Source, c.ExternalID, nullID(c.BatchID), c.OpenedAt.Unix(), nullID(c.ClientID), c.ClientTier, string(c.Channel),
		string(c.Type), nullID(c.CategoryID), nullID(c.SubcategoryID), string(c.Priority), priorityRank(c.Priority),
		c.Subject, c.Description, c.Resolution, c.Compensation, string(c.Verdict))
	if err != nil {
		return mapErr(err)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	for _, e := range initialEvents(c) {
		if err := insertEvent(ctx, tx, c.ID, &e); err != nil {
			return err
		}
	}
	return nil
}

func insertEvent(ctx context.Context, tx *sql.Tx, complaintID int64, e *data.ComplaintEvent) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO complaint_event (complaint_id, id, at, kind, status, level, assignee_id, note, undated, cancelled, day)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`, complaintID, e.ID, e.At.Unix(), string(e.Kind), string(e.Status), string(e.Level),
		e.AssigneeID, e.Note, e.Undated, e.Cancelled)
	return mapErr(err)
}

// UpdateComplaint saves c's own fields (not its source, external id or
// batch); status, level and assignee change only through events.
func (db *DB) UpdateComplaint(ctx context.Context, c *data.Complaint) error {
	if err := c.Validate(); err != nil {
		return err
	}
	w, err := db.beginComplaintWrite(ctx)
	if err != nil {
		return fmt.Errorf("update complaint %d: %w", c.ID, err)
	}
	defer w.tx.Rollback()
	saved, err := w.update(c)
	if err != nil {
		return fmt.Errorf("update complaint %d: %w", c.ID, err)
	}
	if err := w.commit(); err != nil {
		return fmt.Errorf("update complaint %d: %w", c.ID, err)
	}
	*c = saved
	return nil
}

func (w *complaintWrite) update(c *data.Complaint) (data.Complaint, error) {
	ctx, tx := w.ctx, w.tx
	if err := subtractStored(ctx, tx, c.ID, w.deltas); err != nil {
		return data.Complaint{}, err
	}
	if err := resolveNames(ctx, tx, c); err != nil {
		return data.Complaint{}, err
	}
	var early bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM complaint_event WHERE complaint_id = ? AND at < ?)`,
		c.ID, c.OpenedAt.Unix()).Scan(&early); err != nil {
		return data.Complaint{}, err
	}
	if early {
		return data.Complaint{}, fmt.Errorf("the history has events before the new opening time: %w", data.ErrInvalid)
	}
	_, err := tx.ExecContext(ctx, `UPDATE complaint SET opened_at = ?, client_id = ?, tier = ?, channel = ?, type = ?,
		category_id = ?, subcategory_id = ?, priority = ?, priority_rank = ?, subject = ?, description = ?, resolution = ?,
		compensation = ?, verdict = ? WHERE id = ?`,
		c.OpenedAt.Unix(), nullID(c.ClientID), c.ClientTier, string(c.Channel), string(c.Type), nullID(c.CategoryID),
		nullID(c.SubcategoryID), string(c.Priority), priorityRank(c.Priority), c.Subject, c.Description, c.Resolution,
		c.Compensation, string(c.Verdict), c.ID)
	if err != nil {
		return data.Complaint{}, mapErr(err)
	}
	return w.refresh(c.ID)
}

// DeleteComplaint removes a complaint with its events and SLA rows.
func (db *DB) DeleteComplaint(ctx context.Context, id int64) error {
	w, err := db.beginComplaintWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete complaint %d: %w", id, err)
	}
	defer w.tx.Rollback()
	if err := subtractStored(ctx, w.tx, id, w.deltas); err != nil {
		return fmt.Errorf("delete complaint %d: %w", id, err)
	}
	if err := deleteSLARows(ctx, w.tx, id); err != nil {
		return fmt.Errorf("delete complaint %d: %w", id, err)
	}
	if _, err := w.tx.ExecContext(ctx, `DELETE FROM complaint WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete complaint %d: %w", id, mapErr(err))
	}
	if err := w.commit(); err != nil {
		return fmt.Errorf("delete complaint %d: %w", id, err)
	}
	return nil
}

// AddComplaintEvent appends e to complaint id. A status move must follow
// the workflow from the current status and may not be dated before the
// last status event; an escalation needs a level; no event may precede
// the opening. A zero e.At means now.
func (db *DB) AddComplaintEvent(ctx context.Context, id int64, e data.ComplaintEvent) (data.Complaint, error) {
	w, err := db.beginComplaintWrite(ctx)
	if err != nil {
		return data.Complaint{}, fmt.Errorf("add event to complaint %d: %w", id, err)
	}
	defer w.tx.Rollback()
	c, err := w.addEvent(id, e)
	if err != nil {
		return data.Complaint{}, fmt.Errorf("add %s event to complaint %d: %w", e.Kind, id, err)
	}
	if err := w.commit(); err != nil {
		return data.Complaint{}, fmt.Errorf("add event to complaint %d: %w", id, err)
	}
	return c, nil
}

func (w *complaintWrite) addEvent(id int64, e data.ComplaintEvent) (data.Complaint, error) {
	ctx, tx := w.ctx, w.tx
	if e.At.IsZero() {
		e.At = w.j.now
	}
	e.At = e.At.UTC().Truncate(time.Second)
	var (
		status           string
		opened, lastMove int64
		next             int64
	)
	err := tx.QueryRowContext(ctx, `SELECT c.status, c.opened_at,
		coalesce((SELECT max(at) FROM complaint_event WHERE complaint_id = c.id AND kind = 'status'), 0),
		coalesce((SELECT max(id) FROM complaint_event WHERE complaint_id = c.id), 0) + 1
		FROM complaint c WHERE c.id = ?`, id).Scan(&status, &opened, &lastMove, &next)
	if err != nil {
		return data.Complaint{}, mapErr(err)
	}
	if e.At.Unix() < opened {
		return data.Complaint{}, fmt.Errorf("the event is dated before the complaint was opened: %w", data.ErrInvalid)
	}
	if e.Kind != data.EventStatus {
		e.Cancelled = false // only a closing can resolve nothing
	}
	switch e.Kind {
	case data.EventStatus:
		if from := data.Status(status); !from.Allows(e) {
			return data.Complaint{}, fmt.Errorf("a complaint cannot move from %s to %s: %w", from, e.Status, data.ErrInvalid)
		}
		if e.At.Unix() < lastMove {
			return data.Complaint{}, fmt.Errorf("a status change cannot be dated before the last one: %w", data.ErrInvalid)
		}
	case data.EventEscalation:
		if !e.Level.Valid() {
			return data.Complaint{}, fmt.Errorf("unknown escalation level %q: %w", e.Level, data.ErrInvalid)
		}
	case data.EventAssign:
		if e.AssigneeID != 0 {
			if err := employeeExists(ctx, tx, e.AssigneeID); err != nil {
				return data.Complaint{}, err
			}
		}
	case data.EventReply, data.EventNote:
	default:
		return data.Complaint{}, fmt.Errorf("unknown event kind %q: %w", e.Kind, data.ErrInvalid)
	}
	if err := subtractStored(ctx, tx, id, w.deltas); err != nil {
		return data.Complaint{}, err
	}
	e.ID = next
	if err := insertEvent(ctx, tx, id, &e); err != nil {
		return data.Complaint{}, err
	}
	return w.refresh(id)
}

// DeleteComplaintEvent removes a mistaken event; the facts are derived
// again from the rest.
func (db *DB) DeleteComplaintEvent(ctx context.Context, complaintID, eventID int64) (data.Complaint, error) {
	w, err := db.beginComplaintWrite(ctx)
	if err != nil {
		return data.Complaint{}, fmt.Errorf("delete event %d of complaint %d: %w", eventID, complaintID, err)
	}
	defer w.tx.Rollback()
	c, err := w.deleteEvent(complaintID, eventID)
	if err != nil {
		return data.Complaint{}, fmt.Errorf("delete event %d of complaint %d: %w", eventID, complaintID, err)
	}
	if err := w.commit(); err != nil {
		return data.Complaint{}, fmt.Errorf("delete event %d of complaint %d: %w", eventID, complaintID, err)
	}
	return c, nil
}

func (w *complaintWrite) deleteEvent(complaintID, eventID int64) (data.Complaint, error) {
	if err := subtractStored(w.ctx, w.tx, complaintID, w.deltas); err != nil {
		return data.Complaint{}, err
	}
	res, err := w.tx.ExecContext(w.ctx, `DELETE FROM complaint_event WHERE complaint_id = ? AND id = ?`, complaintID, eventID)
	if err != nil {
		return data.Complaint{}, err
	}
	if err := mustAffect(res); err != nil {
		return data.Complaint{}, err
	}
	return w.refresh(complaintID)
}

// AssignComplaints assigns every listed complaint to assigneeID (0 =
// unassign) at at, adding an assignment event to each, in one
// transaction.
func (db *DB) AssignComplaints(ctx context.Context, ids []int64, assigneeID int64, at time.Time) error {
	w, err := db.beginComplaintWrite(ctx)
	if err != nil {
		return fmt.Errorf("assign complaints: %w", err)
	}
	defer w.tx.Rollback()
	for _, id := range ids {
		if _, err := w.addEvent(id, data.ComplaintEvent{At: at, Kind: data.EventAssign, AssigneeID: assigneeID}); err != nil {
			return fmt.Errorf("assign complaint %d: %w", id, err)
		}
	}
	if err := w.commit(); err != nil {
		return fmt.Errorf("assign complaints: %w", err)
	}
	return nil
}

// SLA judges complaint id against the standards at now: the live clock.
func (db *DB) SLA(ctx context.Context, id int64, now time.Time) ([]data.SLAResult, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("SLA of complaint %d: %w", id, err)
	}
	defer tx.Rollback()
	j, err := db.judgeFor(ctx, tx, now)
	if err != nil {
		return nil, fmt.Errorf("SLA of complaint %d: %w", id, err)
	}
	c, err := readComplaint(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("SLA of complaint %d: %w", id, err)
	}
	d := j.derive(&c, c.Events)
	return d.sla, tx.Commit()
}
