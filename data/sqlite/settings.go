package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"caredesk/data"
)

// Setting returns the value of key, "" when it is unset.
func (db *DB) Setting(ctx context.Context, key string) (string, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return "", fmt.Errorf("read setting %q: %w", key, err)
	}
	defer tx.Rollback()
	v, err := setting(ctx, tx, key)
	if err != nil {
		return "", fmt.Errorf("read setting %q: %w", key, err)
	}
	return v, tx.Commit()
}

// SetSetting stores value under key; "" removes the setting. The time zone
// key goes through SetLocation so that stored days follow it.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	if key == "" {
		return fmt.Errorf("set setting: empty key: %w", data.ErrInvalid)
	}
	if key == data.SettingTimeZone {
		loc := time.Local
		if value != "" {
			var err error
			if loc, err = time.LoadLocation(value); err != nil {
				return fmt.Errorf("set time zone %q: %v: %w", value, err, data.ErrInvalid)
			}
		}
		return db.SetLocation(ctx, loc)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("set setting %q: %w", key, err)
	}
	defer tx.Rollback()
	if err := setSetting(ctx, tx, key, value); err != nil {
		return fmt.Errorf("set setting %q: %w", key, err)
	}
	return tx.Commit()
}

// Location is the department's time zone (time.Local until one is set).
func (db *DB) Location() *time.Location { return db.loc.Load() }

// SetLocation stores the department's time zone and, in the same
// transaction, recomputes the day of every response and complaint, the
// complaints' working-hour durations and SLA outcomes (calendars run in
// local time), and every rollup.
func (db *DB) SetLocation(ctx context.Context, loc *time.Location) error {
	if loc == nil {
		return fmt.Errorf("set time zone: nil location: %w", data.ErrInvalid)
	}
	conn, tx, err := db.beginWriteConn(ctx)
	if err != nil {
		return fmt.Errorf("set time zone %s: %w", loc, err)
	}
	defer conn.Close()
	defer tx.Rollback()
	if err := setSetting(ctx, tx, data.SettingTimeZone, loc.String()); err != nil {
		return fmt.Errorf("set time zone %s: %w", loc, err)
	}
	if err := recomputeDays(ctx, tx, loc); err != nil {
		return fmt.Errorf("set time zone %s: %w", loc, err)
	}
	if err := rebuildRollup(ctx, tx); err != nil {
		return fmt.Errorf("set time zone %s: %w", loc, err)
	}
	if err := relocateComplaints(ctx, conn, tx, loc, time.Now()); err != nil {
		return fmt.Errorf("set time zone %s: complaints: %w", loc, err)
	}
	// Swap before commit: this transaction holds the only write connection,
	// so no other write can compute a day with the old zone after the new
	// days are visible.
	old := db.loc.Swap(loc)
	if err := tx.Commit(); err != nil {
		db.loc.Store(old)
		return fmt.Errorf("set time zone %s: %w", loc, err)
	}
	return nil
}

// recomputeDays sets feedback.day for loc.
func recomputeDays(ctx context.Context, tx *sql.Tx, loc *time.Location) error {
	return recomputeDayColumn(ctx, tx, loc, "feedback", "responded_at", "day")
}

// recomputeDayColumn sets table.dayCol to the day of table.atCol in loc
// (rows with a NULL time are left alone). A zone keeps one UTC offset
// between transitions, so each such span is one UPDATE with arithmetic
// instead of a round trip per row. Names are the callers' constants.
func recomputeDayColumn(ctx context.Context, tx *sql.Tx, loc *time.Location, table, atCol, dayCol string) error {
	var minAt, maxAt sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT min(`+atCol+`), max(`+atCol+`) FROM `+table).Scan(&minAt, &maxAt); err != nil {
		return err
	}
	if !minAt.Valid {
		return nil
	}
	update, err := tx.PrepareContext(ctx, `UPDATE `+table+` SET `+dayCol+` = (`+atCol+` + ?) / 86400
		WHERE `+atCol+` >= ? AND `+atCol+` < ? AND `+dayCol+` IS NOT (`+atCol+` + ?) / 86400`)
	if err != nil {
		return err
	}
	defer update.Close()
	for at := minAt.Int64; at <= maxAt.Int64; {
		t := time.Unix(at, 0).In(loc)
		_, offset := t.Zone()
		_, end := t.ZoneBounds()
		next := maxAt.Int64 + 1
		if !end.IsZero() && end.Unix() < next {
			next = end.Unix()
		}
		// Dates are validated to 1990..2100, so the time plus the offset
		// is positive and integer division is floor division.
		if _, err := update.ExecContext(ctx, offset, at, next, offset); err != nil {
			return err
		}
		at = next
	}
	return nil
}

func setting(ctx context.Context, tx *sql.Tx, key string) (string, error) {
	var v string
	err := tx.QueryRowContext(ctx, `SELECT value FROM setting WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

func setSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	if value == "" {
		_, err := tx.ExecContext(ctx, `DELETE FROM setting WHERE key = ?`, key)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// loadLocation reads the department time zone at Open. An unknown zone
// name (a file from a machine with a newer zone database) falls back to
// time.Local rather than locking the user out.
func (db *DB) loadLocation(ctx context.Context) error {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return fmt.Errorf("read time zone: %w", err)
	}
	defer tx.Rollback()
	name, err := setting(ctx, tx, data.SettingTimeZone)
	if err != nil {
		return fmt.Errorf("read time zone: %w", err)
	}
	loc := time.Local
	if name != "" {
		if l, err := time.LoadLocation(name); err == nil {
			loc = l
		}
	}
	db.loc.Store(loc)
	return tx.Commit()
}
