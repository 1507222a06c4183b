package sqlite

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Moscow on machines without a zone database

	"github.com/mattn/go-sqlite3"

	"caredesk/data"
)

func resolutionStandard(v1, v2 time.Duration) data.Standard {
	return data.Standard{Code: "RES-1", Title: "Resolve within the working day", Measure: data.MeasureResolution,
		Versions: []data.StandardVersion{
			{EffectiveFrom: data.DateDay(2024, 3, 1), Text: "v1", Calendar: data.DefaultCalendar(),
				Targets: map[data.Priority]time.Duration{data.PriorityNormal: v1}},
			{EffectiveFrom: data.DateDay(2024, 3, 6), Text: "v2", Calendar: data.DefaultCalendar(),
				Targets: map[data.Priority]time.Duration{data.PriorityNormal: v2}},
		}}
}

func TestStandardsVersionsAndRejudging(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	wednesday := monday.Add(48 * time.Hour)
	// A: opened Monday under v1 (2 h), resolved after 5 working hours.
	a := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Channel: data.ChannelPhone})
	mustEvent(t, db, a.ID, move(monday.Add(11*time.Hour), data.StatusInProgress))
	mustEvent(t, db, a.ID, move(monday.Add(15*time.Hour), data.StatusResolved))
	// B: opened Wednesday under v2 (8 h), resolved after 5 working hours.
	b := mustComplaint(t, db, data.Complaint{OpenedAt: wednesday.Add(10 * time.Hour), Channel: data.ChannelEmail})
	mustEvent(t, db, b.ID, move(wednesday.Add(15*time.Hour), data.StatusResolved))
	// C: opened Monday, still in progress, key client.
	c := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), ClientName: "Key Co", ClientTier: data.KeyTier})
	mustEvent(t, db, c.ID, move(monday.Add(10*time.Hour+30*time.Minute), data.StatusInProgress))

	// Saving a standard judges the complaints already stored.
	res := resolutionStandard(2*time.Hour, 8*time.Hour)
	if err := db.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	frt := data.Standard{Code: "FRT-1", Title: "First answer on the phone within an hour", Measure: data.MeasureFirstResponse,
		Versions: []data.StandardVersion{{EffectiveFrom: data.DateDay(2024, 1, 1), Calendar: data.AllDayCalendar(),
			Targets: map[data.Priority]time.Duration{data.PriorityNormal: time.Hour}, Channels: []data.Channel{data.ChannelPhone}}}}
	if err := db.SaveStandard(ctx, &frt); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveStandard(ctx, &data.Standard{Code: "rEs-1", Title: "dup", Measure: data.MeasureResolution, Versions: res.Versions}); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("a second standard with the same code: %v", err)
	}
	checkComplaints(t, db)
	outcome := func(id, std int64, now time.Time) data.SLAResult {
		t.Helper()
		results, err := db.SLA(ctx, id, now)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			if r.StandardID == std {
				return r
			}
		}
		return data.SLAResult{}
	}
	if r := outcome(a.ID, res.ID, monday); r.Outcome != data.SLABreached || r.VersionID != res.Versions[0].ID || r.Elapsed != 5*time.Hour {
		t.Fatalf("A against v1: %+v", r)
	}
	if r := outcome(b.ID, res.ID, monday); r.Outcome != data.SLAAchieved || r.VersionID != res.Versions[1].ID {
		t.Fatalf("B against v2: %+v", r)
	}
	if r := outcome(a.ID, frt.ID, monday); r.Outcome != data.SLAAchieved || r.Elapsed != time.Hour {
		t.Fatalf("A first response: %+v", r)
	}
	if r := outcome(b.ID, frt.ID, monday); r.Outcome != "" {
		t.Fatalf("the phone standard judged an e-mail: %+v", r)
	}
	now := monday.Add(13 * time.Hour)
	if r := outcome(c.ID, res.ID, now); r.Outcome != data.SLARunning || !r.Due.Equal(monday.Add(12*time.Hour)) || !r.Overdue(now) || r.Elapsed != 3*time.Hour {
		t.Fatalf("C running: %+v", r)
	}
	open, err := db.OpenSLA(ctx, now)
	if err != nil || len(open) != 1 || open[0] != (data.SLAOpen{StandardID: res.ID, Running: 1, Breached: 1}) {
		t.Fatalf("open at 13:00: %+v, %v", open, err)
	}
	open, _ = db.OpenSLA(ctx, monday.Add(11*time.Hour+45*time.Minute))
	if len(open) != 1 || open[0].AtRisk != 1 || open[0].Breached != 0 {
		t.Fatalf("open at 11:45: %+v", open)
	}
	sla, err := db.SLADaily(ctx, data.SLAQuery{StandardID: res.ID})
	if err != nil || len(sla) != 2 || sla[0].Breached != 1 || sla[1].Achieved != 1 {
		t.Fatalf("daily SLA %+v, %v", sla, err)
	}
	view := func(v data.ComplaintView) []int64 {
		t.Helper()
		rows, err := db.ListComplaints(ctx, data.ComplaintFilter{View: v, Now: now}, data.Page{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		n, err := db.CountComplaints(ctx, data.ComplaintFilter{View: v, Now: now})
		if err != nil || n != len(rows) {
			t.Fatalf("count of view %q: %d, %v; listed %d", v, n, err, len(rows))
		}
		out := []int64{}
		for _, r := range rows {
			out = append(out, r.ID)
		}
		slices.Sort(out)
		return out
	}
	if got := view(data.ViewOverdue); !slices.Equal(got, []int64{c.ID}) {
		t.Fatalf("overdue %v", got)
	}
	if got := view(data.ViewBreached); !slices.Equal(got, []int64{a.ID, c.ID}) {
		t.Fatalf("breached %v", got)
	}
	if got := view(data.ViewKeyClients); !slices.Equal(got, []int64{c.ID}) {
		t.Fatalf("key clients %v", got)
	}
	due, _ := db.ListComplaints(ctx, data.ComplaintFilter{Sort: data.SortComplaintDue}, data.Page{Limit: 1})
	if len(due) != 1 || due[0].ID != c.ID {
		t.Fatalf("the due sort starts with %+v", due)
	}

	// v1 relaxed to 6 h: A is achieved now, everywhere.
	res.Versions[0].Targets[data.PriorityNormal] = 6 * time.Hour
	if err := db.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	checkComplaints(t, db)
	if r := outcome(a.ID, res.ID, monday); r.Outcome != data.SLAAchieved || r.VersionID != res.Versions[0].ID {
		t.Fatalf("A after relaxing v1: %+v", r)
	}
	if got := view(data.ViewBreached); !slices.Equal(got, []int64{}) {
		t.Fatalf("breached after relaxing v1: %v (C is due at 16:00 now)", got)
	}
	sla, _ = db.SLADaily(ctx, data.SLAQuery{})
	var breached int64
	for _, d := range sla {
		breached += d.Breached
	}
	if breached != 0 || len(sla) != 3 {
		t.Fatalf("daily SLA after relaxing v1 %+v", sla)
	}
	// The phone standard moves to e-mail: A loses its row, B gains one.
	frt.Versions[0].Channels = []data.Channel{data.ChannelEmail}
	if err := db.SaveStandard(ctx, &frt); err != nil {
		t.Fatal(err)
	}
	checkComplaints(t, db)
	if r := outcome(a.ID, frt.ID, monday); r.Outcome != "" {
		t.Fatalf("A judged by the e-mail standard: %+v", r)
	}
	if n := countRows(t, db, "complaint_sla WHERE standard_id = "+strconv.FormatInt(frt.ID, 10)); n != 1 {
		t.Fatalf("%d rows of the e-mail standard, want B's", n)
	}
	frt.Versions[0].Channels = []data.Channel{data.ChannelPhone}
	if err := db.SaveStandard(ctx, &frt); err != nil {
		t.Fatal(err)
	}
	// v1 starts on Tuesday: A and C, opened on Monday, lose their rows; B
	// (v2, out of the changed range) keeps its own.
	resRows := "complaint_sla WHERE standard_id = " + strconv.FormatInt(res.ID, 10)
	res.Versions[0].EffectiveFrom = data.DateDay(2024, 3, 5)
	if err := db.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	checkComplaints(t, db)
	if n := countRows(t, db, resRows); n != 1 || outcome(b.ID, res.ID, monday).Outcome != data.SLAAchieved {
		t.Fatalf("%d rows of the resolution standard after v1 moved to Tuesday, want B's", n)
	}
	res.Versions[0].EffectiveFrom = data.DateDay(2024, 3, 1)
	if err := db.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	checkComplaints(t, db)
	if n := countRows(t, db, resRows); n != 3 {
		t.Fatalf("%d rows of the resolution standard after v1 moved back, want 3", n)
	}
	// A complaint stored afterwards is judged on the way in.
	d := mustComplaint(t, db, data.Complaint{OpenedAt: wednesday.Add(9 * time.Hour), Channel: data.ChannelPhone})
	if r := outcome(d.ID, frt.ID, wednesday.Add(11*time.Hour)); r.Outcome != data.SLARunning || !r.Due.Equal(wednesday.Add(10*time.Hour)) {
		t.Fatalf("D first response: %+v", r)
	}
	stds, err := db.Standards(ctx)
	if err != nil || len(stds) != 2 || stds[0].Code != "FRT-1" || len(stds[1].Versions) != 2 ||
		stds[1].Versions[0].Targets[data.PriorityNormal] != 6*time.Hour || !stds[0].Versions[0].Calendar.AllDay ||
		!slices.Equal(stds[0].Versions[0].Channels, []data.Channel{data.ChannelPhone}) {
		t.Fatalf("standards %+v, %v", stds, err)
	}
	if err := db.DeleteStandard(ctx, res.ID); err != nil {
		t.Fatal(err)
	}
	checkComplaints(t, db)
	if got := view(data.ViewOverdue); len(got) != 0 {
		t.Fatalf("overdue after deleting the standard: %v", got)
	}
	if err := db.DeleteStandard(ctx, res.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
}

func TestSetLocationMovesComplaintDays(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	res := resolutionStandard(2*time.Hour, 8*time.Hour)
	if err := db.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	// 22:30 UTC on Monday is Tuesday 01:30 in Moscow.
	c := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(22*time.Hour + 30*time.Minute)})
	mustEvent(t, db, c.ID, move(monday.Add(23*time.Hour), data.StatusResolved))
	// 13:00-17:00 UTC is 4 working hours (breached); in Moscow it is
	// 16:00-20:00, 2 working hours (achieved).
	d := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(13 * time.Hour)})
	mustEvent(t, db, d.ID, move(monday.Add(17*time.Hour), data.StatusResolved))
	checkComplaints(t, db)
	if sla, _ := db.SLADaily(ctx, data.SLAQuery{}); len(sla) != 1 || sla[0].Breached != 1 || sla[0].Achieved != 1 {
		t.Fatalf("SLA in UTC %+v", sla)
	}
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err) // time/tzdata is linked in: the zone is always there
	}
	if err := db.SetLocation(ctx, msk); err != nil {
		t.Fatal(err)
	}
	checkComplaints(t, db)
	days, _ := db.ComplaintDaily(ctx, data.ComplaintQuery{})
	if len(days) != 2 || days[1].Day != data.DateDay(2024, 3, 5) || days[1].Opened != 1 || days[1].Resolved != 1 {
		t.Fatalf("days in Moscow %+v", days)
	}
	if sla, _ := db.SLADaily(ctx, data.SLAQuery{}); len(sla) != 2 || sla[0].Breached+sla[1].Breached != 0 || sla[0].Achieved+sla[1].Achieved != 2 {
		t.Fatalf("SLA in Moscow %+v", sla)
	}
	var resWork int64
	if err := db.read.QueryRow(`SELECT res_working FROM complaint WHERE id = ?`, d.ID).Scan(&resWork); err != nil || resWork != 2*3600 {
		t.Fatalf("working time in Moscow %d s, %v", resWork, err)
	}
}

func TestComplaintPaging(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	res := resolutionStandard(2*time.Hour, 8*time.Hour)
	if err := db.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	importComplaints(t, db, "paging", ticketRows(137))
	checkComplaints(t, db)
	all, err := db.ListComplaints(ctx, data.ComplaintFilter{}, data.Page{})
	if err != nil || len(all) != 137 {
		t.Fatalf("all: %d, %v", len(all), err)
	}
	for _, sort := range []data.ComplaintSort{data.SortComplaintOpened, data.SortComplaintPriority, data.SortComplaintStatus, data.SortComplaintDue} {
		for _, desc := range []bool{false, true} {
			for _, f := range []data.ComplaintFilter{{}, {Channel: data.ChannelPhone}, {OpenOnly: true}, {Search: "клиент 2"}, {Tier: data.KeyTier}} {
				f.Sort, f.Desc = sort, desc
				want := expectedOrder(all, f)
				n, err := db.CountComplaints(ctx, f)
				if err != nil || n != len(want) {
					t.Fatalf("%+v: count %d, %v; want %d", f, n, err, len(want))
				}
				var got []int64
				for off := 0; off < n+10; off += 10 {
					page, err := db.ListComplaints(ctx, f, data.Page{Offset: off, Limit: 10})
					if err != nil {
						t.Fatal(err)
					}
					for _, c := range page {
						got = append(got, c.ID)
					}
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%+v: pages give %v, want %v", f, got, want)
				}
			}
		}
	}
	if _, err := db.ListComplaints(ctx, data.ComplaintFilter{Sort: "size"}, data.Page{}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown sort: %v", err)
	}
}

// expectedOrder filters and sorts complaints in Go the way the register
// should.
func expectedOrder(all []data.Complaint, f data.ComplaintFilter) []int64 {
	var keep []data.Complaint
	for _, c := range all {
		switch {
		case f.Channel != "" && c.Channel != f.Channel,
			f.OpenOnly && !c.Status.Open(),
			f.Tier != "" && c.ClientTier != f.Tier,
			f.Search != "" && c.ClientName != "Клиент 2":
			continue
		}
		keep = append(keep, c)
	}
	due := func(c data.Complaint) int64 {
		if r, ok := dueOf(c); ok {
			return r
		}
		return noDue
	}
	slices.SortStableFunc(keep, func(a, b data.Complaint) int {
		var k int
		switch f.Sort {
		case data.SortComplaintPriority:
			k = priorityRank(a.Priority) - priorityRank(b.Priority)
		case data.SortComplaintStatus:
			k = statusRank(a.Status) - statusRank(b.Status)
		case data.SortComplaintDue:
			k = cmpInt(due(a), due(b))
		}
		if k == 0 {
			k = a.OpenedAt.Compare(b.OpenedAt)
		}
		if k == 0 {
			k = cmpInt(a.ID, b.ID)
		}
		if f.Desc {
			k = -k
		}
		return k
	})
	out := []int64{}
	for _, c := range keep {
		out = append(out, c.ID)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// dueOf is the v1/v2 resolution due time of an open complaint of the
// paging test (2 h or 8 h working from opening, clocks stopped while
// waiting).
func dueOf(c data.Complaint) (int64, bool) {
	if !c.Status.Open() || c.Status == data.StatusWaiting || c.Priority != data.PriorityNormal {
		return 0, false
	}
	target := 2 * time.Hour
	if data.DayOf(c.OpenedAt, time.UTC) >= data.DateDay(2024, 3, 6) {
		target = 8 * time.Hour
	}
	cal := data.DefaultCalendar()
	return cal.AddWorking(c.OpenedAt, target, time.UTC, c.Facts.Waiting).Unix(), true
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestStandardGoalRoundTrip(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	s := resolutionStandard(2*time.Hour, 8*time.Hour)
	s.Goal = 95.5
	if err := db.SaveStandard(ctx, &s); err != nil {
		t.Fatal(err)
	}
	all, err := db.Standards(ctx)
	if err != nil || len(all) != 1 {
		t.Fatalf("standards: %v, %v", all, err)
	}
	if all[0].Goal != 95.5 || all[0].GoalOrDefault() != 95.5 {
		t.Errorf("goal = %v, want 95.5", all[0].Goal)
	}
	s.Goal = 0
	if err := db.SaveStandard(ctx, &s); err != nil {
		t.Fatal(err)
	}
	if all, _ = db.Standards(ctx); all[0].GoalOrDefault() != data.DefaultSLAGoal {
		t.Errorf("goal without a value = %v, want the default %v", all[0].GoalOrDefault(), data.DefaultSLAGoal)
	}
	s.Goal = 120
	if err := db.SaveStandard(ctx, &s); err == nil {
		t.Error("a goal of 120% was accepted")
	}
}

// Saving a standard writes its new outcomes while it still reads the
// complaints (every judgeFlushAt changes): the result must be what the
// import stores when the standard had the new versions from the start.
func TestSaveStandardWhileReadingMatchesFreshJudging(t *testing.T) {
	defer func(n int) { judgeFlushAt = n }(judgeFlushAt)
	judgeFlushAt = 50
	ctx := context.Background()
	const n = 3000
	// A shorter target and a longer one, working days ending earlier and
	// later: a complaint resolved within the smaller of the old and new
	// targets is not read again (one within the larger only could have
	// been breached), nor one met when the target is no shorter and the
	// day no longer (a longer day can breach it).
	type change struct {
		name  string
		end   int // the working day's end, minutes (was 18:00)
		scale func(time.Duration) time.Duration
	}
	var changes []change
	for _, end := range []int{16 * 60, 20 * 60} {
		changes = append(changes,
			change{fmt.Sprintf("shorter target, day ends %d:00", end/60), end, func(d time.Duration) time.Duration { return d / 2 }},
			change{fmt.Sprintf("longer target, day ends %d:00", end/60), end, func(d time.Duration) time.Duration { return d * 2 }})
	}
	for _, target := range changes {
		t.Run(target.name, func(t *testing.T) {
			// changeRES saves the resolution standards of db (RES-1 on
			// working hours, KEY-1 around the clock, where a plain hour
			// is a working hour) with their calendars' end of day and
			// normal target changed.
			changeRES := func(db *DB) {
				t.Helper()
				stds, err := db.Standards(ctx)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range stds {
					if s.Measure != data.MeasureResolution {
						continue
					}
					for v := range s.Versions {
						s.Versions[v].Calendar.End = target.end
						s.Versions[v].Targets[data.PriorityNormal] = target.scale(s.Versions[v].Targets[data.PriorityNormal])
					}
					if err := db.SaveStandard(ctx, &s); err != nil {
						t.Fatal(err)
					}
				}
			}
			// before: the standards as benchmarked, then one changed and
			// saved again; fresh: the changed standard before the same
			// import.
			before, fresh := openTest(t), openTest(t)
			for _, db := range []*DB{before, fresh} {
				setUpComplaintBench(t, db)
			}
			changeRES(fresh)
			importComplaintsBench(t, nil, fresh, n)
			importComplaintsBench(t, nil, before, n)
			changeRES(before)
			for _, q := range []string{
				`SELECT standard_id, complaint_id, due_at, risk_at, finished_at, finished_day, outcome FROM complaint_sla ORDER BY 1, 2`,
				`SELECT id, due_at FROM complaint ORDER BY id`,
				`SELECT complaint_id FROM complaint_breached ORDER BY 1`,
				`SELECT * FROM sla_daily ORDER BY 1, 2`,
			} {
				if got, want := dumpQuery(t, before, q), dumpQuery(t, fresh, q); got != want {
					t.Errorf("%s\nafter saving the standard again:\n%.2000s\nwant, as judged at import:\n%.2000s", q, got, want)
				}
			}
			checkComplaints(t, before)
		})
	}
}

// workingDaysSQL must count in SQLite what data.DayBound counts in Go,
// for any weekdays and for spans of days before and after 1970.
func TestWorkingDaysSQLCountsLikeDayBound(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	for mask := 1; mask < 1<<7; mask += 9 {
		var b data.DayBound
		for d := range b.Weekdays {
			b.Weekdays[d] = mask&(1<<d) != 0
		}
		b.Longest = time.Second
		query := `SELECT ` + workingDaysSQL(b.Weekdays, "a", "b") + ` FROM (SELECT ? AS a, ? AS b)`
		for _, span := range [][2]data.Day{{0, 0}, {-10, 3}, {-700, -690}, {20000, 20000}, {20001, 20013}, {20002, 20370}, {19999, 20006}} {
			var got int64
			if err := db.read.QueryRowContext(ctx, query, int64(span[0]), int64(span[1])).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if want := int64(b.Max(span[0], span[1]) / time.Second); got != want {
				t.Errorf("weekdays %v, days %d to %d: SQL counts %d, DayBound %d", b.Weekdays, span[0], span[1], got, want)
			}
		}
	}
}

// A re-judgement reads the ids of the complaints opened on its days:
// every id from the first day on, none from a day after the last.
func TestRejudgeScopeIDs(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	setUpComplaintBench(t, db)
	importComplaintsBench(t, nil, db, 500)
	var first, last, mid data.Day
	var midID, lastID int64
	if err := db.read.QueryRowContext(ctx, `SELECT min(opened_day), max(opened_day), max(id) FROM complaint`).Scan(&first, &last, &lastID); err != nil {
		t.Fatal(err)
	}
	var dayFirst, dayLast int64 // the ids opened on day mid
	if err := db.read.QueryRowContext(ctx, `SELECT opened_day FROM complaint ORDER BY id LIMIT 1 OFFSET 250`).Scan(&mid); err != nil {
		t.Fatal(err)
	}
	if err := db.read.QueryRowContext(ctx, `SELECT min(id) FROM complaint WHERE opened_day >= ?`, int64(mid)).Scan(&midID); err != nil {
		t.Fatal(err)
	}
	if err := db.read.QueryRowContext(ctx, `SELECT min(id), max(id) FROM complaint WHERE opened_day = ?`, int64(mid)).Scan(&dayFirst, &dayLast); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		scope rejudgeScope
		want  func(idRange) bool
	}{
		{"from the first day on", rejudgeScope{from: first - 5, days: true, open: true},
			func(r idRange) bool { return r.first == math.MinInt64 && r.last == math.MaxInt64 }},
		{"from the middle on", rejudgeScope{from: mid, days: true, open: true},
			func(r idRange) bool { return r.first == midID && r.last >= lastID }},
		{"from after the last day", rejudgeScope{from: last + 1, days: true, open: true}, idRange.empty},
		{"the middle day only", rejudgeScope{from: mid, to: mid, days: true},
			func(r idRange) bool { return r == idRange{dayFirst, dayLast} }},
	} {
		var got idRange
		err := onPoolConn(ctx, db.read, func(conn *sqlite3.SQLiteConn) error {
			var err error
			got, err = c.scope.ids(ctx, conn)
			return err
		})
		if err != nil || !c.want(got) {
			t.Errorf("%s: ids = %+v, %v", c.name, got, err)
		}
	}
}

// Saving a standard that is cancelled while it judges the complaints
// again leaves the file as it was; those that finish leave every summary
// and rollup right. Cancelled at several moments, whichever comes.
func TestSaveStandardCancelledLeavesNothing(t *testing.T) {
	defer func(n int) { judgeFlushAt = n }(judgeFlushAt)
	judgeFlushAt = 50 // batches are written while the reading goes on
	db := openTest(t)
	setUpComplaintBench(t, db)
	importComplaintsBench(t, nil, db, 2000)
	queries := []string{
		`SELECT standard_id, complaint_id, due_at, risk_at, finished_at, finished_day, outcome FROM complaint_sla ORDER BY 1, 2`,
		`SELECT id, due_at FROM complaint ORDER BY id`,
		`SELECT complaint_id FROM complaint_breached ORDER BY 1`,
		`SELECT * FROM sla_daily ORDER BY 1, 2`,
		`SELECT standard_id, effective_from, calendar FROM standard_version ORDER BY 1, 2`,
	}
	dump := func() []string {
		var out []string
		for _, q := range queries {
			out = append(out, dumpQuery(t, db, q))
		}
		return out
	}
	var cancelled, saved int
	for _, after := range []time.Duration{0, time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond, 80 * time.Millisecond, time.Second} {
		stds, err := db.Standards(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		s := stds[slices.IndexFunc(stds, func(s data.Standard) bool { return s.Code == "RES-1" })]
		for v := range s.Versions {
			s.Versions[v].Calendar.End -= 30 // every complaint concerned
		}
		before := dump()
		ctx, cancel := context.WithCancel(context.Background())
		timer := time.AfterFunc(after, cancel)
		err = db.SaveStandard(ctx, &s)
		timer.Stop()
		cancel()
		switch {
		case errors.Is(err, context.Canceled):
			cancelled++
			if got := dump(); !slices.Equal(got, before) {
				t.Fatalf("cancelled after %v, the file changed", after)
			}
		case err != nil:
			t.Fatalf("cancelled after %v: %v", after, err)
		default:
			saved++
		}
	}
	if cancelled == 0 || saved == 0 {
		t.Errorf("%d saves cancelled, %d finished: want some of each", cancelled, saved)
	}
	checkComplaints(t, db)
}

// A standard whose measure changes is judged again over every complaint:
// those now opened before its first version lose their rows (and their
// breach mark and daily counts), the others are judged by the new
// measure.
func TestChangedMeasureDropsRowsBeforeFirstVersion(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	wednesday := monday.Add(48 * time.Hour)
	// Opened Monday under v1, resolved 5 working hours later: breached.
	early := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(10 * time.Hour)})
	mustEvent(t, db, early.ID, move(monday.Add(15*time.Hour), data.StatusResolved))
	// Opened Wednesday under v2, answered after an hour, resolved later.
	late := mustComplaint(t, db, data.Complaint{OpenedAt: wednesday.Add(10 * time.Hour)})
	mustEvent(t, db, late.ID, move(wednesday.Add(11*time.Hour), data.StatusInProgress))
	mustEvent(t, db, late.ID, move(wednesday.Add(17*time.Hour), data.StatusResolved))
	res := resolutionStandard(2*time.Hour, 2*time.Hour)
	if err := db.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	rows := `SELECT complaint_id, outcome FROM complaint_sla WHERE standard_id = ? ORDER BY 1`
	if got, want := dumpQuery(t, db, rows, res.ID), fmt.Sprintf("%d|breached\n%d|breached\n", early.ID, late.ID); got != want {
		t.Fatalf("judged by resolution:\n%swant\n%s", got, want)
	}
	// Now the first response, and only from v2's day on.
	res.Measure = data.MeasureFirstResponse
	res.Versions = res.Versions[1:]
	if err := db.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	if got, want := dumpQuery(t, db, rows, res.ID), fmt.Sprintf("%d|achieved\n", late.ID); got != want {
		t.Errorf("judged by first response from Wednesday:\n%swant\n%s", got, want)
	}
	checkComplaints(t, db)
}
