package kpi_test

import (
	"context"
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
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "caredesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.SetLocation(ctx, time.UTC); err != nil {
		t.Fatal(err)
	}
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
