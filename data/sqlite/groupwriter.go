package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"math/bits"
	"sync"
	"time"
)

// groupWriter runs an import's multi-row INSERTs on a goroutine of its
// own, in the order they are queued, so that SQLite stores one group
// while the import checks and numbers the rows of the next (its row loop
// waited for SQLite about half the time). The import's other statements
// may run between groups (database/sql serialises the calls on the
// connection); whatever must see the queued rows waits for them first.
//
// The groups go to the driver directly, beneath database/sql, which
// copied every group's arguments into a new slice: 440 of the 950 bytes
// a feedback row allocated. Unlike a statement of the transaction, a
// driver statement would also run outside it, so each group first checks
// that the connection is still inside one.
type groupWriter struct {
	ctx     context.Context
	conn    *sql.Conn
	jobs    chan groupJob
	spare   chan []any // argument slices handed back for reuse
	pending sync.WaitGroup
	stopped sync.WaitGroup

	// The writer goroutine's own.
	stmts map[string]driver.Stmt
	named []driver.NamedValue

	mu        sync.Mutex
	err       error // the first failed INSERT, or the end; later groups are skipped
	closeOnce sync.Once
}

type groupJob struct {
	query string
	args  []any
}

// groupsAhead is how many groups may wait for the writer: enough to ride
// out a slow one, few enough that memory stays flat.
const groupsAhead = 4

// errOutsideTransaction stops a group from being stored once the
// import's transaction has ended.
var errOutsideTransaction = errors.New("the import's transaction has ended")

func newGroupWriter(ctx context.Context, conn *sql.Conn) *groupWriter {
	w := &groupWriter{ctx: ctx, conn: conn, jobs: make(chan groupJob, groupsAhead), spare: make(chan []any, groupsAhead+2),
		stmts: map[string]driver.Stmt{}}
	w.stopped.Add(1)
	go w.run()
	return w
}

func (w *groupWriter) run() {
	defer w.stopped.Done()
	for job := range w.jobs {
		if w.failed() == nil {
			if err := w.conn.Raw(func(dc any) error { return w.exec(dc, job) }); err != nil {
				w.mu.Lock()
				w.err = mapErr(err)
				w.mu.Unlock()
			}
		}
		clear(job.args) // the strings of the rows need not stay alive
		select {
		case w.spare <- job.args[:0]:
		default:
		}
		w.pending.Done()
	}
}

// exec runs one group on the driver connection dc.
func (w *groupWriter) exec(dc any, job groupJob) error {
	if c, ok := dc.(interface{ AutoCommit() bool }); !ok || c.AutoCommit() {
		return errOutsideTransaction
	}
	st := w.stmts[job.query]
	if st == nil {
		var err error
		if st, err = dc.(driver.ConnPrepareContext).PrepareContext(w.ctx, job.query); err != nil {
			return err
		}
		w.stmts[job.query] = st
	}
	w.named = w.named[:0]
	for k, v := range job.args {
		dv, err := driverValue(v)
		if err != nil {
			return err
		}
		w.named = append(w.named, driver.NamedValue{Ordinal: k + 1, Value: dv})
	}
	// A query, not an exec: the driver then binds every argument and
	// steps in one crossing into C (see execFused).
	rows, err := st.(driver.StmtQueryContext).QueryContext(w.ctx, w.named)
	clear(w.named)
	if err != nil {
		return err
	}
	return rows.Close()
}

// driverValue is v as the driver takes it, converted as database/sql
// would convert it.
func driverValue(v any) (driver.Value, error) {
	switch v.(type) {
	case nil, int64, float64, bool, []byte, string, time.Time:
		return v, nil
	}
	return driver.DefaultParameterConverter.ConvertValue(v)
}

func (w *groupWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// queue hands args (owned by the writer from now on) to the INSERT query
// and returns an empty slice of at least the same capacity for the next
// group, or the error of an earlier group. The slice may have been any
// kind of group's: a caller ends its groups by their number of rows, not
// by a full slice.
func (w *groupWriter) queue(query string, args []any) ([]any, error) {
	if err := w.failed(); err != nil {
		return args, err
	}
	w.pending.Add(1)
	w.jobs <- groupJob{query, args}
	select {
	case next := <-w.spare:
		if cap(next) >= cap(args) {
			return next, nil
		}
	default:
	}
	return make([]any, 0, cap(args)), nil
}

// rowGroups is a kind of row an import hands the writer in groups of a
// set size, however many arrive at once (the events of a ticket, the
// tags of a response). Full groups have that size and a rest goes in
// groups of powers of two: each size is a statement of its own, a
// statement's parameters are limited, and some kinds (new clients, ahead
// of the rows that name them) queue a rest with every group of rows.
type rowGroups struct {
	head, row string         // the INSERT's head and one row's "(?, ...)"
	width     int            // arguments a row
	rows      int            // rows a group
	queries   map[int]string // INSERTs by row count
	pending   []any          // arguments of rows not queued yet
	next      []any          // the slice the next group is handed in
}

func newRowGroups(head string, width, rows int) *rowGroups {
	return &rowGroups{head: head, row: "(" + placeholders(width) + ")", width: width, rows: rows,
		queries: map[int]string{}, pending: make([]any, 0, 2*width*rows), next: make([]any, 0, width*rows)}
}

// queue hands w the pending rows in full groups, and the rest too with
// all; rows short of a group otherwise wait for the next call.
func (g *rowGroups) queue(w *groupWriter, all bool) error {
	size := g.width * g.rows
	start := 0
	for len(g.pending)-start >= size || all && len(g.pending) > start {
		k := size
		if rest := (len(g.pending) - start) / g.width; rest < g.rows {
			k = g.width << (bits.Len(uint(rest)) - 1)
		}
		var err error
		if g.next, err = w.queue(groupSQL(g.queries, k/g.width, g.head, g.row), append(g.next[:0], g.pending[start:start+k]...)); err != nil {
			return err
		}
		start += k
	}
	g.pending = append(g.pending[:0], g.pending[start:]...)
	return nil
}

// wait returns once every queued group is stored, with the first error.
func (w *groupWriter) wait() error {
	w.pending.Wait()
	return w.failed()
}

// close skips the groups still queued (an import ends with a flush, so
// there are none unless it is being rolled back), ends the goroutine and
// closes its statements. The writer is not used again; a second close
// does nothing. It must come before the connection is given back.
func (w *groupWriter) close() {
	w.closeOnce.Do(func() {
		w.mu.Lock()
		if w.err == nil {
			w.err = errImportDone
		}
		w.mu.Unlock()
		close(w.jobs)
		w.stopped.Wait()
		w.conn.Raw(func(any) error {
			for _, st := range w.stmts {
				st.Close()
			}
			return nil
		})
	})
}
