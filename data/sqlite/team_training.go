package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"caredesk/data"
)

const trainingItemColumns = `id, employee_id, course_id, planned_start, planned_end, status,
	coalesce(started_on, 0), coalesce(completed_on, 0), result, certificate`

func trainingItemFields(t *data.TrainingItem) []any {
	return []any{&t.ID, &t.EmployeeID, &t.CourseID, &t.PlannedStart, &t.PlannedEnd, &t.Status,
		&t.StartedOn, &t.CompletedOn, &t.Result, &t.Certificate}
}

// TrainingItems returns the plan items f selects, by planned start.
func (db *DB) TrainingItems(ctx context.Context, f data.TrainingFilter) ([]data.TrainingItem, error) {
	var where []string
	var args []any
	if f.EmployeeID != 0 {
		where, args = append(where, "employee_id = ?"), append(args, f.EmployeeID)
	}
	if f.CourseID != 0 {
		where, args = append(where, "course_id = ?"), append(args, f.CourseID)
	}
	// An item is in the range when its planned period overlaps it or it was
	// completed in it; a zero bound is open.
	if f.From != 0 || f.To != 0 {
		where = append(where, `(((? = 0 OR planned_end >= ?) AND (? = 0 OR planned_start <= ?))
			OR (completed_on >= ? AND (? = 0 OR completed_on <= ?))
			OR (? AND planned_end < ? AND status IN ('planned', 'in_progress')))`)
		args = append(args, f.From, f.From, f.To, f.To, f.From, f.To, f.To, f.KeepOpen, f.From)
	}
	q := `SELECT ` + trainingItemColumns + ` FROM training_item`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	return readList(ctx, db, "list training plan", q+` ORDER BY planned_start, id`, args, trainingItemFields)
}

// SaveTrainingItem creates t (ID 0) or updates it.
func (db *DB) SaveTrainingItem(ctx context.Context, t *data.TrainingItem) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return inWrite(ctx, db, fmt.Sprintf("save plan item of employee %d, course %d", t.EmployeeID, t.CourseID), func(tx *sql.Tx) error {
		return saveTrainingItem(ctx, tx, t)
	})
}

func saveTrainingItem(ctx context.Context, tx *sql.Tx, t *data.TrainingItem) error {
	t.Result, t.Certificate = strings.TrimSpace(t.Result), strings.TrimSpace(t.Certificate)
	args := []any{t.EmployeeID, t.CourseID, t.PlannedStart, t.PlannedEnd, string(t.Status),
		zeroNil(int64(t.StartedOn)), zeroNil(int64(t.CompletedOn)), t.Result, t.Certificate}
	if t.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO training_item (employee_id, course_id, planned_start, planned_end, status,
			started_on, completed_on, result, certificate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return mapErr(err)
		}
		t.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE training_item SET employee_id = ?, course_id = ?, planned_start = ?, planned_end = ?,
		status = ?, started_on = ?, completed_on = ?, result = ?, certificate = ? WHERE id = ?`, append(args, t.ID)...)
	if err != nil {
		return mapErr(err)
	}
	return mustAffect(res)
}

// DeleteTrainingItem removes one plan item.
func (db *DB) DeleteTrainingItem(ctx context.Context, id int64) error {
	return deleteRow(ctx, db, "training_item", id)
}

// TrainingBudgets returns the plans' budgets by start.
func (db *DB) TrainingBudgets(ctx context.Context) ([]data.TrainingBudget, error) {
	return readList(ctx, db, "list training budgets", `SELECT id, title, from_day, to_day, amount FROM training_budget
		ORDER BY from_day, to_day, id`, nil,
		func(b *data.TrainingBudget) []any { return []any{&b.ID, &b.Title, &b.From, &b.To, &b.Amount} })
}

// SaveTrainingBudget creates b (ID 0) or updates it.
func (db *DB) SaveTrainingBudget(ctx context.Context, b *data.TrainingBudget) error {
	if err := b.Validate(); err != nil {
		return err
	}
	return inWrite(ctx, db, fmt.Sprintf("save training budget %q", b.Title), func(tx *sql.Tx) error {
		b.Title = strings.TrimSpace(b.Title)
		if b.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO training_budget (title, from_day, to_day, amount) VALUES (?, ?, ?, ?)`,
				b.Title, b.From, b.To, b.Amount)
			if err != nil {
				return mapErr(err)
			}
			b.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE training_budget SET title = ?, from_day = ?, to_day = ?, amount = ? WHERE id = ?`,
			b.Title, b.From, b.To, b.Amount, b.ID)
		if err != nil {
			return mapErr(err)
		}
		return mustAffect(res)
	})
}

// DeleteTrainingBudget removes a budget; its period's items stay.
func (db *DB) DeleteTrainingBudget(ctx context.Context, id int64) error {
	return deleteRow(ctx, db, "training_budget", id)
}
