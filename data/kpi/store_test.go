package kpi_test

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/data/sqlite"
)

// TestComplaintKPIsThroughTheStore runs the whole pipeline on a real
// SQLite file: complaints with their events go in through the store, the
// store derives facts, rollups, histograms and SLA outcomes, and the KPIs
// read back match figures computed by hand from the events.
func TestComplaintKPIsThroughTheStore(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	delivery := data.Category{NameEN: "Delivery", NameRU: "Доставка"}
	payment := data.Category{NameEN: "Payment", NameRU: "Оплата"}
	for _, c := range []*data.Category{&delivery, &payment} {
		if err := db.SaveCategory(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	frt := data.Standard{Code: "FRT-1", Title: "Первый ответ", Measure: data.MeasureFirstResponse, Versions: []data.StandardVersion{{
		EffectiveFrom: data.DateDay(2024, 1, 1), Calendar: data.DefaultCalendar(),
		Targets: map[data.Priority]time.Duration{data.PriorityNormal: 2 * time.Hour}}}}
	if err := db.SaveStandard(ctx, &frt); err != nil {
		t.Fatal(err)
	}
	for _, d := range []data.Denominator{{Month: data.DateDay(2025, 1, 1), Clients: 1000}, {Month: data.DateDay(2025, 2, 1), Clients: 500}} {
		if err := db.SetDenominator(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	utc := func(m time.Month, d, h, min int) time.Time { return time.Date(2025, m, d, h, min, 0, 0, time.UTC) }
	status := func(t time.Time, s data.Status) data.ComplaintEvent {
		return data.ComplaintEvent{At: t, Kind: data.EventStatus, Status: s}
	}
	complaints := []data.Complaint{
		// A: answered in 30 minutes, resolved in 4 hours, first contact.
		{OpenedAt: utc(1, 6, 10, 0), Type: data.TypeComplaint, Priority: data.PriorityNormal, CategoryID: delivery.ID,
			Events: []data.ComplaintEvent{status(utc(1, 6, 10, 30), data.StatusInProgress), status(utc(1, 6, 14, 0), data.StatusResolved)}},
		// B: answered after 4 working hours (breaches the 2-hour standard),
		// resolved, reopened, resolved again 49 hours after opening.
		{OpenedAt: utc(1, 6, 11, 0), Type: data.TypeComplaint, Priority: data.PriorityNormal, CategoryID: payment.ID,
			Events: []data.ComplaintEvent{{At: utc(1, 6, 15, 0), Kind: data.EventReply}, status(utc(1, 6, 15, 1), data.StatusInProgress),
				status(utc(1, 7, 11, 0), data.StatusResolved), status(utc(1, 8, 10, 0), data.StatusInProgress), status(utc(1, 8, 12, 0), data.StatusResolved)}},
		// C: a question, answered in 15 minutes, still open.
		{OpenedAt: utc(2, 4, 9, 0), Type: data.TypeQuestion, Priority: data.PriorityNormal,
			Events: []data.ComplaintEvent{status(utc(2, 4, 9, 15), data.StatusInProgress)}},
		// D: high priority (no target), escalated, resolved the same day, client satisfied.
		{OpenedAt: utc(2, 10, 10, 0), Type: data.TypeComplaint, Priority: data.PriorityHigh, CategoryID: delivery.ID, Verdict: data.VerdictSatisfied,
			Events: []data.ComplaintEvent{status(utc(2, 10, 10, 5), data.StatusInProgress), {At: utc(2, 10, 11, 0), Kind: data.EventEscalation, Level: data.LevelSenior},
				status(utc(2, 10, 18, 0), data.StatusResolved)}},
	}
	for i := range complaints {
		if err := db.CreateComplaint(ctx, &complaints[i]); err != nil {
			t.Fatalf("complaint %d: %v", i, err)
		}
	}

	q := kpi.ComplaintQuery{From: data.DateDay(2025, 1, 1), To: data.DateDay(2025, 2, 28), By: kpi.Month, Segment: data.ComplaintsByCategory}
	overall, segs, err := kpi.LoadComplaints(ctx, db, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(overall.Periods) != 2 {
		t.Fatalf("%d periods", len(overall.Periods))
	}
	jan, feb := overall.Periods[0], overall.Periods[1]
	check := func(name string, got, want int64) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d", name, got, want)
		}
	}
	check("Jan opened", jan.Counts.Opened, 2)
	check("Jan negative", jan.Counts.Negative, 2)
	check("Jan resolutions (B twice)", jan.Counts.Resolutions, 3)
	check("Jan reopens", jan.Counts.Reopens, 1)
	check("Jan backlog", jan.Backlog, 0)
	check("Feb opened", feb.Counts.Opened, 2)
	check("Feb backlog (C open)", feb.Backlog, 1)
	near(t, "Jan reopen rate", jan.ReopenRate.Value, 50)
	near(t, "Jan FCR", jan.FCR.Value, 50)
	near(t, "Feb escalation rate", feb.EscalationRate.Value, 50)
	near(t, "Feb satisfied", feb.Satisfied.Value, 100)
	near(t, "Jan per 1000 clients", jan.RatePer1000, 2)
	near(t, "Feb per 1000 clients", feb.RatePer1000, 2)
	// Histogram median of A (30 min) and B (4 h): rank 1 ends A's bucket [30, 31) minutes.
	near(t, "Jan first response median", jan.FirstResponse.Median, 31.0/60)
	// Resolution: A 4 h, B 49 h calendar; rank 1.8 of 2 for p90 is 80% into B's bucket.
	lo, hi := data.DurationBucketRange(data.DurationBucket(49 * time.Hour))
	near(t, "Jan resolution p90", jan.Resolution.P90, (float64(lo)+0.8*float64(hi-lo))/float64(time.Hour))
	if jan.FirstResponse.N != 2 || feb.Resolution.N != 1 || math.IsNaN(jan.ResolutionWorking.Median) {
		t.Errorf("durations: FRT n %d, Feb resolutions %d, working median %v", jan.FirstResponse.N, feb.Resolution.N, jan.ResolutionWorking.Median)
	}
	var deliveryTotal int64 = -1
	for _, s := range segs {
		if s.Segment == itoa(delivery.ID) {
			deliveryTotal = s.Total.Counts.Negative
		}
	}
	check("Доставка negative complaints", deliveryTotal, 2)

	series, err := kpi.LoadSLA(ctx, db, kpi.SLAQuery{From: q.From, To: q.To, By: kpi.Month, Now: utc(3, 1, 0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 1 || series[0].Code != "FRT-1" {
		t.Fatalf("SLA series %+v", series)
	}
	s := series[0]
	check("Jan achieved (A)", s.Periods[0].Achieved, 1)
	check("Jan breached (B)", s.Periods[0].Breached, 1)
	near(t, "Jan compliance", s.Periods[0].Compliance, 50)
	near(t, "Feb compliance (C)", s.Periods[1].Compliance, 100)
	near(t, "total compliance", s.Total.Compliance, 200.0/3)
}

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6 {
		t.Errorf("%s = %.9f, want %.9f", name, got, want)
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// openStore opens an empty store in UTC in a fresh file.
func openStore(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "caredesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.SetLocation(context.Background(), time.UTC); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestEmptyStoreReportsNull: with nothing stored, counts are 0 but rates,
// shares, durations and NPS are undefined, and the JSON says null.
func TestEmptyStoreReportsNull(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	rep, err := kpi.LoadComplaintReport(ctx, db, kpi.ComplaintQuery{By: kpi.Month})
	if err != nil {
		t.Fatal(err)
	}
	doc := kpi.JSONDoc(t, rep)
	if periods := doc["periods"].([]any); len(periods) != 0 {
		t.Errorf("periods of an empty store: %v", periods)
	}
	total := doc["total"].(map[string]any)
	for _, f := range []string{"rate_per_1000", "first_response_median_h", "first_response_p90_h", "resolution_median_h",
		"resolution_p90_h", "first_response_median_working_h", "resolution_p90_working_h", "reopen_rate", "fcr", "escalation_rate", "satisfied_share"} {
		if v, ok := total[f]; !ok || v != nil {
			t.Errorf("empty total %s = %v, want null", f, v)
		}
	}
	if total["opened"] != 0.0 || total["backlog"] != 0.0 || total["period"] != "total" {
		t.Errorf("empty total counts: %v", total)
	}
	nps, err := kpi.LoadNPSReport(ctx, db, kpi.NPSQuery{By: kpi.Month})
	if err != nil {
		t.Fatal(err)
	}
	total = kpi.JSONDoc(t, nps)["total"].(map[string]any)
	for _, f := range []string{"nps", "moe95", "ci95_low", "ci95_high", "delta"} {
		if v, ok := total[f]; !ok || v != nil {
			t.Errorf("empty NPS total %s = %v, want null", f, v)
		}
	}
	if total["n"] != 0.0 {
		t.Errorf("empty NPS total n = %v", total["n"])
	}

	// A range without complaints still has its periods: zero complaints
	// is a result, the shares of nothing are not.
	rep, err = kpi.LoadComplaintReport(ctx, db, kpi.ComplaintQuery{By: kpi.Month, From: data.DateDay(2025, 5, 1), To: data.DateDay(2025, 6, 30)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Periods) != 2 || rep.Periods[0].Period != "2025-05" || rep.Periods[1].Opened != 0 || rep.Periods[1].FCR != nil ||
		rep.Total.RatePer1000 != nil || rep.FCRDefinition != kpi.FCRStrict || rep.Base != kpi.BaseClients {
		t.Errorf("range without complaints: %+v total %+v", rep.Periods, rep.Total)
	}
}

// TestLoadersThroughTheStore checks what the loaders ask of the store: an
// open range is the range of the data, the backlog is counted up to the
// range's first day, a segmentation gives one series per value, and SLA
// picks a standard by code in any case.
func TestLoadersThroughTheStore(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	delivery := data.Category{NameEN: "Delivery", NameRU: "Доставка"}
	if err := db.SaveCategory(ctx, &delivery); err != nil {
		t.Fatal(err)
	}
	targets := map[data.Priority]time.Duration{data.PriorityNormal: 8 * time.Hour}
	for _, s := range []data.Standard{
		{Code: "FRT-1", Title: "First response", Measure: data.MeasureFirstResponse, Versions: []data.StandardVersion{{
			EffectiveFrom: data.DateDay(2024, 1, 1), Calendar: data.AllDayCalendar(), Targets: targets}}},
		{Code: "RES-1", Title: "Resolution", Measure: data.MeasureResolution, Versions: []data.StandardVersion{{
			EffectiveFrom: data.DateDay(2024, 1, 1), Calendar: data.AllDayCalendar(), Targets: targets}}},
	} {
		if err := db.SaveStandard(ctx, &s); err != nil {
			t.Fatal(err)
		}
	}
	utc := func(m time.Month, d, h int) time.Time { return time.Date(2025, m, d, h, 0, 0, 0, time.UTC) }
	resolved := func(at time.Time) []data.ComplaintEvent {
		return []data.ComplaintEvent{{At: at, Kind: data.EventStatus, Status: data.StatusResolved}}
	}
	for i, c := range []data.Complaint{
		// January: resolved in 4 hours (achieved), in 24 hours (breached),
		// and one left open into March.
		{OpenedAt: utc(1, 6, 10), CategoryID: delivery.ID, Events: resolved(utc(1, 6, 14))},
		{OpenedAt: utc(1, 6, 11), Events: resolved(utc(1, 7, 11))},
		{OpenedAt: utc(1, 20, 9)},
		// March: resolved in an hour; running 7 of 8 hours at now (at
		// risk); running for 31 hours (breached).
		{OpenedAt: utc(3, 5, 9), CategoryID: delivery.ID, Events: resolved(utc(3, 5, 10))},
		{OpenedAt: utc(3, 20, 9)},
		{OpenedAt: utc(3, 19, 9)},
	} {
		c.Type, c.Priority = data.TypeComplaint, data.PriorityNormal
		if err := db.CreateComplaint(ctx, &c); err != nil {
			t.Fatalf("complaint %d: %v", i, err)
		}
	}

	overall, segs, err := kpi.LoadComplaints(ctx, db, kpi.ComplaintQuery{By: kpi.Month, Segment: data.ComplaintsByCategory})
	if err != nil {
		t.Fatal(err)
	}
	if len(overall.Periods) != 3 || overall.Periods[0].Period.Label != "2025-01" || overall.Periods[2].Period.Label != "2025-03" {
		t.Fatalf("open range: %d periods %+v", len(overall.Periods), overall.Periods)
	}
	if overall.Total.Counts.Opened != 6 || overall.Total.Backlog != 3 {
		t.Errorf("total opened %d backlog %d, want 6 and 3", overall.Total.Counts.Opened, overall.Total.Backlog)
	}
	byName := map[string]kpi.ComplaintSeries{}
	for _, s := range segs {
		byName[s.Segment] = s
	}
	if len(segs) != 2 || byName[itoa(delivery.ID)].Total.Counts.Opened != 2 || byName[""].Total.Counts.Opened != 4 {
		t.Errorf("category series: %d, delivery %d, none %d", len(segs), byName[itoa(delivery.ID)].Total.Counts.Opened, byName[""].Total.Counts.Opened)
	}
	// Counts-only segments (the category charts) keep the counts and leave
	// the per-segment percentiles out.
	_, counted, err := kpi.LoadComplaints(ctx, db, kpi.ComplaintQuery{By: kpi.Month, Segment: data.ComplaintsByCategory, SegmentCounts: true})
	if err != nil || len(counted) != len(segs) {
		t.Fatalf("counts-only segments: %d, %v", len(counted), err)
	}
	for i, s := range counted {
		if s.Total.Counts != segs[i].Total.Counts || s.Total.Resolution.N != 0 {
			t.Errorf("counts-only %q: counts %+v vs %+v, resolution n %d", s.Segment, s.Total.Counts, segs[i].Total.Counts, s.Total.Resolution.N)
		}
	}
	if segs[0].Total.Resolution.N+segs[1].Total.Resolution.N == 0 {
		t.Error("the full segmented load should carry resolution times")
	}
	// From February on, January's open complaint is the backlog at the start.
	feb, _, err := kpi.LoadComplaints(ctx, db, kpi.ComplaintQuery{By: kpi.Month, From: data.DateDay(2025, 2, 1), To: data.DateDay(2025, 3, 31)})
	if err != nil {
		t.Fatal(err)
	}
	if len(feb.Periods) != 2 || feb.Periods[0].BacklogStart != 1 || feb.Periods[0].Backlog != 1 || feb.Total.Backlog != 3 {
		t.Errorf("backlog from February: %+v", feb.Periods)
	}

	now := utc(3, 20, 16)
	series, err := kpi.LoadSLA(ctx, db, kpi.SLAQuery{By: kpi.Month, Standard: "res-1", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 1 || series[0].Code != "RES-1" {
		t.Fatalf("SLA series %+v", series)
	}
	doc := kpi.JSONDoc(t, kpi.BuildSLAReport(series, kpi.Month))
	std := doc["standards"].([]any)[0].(map[string]any)
	jan := std["periods"].([]any)[0].(map[string]any)
	if jan["period"] != "2025-01" || jan["achieved"] != 1.0 || jan["breached"] != 1.0 || jan["compliance"] != 50.0 {
		t.Errorf("January SLA: %v", jan)
	}
	if std["open_running"] != 3.0 || std["open_at_risk"] != 1.0 || std["open_breached"] != 2.0 {
		t.Errorf("open items at %s: running %v, at risk %v, breached %v", now, std["open_running"], std["open_at_risk"], std["open_breached"])
	}
	if _, err := kpi.LoadSLA(ctx, db, kpi.SLAQuery{By: kpi.Month, Standard: "NOPE", Now: now}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown standard: %v", err)
	}
	all, err := kpi.LoadSLA(ctx, db, kpi.SLAQuery{By: kpi.Month, Now: now})
	if err != nil || len(all) != 2 || all[0].Code != "FRT-1" {
		t.Errorf("every standard: %d series, %v", len(all), err)
	}
}

// A withdrawn complaint leaves the backlog when it is cancelled but is no
// resolution: not counted as resolved, no resolution time, not in FCR.
func TestCancelledComplaintLeavesBacklogUnresolved(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	at := func(d, h int) time.Time { return time.Date(2025, time.March, d, h, 0, 0, 0, time.UTC) }
	status := func(t time.Time, s data.Status) data.ComplaintEvent {
		return data.ComplaintEvent{At: t, Kind: data.EventStatus, Status: s}
	}
	for _, c := range []data.Complaint{
		// Withdrawn by the client the next day.
		{OpenedAt: at(3, 9), Type: data.TypeComplaint, Priority: data.PriorityNormal, Events: []data.ComplaintEvent{
			status(at(3, 10), data.StatusInProgress),
			{At: at(4, 10), Kind: data.EventStatus, Status: data.StatusClosed, Cancelled: true}}},
		// Resolved in five hours.
		{OpenedAt: at(3, 9), Type: data.TypeComplaint, Priority: data.PriorityNormal, Events: []data.ComplaintEvent{
			status(at(3, 10), data.StatusInProgress), status(at(3, 14), data.StatusResolved)}},
		// Still open.
		{OpenedAt: at(5, 9), Type: data.TypeComplaint, Priority: data.PriorityNormal},
	} {
		if err := db.CreateComplaint(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	overall, _, err := kpi.LoadComplaints(ctx, db, kpi.ComplaintQuery{From: data.DateDay(2025, 3, 1), To: data.DateDay(2025, 3, 31), By: kpi.Month})
	if err != nil {
		t.Fatal(err)
	}
	m := overall.Periods[0]
	row := m.Row()
	if m.Counts.Opened != 3 || m.Counts.Resolutions != 1 || m.Counts.Cancellations != 1 || m.Backlog != 1 || m.Counts.Resolved != 1 {
		t.Errorf("opened %d resolutions %d cancellations %d backlog %d resolved cohort %d; want 3, 1, 1, 1, 1",
			m.Counts.Opened, m.Counts.Resolutions, m.Counts.Cancellations, m.Backlog, m.Counts.Resolved)
	}
	if row.Resolved != 1 || row.Cancelled != 1 || row.Backlog != 1 {
		t.Errorf("row: resolved %d cancelled %d backlog %d", row.Resolved, row.Cancelled, row.Backlog)
	}
	// The resolved one only: within its histogram bucket (hours).
	lo, hi := data.DurationBucketRange(data.DurationBucket(5 * time.Hour))
	if med := m.Resolution.Median; med < lo.Hours() || med > hi.Hours() {
		t.Errorf("resolution median %v h, want within [%v, %v] h", med, lo.Hours(), hi.Hours())
	}
	near(t, "FCR of the resolved", m.FCR.Value, 100)
	// April starts with the open complaint only.
	april, _, err := kpi.LoadComplaints(ctx, db, kpi.ComplaintQuery{From: data.DateDay(2025, 4, 1), To: data.DateDay(2025, 4, 30), By: kpi.Month})
	if err != nil {
		t.Fatal(err)
	}
	if got := april.Periods[0].BacklogStart; got != 1 {
		t.Errorf("April backlog at the start %d, want 1", got)
	}
}
