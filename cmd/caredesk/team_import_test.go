package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caredesk/data"
	"caredesk/data/sqlite"
)

// copyFixture copies an importer fixture into dir, so that the rejects
// file lands there.
func copyFixture(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "importer", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, string(b))
}

// The three team imports run in order on a real database: employees from
// a Windows-1251 file, courses, then a plan naming both; a re-import
// changes nothing; a plan row naming an unknown employee is reported with
// its row and column and the rest is stored.
func TestCLIImportTeam(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	code, out, errOut := cli(t, db, "import", "employees", copyFixture(t, dir, "team_employees_ru_cp1251.csv"))
	if code != 0 || !strings.Contains(out, "Employees: 6 rows read — 6 added, 0 updated, 0 unchanged, 0 rejected") {
		t.Fatalf("employees: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = cli(t, db, "import", "courses", copyFixture(t, dir, "team_courses_en.csv"))
	if code != 0 || !strings.Contains(out, "Courses: 6 rows read — 6 added") {
		t.Fatalf("courses: exit %d\n%s%s", code, out, errOut)
	}
	plan := copyFixture(t, dir, "team_plan.xlsx")
	code, out, errOut = cli(t, db, "import", "training-plan", plan)
	if code != 0 || !strings.Contains(out, "Training plan: 6 rows read — 6 added") {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = cli(t, db, "import", "training-plan", plan)
	if code != 0 || !strings.Contains(out, "0 added, 0 updated, 6 unchanged") {
		t.Errorf("re-import: exit %d\n%s%s", code, out, errOut)
	}

	bad := copyFixture(t, dir, "team_plan_bad.csv")
	code, out, errOut = cli(t, db, "import", "training-plan", bad)
	if code != 0 || !strings.Contains(out, "6 rejected") ||
		!strings.Contains(errOut, "team_plan_bad.csv:6: column «Сотрудник», value «Неизвестный Сотрудник»: No such employee") ||
		!strings.Contains(errOut, "team_plan_bad.csv:4: column «План окончание», value «10.11.2025»: The planned end is before the planned start") {
		t.Errorf("bad plan: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "team_plan_bad.rejects.csv")); err != nil {
		t.Errorf("rejects file: %v", err)
	}

	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	items, err := st.TrainingItems(context.Background(), data.TrainingFilter{})
	if err != nil || len(items) != 8 {
		t.Fatalf("stored items: %d, %v; want 6 from the workbook and 2 good rows of the bad file", len(items), err)
	}
	emps, err := st.Employees(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range emps {
		if e.Name == "Мария Кузнецова" && (e.Status != data.EmployeeOnLeave || e.HiredOn != data.DateDay(2023, 1, 10)) {
			t.Errorf("stored employee: %+v", e)
		}
	}
}

// --strict stores nothing from a file with a bad row; a missing name
// column names the --map flag that fixes it.
func TestCLIImportTeamStrictAndErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	if code, out, errOut := cli(t, db, "import", "employees", copyFixture(t, dir, "team_employees_ru_cp1251.csv")); code != 0 {
		t.Fatalf("employees: %s%s", out, errOut)
	}
	if code, out, errOut := cli(t, db, "import", "courses", copyFixture(t, dir, "team_courses_en.csv")); code != 0 {
		t.Fatalf("courses: %s%s", out, errOut)
	}
	code, _, errOut := cli(t, db, "import", "training-plan", "--strict", copyFixture(t, dir, "team_plan_bad.csv"))
	if code == 0 || !strings.Contains(errOut, "nothing was imported") {
		t.Errorf("strict: exit %d, %s", code, errOut)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	items, err := st.TrainingItems(context.Background(), data.TrainingFilter{})
	st.Close()
	if err != nil || len(items) != 0 {
		t.Errorf("strict import left %d items (%v)", len(items), err)
	}

	noName := writeFile(t, dir, "staff.csv", "Who,Since\nАнна,2021-03-15\n")
	code, _, errOut = cli(t, db, "import", "employees", noName)
	if code == 0 || !strings.Contains(errOut, "--map name=COLUMN") {
		t.Errorf("no name column: exit %d, %s", code, errOut)
	}
	code, out, errOut := cli(t, db, "import", "employees", "--map", "name=Who", "--map", "hired=Since", noName)
	if code != 0 || !strings.Contains(out, "1 added") {
		t.Errorf("mapped: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = cli(t, db, "import", "courses", "--format", "zendesk", noName)
	if code == 0 || !strings.Contains(errOut, "zendesk") {
		t.Errorf("--format zendesk: exit %d, %s", code, errOut)
	}
}
