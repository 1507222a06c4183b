package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"caredesk/data"
)

// Employees returns every employee by name.
func (db *DB) Employees(ctx context.Context) ([]data.Employee, error) {
	return readList(ctx, db, "list employees", `SELECT id, name, position, active FROM employee ORDER BY name, id`, nil,
		func(e *data.Employee) []any { return []any{&e.ID, &e.Name, &e.Position, &e.Active} })
}

// SaveEmployee creates e (ID 0) or updates it.
func (db *DB) SaveEmployee(ctx context.Context, e *data.Employee) error {
	if err := e.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("save employee %q: %w", e.Name, err)
	}
	defer tx.Rollback()
	if err := saveEmployee(ctx, tx, e); err != nil {
		return fmt.Errorf("save employee %q: %w", e.Name, err)
	}
	return tx.Commit()
}

func saveEmployee(ctx context.Context, tx *sql.Tx, e *data.Employee) error {
	e.Name, e.Position = strings.TrimSpace(e.Name), strings.TrimSpace(e.Position)
	if e.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO employee (name, position, active) VALUES (?, ?, ?)`, e.Name, e.Position, e.Active)
		if err != nil {
			return mapErr(err)
		}
		e.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE employee SET name = ?, position = ?, active = ? WHERE id = ?`, e.Name, e.Position, e.Active, e.ID)
	if err != nil {
		return mapErr(err)
	}
	return mustAffect(res)
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
