package importer_test

import (
	"context"
	"errors"
	"testing"

	"caredesk/data"
	"caredesk/data/importer"
)

// The high-level import the CLI and the wizard call: employees, courses
// and a plan through a real store, progress reported, a re-import
// unchanged, a cancelled import storing nothing.
func TestImportTeamThroughStore(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	opt := importer.Options{RejectsPath: "-"}
	for _, f := range []struct {
		kind importer.TeamKind
		path string
		n    int
	}{
		{importer.TeamEmployees, "testdata/team_employees_ru_cp1251.csv", 6},
		{importer.TeamCourses, "testdata/team_courses_en.csv", 6},
		{importer.TeamTrainingPlan, "testdata/team_plan.xlsx", 6},
	} {
		var last importer.Progress
		res, err := importer.ImportTeam(ctx, db, f.kind, f.path, opt, func(p importer.Progress) { last = p })
		if err != nil || !res.Committed || res.Created != f.n || res.Imported != f.n || res.Rows != f.n {
			t.Fatalf("%s: %+v, %v", f.kind, res, err)
		}
		if last.Rows != f.n {
			t.Errorf("%s: last progress %+v", f.kind, last)
		}
		again, err := importer.ImportTeam(ctx, db, f.kind, f.path, opt, nil)
		if err != nil || again.Unchanged != f.n || again.Duplicates != f.n || again.Created+again.Updated != 0 {
			t.Errorf("%s again: %+v, %v", f.kind, again.TeamImportResult, err)
		}
	}
	skills, err := db.Skills(ctx)
	if err != nil || len(skills) != 7 {
		t.Errorf("skills created from the course file: %d (%v), want 7", len(skills), err)
	}

	fresh := openStore(t)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := importer.ImportTeam(cancelled, fresh, importer.TeamEmployees, "testdata/team_employees_ru_cp1251.csv", opt, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled import: %v", err)
	}
	if emps, err := fresh.Employees(ctx); err != nil || len(emps) != 0 {
		t.Errorf("cancelled import left %d employees (%v)", len(emps), err)
	}
	items, err := db.TrainingItems(ctx, data.TrainingFilter{})
	if err != nil || len(items) != 6 {
		t.Errorf("items: %d (%v)", len(items), err)
	}
}
