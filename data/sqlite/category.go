package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"caredesk/data"
)

// Categories returns every category, parents first, by English name (the
// Russian one when there is no English name).
func (db *DB) Categories(ctx context.Context) ([]data.Category, error) {
	return readList(ctx, db, "list categories", `SELECT id, coalesce(parent_id, 0), name_en, name_ru FROM category
		ORDER BY parent_id IS NOT NULL, coalesce(nullif(name_en, ''), name_ru) COLLATE NOCASE, id`, nil,
		func(c *data.Category) []any { return []any{&c.ID, &c.ParentID, &c.NameEN, &c.NameRU} })
}

// SaveCategory creates c (ID 0) or renames it. A subcategory's parent must
// be a top-level category.
func (db *DB) SaveCategory(ctx context.Context, c *data.Category) error {
	if err := c.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("save category %q: %w", c.Name("en"), err)
	}
	defer tx.Rollback()
	if err := saveCategory(ctx, tx, c); err != nil {
		return fmt.Errorf("save category %q: %w", c.Name("en"), err)
	}
	return tx.Commit()
}

func saveCategory(ctx context.Context, tx *sql.Tx, c *data.Category) error {
	c.NameEN, c.NameRU = strings.TrimSpace(c.NameEN), strings.TrimSpace(c.NameRU)
	if c.ParentID != 0 {
		if c.ParentID == c.ID {
			return fmt.Errorf("a category cannot be its own parent: %w", data.ErrInvalid)
		}
		var grand sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT parent_id FROM category WHERE id = ?`, c.ParentID).Scan(&grand); err != nil {
			return fmt.Errorf("parent %d: %w", c.ParentID, mapErr(err))
		}
		if grand.Valid {
			return fmt.Errorf("parent %d is a subcategory itself: %w", c.ParentID, data.ErrInvalid)
		}
	}
	if c.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO category (parent_id, name_en, name_ru) VALUES (?, ?, ?)`,
			nullID(c.ParentID), c.NameEN, c.NameRU)
		if err != nil {
			return mapErr(err)
		}
		c.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE category SET parent_id = ?, name_en = ?, name_ru = ? WHERE id = ?`,
		nullID(c.ParentID), c.NameEN, c.NameRU, c.ID)
	if err != nil {
		return mapErr(err)
	}
	return mustAffect(res)
}

// DeleteCategory removes a category that no complaint and no subcategory
// uses; otherwise it is data.ErrConflict.
func (db *DB) DeleteCategory(ctx context.Context, id int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete category %d: %w", id, err)
	}
	defer tx.Rollback()
	var used bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM complaint WHERE category_id = ?)
		OR EXISTS (SELECT 1 FROM complaint WHERE subcategory_id = ?)
		OR EXISTS (SELECT 1 FROM category WHERE parent_id = ?)`, id, id, id).Scan(&used); err != nil {
		return fmt.Errorf("delete category %d: %w", id, err)
	}
	if used {
		return fmt.Errorf("delete category %d: complaints or subcategories use it: %w", id, data.ErrConflict)
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM category WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete category %d: %w", id, mapErr(err))
	}
	if err := mustAffect(res); err != nil {
		return fmt.Errorf("delete category %d: %w", id, err)
	}
	return tx.Commit()
}

// mustAffect turns an UPDATE or DELETE that matched nothing into
// data.ErrNotFound.
func mustAffect(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return data.ErrNotFound
	}
	return nil
}

// categoryByName finds a category under parent (0 = top level) whose
// English or Russian name is name, ignoring case, or creates it with the
// name in the language its letters are written in.
func categoryByName(ctx context.Context, tx *sql.Tx, name string, parent int64) (int64, error) {
	name = strings.TrimSpace(name)
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM category
		WHERE coalesce(parent_id, 0) = ? AND (`+lowerFunc+`(name_en) = ? OR `+lowerFunc+`(name_ru) = ?) ORDER BY id LIMIT 1`,
		parent, strings.ToLower(name), strings.ToLower(name)).Scan(&id)
	if !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	c := data.Category{ParentID: parent, NameEN: name}
	if isCyrillic(name) {
		c.NameEN, c.NameRU = "", name
	}
	if err := saveCategory(ctx, tx, &c); err != nil {
		return 0, err
	}
	return c.ID, nil
}

func isCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
