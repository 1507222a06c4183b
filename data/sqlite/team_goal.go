package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"caredesk/data"
)

// Goals returns one employee's goals (0 = everyone's) by period start.
func (db *DB) Goals(ctx context.Context, employeeID int64) ([]data.Goal, error) {
	return readList(ctx, db, "list goals", `SELECT id, employee_id, from_day, to_day, metric, target, coalesce(course_id, 0), note
		FROM goal WHERE ? = 0 OR employee_id = ? ORDER BY from_day, to_day, id`, []any{employeeID, employeeID},
		func(g *data.Goal) []any {
			return []any{&g.ID, &g.EmployeeID, &g.From, &g.To, &g.Metric, &g.Target, &g.CourseID, &g.Note}
		})
}

// SaveGoal creates g (ID 0) or updates it. Only a course goal keeps its
// course.
func (db *DB) SaveGoal(ctx context.Context, g *data.Goal) error {
	if err := g.Validate(); err != nil {
		return err
	}
	if g.Metric != data.GoalCourse {
		g.CourseID = 0
	}
	return inWrite(ctx, db, fmt.Sprintf("save goal of employee %d", g.EmployeeID), func(tx *sql.Tx) error {
		g.Note = strings.TrimSpace(g.Note)
		args := []any{g.EmployeeID, g.From, g.To, string(g.Metric), g.Target, nullID(g.CourseID), g.Note}
		if g.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO goal (employee_id, from_day, to_day, metric, target, course_id, note)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, args...)
			if err != nil {
				return mapErr(err)
			}
			g.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE goal SET employee_id = ?, from_day = ?, to_day = ?, metric = ?, target = ?,
			course_id = ?, note = ? WHERE id = ?`, append(args, g.ID)...)
		if err != nil {
			return mapErr(err)
		}
		return mustAffect(res)
	})
}

// DeleteGoal removes one goal.
func (db *DB) DeleteGoal(ctx context.Context, id int64) error {
	return deleteRow(ctx, db, "goal", id)
}

// Kudos returns the recognition log newest first: one employee's
// (0 = everyone's), given from..to (days in the department's time zone,
// inclusive; 0 = unbounded).
func (db *DB) Kudos(ctx context.Context, employeeID int64, from, to data.Day) ([]data.Kudos, error) {
	loc := db.Location()
	var after, before int64 = 0, 1<<63 - 1 // unix seconds, [after, before)
	if from != 0 {
		after = from.Start(loc).Unix()
	}
	if to != 0 {
		before = (to + 1).Start(loc).Unix()
	}
	type row struct {
		k  data.Kudos
		at int64
	}
	rows, err := readList(ctx, db, "list kudos", `SELECT id, employee_id, at, given_by, text, coalesce(complaint_id, 0), coalesce(feedback_id, 0)
		FROM kudos WHERE (? = 0 OR employee_id = ?) AND at >= ? AND at < ? ORDER BY at DESC, id DESC`,
		[]any{employeeID, employeeID, after, before},
		func(r *row) []any {
			return []any{&r.k.ID, &r.k.EmployeeID, &r.at, &r.k.From, &r.k.Text, &r.k.ComplaintID, &r.k.FeedbackID}
		})
	if err != nil {
		return nil, err
	}
	out := make([]data.Kudos, len(rows))
	for i, r := range rows {
		out[i] = r.k
		out[i].At = unixTime(r.at)
	}
	return out, nil
}

// SaveKudos creates k (ID 0) or updates it.
func (db *DB) SaveKudos(ctx context.Context, k *data.Kudos) error {
	if err := k.Validate(); err != nil {
		return err
	}
	return inWrite(ctx, db, fmt.Sprintf("save kudos for employee %d", k.EmployeeID), func(tx *sql.Tx) error {
		k.From, k.Text = strings.TrimSpace(k.From), strings.TrimSpace(k.Text)
		args := []any{k.EmployeeID, k.At.Unix(), k.From, k.Text, nullID(k.ComplaintID), nullID(k.FeedbackID)}
		if k.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO kudos (employee_id, at, given_by, text, complaint_id, feedback_id)
				VALUES (?, ?, ?, ?, ?, ?)`, args...)
			if err != nil {
				return mapErr(err)
			}
			k.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE kudos SET employee_id = ?, at = ?, given_by = ?, text = ?, complaint_id = ?,
			feedback_id = ? WHERE id = ?`, append(args, k.ID)...)
		if err != nil {
			return mapErr(err)
		}
		return mustAffect(res)
	})
}

// DeleteKudos removes one entry of the log.
func (db *DB) DeleteKudos(ctx context.Context, id int64) error {
	return deleteRow(ctx, db, "kudos", id)
}
