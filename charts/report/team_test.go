package report

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caredesk/charts"
	"caredesk/data"
)

// Every team chart exports like the others: PNG of the asked size, SVG
// with the Russian title, a PDF page with the title and the table.
func TestSaveTeamChartsByExtension(t *testing.T) {
	day := func(m time.Month, d int) data.Day { return data.DateDay(2025, m, d) }
	d := charts.TeamData{
		Timeline: charts.TimelineData{Today: day(6, 15), Rows: []charts.TimelineRow{
			{Label: "Анна Смирнова", Bars: []charts.TimelineBar{{Label: "Деловая переписка", PlannedStart: day(5, 1), PlannedEnd: day(5, 31),
				ActualStart: day(5, 3), Status: data.TrainingInProgress, Overdue: true}}},
		}},
		Completion: charts.CompletionData{Months: []charts.CompletionMonth{{Label: "май 2025", Planned: 4, Done: 3}}},
		Skills: charts.SkillsMatrixData{Employees: []string{"Анна Смирнова"}, Skills: []charts.SkillColumn{{Name: "Тарифы", Group: "Продукт"}},
			Cells: [][]charts.SkillCell{{{Level: 1, Assessed: true, Required: 3}}}},
		Scorecard: charts.ScorecardData{Employee: "Анна Смирнова", Metrics: []charts.ScorecardMetric{{Label: "Жалоб решено", Agent: 40, Team: 30}}},
		Budget:    charts.TrainingBudgetData{Quarters: []charts.BudgetQuarter{{Label: "II кв. 2025", HoursPlanned: 40, HoursDone: 16, CostPlanned: 90_000_00, CostDone: 30_000_00, Budget: 100_000_00}}},
	}
	dir := t.TempDir()
	for _, k := range charts.TeamKinds {
		l := labels()
		l.Title = "Команда " + string(k)
		l.Employee = "Сотрудник"
		ch, err := charts.BuildTeam(k, d, charts.Options{Labels: l, Width: 640, Height: 320})
		if err != nil {
			t.Fatal(err)
		}
		if ch.Empty() {
			t.Fatalf("%s: empty", k)
		}
		for _, ext := range []string{".png", ".svg", ".pdf"} {
			if err := SaveChart(filepath.Join(dir, string(k)+ext), ch, Page{Footer: "CareDesk"}); err != nil {
				t.Fatalf("%s%s: %v", k, ext, err)
			}
		}
		f, err := os.Open(filepath.Join(dir, string(k)+".png"))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil || img.Bounds().Dx() != 640 || img.Bounds().Dy() != 320 {
			t.Fatalf("%s.png: %v %v", k, err, img.Bounds())
		}
		svg, _ := os.ReadFile(filepath.Join(dir, string(k)+".svg"))
		if !bytes.Contains(svg, []byte(l.Title)) {
			t.Errorf("%s.svg lacks the title", k)
		}
		text := pdfText(t, filepath.Join(dir, string(k)+".pdf"))
		if first := ch.Table()[1][0]; !strings.Contains(text, l.Title) || !strings.Contains(text, first) {
			t.Errorf("%s.pdf lacks the title or the table's %q:\n%s", k, first, text)
		}
	}
}
