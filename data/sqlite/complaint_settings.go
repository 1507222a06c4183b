package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"caredesk/data"
)

// WorkCalendar is the department's working calendar (data.DefaultCalendar
// until one is set).
func (db *DB) WorkCalendar(ctx context.Context) (data.Calendar, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return data.Calendar{}, fmt.Errorf("read working calendar: %w", err)
	}
	defer tx.Rollback()
	c, err := workCalendar(ctx, tx)
	if err != nil {
		return data.Calendar{}, fmt.Errorf("read working calendar: %w", err)
	}
	return c, tx.Commit()
}

func workCalendar(ctx context.Context, tx *sql.Tx) (data.Calendar, error) {
	v, err := setting(ctx, tx, data.SettingWorkCalendar)
	if err != nil || v == "" {
		return data.DefaultCalendar(), err
	}
	var c data.Calendar
	if err := json.Unmarshal([]byte(v), &c); err != nil {
		return data.Calendar{}, fmt.Errorf("setting %s: %w", data.SettingWorkCalendar, err)
	}
	return c, nil
}

// SetWorkCalendar stores the department's working calendar and, in the
// same transaction, recomputes every complaint's working-hour durations
// and their histograms.
func (db *DB) SetWorkCalendar(ctx context.Context, c data.Calendar) error {
	if err := c.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("set working calendar: %w", err)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("set working calendar: %w", err)
	}
	defer tx.Rollback()
	if err := setSetting(ctx, tx, data.SettingWorkCalendar, string(b)); err != nil {
		return fmt.Errorf("set working calendar: %w", err)
	}
	if err := recomputeWorking(ctx, tx, db.Location(), c); err != nil {
		return fmt.Errorf("set working calendar: %w", err)
	}
	if err := rebuildComplaintRollups(ctx, tx); err != nil {
		return fmt.Errorf("set working calendar: %w", err)
	}
	return tx.Commit()
}

// recomputeWorking sets every complaint's working-hour durations for the
// calendar from its derived columns.
func recomputeWorking(ctx context.Context, tx *sql.Tx, loc *time.Location, cal data.Calendar) error {
	type change struct {
		id      int64
		fr, res any
	}
	var changes []change
	rows, err := tx.QueryContext(ctx, `SELECT `+judgeCols+` FROM complaint WHERE first_response_at IS NOT NULL OR resolved_at IS NOT NULL`)
	if err != nil {
		return err
	}
	j := judge{loc: loc, cal: cal}
	for rows.Next() {
		c, f, err := scanJudged(rows)
		if err != nil {
			rows.Close()
			return err
		}
		durs := j.durations(c.OpenedAt, f)
		ch := change{id: c.ID}
		if d := durs[measureFRWorking]; d.ok {
			ch.fr = int64(d.d / time.Second)
		}
		if d := durs[measureResWorking]; d.ok {
			ch.res = int64(d.d / time.Second)
		}
		changes = append(changes, ch)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	update, err := tx.PrepareContext(ctx, `UPDATE complaint SET fr_working = ?, res_working = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer update.Close()
	for _, ch := range changes {
		if _, err := update.ExecContext(ctx, ch.fr, ch.res, ch.id); err != nil {
			return err
		}
	}
	return nil
}

// relocateComplaints moves every complaint day to loc and judges the
// complaints again there: working calendars and standard versions go by
// local days.
func relocateComplaints(ctx context.Context, conn *sql.Conn, tx *sql.Tx, loc *time.Location, now time.Time) error {
	for _, c := range []struct{ table, at, day string }{
		{"complaint", "opened_at", "opened_day"},
		{"complaint", "resolved_at", "resolved_day"},
		{"complaint_event", "at", "day"},
		{"complaint_sla", "finished_at", "finished_day"},
	} {
		if err := recomputeDayColumn(ctx, tx, loc, c.table, c.at, c.day); err != nil {
			return fmt.Errorf("days of %s: %w", c.table, err)
		}
	}
	cal, err := workCalendar(ctx, tx)
	if err != nil {
		return err
	}
	if err := recomputeWorking(ctx, tx, loc, cal); err != nil {
		return err
	}
	standards, err := loadStandards(ctx, tx)
	if err != nil {
		return err
	}
	for i := range standards {
		if err := rejudgeStandard(ctx, conn, tx, nil, &standards[i], loc, now, false, nil); err != nil {
			return fmt.Errorf("standard %s: %w", standards[i].Code, err)
		}
	}
	return rebuildComplaintRollups(ctx, tx)
}
