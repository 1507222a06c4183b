package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"caredesk/data"
)

// inWrite runs fn in one write transaction and commits it; what names the
// operation in errors.
func inWrite(ctx context.Context, db *DB, what string, fn func(tx *sql.Tx) error) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// deleteRow deletes the row id of table (a constant of ours, never user
// input) in one transaction; a missing row is data.ErrNotFound.
func deleteRow(ctx context.Context, db *DB, table string, id int64) error {
	return inWrite(ctx, db, fmt.Sprintf("delete %s %d", strings.ReplaceAll(table, "_", " "), id), func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id)
		if err != nil {
			return mapErr(err)
		}
		return mustAffect(res)
	})
}

// Checkpoints returns an employee's onboarding checkpoints by due date.
func (db *DB) Checkpoints(ctx context.Context, employeeID int64) ([]data.OnboardingCheckpoint, error) {
	return readList(ctx, db, "list onboarding checkpoints",
		`SELECT id, employee_id, mark, goal, due, met, comment FROM onboarding_checkpoint
		WHERE employee_id = ? ORDER BY due, mark, id`, []any{employeeID},
		func(c *data.OnboardingCheckpoint) []any {
			return []any{&c.ID, &c.EmployeeID, &c.Mark, &c.Goal, &c.Due, &c.Met, &c.Comment}
		})
}

// SaveCheckpoint creates c (ID 0) or updates it.
func (db *DB) SaveCheckpoint(ctx context.Context, c *data.OnboardingCheckpoint) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return inWrite(ctx, db, fmt.Sprintf("save onboarding checkpoint %q", c.Goal), func(tx *sql.Tx) error {
		return saveCheckpoint(ctx, tx, c)
	})
}

func saveCheckpoint(ctx context.Context, tx *sql.Tx, c *data.OnboardingCheckpoint) error {
	c.Goal, c.Comment = strings.TrimSpace(c.Goal), strings.TrimSpace(c.Comment)
	if c.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO onboarding_checkpoint (employee_id, mark, goal, due, met, comment)
			VALUES (?, ?, ?, ?, ?, ?)`, c.EmployeeID, c.Mark, c.Goal, c.Due, c.Met, c.Comment)
		if err != nil {
			return mapErr(err)
		}
		c.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE onboarding_checkpoint SET employee_id = ?, mark = ?, goal = ?, due = ?, met = ?, comment = ?
		WHERE id = ?`, c.EmployeeID, c.Mark, c.Goal, c.Due, c.Met, c.Comment, c.ID)
	if err != nil {
		return mapErr(err)
	}
	return mustAffect(res)
}

// DeleteCheckpoint removes one checkpoint.
func (db *DB) DeleteCheckpoint(ctx context.Context, id int64) error {
	return deleteRow(ctx, db, "onboarding_checkpoint", id)
}

// PlanOnboarding adds the 30/60/90-day checkpoints with goals, due that
// many days after the employee's hire date (which must be known). A blank
// goal skips its checkpoint.
func (db *DB) PlanOnboarding(ctx context.Context, employeeID int64, goals [3]string) ([]data.OnboardingCheckpoint, error) {
	var out []data.OnboardingCheckpoint
	err := inWrite(ctx, db, fmt.Sprintf("plan onboarding of employee %d", employeeID), func(tx *sql.Tx) error {
		var hired sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT hired_on FROM employee WHERE id = ?`, employeeID).Scan(&hired); err != nil {
			return mapErr(err)
		}
		if !hired.Valid {
			return fmt.Errorf("the hire date is unknown: %w", data.ErrInvalid)
		}
		for i, mark := range data.OnboardingMarks {
			if strings.TrimSpace(goals[i]) == "" {
				continue
			}
			c := data.OnboardingCheckpoint{EmployeeID: employeeID, Mark: mark, Goal: goals[i], Due: data.Day(hired.Int64) + data.Day(mark)}
			if err := c.Validate(); err != nil {
				return err
			}
			if err := saveCheckpoint(ctx, tx, &c); err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
