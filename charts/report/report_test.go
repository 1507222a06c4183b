package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
)

// monthly builds 24 months of scores through the real kpi.Trend: the
// promoter share rises month by month.
func monthly() kpi.Series {
	start := data.DateDay(2024, time.January, 1)
	end := data.DateDay(2025, time.December, 31)
	var days []data.DayScores
	for m := range 24 {
		var c data.ScoreCounts
		c.Scores[2] = int64(20 - m/2)
		c.Scores[6] = 15
		c.Scores[8] = 30
		c.Scores[9] = int64(25 + m)
		c.Scores[10] = 20
		days = append(days, data.DayScores{Day: data.DateDay(2024, time.Month(1+m), 15), ScoreCounts: c})
	}
	return kpi.Overall(kpi.Trend(days, kpi.Month, start, end), kpi.Month)
}

func labels() charts.Labels {
	return charts.Labels{
		Title: "Индекс лояльности клиентов", Subtitle: "Январь 2024 — декабрь 2025",
		NPS: "NPS", Band95: "95% интервал", Target: "Цель",
		Promoters: "Промоутеры", Passives: "Нейтралы", Detractors: "Критики",
		Responses: "Ответы", Empty: "Нет ответов", Thin: "n < 30", Period: "Период", Lang: "ru",
		Score: "Оценка", Low: "Нижняя граница", High: "Верхняя граница",
	}
}

func writePDF(t *testing.T, p Page, o Options) (path string, content []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := ChartPDF(&buf, p, o); err != nil {
		t.Fatalf("ChartPDF: %v", err)
	}
	path = filepath.Join(t.TempDir(), "chart.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// pdfText extracts the text with poppler's pdftotext, as a reader would
// copy it from the document.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils must be installed): %v", err)
	}
	return string(out)
}

func TestChartPDFHasRussianTitleTableAndChart(t *testing.T) {
	s := monthly()
	target := 30.0
	ch := charts.NPSTrend(s, charts.Options{Labels: labels(), Target: &target})
	path, _ := writePDF(t, Page{Chart: ch, Footer: "CareDesk · создано 26.11.2026"}, Options{})
	text := pdfText(t, path)
	for _, want := range []string{"Индекс лояльности клиентов", "Январь 2024 — декабрь 2025", "Период", "Нижняя граница", "CareDesk · создано 26.11.2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// The table row of the last month, with its NPS from the same numbers.
	last := s.Periods[len(s.Periods)-1]
	nps := data.FormatNumber("ru", last.NPS, 1)
	found := false
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "2025-12") && strings.Contains(line, nps) {
			found = true
		}
	}
	if !found {
		t.Errorf("no table row for 2025-12 with NPS %s in:\n%s", nps, text)
	}
	// 24 rows fit under the chart in two side-by-side parts.
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	if len(pages) != 1 || strings.Count(pages[0], "Период") != 2 {
		t.Errorf("want one page with the table in two parts, got %d pages:\n%s", len(pages), text)
	}
	// The chart is one embedded image drawn for its space at pxPerMM and
	// Scale 2, so its lettering prints at the same size on any page.
	out, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	wantPPI := 2 * pxPerMM * 25.4
	if f := strings.Fields(lines[len(lines)-1]); len(lines) != 3 || len(f) < 14 || !near(f[12], wantPPI) || !near(f[13], wantPPI) {
		t.Errorf("want one image at %.0f ppi, pdfimages says:\n%s", wantPPI, out)
	}
}

func near(field string, want float64) bool {
	v, err := strconv.ParseFloat(field, 64)
	return err == nil && math.Abs(v-want) <= 3
}

// A table too long for the page continues on the next ones, its header
// repeated, and the footer counts the pages.
func TestChartPDFTableContinues(t *testing.T) {
	start := data.DateDay(2024, time.January, 1)
	var days []data.DayScores
	for w := range 104 {
		var c data.ScoreCounts
		c.Scores[3], c.Scores[8], c.Scores[9] = 10, 20, int64(20+w%7)
		days = append(days, data.DayScores{Day: start + data.Day(7*w), ScoreCounts: c})
	}
	weeks := kpi.Overall(kpi.Trend(days, kpi.Week, start, start+7*104-1), kpi.Week)
	ch := charts.NPSTrend(weeks, charts.Options{Labels: labels()})
	path, _ := writePDF(t, Page{Chart: ch}, Options{})
	pages := strings.Split(strings.TrimRight(pdfText(t, path), "\f"), "\f")
	last := strings.ReplaceAll(pages[len(pages)-1], " ", "")
	if len(pages) < 2 || !strings.Contains(pages[1], "Период") || !strings.Contains(last, fmt.Sprintf("%d/%d", len(pages), len(pages))) {
		t.Errorf("want the weekly table over several pages, header repeated, footer “N / N”; got %d pages", len(pages))
	}
}

func TestChartPDFDeterministic(t *testing.T) {
	ch := charts.NPSComposition(monthly(), charts.Options{Labels: labels()})
	p := Page{Chart: ch, Footer: "CareDesk"}
	_, a := writePDF(t, p, Options{Deterministic: true})
	_, b := writePDF(t, p, Options{Deterministic: true})
	if !bytes.Equal(a, b) {
		t.Fatal("two deterministic runs differ")
	}
	if !bytes.Contains(a, []byte("D:20000101")) {
		t.Error("deterministic PDF lacks the fixed creation date")
	}
	created := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	_, c := writePDF(t, p, Options{Deterministic: true, Created: created})
	if !bytes.Contains(c, []byte("D:20261126")) || bytes.Equal(a, c) {
		t.Error("Created is not used as the creation date")
	}
}

func TestChartPDFEmptyChartAndTableOnly(t *testing.T) {
	empty := charts.NPSTrend(kpi.Series{}, charts.Options{Labels: labels()})
	path, _ := writePDF(t, Page{Chart: empty}, Options{Deterministic: true})
	if text := pdfText(t, path); !strings.Contains(text, "Индекс лояльности клиентов") {
		t.Errorf("empty chart page lacks its title:\n%s", text)
	}
	path, _ = writePDF(t, Page{Title: "Жалобы", Table: [][]string{{"Канал", "Число"}, {"Телефон", "42"}}}, Options{})
	text := pdfText(t, path)
	if !strings.Contains(text, "Жалобы") || !strings.Contains(text, "Телефон") || !strings.Contains(text, "42") {
		t.Errorf("table-only page text:\n%s", text)
	}
}

// A real survey (shared/data/SOURCES.md) printed as a distribution page:
// the counts in the PDF are the counts in the file.
func TestDistributionPDFOfRealSurvey(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "nps_botanic_fr_13954.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("real data file missing (%v): CI provides ../shared/data beside the checkout", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes, r.FieldsPerRecord = true, -1
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range header {
		if h == "nps" {
			col = i
		}
	}
	var c data.ScoreCounts
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if v, err := strconv.Atoi(rec[col]); err == nil {
			c.AddScore(data.Score(v))
		}
	}
	total := kpi.NPS(c)
	ch := charts.NPSDistribution(total, charts.Options{Labels: labels()})
	pdf, _ := writePDF(t, Page{Chart: ch}, Options{Deterministic: true})
	text := pdfText(t, pdf)
	for score, n := range c.Scores {
		want := regexpRow(strconv.Itoa(score), strconv.FormatInt(n, 10))
		if !want(text) {
			t.Errorf("no row for score %d with %d responses", score, n)
		}
	}
}

// regexpRow matches a table line that starts with first and has second
// as its next field.
func regexpRow(first, second string) func(string) bool {
	// Thousands may be grouped ("1 061" in Russian): allow a separator
	// between any two digits of the count.
	var count strings.Builder
	for i, r := range second {
		if i > 0 {
			count.WriteString(`[\s\x{202f},]?`)
		}
		count.WriteString(regexp.QuoteMeta(string(r)))
	}
	re := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(first) + `\s+` + count.String() + `(\s|$)`)
	return re.MatchString
}

func TestSaveChartByExtension(t *testing.T) {
	dir := t.TempDir()
	ch := charts.NPSTrend(monthly(), charts.Options{Labels: labels(), Width: 600, Height: 300})
	for _, name := range []string{"a.png", "b.SVG", "c.pdf"} {
		if err := SaveChart(filepath.Join(dir, name), ch, Page{Footer: "CareDesk"}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	f, err := os.Open(filepath.Join(dir, "a.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil || img.Bounds().Dx() != 600 {
		t.Fatalf("a.png: %v, %v", err, img.Bounds())
	}
	svg, _ := os.ReadFile(filepath.Join(dir, "b.SVG"))
	if !bytes.HasPrefix(svg, []byte("<svg ")) || !bytes.Contains(svg, []byte("Индекс лояльности клиентов")) {
		t.Fatalf("b.SVG is not the chart: %.80q", svg)
	}
	if text := pdfText(t, filepath.Join(dir, "c.pdf")); !strings.Contains(text, "Индекс лояльности клиентов") {
		t.Fatal("c.pdf lacks the chart title")
	}
	if err := SaveChart(filepath.Join(dir, "d.gif"), ch, Page{}); err == nil || !strings.Contains(err.Error(), ".gif") {
		t.Fatalf("d.gif: error %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("want exactly the three files, got %v", names)
	}
}
