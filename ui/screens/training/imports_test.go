package training

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/data/importer"
)

// labels lists the texts of the labels laid out under o.
func labels(o fyne.CanvasObject) []string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		if l, ok := c.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

func TestImportCoursesThenAPlan(t *testing.T) {
	st := openStore(t)
	seedTeam(t, st)
	h := newHarness(t, st)
	s := h.screen
	dir := t.TempDir()
	courses := filepath.Join(dir, "courses.csv")
	must(t, os.WriteFile(courses, []byte("Название;Формат;Часы;Стоимость;Навыки\n"+
		"Эмпатия в переписке;онлайн;6;12 500,00;Empathy\n"+
		"Продукт от А до Я;очно;16;30 000,00;\n"), 0o600))
	ui(func() { s.ImportFile(importer.TeamCourses, courses) })
	h.settle()
	w := s.wizard
	if w == nil || w.Preview() == nil {
		t.Fatal("the wizard did not open a preview")
	}
	ui(w.Start)
	h.settle()
	if res, err := w.Result(); err != nil || res == nil || res.Imported != 2 {
		t.Fatalf("courses: %+v, %v", res, err)
	}
	ui(w.Close)
	h.settle()
	if len(s.look.courses) != 2 {
		t.Fatalf("the catalogue shows %d courses", len(s.look.courses))
	}

	plan := filepath.Join(dir, "plan.csv")
	must(t, os.WriteFile(plan, []byte("Сотрудник;Курс;Плановое начало;Плановое окончание;Статус\n"+
		"Anna Petrova;Эмпатия в переписке;01.12.2026;02.12.2026;запланировано\n"+
		"Boris Ivanov;Продукт от А до Я;02.11.2026;06.11.2026;запланировано\n"+
		"Nobody Known;Продукт от А до Я;02.11.2026;06.11.2026;запланировано\n"), 0o600))
	ui(func() { s.ImportFile(importer.TeamTrainingPlan, plan) })
	h.settle()
	w = s.wizard
	ui(w.Start)
	h.settle()
	res, err := w.Result()
	if err != nil || res == nil || res.Imported != 2 || res.Rejected != 1 || len(res.Rejects) != 1 || res.Rejects[0].Row == 0 {
		t.Fatalf("plan: %+v, %v", res, err)
	}
	if !slices.Contains(labels(w.Content()), "2 rows imported") {
		t.Errorf("the result reads %q", labels(w.Content()))
	}
	ui(w.Close)
	h.settle()
	if len(h.items()) != 2 || len(s.plan.shown) != 2 {
		t.Fatalf("stored %d items, the plan shows %d", len(h.items()), len(s.plan.shown))
	}
	// Boris's item ended on 6 November and is still planned.
	if !strings.Contains(s.plan.count.Text, "1 overdue") {
		t.Errorf("count line %q", s.plan.count.Text)
	}
}
