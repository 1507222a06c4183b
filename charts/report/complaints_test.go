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
	"caredesk/data/kpi"
)

// Every complaint chart exports like the NPS charts: PNG of the asked
// size, SVG with the Russian title, a PDF page with title and table.
func TestSaveComplaintChartsByExtension(t *testing.T) {
	var days []data.ComplaintDay
	var cats []data.ComplaintDay
	var sla []data.SLADay
	for m := range 6 {
		d := data.DateDay(2025, time.Month(1+m), 10)
		days = append(days, data.ComplaintDay{Day: d, Opened: int64(50 + m), Negative: int64(40 + m), Resolutions: 45, Resolved: 45})
		cats = append(cats,
			data.ComplaintDay{Day: d, Segment: "1", Negative: int64(30 + m)},
			data.ComplaintDay{Day: d, Segment: "2", Negative: 10})
		sla = append(sla, data.SLADay{Day: d, StandardID: 1, Achieved: 40, Breached: int64(m)})
	}
	opt := kpi.ComplaintOptions{By: kpi.Month, From: data.DateDay(2025, 1, 1), To: data.DateDay(2025, 6, 30)}
	d := charts.ComplaintData{
		Overall:       kpi.OverallComplaints(kpi.ComplaintTrend(kpi.ComplaintInput{Days: days}, opt), kpi.Month),
		Categories:    kpi.ComplaintTrend(kpi.ComplaintInput{Days: cats}, opt),
		CategoryNames: map[string]string{"1": "Доставка", "2": "Оплата"},
		SLA:           kpi.SLATrend(sla, nil, []data.Standard{{ID: 1, Code: "FRT-1"}}, kpi.Month, opt.From, opt.To),
	}
	dir := t.TempDir()
	for _, k := range charts.ComplaintKinds {
		l := labels()
		l.Title = "Жалобы " + string(k)
		ch, err := charts.BuildComplaints(k, d, charts.Options{Labels: l, Width: 640, Height: 320})
		if err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{".png", ".svg", ".pdf"} {
			path := filepath.Join(dir, string(k)+ext)
			if err := SaveChart(path, ch, Page{Footer: "CareDesk"}); err != nil {
				t.Fatalf("%s: %v", path, err)
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
		if !strings.Contains(text, l.Title) || !strings.Contains(text, ch.Table()[0][1]) {
			t.Errorf("%s.pdf lacks the title or the table header %q:\n%s", k, ch.Table()[0][1], text)
		}
	}
}

// Two years of the complaint flow fit on one page: the chart shrinks a
// little and the narrow table stands in parts side by side. A table that
// can fit nowhere still continues on a second page (see the NPS test).
func TestTwoYearsOfFlowOnOnePage(t *testing.T) {
	var days []data.ComplaintDay
	for m := range 24 {
		days = append(days, data.ComplaintDay{Day: data.DateDay(2024, time.Month(1+m), 10), Opened: int64(50 + m), Resolutions: 45, Resolved: 45})
	}
	opt := kpi.ComplaintOptions{By: kpi.Month, From: data.DateDay(2024, 1, 1), To: data.DateDay(2025, 12, 31)}
	s := kpi.OverallComplaints(kpi.ComplaintTrend(kpi.ComplaintInput{Days: days}, opt), kpi.Month)
	ch := charts.ComplaintsFlow(s, charts.Options{Labels: labels()})
	path, _ := writePDF(t, Page{Chart: ch, Footer: "CareDesk"}, Options{})
	text := pdfText(t, path)
	if pages := strings.Count(strings.TrimRight(text, "\f"), "\f") + 1; pages != 1 {
		t.Errorf("%d pages, want one", pages)
	}
	sideBySide := false
	for _, line := range strings.Split(text, "\n") {
		sideBySide = sideBySide || strings.Contains(line, "2024-") && strings.Contains(line, "2025-")
	}
	for m := range 24 {
		if label := s.Periods[m].Period.Label; !strings.Contains(text, label) {
			t.Errorf("the table lacks %s", label)
		}
	}
	if !sideBySide {
		t.Errorf("no line holds a 2024 and a 2025 row side by side:\n%s", text)
	}
}
