package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

	code, out, _ = cli(t, db, "kpi", "nps", "--by", "quarter", "--segment", "channel")
	if code != 0 || !strings.Contains(out, "2024-Q1") || !strings.Contains(out, "email") {
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
	if code != 0 || !strings.Contains(out, "5 responses removed") {
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
