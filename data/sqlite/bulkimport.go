package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"caredesk/data"
)

// errImportDone is returned by an import used after Commit or Rollback.
var errImportDone = errors.New("import already finished")

// importInsert begins the multi-row INSERTs of an import. A multi-row
// statement that may fail halfway makes SQLite copy every page it
// changes into a statement journal first, so that the failure can be
// undone alone: 2.4 GB of copies for a million tickets. An import fails
// whole anyway, so a broken constraint rolls back the whole transaction
// (OR ROLLBACK), and foreign keys, whose checks would still need the
// journal, are off for the import's connection (see newBulkImport):
// every key an import writes is one it numbered or looked up itself, in
// a transaction that holds the write lock, and before it commits the
// clients it numbered are counted (checkKeys).
const importInsert = "INSERT OR ROLLBACK INTO "

// bulkImport is what the feedback and the complaint imports share: one
// write transaction holding the batch row; a storage error or
// cancellation that rolls it back and is returned by every later call;
// row ids numbered by the import; duplicate detection by (source,
// external id); and the secondary indexes (the unique one of (source,
// external id) too, where it is a named index) dropped for a large import
// and built again at Commit.
type bulkImport struct {
	importTarget
	db     *DB
	mu     sync.Mutex
	ctx    context.Context
	execCt context.Context // ctx without its cancellation, see duplicate
	conn   *sql.Conn       // the write connection, held until the end
	tx     *sql.Tx
	batch  data.ImportBatch

	exists, sourceHasRows, hasKey *sql.Stmt

	nextID int64
	// seen holds every pair this import added and, once the unique index
	// is dropped, every stored pair of the import's sources.
	seen          keySet
	oldSources    map[string]bool // whether a source had rows before this import
	loadedSources map[string]bool // sources whose stored rows are in seen
	uniqueDropped bool            // duplicates can no longer be looked up by index
	err           error           // first storage failure; the transaction is gone then
	done          bool

	existingRows   int64    // rows stored before this import (approximately)
	bulkAt         int64    // rows added after which the indexes go
	droppedIndexes []string // CREATE INDEX statements to run again at Commit

	flush       func() error // the owner's: inserts the rows added but not inserted yet
	checkKeys   func() error // the owner's, if any: run after the last flush, fails the import if a key it wrote names nothing
	release     func()       // the owner's: closes what it prepared
	bulkStarted func() error // the owner's, if any: called once the indexes are dropped
}

// importTarget is where an import's rows go.
type importTarget struct {
	what        string                     // "feedback" or "complaint", for errors
	table       string                     // the rows' table: numbered and checked for duplicates
	uniqueIndex string                     // the named unique index of (source, external_id); "" if a constraint's
	indexTables []string                   // whose secondary indexes a bulk import drops
	bulkAfter   func(existing int64) int64 // rows added after which it drops them
}

// newBulkImport checks and completes b and starts the import's
// transaction; Begin*Import then calls begin.
func (db *DB) newBulkImport(ctx context.Context, to importTarget, b *data.ImportBatch) (*bulkImport, error) {
	b.Source = strings.TrimSpace(b.Source)
	if b.Source == "" {
		return nil, fmt.Errorf("begin %s import: source is required: %w", to.what, data.ErrInvalid)
	}
	if b.ImportedAt.IsZero() {
		b.ImportedAt = time.Now()
	}
	b.ImportedAt = b.ImportedAt.UTC().Truncate(time.Second)
	b.Imported, b.Duplicates = 0, 0
	// A connection of its own, so that the group writer can reach the
	// driver beneath the transaction (see groupWriter).
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin %s import: %w", to.what, err)
	}
	// Outside the transaction: inside one the pragma does nothing.
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		releaseConn(conn)
		return nil, fmt.Errorf("begin %s import: %w", to.what, err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		releaseConn(conn)
		return nil, fmt.Errorf("begin %s import: %w", to.what, err)
	}
	return &bulkImport{importTarget: to, db: db, ctx: ctx, execCt: context.WithoutCancel(ctx), conn: conn, tx: tx,
		oldSources: map[string]bool{}, loadedSources: map[string]bool{}, release: func() {}}, nil
}

// begin records the batch (its counts are filled at Commit; rows
// reference it), numbers rows after the stored ones (the import holds the
// write lock) and prepares the duplicate checks.
func (i *bulkImport) begin(b data.ImportBatch) error {
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
	// The table name is one of ours, not input.
	if err := i.tx.QueryRowContext(i.ctx, `SELECT coalesce(max(id), 0) + 1 FROM `+i.table).Scan(&i.nextID); err != nil {
		return err
	}
	i.existingRows = i.nextID - 1
	i.bulkAt = i.bulkAfter(i.existingRows)
	if i.exists, err = i.tx.PrepareContext(i.ctx, `SELECT EXISTS (SELECT 1 FROM `+i.table+` WHERE source = ? AND external_id = ?)`); err != nil {
		return err
	}
	if i.sourceHasRows, err = i.tx.PrepareContext(i.ctx, `SELECT EXISTS (SELECT 1 FROM `+i.table+` WHERE source = ?)`); err != nil {
		return err
	}
	i.hasKey, err = i.tx.PrepareContext(i.ctx, `SELECT source = ? AND external_id = ? FROM `+i.table+` WHERE id = ?`)
	return err
}

// abort undoes a begin that failed.
func (i *bulkImport) abort() {
	i.release()
	i.tx.Rollback()
	releaseConn(i.conn)
}

// releaseConn hands the write connection back with its foreign keys on.
// A connection on which they cannot be turned on again (still in a
// transaction, or broken) is closed, never reused unchecked.
func releaseConn(conn *sql.Conn) {
	ctx := context.Background()
	on := 0
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`); err == nil {
		if err := conn.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&on); err != nil {
			on = 0
		}
	}
	if on != 1 {
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	conn.Close()
}

// rolledBack reports whether SQLite has already rolled the import's
// transaction back, as OR ROLLBACK does (see importInsert).
func (i *bulkImport) rolledBack() bool {
	inTx := false
	i.conn.Raw(func(dc any) error {
		c, ok := dc.(interface{ AutoCommit() bool })
		inTx = ok && !c.AutoCommit()
		return nil
	})
	return !inTx
}

// usable returns why the import cannot take more work: an earlier
// failure, an end, or ctx cancelled (which ends it). The caller holds mu.
func (i *bulkImport) usable() error {
	if i.err != nil {
		return i.err
	}
	if i.done {
		return errImportDone
	}
	if err := i.ctx.Err(); err != nil {
		return i.fail(err)
	}
	return nil
}

// fail ends the import after a storage error or cancellation.
func (i *bulkImport) fail(err error) error {
	i.err = fmt.Errorf("%s import from %s: %w", i.what, i.batch.Source, err)
	i.abort()
	return i.err
}

// duplicate reports whether (source, externalID) is already stored or
// already added by this import; if not, the row about to be added as id
// is remembered. The pairs seen answer most rows without a query; a
// source that had rows before is looked up by the unique index while it
// is there.
//
// Statements run without ctx's cancellation: the driver would start a
// watcher goroutine per call. Cancellation is still honoured: Add checks
// ctx and database/sql rolls the transaction back when it ends.
func (i *bulkImport) duplicate(source, externalID string, id int64) (bool, error) {
	old, err := i.sourceIsOld(source) // first: it may load the source into seen
	if err != nil {
		return false, err
	}
	h := hashID(source, externalID)
	if dup, err := i.seenBefore(h, source, externalID); dup || err != nil {
		return dup, err
	}
	if old && !i.loadedSources[source] {
		if dup, err := i.stored(source, externalID); dup || err != nil {
			return dup, err
		}
	}
	i.seen.add(h, id)
	return false, nil
}

// seenBefore checks the rows seen holds for h.
func (i *bulkImport) seenBefore(h uint64, source, externalID string) (bool, error) {
	flushed := false
	for id := range i.seen.ids(h) {
		if id == unknownID {
			return i.stored(source, externalID)
		}
		if !flushed { // the row may still be pending
			if err := i.flush(); err != nil {
				return false, err
			}
			flushed = true
		}
		var same bool
		if err := i.hasKey.QueryRowContext(i.execCt, source, externalID, id).Scan(&same); err != nil {
			return false, err
		}
		if same {
			return true, nil
		}
	}
	return false, nil
}

// stored looks (source, externalID) up in the table.
func (i *bulkImport) stored(source, externalID string) (bool, error) {
	var exists bool
	err := i.exists.QueryRowContext(i.execCt, source, externalID).Scan(&exists)
	return exists, err
}

// sourceIsOld reports whether source had rows before this import. Once the
// unique index is gone, such a source's stored rows are loaded into seen,
// which then answers for them.
func (i *bulkImport) sourceIsOld(source string) (bool, error) {
	old, ok := i.oldSources[source]
	if !ok {
		if err := i.sourceHasRows.QueryRowContext(i.execCt, source).Scan(&old); err != nil {
			return false, err
		}
		i.oldSources[source] = old
	}
	if old && i.uniqueDropped && !i.loadedSources[source] {
		return old, i.loadSource(source)
	}
	return old, nil
}

// loadSource puts the stored rows of source into seen.
func (i *bulkImport) loadSource(source string) error {
	if err := i.flush(); err != nil {
		return err
	}
	rows, err := i.tx.QueryContext(i.execCt, `SELECT id, external_id FROM `+i.table+` WHERE source = ? AND id < ?`,
		source, i.existingRows+1)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var externalID string
		if err := rows.Scan(&id, &externalID); err != nil {
			rows.Close()
			return err
		}
		i.seen.add(hashID(source, externalID), id)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	i.loadedSources[source] = true
	return nil
}

// dropIndexesIfBulk drops the secondary indexes once the import has
// added enough rows to make building them again cheaper.
func (i *bulkImport) dropIndexesIfBulk() error {
	if i.droppedIndexes != nil || int64(i.batch.Imported) < i.bulkAt {
		return nil
	}
	return i.dropSecondaryIndexes()
}

// dropSecondaryIndexes drops the indexes of indexTables that no constraint
// needs, remembering their definitions for Commit. Inside the transaction
// the drop is undone by a rollback; other connections keep reading
// through the indexes of their snapshot. UNIQUE constraints (duplicate
// detection) have no SQL of their own and stay.
func (i *bulkImport) dropSecondaryIndexes() error {
	if err := i.flush(); err != nil {
		return err
	}
	if i.uniqueIndex != "" {
		// Looked up by index while it is still there.
		for source, old := range i.oldSources {
			if old {
				if err := i.loadSource(source); err != nil {
					return err
				}
			}
		}
	}
	args := make([]any, len(i.indexTables))
	for k, t := range i.indexTables {
		args[k] = t
	}
	rows, err := i.tx.QueryContext(i.execCt, `SELECT name, tbl_name, sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name IN (`+placeholders(len(args))+`) AND sql IS NOT NULL ORDER BY name`, args...)
	if err != nil {
		return err
	}
	type index struct{ name, table, ddl string }
	var indexes []index
	for rows.Next() {
		var x index
		if err := rows.Scan(&x.name, &x.table, &x.ddl); err != nil {
			rows.Close()
			return err
		}
		indexes = append(indexes, x)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	var names []string
	i.droppedIndexes = []string{}
	for _, x := range indexes {
		if sparse, err := i.sparse(x.table, x.ddl); err != nil {
			return err
		} else if sparse {
			continue
		}
		names = append(names, x.name)
		i.droppedIndexes = append(i.droppedIndexes, x.ddl)
	}
	for _, name := range names {
		// The name comes from sqlite_master, not from input.
		if _, err := i.tx.ExecContext(i.execCt, `DROP INDEX "`+strings.ReplaceAll(name, `"`, `""`)+`"`); err != nil {
			return fmt.Errorf("drop index %s for a bulk import: %w", name, err)
		}
		i.uniqueDropped = i.uniqueDropped || name == i.uniqueIndex
	}
	if i.bulkStarted != nil {
		return i.bulkStarted()
	}
	return nil
}

// sparse reports whether the partial index ddl of table holds under one
// in fifty of the rows the import has added so far (a complaint
// escalated, a subcategory nobody uses, the open tickets of an old
// export). Such an index stays: kept up to date row by row, it costs
// less than the table scan its rebuild takes (70-85 ms a million).
func (i *bulkImport) sparse(table, ddl string) (bool, error) {
	k := strings.LastIndex(ddl, " WHERE ")
	if table != i.table || k < 0 {
		return false, nil
	}
	var n int64
	// The condition comes from sqlite_master, not from input.
	err := i.tx.QueryRowContext(i.execCt, `SELECT count(*) FROM `+table+` WHERE id > ? AND (`+ddl[k+len(" WHERE "):]+`)`, i.existingRows).Scan(&n)
	return n*50 < int64(i.batch.Imported), err
}

// SetRejected records n as the batch's rejected rows: the importer
// rejects the rows it cannot read before they reach Add, and the batch
// the import list shows must count them (it said 0).
func (i *bulkImport) SetRejected(n int) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.batch.Rejected = n
}

// commit inserts what is pending, builds the dropped indexes again, has
// the owner's rollup changes written, records the batch's counts and
// commits: every added row becomes visible at once. startRollups is
// called before the rebuild, which its work may overlap; the function it
// returns writes the changes (write) or only waits for that work.
func (i *bulkImport) commit(startRollups func() (finish func(write bool) error)) (data.ImportBatch, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if err := i.usable(); err != nil {
		return data.ImportBatch{}, err
	}
	if err := i.flush(); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	if i.checkKeys != nil {
		if err := i.checkKeys(); err != nil {
			return data.ImportBatch{}, i.fail(err)
		}
	}
	if i.droppedIndexes != nil {
		// Whether it commits or fails from here, the connection's settings
		// go back and what the import wrote is checkpointed.
		defer i.db.afterBulk()
	}
	finishRollups := startRollups()
	if err := i.rebuildIndexes(); err != nil {
		finishRollups(false)
		return data.ImportBatch{}, i.fail(err)
	}
	if err := finishRollups(true); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	b := i.batch
	if _, err := i.tx.ExecContext(i.ctx, `UPDATE import_batch SET imported = ?, duplicates = ?, rejected = ? WHERE id = ?`,
		b.Imported, b.Duplicates, b.Rejected, b.ID); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	if i.droppedIndexes != nil {
		// The commit would otherwise copy everything the import wrote from
		// the WAL into the file before returning (0.7 s of a million-row
		// import); afterBulk does it without holding anyone up.
		if _, err := i.tx.ExecContext(i.ctx, `PRAGMA wal_autocheckpoint = 0`); err != nil {
			return data.ImportBatch{}, i.fail(err)
		}
	}
	i.release()
	if err := i.tx.Commit(); err != nil {
		return data.ImportBatch{}, i.fail(err)
	}
	releaseConn(i.conn)
	i.done = true
	return b, nil
}

// rebuildIndexes builds the dropped indexes again. SQLite's sorter,
// given worker threads and chunks small enough to hand them, sorts one
// chunk while it reads the next: a million-row import's indexes took
// 2.7 s instead of 4.0 s on two cores. The cache size is the sorter's
// chunk size; both settings go back to the connection's own afterwards.
func (i *bulkImport) rebuildIndexes() error {
	if len(i.droppedIndexes) == 0 {
		return nil
	}
	// The settings are the connection's, not the transaction's: should a
	// build fail, afterBulk puts them back once the rollback is done.
	for _, p := range []string{`PRAGMA threads = ` + strconv.Itoa(sorterThreads()), `PRAGMA cache_size = -2048`} {
		if _, err := i.tx.ExecContext(i.ctx, p); err != nil {
			return err
		}
	}
	for _, ddl := range i.droppedIndexes {
		if _, err := i.tx.ExecContext(i.ctx, ddl); err != nil {
			return fmt.Errorf("rebuild index after a bulk import: %w", err)
		}
	}
	return execAll(i.ctx, i.tx, writeSettings)
}

// sorterThreads is how many helper threads SQLite's sorter gets when
// indexes are rebuilt: one per processor, at most SQLite's limit of 8.
func sorterThreads() int { return min(runtime.NumCPU(), 8) }

// Rollback discards the import; after Commit it does nothing.
func (i *bulkImport) Rollback() error {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.done || i.err != nil {
		return nil
	}
	i.done = true
	i.release()
	defer releaseConn(i.conn)
	if err := i.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) && !i.rolledBack() {
		return fmt.Errorf("roll back %s import from %s: %w", i.what, i.batch.Source, err)
	}
	return nil
}

// groupSQL returns the INSERT of n rows, building it once.
func groupSQL(cache map[int]string, n int, head, row string) string {
	q, ok := cache[n]
	if !ok {
		q = groupQuery(head, row, n)
		cache[n] = q
	}
	return q
}

// execFused runs a multi-row INSERT as a query: the driver then binds
// every argument and takes the step in one crossing into C, where an Exec
// crosses once per argument (704 for 64 feedback rows). A million-row
// import went 8-10% faster.
func execFused(ctx context.Context, st *sql.Stmt, args []any) error {
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	return closeRows(rows)
}

// groupQuery is head followed by n copies of row, comma separated: a
// multi-row INSERT. One statement per group instead of per row saves the
// per-execution work (cursors on the table and every index), which was
// about half the cost of a row.
func groupQuery(head, row string, n int) string {
	var q strings.Builder
	q.Grow(len(head) + n*(len(row)+2))
	q.WriteString(head)
	for k := 0; k < n; k++ {
		if k > 0 {
			q.WriteString(", ")
		}
		q.WriteString(row)
	}
	return q.String()
}
