package sqlite

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
)

// Complaint benchmarks run on a file with a million complaints and about
// five million events over 24 months, under three standards.
const benchComplaints = 1_000_000

var complaintBenchStart = at(2023, 1, 2, 0, 0)

// benchStandards are the standards of the fixture: a first response
// standard for every complaint, a resolution standard that changed after
// a year, and a resolution standard for key clients.
func benchStandards() []data.Standard {
	all := map[data.Priority]time.Duration{data.PriorityCritical: time.Hour, data.PriorityHigh: 2 * time.Hour,
		data.PriorityNormal: 4 * time.Hour, data.PriorityLow: 8 * time.Hour}
	res := map[data.Priority]time.Duration{data.PriorityCritical: 8 * time.Hour, data.PriorityHigh: 16 * time.Hour,
		data.PriorityNormal: 27 * time.Hour, data.PriorityLow: 45 * time.Hour}
	res2 := map[data.Priority]time.Duration{data.PriorityCritical: 6 * time.Hour, data.PriorityHigh: 12 * time.Hour,
		data.PriorityNormal: 18 * time.Hour, data.PriorityLow: 36 * time.Hour}
	start := data.DayOf(complaintBenchStart, time.UTC)
	return []data.Standard{
		{Code: "FRT-1", Title: "First response", Measure: data.MeasureFirstResponse, Versions: []data.StandardVersion{
			{EffectiveFrom: start, Calendar: data.DefaultCalendar(), Targets: all}}},
		{Code: "RES-1", Title: "Resolution", Measure: data.MeasureResolution, Versions: []data.StandardVersion{
			{EffectiveFrom: start, Calendar: data.DefaultCalendar(), Targets: res},
			{EffectiveFrom: start + 365, Calendar: data.DefaultCalendar(), Targets: res2}}},
		{Code: "KEY-1", Title: "Key clients", Measure: data.MeasureResolution, Versions: []data.StandardVersion{
			{EffectiveFrom: start, Calendar: data.AllDayCalendar(), Targets: res2, Tiers: []string{data.KeyTier}}}},
	}
}

// genComplaint returns ticket i of n, opened evenly over 730 days from
// start: new, assigned, in progress, sometimes waiting for the client,
// resolved and mostly closed, a few reopened; the newest stay open.
func genComplaint(r *rand.Rand, i, n int, start time.Time) data.Complaint {
	opened := start.Add(time.Duration(int64(730*24*time.Hour) / int64(n) * int64(i))).Add(time.Duration(r.IntN(600)) * time.Second)
	client := r.IntN(20_000)
	c := data.Complaint{
		ExternalID:  "Z" + strconv.Itoa(i),
		OpenedAt:    opened,
		ClientName:  "Клиент " + strconv.Itoa(client),
		Channel:     data.Channels[r.IntN(len(data.Channels))],
		Type:        data.ComplaintTypes[min(r.IntN(6), 3)],
		Category:    genCategories[r.IntN(len(genCategories))],
		Priority:    data.Priorities[min(r.IntN(8), 3)],
		Subject:     genComments[r.IntN(len(genComments))],
		Assignee:    "Сотрудник " + strconv.Itoa(r.IntN(40)),
		Verdict:     []data.Verdict{data.VerdictUnknown, data.VerdictSatisfied, data.VerdictSatisfied, data.VerdictNotSatisfied}[r.IntN(4)],
		Subcategory: "Sub " + strconv.Itoa(r.IntN(3)),
	}
	if client%20 == 0 {
		c.ClientTier = data.KeyTier
	}
	t := opened.Add(time.Duration(5+r.IntN(300)) * time.Minute)
	ev := func(s data.Status) {
		c.Events = append(c.Events, data.ComplaintEvent{At: t, Kind: data.EventStatus, Status: s})
	}
	c.Events = make([]data.ComplaintEvent, 0, 8)
	c.Events = append(c.Events, data.ComplaintEvent{At: opened, Kind: data.EventStatus, Status: data.StatusNew})
	if r.IntN(3) == 0 {
		c.Events = append(c.Events, data.ComplaintEvent{At: t, Kind: data.EventReply})
	}
	ev(data.StatusInProgress)
	if e := r.IntN(100); e < 10 {
		level := data.LevelSenior
		if e < 2 {
			level = data.LevelManager
		}
		c.Events = append(c.Events, data.ComplaintEvent{At: t.Add(time.Hour), Kind: data.EventEscalation, Level: level})
	}
	if i > n-n/30 && r.IntN(2) == 0 {
		return c // still open
	}
	if r.IntN(5) == 0 {
		t = t.Add(time.Duration(30+r.IntN(600)) * time.Minute)
		ev(data.StatusWaiting)
		t = t.Add(time.Duration(60+r.IntN(2000)) * time.Minute)
		ev(data.StatusInProgress)
	}
	t = t.Add(time.Duration(30+r.IntN(3000)) * time.Minute)
	ev(data.StatusResolved)
	if r.IntN(20) == 0 {
		t = t.Add(time.Duration(60+r.IntN(1000)) * time.Minute)
		ev(data.StatusInProgress)
		t = t.Add(time.Duration(60+r.IntN(1000)) * time.Minute)
		ev(data.StatusResolved)
	}
	if r.IntN(10) < 7 {
		t = t.Add(time.Duration(60+r.IntN(3000)) * time.Minute)
		ev(data.StatusClosed)
	}
	return c
}

var genCategories = []string{"Доставка", "Оплата", "Качество", "Возврат", "Billing", "Support", "Сайт", "Гарантия"}

// importComplaintsBench imports n generated tickets into db through
// BeginComplaintImport; with b set, generation is kept out of the timer.
func importComplaintsBench(tb testing.TB, b *testing.B, db *DB, n int) data.ImportBatch {
	r := rand.New(rand.NewPCG(2025, 3))
	imp, err := db.BeginComplaintImport(context.Background(), data.ImportBatch{Source: "bench", FileName: "tickets.csv"})
	if err != nil {
		tb.Fatal(err)
	}
	return importGenerated(tb, b, imp, n, func(i int) data.Complaint { return genComplaint(r, i, n, complaintBenchStart) })
}

// setUpComplaintBench sets the time zone and the standards of the
// complaint benchmarks in an empty database.
func setUpComplaintBench(tb testing.TB, db *DB) {
	if err := db.SetLocation(context.Background(), time.UTC); err != nil {
		tb.Fatal(err)
	}
	for _, s := range benchStandards() {
		if err := db.SaveStandard(context.Background(), &s); err != nil {
			tb.Fatal(err)
		}
	}
}

// complaintBench is the 1M-complaint file.
var complaintBench = benchDB{name: "caredesk-complaints-bench-v2.db", build: func(tb testing.TB, db *DB) {
	setUpComplaintBench(tb, db)
	importComplaintsBench(tb, nil, db, benchComplaints)
}}

func complaintBenchFixture(b *testing.B) *DB { return complaintBench.open(b) }

// BenchmarkComplaintKPIs24Months is the figure: monthly complaint
// KPIs (counts, backlog, durations with percentiles) for 24 months of a
// million complaints, through the pipeline of the dashboard and the CLI.
func BenchmarkComplaintKPIs24Months(b *testing.B) {
	db := complaintBenchFixture(b)
	ctx := context.Background()
	from := data.DayOf(complaintBenchStart, time.UTC)
	b.Run("store-only", func(b *testing.B) {
		for b.Loop() {
			days, err := db.ComplaintDaily(ctx, data.ComplaintQuery{From: from, To: from + 729})
			if err != nil || len(days) < 700 {
				b.Fatalf("%d days, %v", len(days), err)
			}
			durs, err := db.ComplaintDurations(ctx, data.ComplaintQuery{From: from, To: from + 729})
			if err != nil || len(durs) == 0 {
				b.Fatalf("%d durations, %v", len(durs), err)
			}
		}
	})
	for _, c := range []struct {
		name   string
		seg    data.ComplaintSegmentation
		counts bool
	}{{"kpi", data.ComplaintsBy, false}, {"kpi-category", data.ComplaintsByCategory, false}, {"kpi-category-counts", data.ComplaintsByCategory, true}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				overall, _, err := kpi.LoadComplaints(ctx, db, kpi.ComplaintQuery{From: from, To: from + 729, By: kpi.Month, Segment: c.seg, SegmentCounts: c.counts})
				if err != nil || len(overall.Periods) != 24 {
					b.Fatalf("%d periods, %v", len(overall.Periods), err)
				}
			}
		})
	}
}

// BenchmarkSLAAllStandards is SLA compliance of every standard: daily
// outcomes for 24 months and the items open now.
func BenchmarkSLAAllStandards(b *testing.B) {
	db := complaintBenchFixture(b)
	ctx := context.Background()
	from := data.DayOf(complaintBenchStart, time.UTC)
	now := complaintBenchStart.Add(730 * 24 * time.Hour)
	for b.Loop() {
		series, err := kpi.LoadSLA(ctx, db, kpi.SLAQuery{From: from, To: from + 729, By: kpi.Month, Now: now})
		if err != nil || len(series) != 3 {
			b.Fatalf("%d series, %v", len(series), err)
		}
	}
}

func BenchmarkComplaintPage(b *testing.B) {
	db := complaintBenchFixture(b)
	ctx := context.Background()
	now := complaintBenchStart.Add(730 * 24 * time.Hour)
	for _, sort := range []data.ComplaintSort{data.SortComplaintOpened, data.SortComplaintPriority, data.SortComplaintStatus, data.SortComplaintDue} {
		for _, desc := range []bool{false, true} {
			f := data.ComplaintFilter{Sort: sort, Desc: desc, Now: now}
			name := string(sort)
			if desc {
				name += "-desc"
			}
			for _, at := range []struct {
				name   string
				offset func(n int) int
			}{{"first", func(int) int { return 0 }}, {"middle", func(n int) int { return n / 2 }}, {"last", func(n int) int { return n - 100 }}} {
				b.Run(name+"-"+at.name, func(b *testing.B) {
					n, err := db.CountComplaints(ctx, f)
					if err != nil || n < 1000 {
						b.Fatalf("count %d, %v", n, err)
					}
					for b.Loop() {
						rows, err := db.ListComplaints(ctx, f, data.Page{Offset: at.offset(n), Limit: 100})
						if err != nil || len(rows) != 100 {
							b.Fatalf("%d rows, %v", len(rows), err)
						}
					}
				})
			}
		}
	}
	for _, v := range []data.ComplaintView{data.ViewOverdue, data.ViewBreached, data.ViewEscalated, data.ViewKeyClients} {
		b.Run("view-"+string(v)+"-first", func(b *testing.B) {
			f := data.ComplaintFilter{View: v, Now: now}
			for b.Loop() {
				rows, err := db.ListComplaints(ctx, f, data.Page{Limit: 100})
				if err != nil || len(rows) == 0 {
					b.Fatalf("%d rows, %v", len(rows), err)
				}
			}
		})
	}
}

// BenchmarkSaveStandardRejudge1M saves the resolution standard again and
// again: with one priority's target changed in its first year (only the
// complaints it can concern are judged again), with the first year's
// calendar changed (every priority of that year), and with both
// versions' calendars changed (every complaint). It works on a copy of
// the fixture so the cached file keeps its standards.
func BenchmarkSaveStandardRejudge1M(b *testing.B) {
	src := complaintBenchFixture(b)
	path := filepath.Join(b.TempDir(), "rejudge.db")
	if err := src.Backup(context.Background(), path); err != nil {
		b.Fatal(err)
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	stds, err := db.Standards(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var res data.Standard
	for _, s := range stds {
		if s.Code == "RES-1" {
			res = s
		}
	}
	firstYear := func(end int) func(*data.Standard) {
		return func(s *data.Standard) { s.Versions[0].Calendar.End = end * 60 }
	}
	everyVersion := func(end int) func(*data.Standard) {
		return func(s *data.Standard) {
			for v := range s.Versions {
				s.Versions[v].Calendar.End = end * 60
			}
		}
	}
	// A shorter working day cannot breach a met complaint, so those are
	// not read again; a longer one can: each direction is timed apart,
	// after an untimed save of the other.
	for _, c := range []struct {
		name            string
		prepare, change func(s *data.Standard)
	}{
		{"one-target", func(s *data.Standard) { s.Versions[0].Targets[data.PriorityNormal] = 20 * time.Hour },
			func(s *data.Standard) { s.Versions[0].Targets[data.PriorityNormal] = 30 * time.Hour }},
		{"first-year-calendar/shorter-day", firstYear(18), firstYear(17)},
		{"first-year-calendar/longer-day", firstYear(17), firstYear(18)},
		{"every-calendar/shorter-day", everyVersion(18), everyVersion(17)},
		{"every-calendar/longer-day", everyVersion(17), everyVersion(18)},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				c.prepare(&res)
				if err := db.SaveStandard(ctx, &res); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				c.change(&res)
				if err := db.SaveStandard(ctx, &res); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkComplaintImport imports 200,000 generated tickets (about a
// million events) into a fresh database with the three standards.
func BenchmarkComplaintImport(b *testing.B) {
	const n = 200_000
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := Open(context.Background(), filepath.Join(b.TempDir(), strconv.Itoa(i), "import.db"))
		if err != nil {
			b.Fatal(err)
		}
		setUpComplaintBench(b, db)
		b.StartTimer()
		importComplaintsBench(b, b, db, n)
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tickets/s")
}
