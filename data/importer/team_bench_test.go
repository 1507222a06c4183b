package importer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"caredesk/data"
	"caredesk/data/importer"
)

// The scale: 500 employees, 10,000 plan items over 50 courses.
const (
	benchEmployees = 500
	benchCourses   = 50
	benchItems     = 10_000
)

// writePlan writes a training plan CSV of n items (Russian headers,
// dd.mm.yyyy dates) and returns its path and the names it uses.
func writePlan(b testing.TB, n int) (string, importer.TeamNames) {
	var names importer.TeamNames
	for i := range benchEmployees {
		names.Employees = append(names.Employees, fmt.Sprintf("Сотрудник %03d", i))
	}
	for i := range benchCourses {
		names.Courses = append(names.Courses, fmt.Sprintf("Курс %02d", i))
	}
	statuses := []string{"Запланирован", "В процессе", "Завершён", "Отменён"}
	var sb strings.Builder
	sb.WriteString("Сотрудник;Курс;План начало;План окончание;Статус;Дата завершения;Результат\n")
	for i := range n {
		start := data.DateDay(2024, 1, 1) + data.Day(i%700)
		st := statuses[i%4]
		done, result := "", ""
		if st == "Завершён" {
			done, result = fmt.Sprint((start + 10).Time().Format("02.01.2006")), "85"
		}
		fmt.Fprintf(&sb, "%s;%s;%s;%s;%s;%s;%s\n", names.Employees[i%benchEmployees], names.Courses[(i/benchEmployees+i)%benchCourses],
			start.Time().Format("02.01.2006"), (start + 14).Time().Format("02.01.2006"), st, done, result)
	}
	return writeFile(b, "plan.csv", []byte(sb.String())), names
}

func BenchmarkTeamPlanParse10k(b *testing.B) {
	path, names := writePlan(b, benchItems)
	b.ReportAllocs()
	for b.Loop() {
		in, res, err := importer.ParseTeam(context.Background(), importer.TeamTrainingPlan, path, importer.Options{RejectsPath: "-"}, names, nil)
		if err != nil || res.Rejected != 0 || len(in.Items) != benchItems {
			b.Fatalf("parse: %d items, %d rejected, %v", len(in.Items), res.Rejected, err)
		}
	}
	b.ReportMetric(float64(benchItems)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkTeamPlanImport10k imports the whole plan into a real database
// that has the employees and courses, each iteration into a fresh one.
func BenchmarkTeamPlanImport10k(b *testing.B) {
	path, names := writePlan(b, benchItems)
	ctx := context.Background()
	b.ReportAllocs()
	var total float64
	for b.Loop() {
		b.StopTimer()
		db := openStore(b)
		ref := data.TeamImport{FileName: "ref"}
		for _, n := range names.Employees {
			ref.Employees = append(ref.Employees, data.Employee{Name: n, Active: true})
		}
		for _, c := range names.Courses {
			ref.Courses = append(ref.Courses, data.CourseImport{Course: data.Course{Title: c, Format: data.FormatOnline, Hours: 4}})
		}
		if _, err := db.ImportTeam(ctx, ref); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := importer.ImportTeam(ctx, db, importer.TeamTrainingPlan, path, importer.Options{RejectsPath: "-"}, nil)
		if err != nil || res.Created != benchItems {
			b.Fatalf("import: %+v, %v", res.TeamImportResult, err)
		}
		total += benchItems
	}
	b.ReportMetric(total/b.Elapsed().Seconds(), "rows/s")
}
