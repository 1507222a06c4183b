package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Anna's scorecard from January's complaints, as a PDF page with her
// figures against the team; the chart needs a known --employee.
func TestCLIScorecardChart(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	fillTeam(t, db)
	pdf := filepath.Join(dir, "scorecard.pdf")
	if code, _, errOut := cli(t, db, "chart", "scorecard", "-o", pdf, "--employee", " anna ", "--from", "2025-01", "--to", "2025-01"); code != 0 {
		t.Fatal(errOut)
	}
	got, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils must be installed): %v", err)
	}
	for _, want := range []string{"Anna · Jan 1, 2025 – Jan 31, 2025", "Kudos", "Team median", "Median resolution time, working hours"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("scorecard.pdf lacks %q:\n%s", want, got)
		}
	}
	out := filepath.Join(dir, "s.png")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"chart", "scorecard", "-o", out}, "--employee"},
		{[]string{"chart", "scorecard", "-o", out, "--employee", "Nobody", "--from", "2025-01", "--to", "2025-01"}, "Nobody"},
	} {
		if code, _, errOut := cli(t, db, c.args...); code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want failure naming %q", c.args, code, errOut, c.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed chart left a file")
	}
}
