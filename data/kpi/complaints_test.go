package kpi

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

var (
	_ ComplaintSource = data.ComplaintStore(nil)
	_ SLASource       = data.Store(nil)
)

// Expected p-values of the rate and proportion tests were computed by hand
// from their formulas (exact conditional binomial sums for the small
// counts).
func TestRateTestHandComputed(t *testing.T) {
	z, p := RateTest(10, 30, 25, 31)
	near(t, "small z", z, 2.4388055800842503)
	near(t, "small exact p", p, 0.01717748108489455)
	z, p = RateTest(1200, 30, 1350, 31)
	near(t, "large z", z, 2.1429023217429455)
	near(t, "large normal p", p, 0.03212094251757699)
	z, p = RateTest(20, 31, 0, 28)
	near(t, "to zero z", z, -4.250237185032414)
	if p > 3e-6 || p < 2.8e-6 {
		t.Errorf("20 -> 0 complaints: p = %g, want 2.907e-6", p)
	}
	if z, p := RateTest(10, 31, 10, 31); z != 0 || p < 0.9999 {
		t.Errorf("equal rates: z %v p %v", z, p)
	}
	if _, p := RateTest(0, 31, 0, 30); p != 1 {
		t.Errorf("no complaints: p %v", p)
	}
	// The same count over a longer period is a lower rate, not a change of zero.
	if _, p := RateTest(10, 7, 10, 31); p >= 0.05 {
		t.Errorf("10 in a week vs 10 in a month: p %v, want significant", p)
	}
}

func TestProportionTestHandComputed(t *testing.T) {
	z, p := ProportionTest(30, 100, 45, 100)
	near(t, "z", z, 2.1908902300206647)
	near(t, "p", p, 0.02845973691631057)
	if _, p := ProportionTest(0, 0, 3, 10); p != 1 {
		t.Errorf("undefined share: p %v", p)
	}
	if _, p := ProportionTest(10, 10, 5, 5); p != 1 {
		t.Errorf("both 100%%: p %v", p)
	}
}

func TestPercentileExact(t *testing.T) {
	v := []float64{10, 1, 4, 3, 2}
	near(t, "median", Percentile(v, 0.5), 3)
	near(t, "p90", Percentile(v, 0.9), 7.6) // h = 3.6: 4 + 0.6·(10−4)
	near(t, "p0", Percentile(v, 0), 1)
	near(t, "p100", Percentile(v, 1), 10)
	near(t, "one value", Percentile([]float64{5}, 0.9), 5)
	if !math.IsNaN(Percentile(nil, 0.5)) {
		t.Error("empty: want NaN")
	}
	if v[0] != 10 {
		t.Error("Percentile sorted its argument")
	}
}

func TestHistogramPercentile(t *testing.T) {
	var h Histogram
	h.Add(10, 4) // [10, 11) minutes
	h.Add(20, 6) // [20, 21) minutes
	// Median: rank 5 is the 1st of 6 in bucket 20: 20 + 1/6 minutes.
	near(t, "median h", h.Percentile(0.5), (20+1.0/6)/60)
	// P90: rank 9 is the 5th of 6: 20 + 5/6 minutes.
	near(t, "p90 h", h.Percentile(0.9), (20+5.0/6)/60)
	// A bucket above an hour: 83 covers [60·1.03^23, 60·1.03^24) minutes.
	var big Histogram
	big.Add(83, 2)
	near(t, "one bucket median", big.Percentile(0.5), (118.41519066759635+121.96764638762424)/2/60)
	if !math.IsNaN(Histogram(nil).Percentile(0.5)) {
		t.Error("empty histogram: want NaN")
	}
	// Against the exact percentile of raw values: within the bucket width.
	rng := rand.New(rand.NewPCG(3, 4))
	var raw []float64
	var hist Histogram
	for range 20000 {
		d := time.Duration(rng.ExpFloat64() * float64(20*time.Hour))
		raw = append(raw, d.Hours())
		hist.Add(data.DurationBucket(d), 1)
	}
	for _, q := range []float64{0.5, 0.9} {
		exact, approx := Percentile(raw, q), hist.Percentile(q)
		if math.Abs(approx-exact)/exact > 0.015 {
			t.Errorf("q=%.1f: histogram %.3fh, exact %.3fh: off by more than half a bucket", q, approx, exact)
		}
	}
}

func day(m time.Month, d int) data.Day { return data.DateDay(2025, m, d) }

// threeMonths: January has complaints, February none, March more.
func threeMonths() ComplaintInput {
	return ComplaintInput{
		Days: []data.ComplaintDay{
			{Day: day(1, 10), Opened: 10, Negative: 6, Escalated: 2, Responded: 9, Resolutions: 7, Reopens: 1,
				Resolved: 6, Reopened: 1, FCR: 4, FCRReopen: 5, Satisfied: 3, WithVerdict: 4},
			{Day: day(1, 20), Opened: 10, Negative: 4, Responded: 10, Resolutions: 8,
				Resolved: 8, FCR: 6, FCRReopen: 8, Satisfied: 5, WithVerdict: 6},
			{Day: day(3, 5), Opened: 30, Negative: 25, Escalated: 6, Responded: 30, Resolutions: 20, Reopens: 2,
				Resolved: 18, Reopened: 3, FCR: 9, FCRReopen: 15, Satisfied: 6, WithVerdict: 12},
			{Day: day(3, 5), Segment: "12", Opened: 4, Negative: 4, Resolutions: 1, Resolved: 1, FCR: 1, FCRReopen: 1},
			{Day: day(4, 1), Opened: 99}, // outside the range
		},
		Durations: []data.DurationCount{
			{Day: day(1, 10), Measure: data.FirstResponseCalendar, Bucket: 10, N: 4},
			{Day: day(1, 20), Measure: data.FirstResponseCalendar, Bucket: 20, N: 6},
			{Day: day(1, 20), Measure: data.ResolutionWorking, Bucket: 83, N: 2},
			{Day: day(3, 5), Measure: data.FirstResponseCalendar, Bucket: 30, N: 10},
		},
		Backlog: map[string]int64{"": 5, "12": 1},
		Denominators: []data.Denominator{
			{Month: day(1, 1), Clients: 1000, Orders: 5000},
			{Month: day(2, 1), Clients: 2000},
			{Month: day(3, 1), Clients: 1500, Orders: 6000},
		},
	}
}

func TestComplaintTrendHandComputed(t *testing.T) {
	series := ComplaintTrend(threeMonths(), ComplaintOptions{By: Month, From: day(1, 1), To: day(3, 31)})
	if len(series) != 2 || series[0].Segment != "" || series[1].Segment != "12" {
		t.Fatalf("series %d, want the department and segment 12", len(series))
	}
	s := series[0]
	if s.FCR != FCRStrict || s.Base != BaseClients || len(s.Periods) != 3 {
		t.Fatalf("defaults %s %s, %d periods", s.FCR, s.Base, len(s.Periods))
	}
	jan, feb, mar := s.Periods[0], s.Periods[1], s.Periods[2]
	if jan.Counts.Opened != 20 || jan.Counts.Resolved != 14 || jan.Counts.Negative != 10 || jan.Days != 31 || feb.Days != 28 {
		t.Errorf("January sums: %+v days %d", jan.Counts, jan.Days)
	}
	// Backlog: 5 + 20 − 15 + 1 = 11 in January, unchanged in February,
	// 11 + 30 − 20 + 2 = 23 in March.
	for i, want := range []int64{11, 11, 23} {
		if got := s.Periods[i].Backlog; got != want {
			t.Errorf("%s backlog %d, want %d", s.Periods[i].Period.Label, got, want)
		}
	}
	if s.Total.Backlog != 23 || s.Total.BacklogStart != 5 || s.Total.Counts.Opened != 50 || s.Total.Days != 90 {
		t.Errorf("total backlog %d start %d opened %d days %d", s.Total.Backlog, s.Total.BacklogStart, s.Total.Counts.Opened, s.Total.Days)
	}
	near(t, "Jan reopen rate", jan.ReopenRate.Value, 100.0/14)
	near(t, "Jan FCR", jan.FCR.Value, 1000.0/14)
	near(t, "Jan escalation", jan.EscalationRate.Value, 10)
	near(t, "Jan satisfied", jan.Satisfied.Value, 80)
	near(t, "Mar FCR", mar.FCR.Value, 50)
	near(t, "Jan rate per 1000", jan.RatePer1000, 10)
	near(t, "Mar rate per 1000", mar.RatePer1000, 25.0/1.5)
	near(t, "Feb rate per 1000", feb.RatePer1000, 0)
	near(t, "total rate per 1000", s.Total.RatePer1000, 35000.0/4500)
	if !math.IsNaN(feb.ReopenRate.Value) || !math.IsNaN(feb.FirstResponse.Median) {
		t.Error("February without resolutions must have undefined shares and times")
	}
	near(t, "Jan FRT median", jan.FirstResponse.Median, (20+1.0/6)/60)
	near(t, "Jan FRT p90", jan.FirstResponse.P90, (20+5.0/6)/60)
	near(t, "Jan resolution working median", jan.ResolutionWorking.Median, (118.41519066759635+121.96764638762424)/2/60)
	if jan.FirstResponse.N != 10 || s.Total.FirstResponse.N != 20 || !math.IsNaN(jan.Resolution.Median) {
		t.Errorf("FRT n %d total %d; calendar resolution %v", jan.FirstResponse.N, s.Total.FirstResponse.N, jan.Resolution.Median)
	}
	// Changes: January has no predecessor; 20 → 0 complaints is a significant
	// fall; March's shares compare with January, across the empty February.
	if jan.OpenedChange.Has || jan.FCRChange.Has {
		t.Error("the first period has changes")
	}
	if !feb.OpenedChange.Has || feb.OpenedChange.Delta != -20 || !feb.OpenedChange.Significant {
		t.Errorf("Feb opened change %+v, want −20 significant", feb.OpenedChange)
	}
	near(t, "Mar vs Feb opened z", mar.OpenedChange.Z, 5.205456194566274)
	if feb.ReopenChange.Has {
		t.Error("February has no reopen rate to compare")
	}
	if c := mar.ReopenChange; !c.Has || c.Significant {
		t.Errorf("Mar reopen change %+v, want 1/14 vs 3/18, not significant", c)
	} else {
		near(t, "Mar reopen delta", c.Delta, 300.0/18-100.0/14)
		near(t, "Mar reopen p", c.P, 0.4190203335343159)
	}
	near(t, "Mar rate z (base 2000 vs 1500)", mar.RateChange.Z, 5.773502691896258)
	near(t, "Mar rate delta", mar.RateChange.Delta, 25.0/1.5)

	// A segment is not counted against the department's clients.
	seg := series[1]
	if !math.IsNaN(seg.Periods[2].RatePer1000) || seg.Periods[2].Backlog != 1+4-1 || seg.Total.Counts.Negative != 4 {
		t.Errorf("segment: rate %v backlog %d negative %d", seg.Periods[2].RatePer1000, seg.Periods[2].Backlog, seg.Total.Counts.Negative)
	}
}

func TestComplaintTrendOptions(t *testing.T) {
	in := threeMonths()
	// The looser FCR definition reads FCRReopen.
	s := OverallComplaints(ComplaintTrend(in, ComplaintOptions{By: Month, From: day(1, 1), To: day(3, 31), FCR: FCRNoReopen}), Month)
	near(t, "Jan FCR no reopen", s.Periods[0].FCR.Value, 1300.0/14)
	// Orders: February has none entered, so its rate and the total's are undefined.
	s = OverallComplaints(ComplaintTrend(in, ComplaintOptions{By: Month, From: day(1, 1), To: day(3, 31), Base: BaseOrders}), Month)
	near(t, "Jan per 1000 orders", s.Periods[0].RatePer1000, 2)
	if !math.IsNaN(s.Periods[1].RatePer1000) || !math.IsNaN(s.Total.RatePer1000) || s.Periods[2].RateChange.Has {
		t.Errorf("missing orders: Feb %v total %v", s.Periods[1].RatePer1000, s.Total.RatePer1000)
	}
	// A week over the month boundary prorates: 5/31 of January's 1000 and
	// 2/28 of February's 2000.
	s = OverallComplaints(ComplaintTrend(in, ComplaintOptions{By: Week, From: day(1, 27), To: day(2, 2)}), Week)
	if len(s.Periods) != 1 {
		t.Fatalf("weeks: %d", len(s.Periods))
	}
	near(t, "week base", s.Periods[0].Base, 304.147465437788)
	// A quarter sums the months.
	s = OverallComplaints(ComplaintTrend(in, ComplaintOptions{By: Quarter, From: day(1, 1), To: day(3, 31)}), Quarter)
	near(t, "quarter base", s.Periods[0].Base, 4500)
	// A range that starts mid-month counts only its days of the month.
	s = OverallComplaints(ComplaintTrend(in, ComplaintOptions{By: Month, From: day(1, 16), To: day(1, 31)}), Month)
	near(t, "half January base", s.Periods[0].Base, 1000*16.0/31)
	if s.Periods[0].Days != 16 || s.Periods[0].Counts.Opened != 10 {
		t.Errorf("half January: days %d opened %d", s.Periods[0].Days, s.Periods[0].Counts.Opened)
	}
	// No data and no range: nothing.
	if got := ComplaintTrend(ComplaintInput{}, ComplaintOptions{By: Month}); got != nil {
		t.Errorf("empty input: %v", got)
	}
	// The range defaults to the data's.
	s = OverallComplaints(ComplaintTrend(in, ComplaintOptions{By: Month}), Month)
	if from, to := s.Span(); from != day(1, 10) || to != day(4, 1) {
		t.Errorf("default range %s..%s", from, to)
	}
}

func TestSLATrendHandComputed(t *testing.T) {
	standards := []data.Standard{{ID: 1, Code: "FRT-1", Title: "Ответ"}, {ID: 2, Code: "RES-1", Title: "Решение"}}
	days := []data.SLADay{
		{Day: day(1, 3), StandardID: 1, Achieved: 30, Breached: 10},
		{Day: day(1, 4), StandardID: 1, Achieved: 60},
		{Day: day(3, 4), StandardID: 1, Achieved: 45, Breached: 55},
		{Day: day(1, 4), StandardID: 9, Achieved: 5}, // a deleted standard
	}
	open := []data.SLAOpen{{StandardID: 2, Running: 7, AtRisk: 2, Breached: 1, Paused: 3}}
	series := SLATrend(days, open, standards, Month, day(1, 1), day(3, 31))
	if len(series) != 2 || series[0].Code != "FRT-1" || series[1].Code != "RES-1" {
		t.Fatalf("series %+v", series)
	}
	frt := series[0]
	near(t, "Jan compliance", frt.Periods[0].Compliance, 90)
	if !math.IsNaN(frt.Periods[1].Compliance) || frt.Periods[1].Change.Has {
		t.Error("February without finished items: compliance must be undefined, no change")
	}
	near(t, "Mar compliance", frt.Periods[2].Compliance, 45)
	near(t, "total compliance", frt.Total.Compliance, 67.5)
	// March compares with January across February: 90/100 vs 45/100.
	c := frt.Periods[2].Change
	if !c.Has || !c.Significant {
		t.Errorf("Mar change %+v, want significant", c)
	}
	near(t, "Mar delta", c.Delta, -45)
	res := series[1]
	if res.HasData() || res.Open.AtRisk != 2 || res.Open.Breached != 1 || res.Open.Paused != 3 {
		t.Errorf("RES-1: has data %v open %+v", res.HasData(), res.Open)
	}
}

func TestPooledSLAHandComputed(t *testing.T) {
	standards := []data.Standard{{ID: 1, Code: "FRT-1", Goal: 95}, {ID: 2, Code: "RES-1"}}
	days := []data.SLADay{
		{Day: day(1, 3), StandardID: 1, Achieved: 30, Breached: 10},
		{Day: day(1, 9), StandardID: 2, Achieved: 50, Breached: 10},
		{Day: day(3, 4), StandardID: 1, Achieved: 20, Breached: 30},
		{Day: day(3, 5), StandardID: 2, Achieved: 25, Breached: 25},
	}
	open := []data.SLAOpen{{StandardID: 1, Running: 4, AtRisk: 1}, {StandardID: 2, Running: 7, AtRisk: 2, Breached: 1, Paused: 3}}
	all := PooledSLA(SLATrend(days, open, standards, Month, day(1, 1), day(3, 31)))
	// January: (30+50)/(40+60) = 80%; March: (20+25)/(50+50) = 45%.
	near(t, "Jan pooled", all.Periods[0].Compliance, 80)
	near(t, "Mar pooled", all.Periods[2].Compliance, 45)
	near(t, "total pooled", all.Total.Compliance, 62.5)
	c := all.Periods[2].Change
	if !c.Has || !c.Significant {
		t.Errorf("Mar change %+v, want significant (80/100 vs 45/100)", c)
	}
	near(t, "Mar delta", c.Delta, -35)
	if all.Goal != 95 || all.Open.Running != 11 || all.Open.AtRisk != 3 || all.Open.Breached != 1 || all.Open.Paused != 3 {
		t.Errorf("goal %v, open %+v", all.Goal, all.Open)
	}
	if got := PooledSLA(nil); got.HasData() {
		t.Error("no standards pool to data")
	}
}

func TestComplaintReportJSON(t *testing.T) {
	series := ComplaintTrend(threeMonths(), ComplaintOptions{By: Month, From: day(1, 1), To: day(3, 31)})
	doc := JSONDoc(t, BuildComplaintReport(OverallComplaints(series, Month), "category", series[1:]))
	periods := doc["periods"].([]any)
	jan := periods[0].(map[string]any)
	for _, f := range []string{"period", "opened", "resolved", "backlog", "negative", "rate_per_1000", "first_response_median_h",
		"first_response_p90_h", "resolution_median_h", "resolution_p90_h", "reopen_rate", "fcr", "escalation_rate", "satisfied_share"} {
		if _, ok := jan[f]; !ok {
			t.Errorf("period row lacks %q", f)
		}
	}
	if jan["period"] != "2025-01" || jan["opened"] != 20.0 || jan["resolved"] != 15.0 || jan["backlog"] != 11.0 || jan["fcr"] != 71.4 || jan["first_response_median_h"] != 0.34 {
		t.Errorf("January row: %v", jan)
	}
	if jan["resolution_median_h"] != nil || periods[1].(map[string]any)["reopen_rate"] != nil {
		t.Error("undefined figures must be null")
	}
	mar := periods[2].(map[string]any)["changes"].(map[string]any)
	if opened := mar["opened"].(map[string]any); opened["delta"] != 30.0 || opened["significant"] != true {
		t.Errorf("March opened change: %v", opened)
	}
	if doc["fcr_definition"] != "strict" || !strings.Contains(doc["fcr_definition_name"].(string), "one agent") || doc["rate_base"] != "clients" {
		t.Errorf("definition: %v / %v / %v", doc["fcr_definition"], doc["fcr_definition_name"], doc["rate_base"])
	}
	if total := doc["total"].(map[string]any); total["period"] != "total" || total["backlog"] != 23.0 {
		t.Errorf("total: %v", total)
	}
	if segs := doc["segments"].([]any); len(segs) != 1 || segs[0].(map[string]any)["name"] != "12" {
		t.Errorf("segments: %v", segs)
	}
}

// JSONDoc is v as the CLI prints it, decoded generically so nulls can be
// told from zeros. Exported for the store tests in package kpi_test.
func JSONDoc(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestParseDefinitions(t *testing.T) {
	for in, want := range map[string]FCRDefinition{"": FCRStrict, "strict": FCRStrict, " No-Reopen ": FCRNoReopen} {
		if got, err := ParseFCRDefinition(in); err != nil || got != want {
			t.Errorf("ParseFCRDefinition(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseFCRDefinition("loose"); err == nil {
		t.Error("unknown FCR definition accepted")
	}
	if FCRNoReopen.Name() == FCRStrict.Name() || FCRNoReopen.Key() == FCRStrict.Key() {
		t.Error("the definitions print alike")
	}
	if b, err := ParseDenominatorBase("orders"); err != nil || b != BaseOrders {
		t.Errorf("orders: %v %v", b, err)
	}
	if _, err := ParseDenominatorBase("visits"); err == nil {
		t.Error("unknown base accepted")
	}
}

// benchmarkInput is two years of daily rollups as a million complaints
// leave them: every day with about 1,400 complaints, each measure spread
// over 150 histogram buckets, for the department.
func benchmarkInput() ComplaintInput {
	rng := rand.New(rand.NewPCG(1, 2))
	from := data.DateDay(2024, time.January, 1)
	var in ComplaintInput
	in.Backlog = map[string]int64{"": 500}
	measures := []data.DurationMeasure{data.FirstResponseCalendar, data.FirstResponseWorking, data.ResolutionCalendar, data.ResolutionWorking}
	for d := from; d < from+730; d++ {
		in.Days = append(in.Days, data.ComplaintDay{Day: d, Opened: 1370, Negative: 900, Escalated: 80, Responded: 1300,
			Resolutions: 1360, Reopens: 40, Resolved: 1350, Reopened: 60, FCR: 900, FCRReopen: 1200, Satisfied: 700, WithVerdict: 900})
		for _, m := range measures {
			for b := 20; b < 170; b++ {
				in.Durations = append(in.Durations, data.DurationCount{Day: d, Measure: m, Bucket: b, N: int64(1 + rng.IntN(15))})
			}
		}
	}
	for m := 0; m < 24; m++ {
		in.Denominators = append(in.Denominators, data.Denominator{Month: data.DateDay(2024, time.Month(1+m), 1), Clients: 50000})
	}
	return in
}

// The target is 50 ms for monthly complaint KPIs over 24 months
// of a million complaints (the store's reads come on top).
func BenchmarkComplaintTrend24Months(b *testing.B) {
	in := benchmarkInput()
	o := ComplaintOptions{By: Month, From: data.DateDay(2024, time.January, 1), To: data.DateDay(2025, time.December, 31)}
	b.ReportAllocs()
	for b.Loop() {
		if s := ComplaintTrend(in, o); len(s) != 1 || len(s[0].Periods) != 24 {
			b.Fatal("wrong series")
		}
	}
}

func TestLatestFull(t *testing.T) {
	jan, feb := PeriodOf(day(1, 1), Month), PeriodOf(day(2, 1), Month)
	s := ComplaintSeries{Periods: []ComplaintStat{{Period: jan, Days: 31}, {Period: feb, Days: 10}}}
	if got := s.LatestFull(); got != 0 {
		t.Errorf("a February ten days in: latest full period %d, want 0 (January)", got)
	}
	s.Periods[1].Days = 28
	if got := s.LatestFull(); got != 1 {
		t.Errorf("a whole February: latest full period %d, want 1", got)
	}
	if got := (ComplaintSeries{}).LatestFull(); got != -1 {
		t.Errorf("no periods: %d, want -1", got)
	}
}
