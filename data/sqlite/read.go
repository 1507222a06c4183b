package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// readList runs query in a read transaction and returns its rows, each
// read into a T through the pointers fields gives (see scanList); what
// names the list in errors.
func readList[T any](ctx context.Context, db *DB, what, query string, args []any, fields func(*T) []any) ([]T, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	out, err := scanList(ctx, tx, query, args, fields)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, tx.Commit()
}

// scanList runs query in tx and returns its rows, each scanned into a T
// through the pointers fields gives for it. Every row is scanned into one
// T and copied out, so a row costs no allocation of its own.
func scanList[T any](ctx context.Context, tx *sql.Tx, query string, args []any, fields func(*T) []any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var row T
	dest := fields(&row)
	var out []T
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rows.Err()
}
