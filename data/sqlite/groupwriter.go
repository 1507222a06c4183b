package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// groupWriter runs an import's multi-row INSERTs on a goroutine of its
// own, in the order they are queued, so that SQLite stores one group
// while the import checks and numbers the rows of the next (its row loop
// waited for SQLite about half the time). The import's other statements may run between groups (database/sql
// serialises the calls on the connection); whatever must see the queued
// rows waits for them first.
type groupWriter struct {
	ctx     context.Context
	jobs    chan groupJob
	spare   chan []any // argument slices handed back for reuse
	pending sync.WaitGroup
	stopped sync.WaitGroup

	mu        sync.Mutex
	err       error // the first failed INSERT, or the end; later groups are skipped
	closeOnce sync.Once
}

type groupJob struct {
	stmt *sql.Stmt
	args []any
}

// groupsAhead is how many groups may wait for the writer: enough to ride
// out a slow one, few enough that memory stays flat.
const groupsAhead = 4

func newGroupWriter(ctx context.Context) *groupWriter {
	w := &groupWriter{ctx: ctx, jobs: make(chan groupJob, groupsAhead), spare: make(chan []any, groupsAhead+2)}
	w.stopped.Add(1)
	go w.run()
	return w
}

func (w *groupWriter) run() {
	defer w.stopped.Done()
	for job := range w.jobs {
		if w.failed() == nil {
			if err := execFused(w.ctx, job.stmt, job.args); err != nil {
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

func (w *groupWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// queue hands args (owned by the writer from now on) to stmt and returns
// an empty slice of the same capacity for the next group, or the error of
// an earlier group.
func (w *groupWriter) queue(stmt *sql.Stmt, args []any) ([]any, error) {
	if err := w.failed(); err != nil {
		return args, err
	}
	w.pending.Add(1)
	w.jobs <- groupJob{stmt, args}
	select {
	case next := <-w.spare:
		if cap(next) >= cap(args) {
			return next, nil
		}
	default:
	}
	return make([]any, 0, cap(args)), nil
}

// wait returns once every queued group is stored, with the first error.
func (w *groupWriter) wait() error {
	w.pending.Wait()
	return w.failed()
}

// close skips the groups still queued (an import ends with a flush, so
// there are none unless it is being rolled back) and ends the goroutine.
// The writer is not used again; a second close does nothing.
func (w *groupWriter) close() {
	w.closeOnce.Do(func() {
		w.mu.Lock()
		if w.err == nil {
			w.err = errImportDone
		}
		w.mu.Unlock()
		close(w.jobs)
		w.stopped.Wait()
	})
}
