package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"caredesk/data"
)

// Courses returns the catalogue by title, each with its skills.
func (db *DB) Courses(ctx context.Context) ([]data.Course, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("list courses: %w", err)
	}
	defer tx.Rollback()
	courses, err := scanList(ctx, tx, `SELECT id, title, format, hours, provider, cost FROM course ORDER BY title, id`, nil,
		func(c *data.Course) []any { return []any{&c.ID, &c.Title, &c.Format, &c.Hours, &c.Provider, &c.Cost} })
	if err != nil {
		return nil, fmt.Errorf("list courses: %w", err)
	}
	type link struct{ course, skill int64 }
	links, err := scanList(ctx, tx, `SELECT course_id, skill_id FROM course_skill ORDER BY course_id, skill_id`, nil,
		func(l *link) []any { return []any{&l.course, &l.skill} })
	if err != nil {
		return nil, fmt.Errorf("list courses: %w", err)
	}
	index := make(map[int64]int, len(courses))
	for i, c := range courses {
		index[c.ID] = i
	}
	for _, l := range links {
		c := &courses[index[l.course]]
		c.SkillIDs = append(c.SkillIDs, l.skill)
	}
	return courses, tx.Commit()
}

// SaveCourse creates c (ID 0) or updates it with its skills; a title
// already taken (case ignored) is data.ErrConflict.
func (db *DB) SaveCourse(ctx context.Context, c *data.Course) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return inWrite(ctx, db, fmt.Sprintf("save course %q", c.Title), func(tx *sql.Tx) error {
		return saveCourse(ctx, tx, c)
	})
}

func saveCourse(ctx context.Context, tx *sql.Tx, c *data.Course) error {
	c.Title, c.Provider = strings.TrimSpace(c.Title), strings.TrimSpace(c.Provider)
	if c.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO course (title, format, hours, provider, cost) VALUES (?, ?, ?, ?, ?)`,
			c.Title, string(c.Format), c.Hours, c.Provider, c.Cost)
		if err != nil {
			return mapErr(err)
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE course SET title = ?, format = ?, hours = ?, provider = ?, cost = ? WHERE id = ?`,
			c.Title, string(c.Format), c.Hours, c.Provider, c.Cost, c.ID)
		if err != nil {
			return mapErr(err)
		}
		if err := mustAffect(res); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM course_skill WHERE course_id = ?`, c.ID); err != nil {
			return err
		}
	}
	slices.Sort(c.SkillIDs)
	c.SkillIDs = slices.Compact(c.SkillIDs)
	for _, s := range c.SkillIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO course_skill (course_id, skill_id) VALUES (?, ?)`, c.ID, s); err != nil {
			return fmt.Errorf("skill %d: %w", s, mapErr(err))
		}
	}
	return nil
}

// DeleteCourse removes a course no plan item or goal uses (data.ErrConflict
// otherwise); its skill links go with it.
func (db *DB) DeleteCourse(ctx context.Context, id int64) error {
	return inWrite(ctx, db, fmt.Sprintf("delete course %d", id), func(tx *sql.Tx) error {
		var used bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM training_item WHERE course_id = ?)
			OR EXISTS (SELECT 1 FROM goal WHERE course_id = ?)`, id, id).Scan(&used); err != nil {
			return err
		}
		if used {
			return fmt.Errorf("plan items or goals use the course: %w", data.ErrConflict)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM course WHERE id = ?`, id)
		if err != nil {
			return mapErr(err)
		}
		return mustAffect(res)
	})
}
