package dashboard

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/ui/widgets"
)

// seedTraining stores a plan whose figures can be checked by hand; today
// is 26 November 2026, in Q4.
//
//   - Q3: four items due in August, two done on time, two done late in
//     September: 50% on time, none overdue at the end of the quarter.
//   - Q4 so far: four items due in October and November; three done on
//     time (8 hours and 1,000.00 each), one due 10 November still
//     planned: 75% on time, one overdue, 24 hours, 3,000.00 spent.
//   - One item due 15 December, planned; a Q4 budget of 4,000.00.
func seedTraining(t *testing.T, st data.Store) {
	t.Helper()
	ctx := context.Background()
	emp := data.Employee{Name: "Anna Petrova", Position: "Agent", Status: data.EmployeeActive}
	if err := st.SaveEmployee(ctx, &emp); err != nil {
		t.Fatal(err)
	}
	co := data.Course{Title: "Empathy basics", Format: data.FormatOnline, Hours: 8, Cost: 100000}
	if err := st.SaveCourse(ctx, &co); err != nil {
		t.Fatal(err)
	}
	add := func(start, end data.Day, status data.TrainingStatus, completed data.Day) {
		t.Helper()
		it := data.TrainingItem{EmployeeID: emp.ID, CourseID: co.ID, PlannedStart: start, PlannedEnd: end, Status: status, CompletedOn: completed}
		if err := st.SaveTrainingItem(ctx, &it); err != nil {
			t.Fatal(err)
		}
	}
	day := data.DateDay
	add(day(2026, 8, 3), day(2026, 8, 5), data.TrainingDone, day(2026, 8, 5))
	add(day(2026, 8, 10), day(2026, 8, 12), data.TrainingDone, day(2026, 8, 11))
	add(day(2026, 8, 17), day(2026, 8, 19), data.TrainingDone, day(2026, 9, 2))
	add(day(2026, 8, 24), day(2026, 8, 26), data.TrainingDone, day(2026, 9, 9))
	add(day(2026, 10, 5), day(2026, 10, 7), data.TrainingDone, day(2026, 10, 7))
	add(day(2026, 10, 12), day(2026, 10, 14), data.TrainingDone, day(2026, 10, 13))
	add(day(2026, 11, 2), day(2026, 11, 4), data.TrainingDone, day(2026, 11, 4))
	add(day(2026, 11, 9), day(2026, 11, 10), data.TrainingPlanned, 0)
	add(day(2026, 12, 14), day(2026, 12, 15), data.TrainingPlanned, 0)
	b := data.TrainingBudget{Title: "Q4 2026", From: day(2026, 10, 1), To: day(2026, 12, 31), Amount: 400000}
	if err := st.SaveTrainingBudget(ctx, &b); err != nil {
		t.Fatal(err)
	}
}

func showTeam(t *testing.T, s *Screen) {
	t.Helper()
	widgets.Do(func() {
		s.section.SelectIndex(2)
		s.Refresh()
	})
	eventually(t, "the team figures", func() bool { return s.team.completion.Value() != "—" && len(s.team.data.Months) > 0 })
}

func TestTeamTilesShowTheQuarterAgainstTheLast(t *testing.T) {
	s, st, errs := newScreen(t)
	seedTraining(t, st)
	w := test.NewWindow(s.Content())
	w.Resize(fyne.NewSize(1280, 720))
	showTeam(t, s)
	completion, overdue, hours, budget := s.TeamTiles()
	type want struct {
		value, change string
		tone          widgets.Tone
		note          string
	}
	for name, tc := range map[string]struct {
		tile *widgets.KPITile
		want want
	}{
		// 3 of 4 on time against 2 of 4: +25 points on 8 items is no
		// evidence, so not green.
		"completion": {completion, want{"75.0%", "▲ +25.0 pp vs previous · not significant", widgets.ToneNeutral, "3 of 4 due so far · Q4 2026"}},
		"overdue":    {overdue, want{"1", "▲ +1 vs previous · not tested", widgets.ToneNeutral, "of 2 open items"}},
		// Q4 so far (Oct 1-Nov 26) against as many days of Q3 (Jul 1-Aug
		// 26): 24 hours against 16, not against Q3's whole 32.
		"hours":  {hours, want{"24.0", "▲ +8.0 vs previous · not tested", widgets.ToneNeutral, "40.0 h planned · Q4 2026 · against the same days of Q3 2026"}},
		"budget": {budget, want{"75.0%", "3,000.00 spent in Q4 2026", widgets.ToneNeutral, "of 4,000.00 for the quarter"}},
	} {
		var got want
		widgets.Do(func() { got = want{tc.tile.Value(), tc.tile.Change(), tc.tile.Tone(), tc.tile.Note()} })
		if got.value != tc.want.value || !strings.Contains(got.change, tc.want.change) || got.tone != tc.want.tone || !strings.Contains(got.note, tc.want.note) {
			t.Errorf("%s tile = %+v, want %+v", name, got, tc.want)
		}
	}
	// The last 12 months: December 2025 to November 2026; the items due
	// in August and done in September show in their own months.
	months := map[string]charts.CompletionMonth{}
	widgets.Do(func() {
		for _, m := range s.team.data.Months {
			months[m.Label] = m
		}
	})
	if len(months) != 12 || months["Aug 2026"].Planned != 4 || months["Aug 2026"].Done != 2 || months["Sep 2026"].Done != 2 ||
		months["Nov 2026"].Planned != 2 || months["Nov 2026"].Done != 1 {
		t.Errorf("months %+v", months)
	}
	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}

	// The chart exports as a PNG of the size chosen.
	path := filepath.Join(t.TempDir(), "completion.png")
	done := make(chan error, 1)
	widgets.Do(func() {
		widgets.SaveChartFile(path, charts.Options{Width: 800, Height: 400, Scale: 1}, s.teamChartBuilder(false), s.d.SaveChart,
			func(_ string, err error) { done <- err })
	})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 400 {
		t.Errorf("exported %v", b)
	}
}

func TestTeamEmptyStateLeadsToTraining(t *testing.T) {
	var opened []bool
	s, st, _ := newScreen(t, func(d *Deps) { d.OpenTraining = func(recs bool) { opened = append(opened, recs) } })
	test.NewWindow(s.Content()).Resize(fyne.NewSize(1280, 720))
	widgets.Do(func() {
		s.section.SelectIndex(2)
		s.Refresh()
	})
	eventually(t, "the empty state", func() bool { return s.team.empty.Visible() && !s.team.filled.Visible() })
	var open *widget.Button
	widgets.Do(func() { open = findButton(s.team.empty, "Open Training") })
	if open == nil {
		t.Fatal("no button to the Training area")
	}
	widgets.Do(func() { test.Tap(open) })
	if len(opened) != 1 || opened[0] {
		t.Errorf("opened %v", opened)
	}
	seedTraining(t, st)
	showTeam(t, s)
	if !s.team.filled.Visible() || s.team.empty.Visible() {
		t.Error("the figures must replace the empty state")
	}
}

// The top recommendations name the employee, the skill and a course; a
// tap opens the Training screen's recommendations.
func TestTeamRecommendationsOpenTraining(t *testing.T) {
	var opened []bool
	s, st, errs := newScreen(t, func(d *Deps) { d.OpenTraining = func(recs bool) { opened = append(opened, recs) } })
	seedTraining(t, st)
	ctx := context.Background()
	skill := data.Skill{Name: "Empathy"}
	if err := st.SaveSkill(ctx, &skill); err != nil {
		t.Fatal(err)
	}
	if err := st.SetRequirement(ctx, data.SkillRequirement{Position: "Agent", SkillID: skill.ID, Level: data.SkillIndependent}); err != nil {
		t.Fatal(err)
	}
	co := data.Course{Title: "Listening well", Format: data.FormatMentoring, Hours: 6, SkillIDs: []int64{skill.ID}}
	if err := st.SaveCourse(ctx, &co); err != nil {
		t.Fatal(err)
	}
	test.NewWindow(s.Content()).Resize(fyne.NewSize(1280, 720))
	showTeam(t, s)
	var link *widget.Button
	eventually(t, "the recommendation", func() bool {
		link = findButton(s.team.recs, "Anna Petrova — Empathy: Listening well")
		return link != nil
	})
	widgets.Do(func() { test.Tap(link) })
	if len(opened) != 1 || !opened[0] {
		t.Errorf("opened %v", opened)
	}
	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}
}
