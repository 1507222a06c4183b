package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"caredesk/data"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema step, migrations/NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// embeddedMigrations returns the embedded migrations in version order; the
// numbers must run 1, 2, 3… without gaps.
func embeddedMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var migs []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and '_'", e.Name())
		}
		body, err := fs.ReadFile(migrationFS, path.Join("migrations", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		migs = append(migs, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].version < migs[j].version })
	for i, m := range migs {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return migs, nil
}

// migrate applies the migrations newer than the file's user_version, each in
// its own transaction together with the new user_version.
func migrate(ctx context.Context, db *sql.DB, dbPath string, migs []migration) error {
	latest := 0
	if len(migs) > 0 {
		latest = migs[len(migs)-1].version
	}
	var current int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version of %s: %w", dbPath, err)
	}
	if current > latest {
		return fmt.Errorf("%s has schema version %d, this CareDesk knows up to %d; update CareDesk: %w",
			dbPath, current, latest, data.ErrNewerSchema)
	}
	if current == latest {
		return nil
	}
	var tables int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&tables); err != nil {
		return fmt.Errorf("inspect %s: %w", dbPath, err)
	}
	if current > 0 || tables > 0 {
		backup := fmt.Sprintf("%s.bak-v%d-%s", dbPath, current, time.Now().Format("20060102-150405"))
		if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, backup); err != nil {
			return fmt.Errorf("back up %s before migrating from version %d: %w", dbPath, current, err)
		}
	}
	for _, m := range migs[current:] {
		if err := applyMigration(ctx, db, m); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration runs m in one transaction with foreign keys off, as
// SQLite's procedure for rebuilding a table asks: dropping a table that
// others reference would otherwise delete their rows (ON DELETE CASCADE).
// The keys are checked before the commit instead, and a violation rolls
// the migration back.
func applyMigration(ctx context.Context, db *sql.DB, m migration) (err error) {
	conn, err := db.Conn(ctx) // the pragma is per connection
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer func() {
		if _, onErr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); onErr != nil && err == nil {
			err = fmt.Errorf("migration %s: turn foreign keys back on: %w", m.name, onErr)
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	var table string
	var rowid sql.NullInt64
	switch err := tx.QueryRowContext(ctx, `SELECT "table", rowid FROM pragma_foreign_key_check`).Scan(&table, &rowid); {
	case err == nil:
		return fmt.Errorf("migration %s: row %d of %s breaks a foreign key", m.name, rowid.Int64, table)
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("migration %s: check foreign keys: %w", m.name, err)
	}
	// PRAGMA takes no parameters; the version is our own integer.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.version)); err != nil {
		return fmt.Errorf("migration %s: set version: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return nil
}
