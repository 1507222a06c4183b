package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"caredesk/data"
)

// Clients returns every client sorted by name.
func (db *DB) Clients(ctx context.Context) ([]data.Client, error) {
	return readList(ctx, db, "list clients", `SELECT id, name, segment, tier FROM client ORDER BY name, id`, nil,
		func(c *data.Client) []any { return []any{&c.ID, &c.Name, &c.Segment, &c.Tier} })
}

// CreateClient stores c and sets its ID. A name already taken (ignoring
// ASCII case) is data.ErrConflict.
func (db *DB) CreateClient(ctx context.Context, c *data.Client) error {
	if err := c.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create client %q: %w", c.Name, err)
	}
	defer tx.Rollback()
	if err := createClient(ctx, tx, c); err != nil {
		return fmt.Errorf("create client %q: %w", c.Name, err)
	}
	return tx.Commit()
}

func createClient(ctx context.Context, tx *sql.Tx, c *data.Client) error {
	c.Name = strings.TrimSpace(c.Name)
	c.Segment = strings.TrimSpace(c.Segment)
	c.Tier = strings.TrimSpace(c.Tier)
	res, err := tx.ExecContext(ctx, `INSERT INTO client (name, segment, tier) VALUES (?, ?, ?)`, c.Name, c.Segment, c.Tier)
	if err != nil {
		return mapErr(err)
	}
	c.ID, err = res.LastInsertId()
	return err
}

// clientByName finds a client by name (case-insensitive like the UNIQUE
// index) or creates it with segment. An existing client without a segment
// takes the given one; a different existing segment is kept.
func clientByName(ctx context.Context, tx *sql.Tx, name, segment string) (id int64, err error) {
	name, segment = strings.TrimSpace(name), strings.TrimSpace(segment)
	var current string
	err = tx.QueryRowContext(ctx, `SELECT id, segment FROM client WHERE name = ?`, name).Scan(&id, &current)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		c := data.Client{Name: name, Segment: segment}
		if err := createClient(ctx, tx, &c); err != nil {
			return 0, err
		}
		return c.ID, nil
	case err != nil:
		return 0, err
	}
	if current == "" && segment != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE client SET segment = ? WHERE id = ?`, segment, id); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// clientByNameTier finds a client by name or creates it with tier, like
// clientByName does with segments, and returns the client's tier.
func clientByNameTier(ctx context.Context, tx *sql.Tx, name, tier string) (id int64, current string, err error) {
	name, tier = strings.TrimSpace(name), strings.TrimSpace(tier)
	err = tx.QueryRowContext(ctx, `SELECT id, tier FROM client WHERE name = ?`, name).Scan(&id, &current)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		c := data.Client{Name: name, Tier: tier}
		if err := createClient(ctx, tx, &c); err != nil {
			return 0, "", err
		}
		return c.ID, tier, nil
	case err != nil:
		return 0, "", err
	}
	if current == "" && tier != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE client SET tier = ? WHERE id = ?`, tier, id); err != nil {
			return 0, "", err
		}
		current = tier
	}
	return id, current, nil
}

// clientTier returns the tier of client id.
func clientTier(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var tier string
	if err := tx.QueryRowContext(ctx, `SELECT tier FROM client WHERE id = ?`, id).Scan(&tier); err != nil {
		return "", fmt.Errorf("client %d: %w", id, mapErr(err))
	}
	return tier, nil
}

// clientCache remembers clients found or created during an import, keyed
// the way the NOCASE collation compares names (ASCII case folded only).
type clientCache map[string]cachedClient

type cachedClient struct {
	id         int64
	hasSegment bool
}

func nocaseKey(name string) string {
	name = strings.TrimSpace(name)
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' {
			return asciiLower(name)
		}
	}
	return name
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
