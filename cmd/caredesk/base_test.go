package main

import (
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"caredesk/data/kpi"
)

// complaintRates runs kpi complaints --json by month over March and April
// 2024 (whole months: a partial one counts its share of the base) and
// returns the report.
func complaintRates(t *testing.T, db string, args ...string) kpi.ComplaintReport {
	t.Helper()
	code, out, errOut := cli(t, db, append([]string{"kpi", "complaints", "--by", "month", "--from", "2024-03", "--to", "2024-04", "--json"}, args...)...)
	var rep kpi.ComplaintReport
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("kpi complaints: exit %d %v %s", code, err, errOut)
	}
	return rep
}

func TestCLIBaseSetsTheComplaintRate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	// Complaints (negative) in March: 2; in April: 1; one question.
	src := writeFile(t, dir, "register.csv", "Номер,Дата,Статус,Тип\n"+
		"1,2024-03-04 10:00,Решена,Жалоба\n"+
		"2,2024-03-12 11:00,В работе,Жалоба\n"+
		"3,2024-03-20 12:00,Закрыта,Вопрос\n"+
		"4,2024-04-02 09:00,Новая,Жалоба\n")
	if code, out, errOut := cli(t, db, "import", "complaints", src); code != 0 || !strings.Contains(out, "Imported: 4") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	rep := complaintRates(t, db)
	if len(rep.Periods) != 2 || rep.Periods[0].Negative != 2 || rep.Periods[1].Negative != 1 {
		t.Fatalf("periods: %+v", rep.Periods)
	}
	if rep.Periods[0].RatePer1000 != nil {
		t.Fatalf("no base yet, but March has rate %v", *rep.Periods[0].RatePer1000)
	}
	if code, _, errOut := cli(t, db, "base", "list"); code != 0 {
		t.Fatalf("empty list: %s", errOut)
	}

	for _, args := range [][]string{
		{"base", "set", "2024-03", "--clients", "4 000"},
		{"base", "set", "2024-04", "--clients", "500", "--orders", "12500"},
		{"base", "set", "2024-03", "--orders", "800"}, // keeps March's clients
	} {
		if code, out, errOut := cli(t, db, args...); code != 0 || !strings.Contains(out, "Base of 2024-0") {
			t.Fatalf("%v: exit %d %q %q", args, code, out, errOut)
		}
	}

	// 2 complaints per 4,000 clients, then 1 per 500: 3 per 4,500 in all.
	rep = complaintRates(t, db)
	for i, want := range []float64{0.5, 2, 3.0 / 4.5} {
		row := rep.Total
		if i < len(rep.Periods) {
			row = rep.Periods[i]
		}
		if row.RatePer1000 == nil || math.Abs(*row.RatePer1000-want) > 0.01 {
			t.Errorf("%s: rate per 1,000 clients %v, want %v", row.Period, deref(row.RatePer1000), want)
		}
	}
	rep = complaintRates(t, db, "--base", "orders")
	if r := rep.Periods[0].RatePer1000; r == nil || math.Abs(*r-2.5) > 0.01 {
		t.Errorf("March: rate per 1,000 orders %v, want 2.5 (2 per 800)", deref(r))
	}

	code, out, errOut := cli(t, db, "base", "list", "--json")
	var rows []struct {
		Month   string `json:"month"`
		Clients *int64 `json:"clients"`
		Orders  *int64 `json:"orders"`
	}
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil {
		t.Fatalf("list --json: exit %d %v %s", code, err, errOut)
	}
	if len(rows) != 2 || rows[0].Month != "2024-03" || *rows[0].Clients != 4000 || *rows[0].Orders != 800 ||
		rows[1].Month != "2024-04" || *rows[1].Orders != 12500 {
		t.Errorf("list: %s", out)
	}
	code, out, _ = cli(t, db, "base", "list")
	block := alignedBlock(t, out, "Clients")
	if code != 0 || len(block) != 3 || !strings.Contains(block[2], "12,500") || !strings.Contains(block[1], "4,000") {
		t.Errorf("table: exit %d\n%s", code, out)
	}

	// Both counts at zero take the month out: no rate rather than a wrong one.
	if code, out, _ := cli(t, db, "base", "set", "2024-04", "--clients", "0", "--orders", "0"); code != 0 || !strings.Contains(out, "removed") {
		t.Errorf("remove April: exit %d %q", code, out)
	}
	rep = complaintRates(t, db)
	if rep.Periods[1].RatePer1000 != nil || rep.Total.RatePer1000 != nil {
		t.Errorf("April without a base: rate %v, total %v", rep.Periods[1].RatePer1000, rep.Total.RatePer1000)
	}
}

func TestCLIBaseErrorsNameTheFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "caredesk.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"base", "set", "2024-13", "--clients", "10"}, `"2024-13"`},
		{[]string{"base", "set", "March", "--clients", "10"}, `"March"`},
		{[]string{"base", "set", "2024-03-05", "--clients", "10"}, "YYYY-MM"},
		{[]string{"base", "set", "2024-03", "--clients", "ten"}, `--clients "ten"`},
		{[]string{"base", "set", "2024-03", "--orders", "-5"}, `--orders "-5"`},
		{[]string{"base", "set", "2024-03", "--orders", "1.5"}, `--orders "1.5"`},
		{[]string{"base", "set", "2024-03"}, "--clients N, --orders N"},
	} {
		if code, _, errOut := cli(t, db, c.args...); code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want failure naming %q", c.args, code, errOut, c.want)
		}
	}
	if _, out, _ := cli(t, db, "base", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("a refused set stored something: %s", out)
	}
}

// deref shows a figure that may be null.
func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
