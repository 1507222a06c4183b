package importer_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"caredesk/data"
	"caredesk/data/importer"
)

// parseTeam parses a fixture with the rejects file kept out of the way.
func parseTeam(t *testing.T, kind importer.TeamKind, path string, known importer.TeamNames) (data.TeamImport, importer.TeamResult) {
	t.Helper()
	in, res, err := importer.ParseTeam(context.Background(), kind, path, importer.Options{RejectsPath: "-"}, known, nil)
	if err != nil {
		t.Fatalf("parse %s: %v", filepath.Base(path), err)
	}
	return in, res
}

var fixtureNames = importer.TeamNames{
	Employees: []string{"Анна Смирнова", "Игорь Волков", "Мария Кузнецова", "Ольга Лебедева", "Пётр Соколов"},
	Courses: []string{"De-escalation on the phone", "CRM advanced search", "Refunds and returns policy", "Shadowing a senior agent",
		"Mentoring programme"},
}

func TestParseEmployeesRussianCP1251(t *testing.T) {
	in, res := parseTeam(t, importer.TeamEmployees, "testdata/team_employees_ru_cp1251.csv", importer.TeamNames{})
	if res.Rejected != 0 {
		t.Fatalf("rejects: %+v", res.Rejects)
	}
	if len(in.Employees) != 6 || res.Rows != 6 {
		t.Fatalf("got %d employees from %d rows, want 6", len(in.Employees), res.Rows)
	}
	anna := in.Employees[0]
	want := data.Employee{Name: "Анна Смирнова", Position: "Старший специалист", Team: "Линия 2", HiredOn: data.DateDay(2021, 3, 15),
		Status: data.EmployeeActive, Active: true, Contact: "a.smirnova@example.ru", Notes: "Наставник новичков"}
	if anna != want {
		t.Errorf("first employee\n got %+v\nwant %+v", anna, want)
	}
	statuses := map[string]data.EmployeeStatus{}
	for _, e := range in.Employees {
		statuses[e.Name] = e.Status
	}
	for name, st := range map[string]data.EmployeeStatus{"Мария Кузнецова": data.EmployeeOnLeave, "Дмитрий Орлов": data.EmployeeLeft,
		"Ольга Лебедева": data.EmployeeActive, "Пётр Соколов": data.EmployeeActive} {
		if statuses[name] != st {
			t.Errorf("%s: status %q, want %q", name, statuses[name], st)
		}
	}
	if in.Employees[3].Active || in.Employees[3].Notes != `Ушёл в ООО "Вектор"` {
		t.Errorf("left employee: %+v", in.Employees[3])
	}
	if !hasWarning(res.Warnings, "import.warning.title_skipped") {
		t.Errorf("the title line above the header was not reported: %+v", res.Warnings)
	}
}

func TestParseCoursesEnglish(t *testing.T) {
	in, res := parseTeam(t, importer.TeamCourses, "testdata/team_courses_en.csv", importer.TeamNames{})
	if res.Rejected != 0 {
		t.Fatalf("rejects: %+v", res.Rejects)
	}
	got := map[string]data.CourseImport{}
	for _, c := range in.Courses {
		got[c.Title] = c
	}
	cases := []struct {
		title  string
		format data.CourseFormat
		hours  float64
		cost   int64
		skills []string
	}{
		{"De-escalation on the phone", data.FormatClassroom, 16, 120000, []string{"Empathy", "De-escalation"}},
		{"CRM advanced search", data.FormatOnline, 2.5, 0, []string{"CRM"}},
		{"Refunds and returns policy", data.FormatOnline, 1.5, 0, []string{"Refunds"}},
		{"Shadowing a senior agent", data.FormatShadowing, 24, 0, []string{"Product knowledge", "Empathy"}},
		{"Mentoring programme", data.FormatMentoring, 20, 0, []string{"Coaching"}},
		{"Business writing for support", data.FormatOnline, 8, 4900, []string{"Written communication"}},
	}
	for _, c := range cases {
		g, ok := got[c.title]
		if !ok {
			t.Errorf("%s: missing", c.title)
			continue
		}
		if g.Format != c.format || g.Hours != c.hours || g.Cost != c.cost || strings.Join(g.Skills, "|") != strings.Join(c.skills, "|") {
			t.Errorf("%s: got %s %.2fh cost %d skills %q", c.title, g.Format, g.Hours, g.Cost, g.Skills)
		}
	}
	if got["De-escalation on the phone"].Provider != "Skillbox Corporate" {
		t.Errorf("provider: %q", got["De-escalation on the phone"].Provider)
	}
}

func TestParseTrainingPlanXLSX(t *testing.T) {
	in, res := parseTeam(t, importer.TeamTrainingPlan, "testdata/team_plan.xlsx", fixtureNames)
	if res.Rejected != 0 {
		t.Fatalf("rejects: %+v", res.Rejects)
	}
	if len(in.Items) != 6 {
		t.Fatalf("got %d items, want 6", len(in.Items))
	}
	first := in.Items[0]
	if first.Employee != "Анна Смирнова" || first.Course != "De-escalation on the phone" || first.Row != 2 ||
		first.PlannedStart != data.DateDay(2025, 9, 1) || first.PlannedEnd != data.DateDay(2025, 9, 30) ||
		first.Status != data.TrainingDone || first.CompletedOn != data.DateDay(2025, 9, 26) || first.Result != "95" ||
		first.Certificate != "certs/smirnova-deesc.pdf" {
		t.Errorf("first item: %+v", first)
	}
	want := []data.TrainingStatus{data.TrainingDone, data.TrainingInProgress, data.TrainingCancelled, data.TrainingDone,
		data.TrainingPlanned, data.TrainingPlanned}
	for i, it := range in.Items {
		if it.Status != want[i] {
			t.Errorf("row %d: status %q, want %q", it.Row, it.Status, want[i])
		}
	}
	if in.Items[4].PlannedStart != data.DateDay(2025, 11, 3) {
		t.Errorf("a date typed as text in the workbook: %v", in.Items[4].PlannedStart)
	}
}

// Every bad row is reported with its file, row, column, value and a
// translated reason; the good rows still come through.
func TestParseTrainingPlanBadRows(t *testing.T) {
	in, res := parseTeam(t, importer.TeamTrainingPlan, "testdata/team_plan_bad.csv", fixtureNames)
	type rej struct {
		row         int
		column, val string
		code        string
	}
	want := []rej{
		{3, "Статус", "Непонятно", "teamimport.reject.training_status"},
		{4, "План окончание", "10.11.2025", "teamimport.reject.end_before_start"},
		{5, "Дата завершения", "", "teamimport.reject.done_without_date"},
		{6, "Сотрудник", "Неизвестный Сотрудник", "teamimport.reject.unknown_employee"},
		{7, "Курс", "Курс, которого нет", "teamimport.reject.unknown_course"},
		{8, "План начало", "31.02.2025", "import.reject.impossible_date"},
	}
	if len(res.Rejects) != len(want) || res.Rejected != len(want) {
		t.Fatalf("got %d rejects, want %d: %+v", len(res.Rejects), len(want), res.Rejects)
	}
	for i, w := range want {
		r := res.Rejects[i]
		if r.File != "team_plan_bad.csv" || r.Row != w.row || r.Column != w.column || r.Value != w.val || r.Code != w.code || r.Reason == "" {
			t.Errorf("reject %d: got %+v, want %+v", i, r, w)
		}
	}
	if len(in.Items) != 2 || in.Items[0].Row != 2 || in.Items[1].Row != 9 {
		t.Errorf("valid items: %+v", in.Items)
	}
}

func TestParseTeamMapOverride(t *testing.T) {
	path := writeFile(t, "staff.csv", []byte("Who,Where,Since\nАнна Смирнова,Линия 2,2021-03-15\n"))
	opt := importer.Options{RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldName: "Who", importer.FieldTeam: "Where",
		importer.FieldHired: "Since"}}
	in, _, err := importer.ParseTeam(context.Background(), importer.TeamEmployees, path, opt, importer.TeamNames{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Employees) != 1 || in.Employees[0].Team != "Линия 2" || in.Employees[0].HiredOn != data.DateDay(2021, 3, 15) {
		t.Errorf("mapped employee: %+v", in.Employees)
	}
	// Without the mapping the file has no name column: the preview warns
	// and the import error names the flag that fixes it.
	pv, err := importer.InspectTeam(importer.TeamEmployees, path, importer.Options{})
	if err != nil || !hasWarning(pv.Warnings, "teamimport.warning.no_column") || pv.NeedsFileDate || pv.Mapping[importer.FieldHired] != "Since" {
		t.Errorf("preview: %+v, %v", pv, err)
	}
	_, _, err = importer.ParseTeam(context.Background(), importer.TeamEmployees, path, importer.Options{RejectsPath: "-"}, importer.TeamNames{}, nil)
	if err == nil || !strings.Contains(err.Error(), "--map name=COLUMN") {
		t.Errorf("no name column: %v", err)
	}
}

func hasWarning(ws []importer.Message, code string) bool {
	for _, w := range ws {
		if w.Code == code {
			return true
		}
	}
	return false
}

// A plan from an HR system writes "Surname First-name Patronymic": the
// items go to the employees the store knows as "First-name Surname".
func TestParsePlanMatchesNameOrder(t *testing.T) {
	path := writeFile(t, "plan.csv", []byte("ФИО;Курс;Срок\n"+
		"Смирнова Анна Сергеевна;CRM advanced search;28.11.2025\n"+
		"ВОЛКОВ  игорь;crm  advanced search;28.11.2025\n"+
		"Смирнова Мария;CRM advanced search;28.11.2025\n"))
	in, res := parseTeam(t, importer.TeamTrainingPlan, path, fixtureNames)
	if len(in.Items) != 2 || in.Items[0].Employee != "Анна Смирнова" || in.Items[1].Employee != "Игорь Волков" ||
		in.Items[1].Course != "CRM advanced search" {
		t.Errorf("items: %+v", in.Items)
	}
	// A deadline alone places a one-day item on it.
	if len(in.Items) > 0 && (in.Items[0].PlannedStart != data.DateDay(2025, 11, 28) || in.Items[0].PlannedEnd != in.Items[0].PlannedStart) {
		t.Errorf("deadline only: %+v", in.Items[0])
	}
	if res.Rejected != 1 || res.Rejects[0].Row != 4 || res.Rejects[0].Code != "teamimport.reject.unknown_employee" {
		t.Errorf("rejects: %+v", res.Rejects)
	}
}

// An English HR export in TSV with US dates: the column decides the
// month-first order; statuses in HR words.
func TestParseEmployeesEnglishTSV(t *testing.T) {
	path := writeFile(t, "staff.tsv", []byte("Full name\tJob title\tDepartment\tHire date\tEmployment status\tWork email\n"+
		"Anna Reed\tSupport specialist\tFirst line\t03/15/2021\tActive\tanna.reed@example.com\n"+
		"Nick Harper\tSupport specialist\tFirst line\t11/02/2020\tTerminated\t\n"+
		"Tina Ellis\tQuality specialist\tQuality\t01/09/2018\tOn Leave\t\n"+
		"Ian Foster\tSupport specialist\tFirst line\t07/04/2022\tRetired?\t\n"))
	in, res := parseTeam(t, importer.TeamEmployees, path, importer.TeamNames{})
	if len(in.Employees) != 3 || in.Employees[0].HiredOn != data.DateDay(2021, 3, 15) || in.Employees[1].HiredOn != data.DateDay(2020, 11, 2) ||
		in.Employees[1].Status != data.EmployeeLeft || in.Employees[1].Active || in.Employees[2].Status != data.EmployeeOnLeave ||
		in.Employees[0].Position != "Support specialist" || in.Employees[0].Team != "First line" {
		t.Errorf("employees: %+v", in.Employees)
	}
	if res.Rejected != 1 || res.Rejects[0].Row != 5 || res.Rejects[0].Column != "Employment status" || res.Rejects[0].Value != "Retired?" ||
		res.Rejects[0].Code != "teamimport.reject.employee_status" {
		t.Errorf("rejects: %+v", res.Rejects)
	}
}

// An LMS export describes its learners and courses: those the store does
// not know are created with the plan; a course it neither knows nor
// describes is still a reject.
func TestParsePlanDefinesEmployeesAndCourses(t *testing.T) {
	path := writeFile(t, "lms.csv", []byte("Learner,Department,Course,Course type,Duration (hours),Start date,Due date,Status\n"+
		"Vera Olsen,First line,Phone skills workshop,Classroom,6,2025-11-03,2025-11-04,Enrolled\n"+
		"Vera Olsen,First line,CRM advanced search,,,2025-11-10,2025-11-14,Enrolled\n"+
		"Анна Смирнова,Линия 2,Phone skills workshop,Classroom,6,2025-11-03,2025-11-04,Enrolled\n"+
		"Анна Смирнова,Линия 2,Unknown course,,,2025-11-03,2025-11-04,Enrolled\n"))
	in, res := parseTeam(t, importer.TeamTrainingPlan, path, fixtureNames)
	if len(in.Employees) != 1 || in.Employees[0].Name != "Vera Olsen" || in.Employees[0].Team != "First line" {
		t.Errorf("employees: %+v", in.Employees)
	}
	if len(in.Courses) != 1 || in.Courses[0].Title != "Phone skills workshop" || in.Courses[0].Format != data.FormatClassroom || in.Courses[0].Hours != 6 {
		t.Errorf("courses: %+v", in.Courses)
	}
	if len(in.Items) != 3 || res.Rejected != 1 || res.Rejects[0].Row != 5 || res.Rejects[0].Code != "teamimport.reject.unknown_course" {
		t.Errorf("items %+v, rejects %+v", in.Items, res.Rejects)
	}
	// The store takes it in one go: the new employee and course first.
	db := openStore(t)
	ref := data.TeamImport{FileName: "ref", Employees: []data.Employee{{Name: "Анна Смирнова", Active: true}},
		Courses: []data.CourseImport{{Course: data.Course{Title: "CRM advanced search", Format: data.FormatOnline}}}}
	if _, err := db.ImportTeam(context.Background(), ref); err != nil {
		t.Fatal(err)
	}
	r, err := importer.ImportTeam(context.Background(), db, importer.TeamTrainingPlan, path, importer.Options{RejectsPath: "-"}, nil)
	if err != nil || r.Created != 5 {
		t.Errorf("import: %+v, %v; want 1 employee, 1 course and 3 items created", r.TeamImportResult, err)
	}
}
