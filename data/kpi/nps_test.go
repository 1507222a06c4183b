package kpi

import (
	"math"
	"testing"

	"caredesk/data"
)

func counts(p, pa, d int64) data.ScoreCounts {
	var c data.ScoreCounts
	c.Scores[10] = p
	c.Scores[8] = pa
	c.Scores[3] = d
	return c
}

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6 {
		t.Errorf("%s = %.9f, want %.9f", name, got, want)
	}
}

// Expected values computed by hand (adjusted-Wald, Rocks 2016):
// n=100, P=50, D=20 -> na=103, p'=50.75/103, d'=20.75/103.
func TestNPSHandComputed(t *testing.T) {
	s := NPS(counts(50, 30, 20))
	if s.N != 100 || s.Promoters != 50 || s.Passives != 30 || s.Detractors != 20 {
		t.Fatalf("counts = %d/%d/%d/%d", s.N, s.Promoters, s.Passives, s.Detractors)
	}
	near(t, "NPS", s.NPS, 30)
	near(t, "SE", s.SE, 7.6915104218147565)
	near(t, "MOE95", s.MOE95, 15.075083413471402)
	near(t, "Low", s.Low, 14.051130178761605)
	near(t, "High", s.High, 44.20129700570441)
	if s.Thin {
		t.Error("n=100 flagged thin")
	}
	if small := NPS(counts(5, 3, 2)); !small.Thin || small.Low > -19 || small.High < 65 {
		t.Errorf("n=10: thin=%v interval %.2f..%.2f, want thin and about -19.05..65.20", small.Thin, small.Low, small.High)
	}
}

func TestNPSEmptyAndExtremes(t *testing.T) {
	e := NPS(data.ScoreCounts{Unscored: 4})
	if e.N != 0 || !math.IsNaN(e.NPS) || !e.Thin {
		t.Errorf("empty: N=%d NPS=%v thin=%v", e.N, e.NPS, e.Thin)
	}
	all := NPS(counts(40, 0, 0))
	near(t, "all promoters NPS", all.NPS, 100)
	if all.High > 100 || all.Low >= 100 || all.Low < 80 {
		t.Errorf("all promoters interval %.2f..%.2f: must stay within ±100 and be below 100 at the low end", all.Low, all.High)
	}
}

func TestCompareSignificance(t *testing.T) {
	a, b := NPS(counts(50, 30, 20)), NPS(counts(60, 25, 15))
	Compare(&a, &b)
	near(t, "Delta", b.Delta, 15)
	near(t, "Z", b.Z, 1.4127306531566355)
	near(t, "P", b.P, 0.1577349350362262)
	if b.Significant || !b.HasDelta {
		t.Errorf("15 points on n=100 each is not significant: sig=%v has=%v", b.Significant, b.HasDelta)
	}
	// Same shares with ten times the sample are significant.
	c, d := NPS(counts(500, 300, 200)), NPS(counts(600, 250, 150))
	Compare(&c, &d)
	if !d.Significant || d.P >= 0.05 {
		t.Errorf("n=1000: p=%.4f, want significant", d.P)
	}
	var empty NPSStat
	Compare(&empty, &d)
	if d.HasDelta || d.Significant {
		t.Error("a change against an empty period must not be reported")
	}
}

func TestPeriods(t *testing.T) {
	cases := []struct {
		day  data.Day
		g    Granularity
		want string
		from string
		to   string
	}{
		{data.DateDay(2018, 1, 31), Month, "2018-01", "2018-01-01", "2018-01-31"},
		{data.DateDay(2024, 2, 29), Month, "2024-02", "2024-02-01", "2024-02-29"},
		{data.DateDay(2018, 5, 15), Quarter, "2018-Q2", "2018-04-01", "2018-06-30"},
		{data.DateDay(2018, 12, 31), Quarter, "2018-Q4", "2018-10-01", "2018-12-31"},
		{data.DateDay(2018, 7, 4), Year, "2018", "2018-01-01", "2018-12-31"},
		{data.DateDay(2018, 2, 1), Week, "2018-W05", "2018-01-29", "2018-02-04"},
		// ISO week 1 of 2021 starts on 4 January; 3 January 2021 is in 2020-W53.
		{data.DateDay(2021, 1, 3), Week, "2020-W53", "2020-12-28", "2021-01-03"},
		{data.DateDay(2024, 12, 30), Week, "2025-W01", "2024-12-30", "2025-01-05"},
	}
	for _, c := range cases {
		p := PeriodOf(c.day, c.g)
		if p.Label != c.want || p.Start.String() != c.from || p.End.String() != c.to {
			t.Errorf("PeriodOf(%s, %s) = %s %s..%s, want %s %s..%s", c.day, c.g, p.Label, p.Start, p.End, c.want, c.from, c.to)
		}
	}
	if n := len(Periods(data.DateDay(2017, 1, 1), data.DateDay(2018, 12, 31), Month)); n != 24 {
		t.Errorf("24 months -> %d periods", n)
	}
}

func TestTrendGroupsAndCompares(t *testing.T) {
	jan, feb, apr := data.DateDay(2018, 1, 10), data.DateDay(2018, 2, 3), data.DateDay(2018, 4, 20)
	days := []data.DayScores{
		{Day: jan, ScoreCounts: counts(30, 10, 10)},
		{Day: jan + 1, ScoreCounts: counts(20, 20, 10)},
		{Day: feb, ScoreCounts: counts(60, 25, 15)},
		{Day: apr, ScoreCounts: counts(1, 0, 1)},
		{Day: apr, Segment: "email", ScoreCounts: counts(1, 0, 0)},
	}
	series := Trend(days, Month, 0, 0)
	if len(series) != 2 || series[0].Segment != "" || series[1].Segment != "email" {
		t.Fatalf("segments: %+v", series)
	}
	s := series[0]
	if len(s.Periods) != 4 {
		t.Fatalf("Jan..Apr = %d periods", len(s.Periods))
	}
	jan18, feb18, mar18, apr18 := s.Periods[0], s.Periods[1], s.Periods[2], s.Periods[3]
	if jan18.N != 100 || jan18.NPS != 30 || jan18.HasDelta {
		t.Errorf("Jan: n=%d nps=%v hasDelta=%v", jan18.N, jan18.NPS, jan18.HasDelta)
	}
	near(t, "Feb delta", feb18.Delta, 15)
	if mar18.N != 0 || mar18.Period.Label != "2018-03" {
		t.Errorf("March must be an empty period, got %+v", mar18.Period)
	}
	// April compares with February, the last period that had responses.
	if !apr18.HasDelta || apr18.Delta != 0-45 || !apr18.Thin {
		t.Errorf("Apr: has=%v delta=%v thin=%v", apr18.HasDelta, apr18.Delta, apr18.Thin)
	}
	if l, ok := s.Latest(); !ok || l.Period.Label != "2018-04" {
		t.Errorf("latest period with responses: %v %v", l.Period.Label, ok)
	}
	if _, ok := (Series{Periods: []NPSStat{mar18}}).Latest(); ok {
		t.Error("a series of empty periods has no latest")
	}
	if s.Total.N != 202 {
		t.Errorf("total n = %d", s.Total.N)
	}
	if got := Trend(days, Month, data.DateDay(2018, 2, 1), data.DateDay(2018, 2, 28)); len(got[0].Periods) != 1 || got[0].Total.N != 100 {
		t.Errorf("range filter: %+v", got[0].Total)
	}
}

func TestPresetRanges(t *testing.T) {
	today := data.DateDay(2026, 3, 15)
	cases := map[Preset][2]string{
		PresetLast30Days:   {"2026-02-14", "2026-03-15"},
		PresetThisMonth:    {"2026-03-01", "2026-03-15"},
		PresetLastMonth:    {"2026-02-01", "2026-02-28"},
		PresetThisQuarter:  {"2026-01-01", "2026-03-15"},
		PresetThisYear:     {"2026-01-01", "2026-03-15"},
		PresetLastYear:     {"2025-01-01", "2025-12-31"},
		PresetLast12Months: {"2025-04-01", "2026-03-15"},
		PresetLast24Months: {"2024-04-01", "2026-03-15"},
	}
	for p, want := range cases {
		from, to := p.Range(today)
		if from.String() != want[0] || to.String() != want[1] {
			t.Errorf("%s: %s..%s, want %s..%s", p, from, to, want[0], want[1])
		}
	}
	if from, to := PresetAll.Range(today); from != 0 || to != 0 {
		t.Errorf("all: %s..%s", from, to)
	}
	// January: last month is December of the year before.
	if from, to := PresetLastMonth.Range(data.DateDay(2026, 1, 10)); from.String() != "2025-12-01" || to.String() != "2025-12-31" {
		t.Errorf("last month in January: %s..%s", from, to)
	}
}
