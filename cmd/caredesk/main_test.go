package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"caredesk/data/kpi"
)

// cli runs the command line against a database in dir and returns the
// exit status and both outputs.
func cli(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), append([]string{"--db", db}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeSurvey writes a small plain-header survey: 2 months, one bad row.
func writeSurvey(t *testing.T, dir string) string {
	t.Helper()
	csv := "Date;Score;Comment;Channel\n" +
		"2024-01-05;10;Отлично, спасибо;Email\n" +
		"2024-01-06;9;Fast help;Chat\n" +
		"2024-01-20;3;Долго ждал ответа;Phone\n" +
		"2024-02-02;8;;Web\n" +
		"2024-02-10;10;\"Great,\nreally\";Email\n" +
		"2024-02-11;11;impossible score;Email\n"
	path := filepath.Join(dir, "survey.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCLIImportKPIAndReimport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	src := writeSurvey(t, dir)

	code, out, errOut := cli(t, db, "import", "feedback", src)
	if code != 0 {
		t.Fatalf("import exit %d: %s %s", code, out, errOut)
	}
	if !strings.Contains(out, "Imported: 5") || !strings.Contains(out, "rejected: 1") {
		t.Errorf("summary: %q", out)
	}
	if !strings.Contains(errOut, "survey.csv:7") {
		t.Errorf("the reject must name the file and row 7: %q", errOut)
	}
	code, out, _ = cli(t, db, "import", "feedback", src)
	if code != 0 || !strings.Contains(out, "Imported: 0") || !strings.Contains(out, "duplicates skipped: 5") {
		t.Errorf("re-import: exit %d, %q", code, out)
	}

	code, out, errOut = cli(t, db, "kpi", "nps", "--by", "month", "--json")
	if code != 0 {
		t.Fatalf("kpi exit %d: %s", code, errOut)
	}
	var rep kpi.NPSReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("kpi json: %v\n%s", err, out)
	}
	if rep.Metric != "nps" || rep.By != kpi.Month || len(rep.Periods) != 2 {
		t.Fatalf("report: %+v", rep)
	}
	jan, feb := rep.Periods[0], rep.Periods[1]
	// January: 10, 9, 3 -> 2 promoters, 1 detractor: NPS 33.3.
	if jan.Period != "2024-01" || jan.N != 3 || jan.Promoters != 2 || jan.Detractors != 1 || *jan.NPS != 33.3 || !jan.Thin {
		t.Errorf("January: %+v nps=%v", jan, *jan.NPS)
	}
	// February: 8, 10 -> NPS 50, change +16.7, not significant on n=2.
	if feb.Period != "2024-02" || feb.N != 2 || *feb.NPS != 50 || feb.Delta == nil || *feb.Delta != 16.7 || feb.Significant {
		t.Errorf("February: %+v", feb)
	}
	if rep.Total.N != 5 || *rep.Total.NPS != 40 {
		t.Errorf("total: %+v", rep.Total)
	}

	code, out, _ = cli(t, db, "kpi", "nps", "--by", "month")
	if code != 0 || !strings.Contains(out, "+50.0") || !strings.Contains(out, "+16.7") {
		t.Errorf("the table does not sign February's NPS +50.0 and its change +16.7: exit %d\n%s", code, out)
	}

	code, out, _ = cli(t, db, "kpi", "nps", "--by", "quarter", "--segment", "channel")
	if code != 0 || !strings.Contains(out, "2024-Q1") || !strings.Contains(out, "Email") {
		t.Errorf("table: exit %d\n%s", code, out)
	}
}

func TestCLIChartsAndBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	if code, _, errOut := cli(t, db, "demo", "--months", "6", "--responses", "3000", "--seed", "7"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	pngPath := filepath.Join(dir, "trend.png")
	if code, _, errOut := cli(t, db, "chart", "nps-trend", "-o", pngPath, "--width", "900", "--height", "450"); code != 0 {
		t.Fatalf("chart: %s", errOut)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatalf("decode png: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 900 || b.Dy() != 450 {
		t.Errorf("png size %v, want 900x450", b)
	}
	for _, kind := range []string{"nps-composition", "nps-distribution"} {
		for _, ext := range []string{".svg", ".pdf"} {
			out := filepath.Join(dir, kind+ext)
			if code, _, errOut := cli(t, db, "chart", kind, "-o", out); code != 0 {
				t.Fatalf("chart %s%s: %s", kind, ext, errOut)
			}
			raw, _ := os.ReadFile(out)
			want := "<svg"
			if ext == ".pdf" {
				want = "%PDF-"
			}
			if !bytes.Contains(raw[:min(len(raw), 512)], []byte(want)) {
				t.Errorf("%s does not look like %s", out, ext)
			}
		}
	}
	backup := filepath.Join(dir, "copy.db")
	if code, _, errOut := cli(t, db, "backup", backup); code != 0 {
		t.Fatalf("backup: %s", errOut)
	}
	code, out, _ := cli(t, backup, "kpi", "nps", "--json", "--by", "year")
	var rep kpi.NPSReport
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Total.N < 2500 {
		t.Errorf("the backup must hold the demo data: exit %d total %+v", code, rep.Total)
	}
}

func TestCLIErrorsNameTheProblem(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"import", "feedback", filepath.Join(dir, "missing.csv")}, "missing.csv"},
		{[]string{"kpi", "nps", "--by", "fortnight"}, "fortnight"},
		{[]string{"kpi", "nps", "--from", "2024-13"}, "2024-13"},
		{[]string{"chart", "nps-trend", "-o", filepath.Join(dir, "x.gif")}, ".png, .svg or .pdf"},
		{[]string{"chart", "pie", "-o", filepath.Join(dir, "x.png")}, "pie"},
		{[]string{"import", "feedback", "--map", "bogus=Col", writeSurvey(t, dir)}, "bogus"},
		{[]string{"import", "feedback", writeFile(t, dir, "nodate.csv", "Score,Comment\n9,fine\n")}, "--date YYYY-MM-DD"},
		{[]string{"import", "feedback", writeFile(t, dir, "noscore.csv", "Date,Comment\n2024-01-02,fine\n")}, "--map score="},
		// The importer's refusals that say "this file" are printed after
		// its name.
		{[]string{"import", "feedback", writeFile(t, dir, "register.csv", "%PDF-1.7\n")}, "register.csv: "},
		{[]string{"import", "feedback", writeFile(t, dir, "register.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1xx")}, "register.xls is an Excel 97–2003 workbook that cannot be read"},
		{[]string{"import", "complaints", writeFile(t, dir, "report.csv", "%PDF-1.7\n")}, "report.csv: "},
		{[]string{"import", "employees", writeFile(t, dir, "staff.csv", "%PDF-1.7\n")}, "staff.csv: "},
	}
	for _, c := range cases {
		code, _, errOut := cli(t, db, c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want failure naming %q", c.args, code, errOut, c.want)
		}
	}
}

func TestCLIStrictImportsNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	code, _, _ := cli(t, db, "import", "feedback", "--strict", writeSurvey(t, dir))
	if code == 0 {
		t.Fatal("strict import of a file with a bad row must fail")
	}
	_, out, _ := cli(t, db, "kpi", "nps", "--json")
	var rep kpi.NPSReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Total.N != 0 {
		t.Errorf("strict failure left data behind: %v %+v", err, rep.Total)
	}
}

func TestCLIImportListAndUndo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	if code, _, errOut := cli(t, db, "import", "feedback", writeSurvey(t, dir)); code != 0 {
		t.Fatal(errOut)
	}
	code, out, _ := cli(t, db, "import", "list")
	if code != 0 || !strings.Contains(out, "survey.csv") || !strings.Contains(out, "Imported at") {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
	// The first column of the only data row is the import's id.
	id := strings.Fields(strings.Split(strings.TrimSpace(out), "\n")[1])[0]
	code, out, errOut := cli(t, db, "import", "undo", id)
	if code != 0 || !strings.Contains(out, "5 imported rows removed") {
		t.Fatalf("undo: exit %d %s %s", code, out, errOut)
	}
	_, out, _ = cli(t, db, "kpi", "nps", "--json")
	var rep kpi.NPSReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Total.N != 0 {
		t.Errorf("after undo: %v %+v", err, rep.Total)
	}
	if code, _, errOut := cli(t, db, "import", "undo", id); code == 0 || !strings.Contains(errOut, "no longer exists") {
		t.Errorf("undo twice: exit %d %q", code, errOut)
	}
	if code, _, errOut := cli(t, db, "import", "undo", "x1"); code == 0 || !strings.Contains(errOut, "x1") {
		t.Errorf("bad id: exit %d %q", code, errOut)
	}
}

// complaintDemo fills a database with a small demo data set with
// complaints and returns its path.
func complaintDemo(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "caredesk.db")
	code, out, errOut := cli(t, db, "demo", "--months", "6", "--responses", "2000", "--complaints", "1500", "--seed", "3")
	if code != 0 || !strings.Contains(out, "complaints added 1,500") || !strings.Contains(out, "employees 15") {
		t.Fatalf("demo: exit %d\n%s%s", code, out, errOut)
	}
	return dir, db
}

// alignedBlock checks that the table lines from header on (the
// right-aligned lines up to the first empty or unindented one) all have
// the same width and returns them.
func alignedBlock(t *testing.T, out, header string) []string {
	t.Helper()
	lines := strings.Split(out, "\n")
	start := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, header) })
	if start < 0 {
		t.Fatalf("no header %q in\n%s", header, out)
	}
	var block []string
	for _, l := range lines[start:] {
		if !strings.HasPrefix(l, " ") {
			break
		}
		block = append(block, l)
	}
	width := utf8.RuneCountInString(block[0])
	for _, l := range block[1:] {
		if w := utf8.RuneCountInString(l); w != width {
			t.Errorf("line %q is %d wide, the header %d:\n%s", l, w, width, strings.Join(block, "\n"))
		}
	}
	return block
}

func TestCLIComplaintKPIs(t *testing.T) {
	_, db := complaintDemo(t)

	// Running the demo again adds nothing.
	code, out, _ := cli(t, db, "demo", "--months", "6", "--responses", "2000", "--complaints", "1500", "--seed", "3")
	if code != 0 || !strings.Contains(out, "complaints added 0 (already there 1,500); employees 0, categories 0, standards 0") {
		t.Errorf("second demo: exit %d\n%s", code, out)
	}

	code, out, errOut := cli(t, db, "kpi", "complaints", "--by", "month", "--json")
	if code != 0 {
		t.Fatalf("kpi complaints: exit %d %s", code, errOut)
	}
	var raw struct {
		Metric string         `json:"metric"`
		Total  map[string]any `json:"total"`
	}
	var rep kpi.ComplaintReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"period", "opened", "resolved", "backlog", "negative", "rate_per_1000", "first_response_median_h", "first_response_p90_h",
		"resolution_median_h", "resolution_p90_h", "reopen_rate", "fcr", "escalation_rate", "satisfied_share"} {
		if _, ok := raw.Total[field]; !ok {
			t.Errorf("total has no %q field", field)
		}
	}
	if rep.Metric != "complaints" || len(rep.Periods) < 6 || len(rep.Periods) > 7 || rep.FCRDefinition != kpi.FCRStrict {
		t.Fatalf("report: metric %q, %d periods, fcr %q", rep.Metric, len(rep.Periods), rep.FCRDefinition)
	}
	var opened, negative int64
	for _, p := range rep.Periods {
		opened += p.Opened
		negative += p.Negative
		if p.RatePer1000 == nil || *p.RatePer1000 <= 0 || p.ResolutionMedianH == nil || *p.ResolutionP90H < *p.ResolutionMedianH {
			t.Errorf("period %s: rate %v, resolution median %v p90 %v", p.Period, p.RatePer1000, p.ResolutionMedianH, p.ResolutionP90H)
		}
	}
	if opened != 1500 || rep.Total.Opened != 1500 || negative != rep.Total.Negative || negative < 700 || negative > 1100 {
		t.Errorf("opened %d (total %d), negative %d (total %d)", opened, rep.Total.Opened, negative, rep.Total.Negative)
	}
	if rep.Total.Backlog != rep.Periods[len(rep.Periods)-1].Backlog {
		t.Errorf("total backlog %d, last period %d", rep.Total.Backlog, rep.Periods[len(rep.Periods)-1].Backlog)
	}

	// Segments carry names, not ids; key clients are a tier of their own.
	code, out, _ = cli(t, db, "kpi", "complaints", "--by", "quarter", "--segment", "category")
	if code != 0 || !strings.Contains(out, "\nDelivery\n") || !strings.Contains(out, "Website and app") {
		t.Errorf("by category: exit %d\n%s", code, out)
	}
	alignedBlock(t, out, "Resp. med h")
	code, out, _ = cli(t, db, "kpi", "complaints", "--by", "year", "--segment", "client-tier", "--json")
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("by tier: exit %d %v", code, err)
	}
	tiers := map[string]kpi.ComplaintRow{}
	for _, s := range rep.Segments {
		tiers[s.Name] = s.Total
	}
	key, ok := tiers["key"]
	if !ok || tiers["business"].Opened == 0 || *key.EscalationRate <= *rep.Total.EscalationRate {
		t.Errorf("tiers %v: key clients must escalate more than the department (%v)", tiers, *rep.Total.EscalationRate)
	}
	code, out, _ = cli(t, db, "kpi", "complaints", "--segment", "assignee")
	if code != 0 || !strings.Contains(out, "Anna Reed") {
		t.Errorf("by assignee: exit %d\n%s", code, out)
	}
}

func TestCLISLA(t *testing.T) {
	_, db := complaintDemo(t)
	code, out, errOut := cli(t, db, "kpi", "sla", "--by", "quarter", "--json")
	if code != 0 {
		t.Fatalf("kpi sla: exit %d %s", code, errOut)
	}
	var rep kpi.SLAReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	codes := map[string]kpi.SLAStandardReport{}
	for _, s := range rep.Standards {
		codes[s.Code] = s
	}
	for _, c := range []string{"FR-1", "RES-1", "CRIT-24", "KEY-1", "CHAT-1", "DLV-1"} {
		s, ok := codes[c]
		if !ok || s.Total.Achieved+s.Total.Breached == 0 || s.Total.Compliance == nil || *s.Total.Compliance < 10 || *s.Total.Compliance > 100 {
			t.Errorf("standard %s: %+v", c, s)
		}
		var sum int64
		for _, p := range s.Periods {
			sum += p.Achieved
		}
		if sum != s.Total.Achieved {
			t.Errorf("%s: periods achieve %d, total %d", c, sum, s.Total.Achieved)
		}
	}
	if !strings.Contains(out, `"open_at_risk"`) || !strings.Contains(out, `"open_breached"`) {
		t.Errorf("open items missing from the JSON")
	}

	code, out, _ = cli(t, db, "kpi", "sla", "--standard", "res-1")
	if code != 0 || !strings.Contains(out, "RES-1 — ") || strings.Contains(out, "FR-1") || !strings.Contains(out, "Open now:") {
		t.Errorf("one standard: exit %d\n%s", code, out)
	}
	alignedBlock(t, out, "Compliance %")

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"kpi", "sla", "--standard", "NOPE-9"}, "NOPE-9"},
		{[]string{"kpi", "complaints", "--segment", "weather"}, "weather"},
		{[]string{"kpi", "complaints", "--fcr", "loose"}, "loose"},
		{[]string{"kpi", "complaints", "--base", "visits"}, "visits"},
	} {
		if code, _, errOut := cli(t, db, c.args...); code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want failure naming %q", c.args, code, errOut, c.want)
		}
	}
}

func TestCLIComplaintCharts(t *testing.T) {
	dir, db := complaintDemo(t)
	for _, kind := range []string{"complaints-by-category", "complaints-flow", "resolution-time", "sla", "complaints-pareto"} {
		path := filepath.Join(dir, kind+".png")
		if code, _, errOut := cli(t, db, "chart", kind, "-o", path, "--width", "800", "--height", "400"); code != 0 {
			t.Fatalf("chart %s: %s", kind, errOut)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: decode png: %v", kind, err)
		}
		if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 400 {
			t.Errorf("%s: png size %v, want 800x400", kind, b)
		}
		// A drawn chart has colour: bars or lines, not only text on white.
		colours := map[[3]uint32]bool{}
		for y := 0; y < 400; y += 4 {
			for x := 0; x < 800; x += 4 {
				r, g, b, _ := img.At(x, y).RGBA()
				colours[[3]uint32{r >> 12, g >> 12, b >> 12}] = true
			}
		}
		if len(colours) < 8 {
			t.Errorf("%s: only %d colours, the chart looks empty", kind, len(colours))
		}
	}
	pdf := filepath.Join(dir, "sla.pdf")
	if code, _, errOut := cli(t, db, "chart", "sla", "-o", pdf, "--by", "quarter"); code != 0 {
		t.Fatalf("chart sla pdf: %s", errOut)
	}
	if raw, _ := os.ReadFile(pdf); !bytes.HasPrefix(raw, []byte("%PDF-")) {
		t.Error("sla.pdf is not a PDF")
	}
	// The axis says which hours: working ones with --working.
	for flag, want := range map[string]string{"--working": "Working hours", "--working=false": "Calendar hours"} {
		svg := filepath.Join(dir, "hours"+flag+".svg")
		if code, _, errOut := cli(t, db, "chart", "resolution-time", flag, "-o", svg); code != 0 {
			t.Fatalf("resolution time %s: %s", flag, errOut)
		}
		if raw, _ := os.ReadFile(svg); !bytes.Contains(raw, []byte(want)) {
			t.Errorf("resolution time %s: the chart does not say %q", flag, want)
		}
	}
}

func TestCLIImportComplaints(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	src := writeFile(t, dir, "tickets.csv", "Id,Created at,Status,Priority,Ticket type,Via,Requester,Subject,Assignee,First reply time in minutes,Solved at,Reopens\n"+
		"101,2024-03-01 10:00:00,Solved,High,Incident,Email,Acme,Late parcel,Anna,30,2024-03-02 12:00:00,0\n"+
		"102,2024-03-05 09:30:00,Open,Normal,Question,Web,Bob,Where is my order?,Anna,,,0\n"+
		"103,2024-04-02 14:00:00,Closed,Low,Problem,Chat,Acme,Broken item,Ian,15,2024-04-03 10:00:00,1\n"+
		"104,not a date,Open,Normal,Incident,Email,Carl,Bad row,,,,0\n")
	code, out, errOut := cli(t, db, "import", "complaints", src)
	if code != 0 || !strings.Contains(out, "Imported: 3") || !strings.Contains(out, "rejected: 1") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "tickets.csv:5") || !strings.Contains(errOut, "Created at") {
		t.Errorf("the reject must name the file, row 5 and the column: %q", errOut)
	}
	code, out, _ = cli(t, db, "import", "complaints", src)
	if code != 0 || !strings.Contains(out, "Imported: 0") || !strings.Contains(out, "duplicates skipped: 3") {
		t.Errorf("re-import: exit %d, %q", code, out)
	}
	code, out, _ = cli(t, db, "kpi", "complaints", "--json")
	var rep kpi.ComplaintReport
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("kpi: exit %d %v", code, err)
	}
	// March: 101 (solved after 26 h) and 102 (open); April: 103.
	if len(rep.Periods) != 2 || rep.Periods[0].Opened != 2 || rep.Periods[1].Opened != 1 || rep.Periods[0].Backlog != 1 {
		t.Fatalf("periods: %+v", rep.Periods)
	}
	if m := rep.Periods[0].FirstResponseMedianH; m == nil || *m < 0.45 || *m > 0.55 {
		t.Errorf("March first response median %v, want 0.5 h", m)
	}
	if code, _, errOut := cli(t, db, "import", "complaints", "--strict", writeFile(t, dir, "bad.csv", "Id,Created at,Status\n9,yesterday,Open\n")); code == 0 || !strings.Contains(errOut, "bad.csv") {
		t.Errorf("strict import of a bad file: exit %d %q", code, errOut)
	}
	// A register with headers nobody recognises (and days without times,
	// which the import does not take for the opening unasked): the error
	// names the flag, and --map with complaint fields imports it.
	odd := writeFile(t, dir, "odd.csv", "No,When,State,Urgency\nA-1,2024-05-02,Open,High\nA-2,2024-05-03,Closed,Low\n")
	if code, _, errOut := cli(t, db, "import", "complaints", odd); code == 0 || !strings.Contains(errOut, "--map opened=") {
		t.Errorf("no opening date: exit %d, the hint should name --map opened=: %q", code, errOut)
	}
	code, out, errOut = cli(t, db, "import", "complaints", odd, "--map", "opened=When", "--map", "status=State", "--map", "priority=Urgency", "--map", "external_id=No")
	if code != 0 || !strings.Contains(out, "Imported: 2") {
		t.Errorf("import with --map: exit %d\n%s%s", code, out, errOut)
	}
	// Each import sends a file of the other kind to its own command.
	survey := writeFile(t, dir, "nps.csv", "Date,How likely are you to recommend us?,Why?\n2024-05-02,9,Fast\n2024-05-03,3,Slow\n")
	if code, _, errOut := cli(t, db, "import", "complaints", survey); code == 0 || !strings.Contains(errOut, "caredesk import feedback") {
		t.Errorf("survey answers as complaints: exit %d, the hint should name import feedback: %q", code, errOut)
	}
	if code, _, errOut := cli(t, db, "import", "feedback", src); code == 0 || !strings.Contains(errOut, "caredesk import complaints") {
		t.Errorf("tickets as feedback: exit %d, the hint should name import complaints: %q", code, errOut)
	}
	if code, _, errOut := cli(t, db, "import", "complaints", odd, "--map", "score=When"); code == 0 || !strings.Contains(errOut, "opened") {
		t.Errorf("a feedback field in a complaint --map must be refused naming the complaint fields: exit %d %q", code, errOut)
	}
}

// Tables end their lines where their text ends: tabwriter padded an empty
// last cell (the significance flag) with spaces that showed in files and
// diffs of the output.
func TestCLITablesHaveNoTrailingSpaces(t *testing.T) {
	_, db := complaintDemo(t)
	for _, args := range [][]string{{"kpi", "nps"}, {"kpi", "nps", "--segment", "channel"}, {"kpi", "sla"}, {"kpi", "complaints"}, {"kpi", "training"}} {
		code, out, errOut := cli(t, db, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		for i, l := range strings.Split(out, "\n") {
			if strings.HasSuffix(l, " ") {
				t.Errorf("%v line %d ends in spaces: %q", args, i+1, l)
				break
			}
		}
	}
}
