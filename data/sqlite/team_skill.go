package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"caredesk/data"
)

// Skills returns the catalogue by group, then name.
func (db *DB) Skills(ctx context.Context) ([]data.Skill, error) {
	return readList(ctx, db, "list skills", `SELECT id, name, skill_group FROM skill
		ORDER BY skill_group COLLATE NOCASE, name, id`, nil,
		func(s *data.Skill) []any { return []any{&s.ID, &s.Name, &s.Group} })
}

// SaveSkill creates s (ID 0) or updates it; a name already taken (case
// ignored) is data.ErrConflict.
func (db *DB) SaveSkill(ctx context.Context, s *data.Skill) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return inWrite(ctx, db, fmt.Sprintf("save skill %q", s.Name), func(tx *sql.Tx) error {
		return saveSkill(ctx, tx, s)
	})
}

func saveSkill(ctx context.Context, tx *sql.Tx, s *data.Skill) error {
	s.Name, s.Group = strings.TrimSpace(s.Name), strings.TrimSpace(s.Group)
	if s.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO skill (name, skill_group) VALUES (?, ?)`, s.Name, s.Group)
		if err != nil {
			return mapErr(err)
		}
		s.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE skill SET name = ?, skill_group = ? WHERE id = ?`, s.Name, s.Group, s.ID)
	if err != nil {
		return mapErr(err)
	}
	return mustAffect(res)
}

// DeleteSkill removes a skill with its assessments, requirements, course
// and category links (the foreign keys cascade).
func (db *DB) DeleteSkill(ctx context.Context, id int64) error {
	return deleteRow(ctx, db, "skill", id)
}

// AddAssessment records a level in the history and sets a.ID.
func (db *DB) AddAssessment(ctx context.Context, a *data.SkillAssessment) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return inWrite(ctx, db, fmt.Sprintf("assess skill %d of employee %d", a.SkillID, a.EmployeeID), func(tx *sql.Tx) error {
		a.Note = strings.TrimSpace(a.Note)
		res, err := tx.ExecContext(ctx, `INSERT INTO skill_assessment (employee_id, skill_id, level, assessed_on, note)
			VALUES (?, ?, ?, ?, ?)`, a.EmployeeID, a.SkillID, int(a.Level), a.AssessedOn, a.Note)
		if err != nil {
			return mapErr(err)
		}
		a.ID, err = res.LastInsertId()
		return err
	})
}

// DeleteAssessment removes one entry of the history (a mistaken one).
func (db *DB) DeleteAssessment(ctx context.Context, id int64) error {
	return deleteRow(ctx, db, "skill_assessment", id)
}

func assessmentFields(a *data.SkillAssessment) []any {
	return []any{&a.ID, &a.EmployeeID, &a.SkillID, &a.Level, &a.AssessedOn, &a.Note}
}

// Assessments returns one employee's history (0 = everyone's), newest first.
func (db *DB) Assessments(ctx context.Context, employeeID int64) ([]data.SkillAssessment, error) {
	return readList(ctx, db, "list skill assessments", `SELECT id, employee_id, skill_id, level, assessed_on, note
		FROM skill_assessment WHERE ? = 0 OR employee_id = ? ORDER BY assessed_on DESC, id DESC`,
		[]any{employeeID, employeeID}, assessmentFields)
}

// CurrentLevels returns the newest assessment per employee and skill (the
// later entry when two share a day), by employee and skill.
func (db *DB) CurrentLevels(ctx context.Context) ([]data.SkillAssessment, error) {
	// SQLite's bare-column max(): the other columns come from the row that
	// holds the maximum, found along skill_assessment_current.
	return readList(ctx, db, "list current skill levels", `SELECT id, employee_id, skill_id, level, assessed_on, note FROM (
		SELECT max(assessed_on << 32 | id) AS newest, id, employee_id, skill_id, level, assessed_on, note
		FROM skill_assessment GROUP BY employee_id, skill_id) ORDER BY employee_id, skill_id`, nil, assessmentFields)
}

// Requirements returns what every position requires, by position and skill.
func (db *DB) Requirements(ctx context.Context) ([]data.SkillRequirement, error) {
	return readList(ctx, db, "list skill requirements", `SELECT position, skill_id, level FROM skill_requirement
		ORDER BY position, skill_id`, nil,
		func(r *data.SkillRequirement) []any { return []any{&r.Position, &r.SkillID, &r.Level} })
}

// SetRequirement sets the level a position requires in a skill; level 0
// removes the requirement.
func (db *DB) SetRequirement(ctx context.Context, r data.SkillRequirement) error {
	r.Position = strings.TrimSpace(r.Position)
	if r.Position == "" || r.SkillID == 0 || !r.Level.Valid() {
		return fmt.Errorf("set requirement: position, skill and a level from 0 to 4 are required: %w", data.ErrInvalid)
	}
	return inWrite(ctx, db, fmt.Sprintf("set requirement of %q", r.Position), func(tx *sql.Tx) error {
		if r.Level == data.SkillNone {
			_, err := tx.ExecContext(ctx, `DELETE FROM skill_requirement WHERE position = ? AND skill_id = ?`, r.Position, r.SkillID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO skill_requirement (position, skill_id, level) VALUES (?, ?, ?)
			ON CONFLICT (position, skill_id) DO UPDATE SET level = excluded.level`, r.Position, r.SkillID, int(r.Level))
		return mapErr(err)
	})
}

// CategorySkills maps each complaint category to its skills.
func (db *DB) CategorySkills(ctx context.Context) (map[int64][]int64, error) {
	type link struct{ category, skill int64 }
	links, err := readList(ctx, db, "list category skills", `SELECT category_id, skill_id FROM category_skill
		ORDER BY category_id, skill_id`, nil,
		func(l *link) []any { return []any{&l.category, &l.skill} })
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]int64)
	for _, l := range links {
		out[l.category] = append(out[l.category], l.skill)
	}
	return out, nil
}

// SetCategorySkills replaces the skills linked to a category.
func (db *DB) SetCategorySkills(ctx context.Context, categoryID int64, skillIDs []int64) error {
	return inWrite(ctx, db, fmt.Sprintf("set skills of category %d", categoryID), func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM category_skill WHERE category_id = ?`, categoryID); err != nil {
			return err
		}
		for _, s := range skillIDs {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO category_skill (category_id, skill_id) VALUES (?, ?)`,
				categoryID, s); err != nil {
				return mapErr(err)
			}
		}
		return nil
	})
}
