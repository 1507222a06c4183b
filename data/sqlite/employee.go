package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"caredesk/data"
)

const employeeColumns = `id, name, position, active, team, coalesce(hired_on, 0), status, contact, notes`

func employeeFields(e *data.Employee) []any {
	return []any{&e.ID, &e.Name, &e.Position, &e.Active, &e.Team, &e.HiredOn, &e.Status, &e.Contact, &e.Notes}
}

// Employees returns every employee by name.
func (db *DB) Employees(ctx context.Context) ([]data.Employee, error) {
	return readList(ctx, db, "list employees", `SELECT `+employeeColumns+` FROM employee ORDER BY name, id`, nil, employeeFields)
}

// Employee returns one employee.
func (db *DB) Employee(ctx context.Context, id int64) (data.Employee, error) {
	var e data.Employee
	err := db.read.QueryRowContext(ctx, `SELECT `+employeeColumns+` FROM employee WHERE id = ?`, id).Scan(employeeFields(&e)...)
	if err != nil {
		return data.Employee{}, fmt.Errorf("employee %d: %w", id, mapErr(err))
	}
	return e, nil
}

// SaveEmployee normalizes e, then creates it (ID 0) or updates it. On an
// update where only Active changed (the complaint screens' checkbox), the
// status follows Active; otherwise Active follows the status.
func (db *DB) SaveEmployee(ctx context.Context, e *data.Employee) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return inWrite(ctx, db, fmt.Sprintf("save employee %q", e.Name), func(tx *sql.Tx) error {
		if e.ID != 0 && e.Status != "" {
			var active bool
			var status string
			err := tx.QueryRowContext(ctx, `SELECT active, status FROM employee WHERE id = ?`, e.ID).Scan(&active, &status)
			if err != nil {
				return mapErr(err)
			}
			if string(e.Status) == status && e.Active != active {
				e.Status = ""
			}
		}
		e.Normalize()
		return saveEmployee(ctx, tx, e)
	})
}

// saveEmployee stores a normalized e.
func saveEmployee(ctx context.Context, tx *sql.Tx, e *data.Employee) error {
	if e.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO employee (name, position, active, team, hired_on, status, contact, notes)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			e.Name, e.Position, e.Active, e.Team, zeroNil(int64(e.HiredOn)), string(e.Status), e.Contact, e.Notes)
		if err != nil {
			return mapErr(err)
		}
		e.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE employee SET name = ?, position = ?, active = ?, team = ?, hired_on = ?, status = ?,
		contact = ?, notes = ? WHERE id = ?`,
		e.Name, e.Position, e.Active, e.Team, zeroNil(int64(e.HiredOn)), string(e.Status), e.Contact, e.Notes, e.ID)
	if err != nil {
		return mapErr(err)
	}
	return mustAffect(res)
}

// DeleteEmployee removes an employee nothing of record refers to: no
// complaint (now or in its history), plan item or kudos. Their onboarding
// checkpoints, assessments and goals go with them.
func (db *DB) DeleteEmployee(ctx context.Context, id int64) error {
	return inWrite(ctx, db, fmt.Sprintf("delete employee %d", id), func(tx *sql.Tx) error {
		// One check at a time, cheapest first: complaint_event has no index
		// on assignee_id, so its scan runs only when nothing else refers to
		// the employee (deleting one is rare; an index would slow imports).
		for _, q := range []string{
			`SELECT EXISTS (SELECT 1 FROM complaint WHERE assignee_id = ?)`,
			`SELECT EXISTS (SELECT 1 FROM training_item WHERE employee_id = ?)`,
			`SELECT EXISTS (SELECT 1 FROM kudos WHERE employee_id = ?)`,
			`SELECT EXISTS (SELECT 1 FROM complaint_event WHERE assignee_id = ?)`,
		} {
			var used bool
			if err := tx.QueryRowContext(ctx, q, id).Scan(&used); err != nil {
				return err
			}
			if used {
				return fmt.Errorf("complaints, plan items or kudos refer to the employee (set the status to left instead): %w", data.ErrConflict)
			}
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM employee WHERE id = ?`, id)
		if err != nil {
			return mapErr(err)
		}
		return mustAffect(res)
	})
}

// employeeByName finds an employee by name (ASCII case ignored, like the
// column's collation) or creates an active one.
func employeeByName(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	name = strings.TrimSpace(name)
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM employee WHERE name = ? ORDER BY id LIMIT 1`, name).Scan(&id)
	if !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	e := data.Employee{Name: name, Active: true}
	e.Normalize()
	if err := saveEmployee(ctx, tx, &e); err != nil {
		return 0, err
	}
	return e.ID, nil
}

// employeeExists reports whether id is a stored employee.
func employeeExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var ok bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM employee WHERE id = ?)`, id).Scan(&ok); err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("employee %d: %w", id, data.ErrNotFound)
	}
	return nil
}
