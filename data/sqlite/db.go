// Package sqlite is CareDesk's store on a single SQLite file
// (github.com/mattn/go-sqlite3). It implements data.Store.
//
// Every exported method takes a context, runs in one transaction (begin,
// deferred rollback, unexported helpers on the transaction, commit) and maps
// driver errors to the sentinel errors of package data. Writes go through
// one connection; reads use a separate pool so that, thanks to WAL, they
// never wait for a long import.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-sqlite3"

	"caredesk/data"
)

// driverName is go-sqlite3 with CareDesk's SQL functions registered on
// every connection.
const driverName = "sqlite3_caredesk"

var registerDriver sync.Once

// lowerFunc is the SQL name of a Unicode-aware lower(): SQLite's own
// lower() and LIKE fold ASCII only, which would make searching Russian
// comments case-sensitive.
const lowerFunc = "caredesk_lower"

func register() {
	registerDriver.Do(func() {
		sql.Register(driverName, &sqlite3.SQLiteDriver{
			ConnectHook: func(c *sqlite3.SQLiteConn) error {
				return c.RegisterFunc(lowerFunc, strings.ToLower, true)
			},
		})
	})
}

// DB is the SQLite store. It is safe for concurrent use.
type DB struct {
	path  string
	write *sql.DB // exactly one connection: SQLite has one writer anyway
	read  *sql.DB
	loc   atomic.Pointer[time.Location]
	// background holds the checkpoints after bulk imports; Close waits.
	background sync.WaitGroup
}

// writeCacheSize is the write connection's page cache in SQLite's terms
// (negative: KiB): 32 MiB, so index inserts of large imports stay in
// memory.
const writeCacheSize = -32768

var _ data.Store = (*DB)(nil)

// DefaultPath is the database in the user's configuration folder
// (for example ~/.config/CareDesk/caredesk.db on Linux,
// %AppData%\CareDesk\caredesk.db on Windows).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user data folder: %w", err)
	}
	return filepath.Join(dir, "CareDesk", "caredesk.db"), nil
}

// Open opens (creating when needed) the database at path and brings its
// schema up to date. A file written by a newer CareDesk is refused with an
// error wrapping data.ErrNewerSchema; an older non-empty one is backed up to
// <path>.bak-v<old>-<timestamp> before it is migrated.
func Open(ctx context.Context, path string) (*DB, error) {
	migs, err := embeddedMigrations()
	if err != nil {
		return nil, err
	}
	return open(ctx, path, migs)
}

func open(ctx context.Context, path string, migs []migration) (*DB, error) {
	register()
	if path == "" {
		return nil, errors.New("open database: empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// Client data: keep the folder private to the user.
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("create database folder: %w", err)
	}
	db := &DB{path: abs}
	db.write, err = sql.Open(driverName, dsn(abs, url.Values{
		"_journal_mode":    {"WAL"},
		"_foreign_keys":    {"on"},
		"_busy_timeout":    {"5000"},
		"_synchronous":     {"NORMAL"},
		"_txlock":          {"immediate"}, // take the write lock at BEGIN: no upgrade deadlocks with other processes
		"_cache_size":      {strconv.Itoa(writeCacheSize)},
		"_stmt_cache_size": {"32"},
		// database/sql never hands one connection to two goroutines at
		// once, so SQLite's locking on every call only costs time: about
		// 10% of reading a million complaints to judge them again.
		"_mutex": {"no"},
	}))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxIdleTime(0)
	db.write.SetConnMaxLifetime(0)
	if err := db.write.PingContext(ctx); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	if err := migrate(ctx, db.write, abs, migs); err != nil {
		db.write.Close()
		return nil, err
	}
	db.read, err = sql.Open(driverName, dsn(abs, url.Values{
		"mode":             {"ro"},
		"_busy_timeout":    {"5000"},
		"_cache_size":      {"-16384"},
		"_stmt_cache_size": {"32"},
		"_mutex":           {"no"},
	}))
	if err != nil {
		db.write.Close()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	db.read.SetMaxOpenConns(4)
	db.read.SetMaxIdleConns(4)
	if err := db.loadLocation(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// dsn builds a file: URI so that paths with spaces, '?' or '#' survive.
func dsn(path string, params url.Values) string {
	p := filepath.ToSlash(path)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p // file:///C:/...
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: params.Encode()}
	return u.String()
}

// Path is the database file.
func (db *DB) Path() string { return db.path }

// Close closes the database. The write connection closes last so that
// SQLite checkpoints the WAL into the main file.
func (db *DB) Close() error {
	db.background.Wait()
	var errs []error
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		errs = append(errs, db.write.Close())
	}
	return errors.Join(errs...)
}

// Backup writes a consistent copy of the database to dst with VACUUM INTO,
// while other readers and writers carry on. It refuses to overwrite: an
// existing dst is an error wrapping fs.ErrExist.
func (db *DB) Backup(ctx context.Context, dst string) error {
	if dst == "" {
		return errors.New("backup: empty destination")
	}
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("backup to %s: the file already exists, choose a new name: %w", dst, fs.ErrExist)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	// VACUUM cannot run inside a transaction; it reads one snapshot anyway.
	if _, err := db.read.ExecContext(ctx, `VACUUM INTO ?`, dst); err != nil {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	return nil
}

// writeSettings are the write connection's own settings that a bulk
// import changes while it rebuilds indexes and commits.
var writeSettings = []string{
	`PRAGMA threads = 0`,
	`PRAGMA cache_size = ` + strconv.Itoa(writeCacheSize),
}

// afterBulk, once a bulk import's transaction has ended, copies what it
// wrote from the WAL into the database file and puts the write
// connection's settings back, in the background: the import is committed
// and visible already, and a passive checkpoint blocks no reader or
// writer (other writes only wait for the one write connection). Until it
// is done, reads find those pages in the WAL; should the process end
// first, the next open replays the WAL.
func (db *DB) afterBulk() {
	db.background.Add(1)
	go func() {
		defer db.background.Done()
		ctx := context.Background()
		// Errors only leave pages in the WAL a little longer: the next
		// automatic checkpoint or Close copies them.
		db.write.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
		execAll(ctx, db.write, writeSettings)
		db.write.ExecContext(ctx, `PRAGMA wal_autocheckpoint = 1000`)
	}()
}

// execAll runs statements in order up to the first error.
func execAll(ctx context.Context, db interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, statements []string) error {
	for _, s := range statements {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// beginRead starts a read transaction: one consistent snapshot across the
// queries of a method (a count and a page agree with each other).
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	return db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

// beginWrite starts a write transaction (BEGIN IMMEDIATE) on the writer.
func (db *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	return db.write.BeginTx(ctx, nil)
}

// beginWriteConn starts a write transaction like beginWrite on a
// connection the caller holds, for work that also reads through the
// driver inside the transaction (rejudgeStandard). The caller closes conn
// after the transaction has ended.
func (db *DB) beginWriteConn(ctx context.Context) (*sql.Conn, *sql.Tx, error) {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	return conn, tx, nil
}

// mapErr maps driver errors to the sentinel errors of package data, keeping
// the driver error in the chain for logs.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return data.ErrNotFound
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.ExtendedCode {
		case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
			return fmt.Errorf("%w: %w", data.ErrConflict, err)
		case sqlite3.ErrConstraintForeignKey, sqlite3.ErrConstraintCheck, sqlite3.ErrConstraintNotNull:
			return fmt.Errorf("%w: %w", data.ErrInvalid, err)
		}
	}
	return err
}

// unixTime converts a stored unix-seconds column back to a UTC time.
func unixTime(s int64) time.Time { return time.Unix(s, 0).UTC() }
