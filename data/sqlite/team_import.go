package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"caredesk/data"
)

// ImportTeam stores a team import file in one transaction: every row or
// none. Employees are matched by name and courses by title (case ignored,
// Cyrillic included), plan items by employee, course and planned start;
// matches are updated, the rest created. A blank or zero field of a
// matched employee or course keeps the stored value, so a file without a
// column leaves that column alone. An item naming an employee or course
// that is neither stored nor in the file fails the whole import with an
// error naming its row and column (data.ErrInvalid).
func (db *DB) ImportTeam(ctx context.Context, in data.TeamImport) (data.TeamImportResult, error) {
	var res data.TeamImportResult
	err := inWrite(ctx, db, fmt.Sprintf("import team file %s", in.FileName), func(tx *sql.Tx) error {
		imp, err := newTeamImport(ctx, tx)
		if err != nil {
			return err
		}
		for _, e := range in.Employees {
			if err := imp.employee(e); err != nil {
				return fmt.Errorf("employee %q: %w", e.Name, err)
			}
		}
		for _, c := range in.Courses {
			if err := imp.course(c); err != nil {
				return fmt.Errorf("course %q: %w", c.Title, err)
			}
		}
		for _, it := range in.Items {
			if err := imp.item(it); err != nil {
				return fmt.Errorf("row %d, %w", it.Row, err)
			}
		}
		res = imp.res
		return nil
	})
	if err != nil {
		return data.TeamImportResult{}, err
	}
	return res, nil
}

// teamImport holds the catalogue as the import goes, keyed by lowercased
// name: SQLite's NOCASE folds ASCII only.
type teamImport struct {
	ctx       context.Context
	tx        *sql.Tx
	employees map[string]data.Employee
	courses   map[string]data.Course
	skills    map[string]int64
	// items are the stored plan items by employee, course and planned
	// start, read once at the first item: a query per row cost 50 µs.
	items map[itemKey]data.TrainingItem
	res   data.TeamImportResult
}

func nameKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func newTeamImport(ctx context.Context, tx *sql.Tx) (*teamImport, error) {
	imp := &teamImport{ctx: ctx, tx: tx, employees: map[string]data.Employee{}, courses: map[string]data.Course{}, skills: map[string]int64{}}
	emps, err := scanList(ctx, tx, `SELECT `+employeeColumns+` FROM employee ORDER BY id DESC`, nil, employeeFields)
	if err != nil {
		return nil, err
	}
	for _, e := range emps { // by id descending: the oldest of namesakes wins
		imp.employees[nameKey(e.Name)] = e
	}
	courses, err := scanList(ctx, tx, `SELECT id, title, format, hours, provider, cost FROM course`, nil,
		func(c *data.Course) []any { return []any{&c.ID, &c.Title, &c.Format, &c.Hours, &c.Provider, &c.Cost} })
	if err != nil {
		return nil, err
	}
	type link struct{ course, skill int64 }
	links, err := scanList(ctx, tx, `SELECT course_id, skill_id FROM course_skill ORDER BY course_id, skill_id`, nil,
		func(l *link) []any { return []any{&l.course, &l.skill} })
	if err != nil {
		return nil, err
	}
	skillsOf := map[int64][]int64{}
	for _, l := range links {
		skillsOf[l.course] = append(skillsOf[l.course], l.skill)
	}
	for _, c := range courses {
		c.SkillIDs = skillsOf[c.ID]
		imp.courses[nameKey(c.Title)] = c
	}
	skills, err := scanList(ctx, tx, `SELECT id, name, skill_group FROM skill`, nil,
		func(s *data.Skill) []any { return []any{&s.ID, &s.Name, &s.Group} })
	if err != nil {
		return nil, err
	}
	for _, s := range skills {
		imp.skills[nameKey(s.Name)] = s.ID
	}
	return imp, nil
}

// count records what happened to one row.
func (imp *teamImport) count(created, changed bool) {
	switch {
	case created:
		imp.res.Created++
	case changed:
		imp.res.Updated++
	default:
		imp.res.Unchanged++
	}
}

func (imp *teamImport) employee(in data.Employee) error {
	if err := in.Validate(); err != nil {
		return err
	}
	stored, found := imp.employees[nameKey(in.Name)]
	e := in
	if found {
		e = stored
		keepText(&e.Position, in.Position)
		keepText(&e.Team, in.Team)
		keepText(&e.Contact, in.Contact)
		keepText(&e.Notes, in.Notes)
		if in.HiredOn != 0 {
			e.HiredOn = in.HiredOn
		}
		if in.Status != "" {
			e.Status = in.Status
		}
	}
	e.Normalize()
	if found && e == stored {
		imp.count(false, false)
		return nil
	}
	if err := saveEmployee(imp.ctx, imp.tx, &e); err != nil {
		return err
	}
	imp.employees[nameKey(e.Name)] = e
	imp.count(!found, true)
	return nil
}

// keepText sets *dst to v unless v is blank.
func keepText(dst *string, v string) {
	if v = strings.TrimSpace(v); v != "" {
		*dst = v
	}
}

func (imp *teamImport) course(in data.CourseImport) error {
	c := in.Course
	var err error
	if c.SkillIDs, err = imp.skillIDs(in.Skills); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	stored, found := imp.courses[nameKey(c.Title)]
	if found {
		merged := stored
		merged.Format = c.Format
		keepText(&merged.Provider, c.Provider)
		if c.Hours != 0 {
			merged.Hours = c.Hours
		}
		if c.Cost != 0 {
			merged.Cost = c.Cost
		}
		if len(c.SkillIDs) > 0 {
			merged.SkillIDs = c.SkillIDs
		}
		c = merged
	}
	slices.Sort(c.SkillIDs)
	c.SkillIDs = slices.Compact(c.SkillIDs)
	if found && sameCourse(c, stored) {
		imp.count(false, false)
		return nil
	}
	if err := saveCourse(imp.ctx, imp.tx, &c); err != nil {
		return err
	}
	imp.courses[nameKey(c.Title)] = c
	imp.count(!found, true)
	return nil
}

func sameCourse(a, b data.Course) bool {
	return a.Title == b.Title && a.Format == b.Format && a.Hours == b.Hours && a.Provider == b.Provider && a.Cost == b.Cost &&
		slices.Equal(a.SkillIDs, b.SkillIDs)
}

// skillIDs finds the named skills, creating the new ones with no group.
func (imp *teamImport) skillIDs(names []string) ([]int64, error) {
	var ids []int64
	for _, name := range names {
		if strings.TrimSpace(name) == "" {
			continue
		}
		id, ok := imp.skills[nameKey(name)]
		if !ok {
			s := data.Skill{Name: name}
			if err := saveSkill(imp.ctx, imp.tx, &s); err != nil {
				return nil, fmt.Errorf("skill %q: %w", name, err)
			}
			id = s.ID
			imp.skills[nameKey(name)] = id
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func (imp *teamImport) item(in data.TrainingItemImport) error {
	e, ok := imp.employees[nameKey(in.Employee)]
	if !ok {
		return fmt.Errorf("column employee: no employee named %q: %w", in.Employee, data.ErrInvalid)
	}
	c, ok := imp.courses[nameKey(in.Course)]
	if !ok {
		return fmt.Errorf("column course: no course titled %q: %w", in.Course, data.ErrInvalid)
	}
	t := in.TrainingItem
	t.ID, t.EmployeeID, t.CourseID = 0, e.ID, c.ID
	if err := t.Validate(); err != nil {
		return err
	}
	if imp.items == nil {
		stored, err := scanList(imp.ctx, imp.tx, `SELECT `+trainingItemColumns+` FROM training_item ORDER BY id DESC`, nil, trainingItemFields)
		if err != nil {
			return err
		}
		imp.items = make(map[itemKey]data.TrainingItem, len(stored))
		for _, it := range stored { // by id descending: the oldest of duplicates wins
			imp.items[keyOf(it)] = it
		}
	}
	stored, found := imp.items[keyOf(t)]
	if found {
		merged := stored
		merged.PlannedEnd, merged.Status, merged.CompletedOn = t.PlannedEnd, t.Status, t.CompletedOn
		keepText(&merged.Result, t.Result)
		keepText(&merged.Certificate, t.Certificate)
		if t.StartedOn != 0 {
			merged.StartedOn = t.StartedOn
		}
		if t = merged; t == stored {
			imp.count(false, false)
			return nil
		}
	}
	if err := saveTrainingItem(imp.ctx, imp.tx, &t); err != nil {
		return err
	}
	imp.items[keyOf(t)] = t
	imp.count(!found, true)
	return nil
}

// itemKey is what makes two plan items one for an import.
type itemKey struct {
	employee, course int64
	start            data.Day
}

func keyOf(t data.TrainingItem) itemKey { return itemKey{t.EmployeeID, t.CourseID, t.PlannedStart} }
