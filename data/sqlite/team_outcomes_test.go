package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"caredesk/data"
)

// TestAgentOutcomes builds complaints through the complaint store under
// two 24/7 resolution standards (4 h for everyone, 2 h for key clients),
// with feedback from their clients, and checks every figure by hand.
func TestAgentOutcomes(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	for _, s := range []data.Standard{
		{Code: "RES-24", Title: "Resolve within 4 hours", Measure: data.MeasureResolution, Versions: []data.StandardVersion{
			{EffectiveFrom: data.DateDay(2024, 1, 1), Calendar: data.AllDayCalendar(),
				Targets: map[data.Priority]time.Duration{data.PriorityNormal: 4 * time.Hour}}}},
		{Code: "KEY-24", Title: "Key clients within 2 hours", Measure: data.MeasureResolution, Versions: []data.StandardVersion{
			{EffectiveFrom: data.DateDay(2024, 1, 1), Calendar: data.AllDayCalendar(), Tiers: []string{data.KeyTier},
				Targets: map[data.Priority]time.Duration{data.PriorityNormal: 2 * time.Hour}}}},
	} {
		if err := db.SaveStandard(ctx, &s); err != nil {
			t.Fatal(err)
		}
	}
	anna, boris := mustEmployee(t, db, "Anna"), mustEmployee(t, db, "Boris")
	client := func(name, tier string) int64 {
		c := data.Client{Name: name, Tier: tier}
		if err := db.CreateClient(ctx, &c); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	x, y, z := client("X", ""), client("Y", ""), client("Z", data.KeyTier)
	// Monday 4 March 2024; the department works 9-18 on weekdays.
	mon := at(2024, 3, 4, 0, 0)
	tue, wed := mon.Add(24*time.Hour), mon.Add(48*time.Hour)
	hour := func(day time.Time, h, m int) time.Time {
		return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	complaint := func(assignee, clientID int64, category string, v data.Verdict, opened time.Time, moves ...data.ComplaintEvent) data.Complaint {
		events := []data.ComplaintEvent{move(opened, data.StatusNew)}
		if assignee != 0 {
			events = append(events, data.ComplaintEvent{At: opened, Kind: data.EventAssign, AssigneeID: assignee})
		}
		return mustComplaint(t, db, data.Complaint{OpenedAt: opened, ClientID: clientID, Category: category, Verdict: v,
			Events: append(events, moves...)})
	}
	// Anna, Delivery: 2 h, achieved, satisfied.
	complaint(anna, x, "Delivery", data.VerdictSatisfied, hour(mon, 10, 0), move(hour(mon, 12, 0), data.StatusResolved))
	// Anna, Delivery: resolved after 6 h (breached), reopened an hour
	// later and resolved again on Tuesday at 10: 6 + 1 + 1 working hours.
	complaint(anna, y, "Delivery", data.VerdictNotSatisfied, hour(mon, 10, 0), move(hour(mon, 16, 0), data.StatusResolved),
		move(hour(mon, 17, 0), data.StatusInProgress), move(hour(tue, 10, 0), data.StatusResolved))
	// Anna, Billing, key client: 1 h, achieved under both standards.
	complaint(anna, z, "Billing", data.VerdictUnknown, hour(tue, 10, 0), move(hour(tue, 11, 0), data.StatusResolved))
	// Boris, Delivery: 1.5 h, achieved, satisfied.
	complaint(boris, x, "Delivery", data.VerdictSatisfied, hour(wed, 10, 0), move(hour(wed, 11, 30), data.StatusResolved))
	// Boris, no category, no client: 5 h, breached.
	complaint(boris, 0, "", data.VerdictUnknown, hour(wed, 10, 0), move(hour(wed, 15, 0), data.StatusResolved))
	// Left out: resolved after the period, unassigned, still open.
	complaint(anna, x, "Delivery", data.VerdictSatisfied, hour(wed, 10, 0), move(at(2024, 3, 20, 10, 0), data.StatusResolved))
	complaint(0, x, "Delivery", data.VerdictSatisfied, hour(wed, 10, 0), move(hour(wed, 11, 0), data.StatusResolved))
	complaint(boris, y, "Billing", data.VerdictUnknown, hour(wed, 10, 0), move(hour(wed, 11, 0), data.StatusInProgress))

	feedback := func(clientID int64, when time.Time, s data.Score) {
		f := data.Feedback{RespondedAt: when, Score: s, ClientID: clientID, Channel: data.ChannelEmail}
		if err := db.CreateFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	feedback(x, hour(wed, 12, 0), 10)
	feedback(x, at(2024, 3, 7, 9, 0), 3)
	feedback(y, at(2024, 3, 8, 9, 0), 8)
	feedback(y, at(2024, 3, 8, 10, 0), data.NoScore)
	feedback(z, at(2024, 3, 20, 9, 0), 9) // after the period
	feedback(x, at(2024, 3, 1, 9, 0), 0)  // before it
	feedback(0, hour(wed, 12, 0), 1)      // no client

	from, to := data.DateDay(2024, 3, 4), data.DateDay(2024, 3, 10)
	got, err := db.AgentOutcomes(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := db.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	catID := map[string]int64{}
	for _, c := range cats {
		catID[c.NameEN] = c.ID
	}
	delivery, billing := catID["Delivery"], catID["Billing"]
	want := []data.AgentOutcome{
		{EmployeeID: anna, CategoryID: delivery, Handled: 2, Reopened: 1, Satisfied: 1, WithVerdict: 2, SLAAchieved: 1, SLABreached: 1},
		{EmployeeID: anna, CategoryID: billing, Handled: 1, SLAAchieved: 2},
		{EmployeeID: boris, CategoryID: 0, Handled: 1, SLABreached: 1},
		{EmployeeID: boris, CategoryID: delivery, Handled: 1, Satisfied: 1, WithVerdict: 1, SLAAchieved: 1},
	}
	if delivery > billing {
		want[0], want[1] = want[1], want[0]
	}
	if !reflect.DeepEqual(got.Outcomes, want) {
		t.Fatalf("outcomes\n got %+v\nwant %+v", got.Outcomes, want)
	}
	wantRes := []data.AgentResolution{{EmployeeID: anna, Seconds: 3600}, {EmployeeID: anna, Seconds: 7200},
		{EmployeeID: anna, Seconds: 8 * 3600}, {EmployeeID: boris, Seconds: 5400}, {EmployeeID: boris, Seconds: 5 * 3600}}
	// Grouped by employee; the order within is the index's.
	slices.SortStableFunc(got.Resolutions, func(a, b data.AgentResolution) int { return cmp.Compare(a.Seconds, b.Seconds) })
	slices.SortStableFunc(got.Resolutions, func(a, b data.AgentResolution) int { return cmp.Compare(a.EmployeeID, b.EmployeeID) })
	if !reflect.DeepEqual(got.Resolutions, wantRes) {
		t.Fatalf("resolutions\n got %+v\nwant %+v", got.Resolutions, wantRes)
	}
	var annaFB, borisFB data.ScoreCounts
	annaFB.Scores[10], annaFB.Scores[3], annaFB.Scores[8], annaFB.Unscored = 1, 1, 1, 1 // X twice, Y twice, Z none in the period
	borisFB.Scores[10], borisFB.Scores[3] = 1, 1                                        // X
	if wantFB := map[int64]data.ScoreCounts{anna: annaFB, boris: borisFB}; !reflect.DeepEqual(got.Feedback, wantFB) {
		t.Fatalf("feedback\n got %+v\nwant %+v", got.Feedback, wantFB)
	}

	// A period with nothing resolved.
	empty, err := db.AgentOutcomes(ctx, data.DateDay(2023, 1, 1), data.DateDay(2023, 1, 31))
	if err != nil || len(empty.Outcomes) != 0 || len(empty.Resolutions) != 0 || len(empty.Feedback) != 0 {
		t.Fatalf("empty period: %+v, %v", empty, err)
	}
	// One day: Wednesday only (Boris).
	wedOnly, err := db.AgentOutcomes(ctx, data.DateDay(2024, 3, 6), data.DateDay(2024, 3, 6))
	if err != nil || len(wedOnly.Outcomes) != 2 || wedOnly.Outcomes[0].EmployeeID != boris {
		t.Fatalf("Wednesday: %+v, %v", wedOnly, err)
	}
	// The x feedback of Wednesday counts; Thursday's is outside.
	if fb := wedOnly.Feedback[boris]; fb.N() != 1 || fb.Scores[10] != 1 {
		t.Fatalf("Wednesday feedback %+v", wedOnly.Feedback)
	}
}

func TestSplitInts(t *testing.T) {
	for s, want := range map[string][]int64{"": nil, "0": {0}, "12,-3,4500000000": {12, -3, 4500000000}} {
		if got, err := splitInts(s); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("splitInts(%q) = %v, %v", s, got, err)
		}
	}
	for _, bad := range []string{",", "1,", "1,,2", "x", "--1", "1-"} {
		if _, err := splitInts(bad); err == nil {
			t.Errorf("splitInts(%q) accepted", bad)
		}
	}
}

// TestAgentOutcomesMatchPlainSQL compares AgentOutcomes with plain
// GROUP BY queries over a few thousand generated complaints under the
// benchmark's three standards, with feedback from some of their clients,
// for several periods, scanning SLA items in wide ranges and one
// complaint at a time.
func TestAgentOutcomesMatchPlainSQL(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	setUpComplaintBench(t, db)
	const n = 3000
	importComplaintsBench(t, nil, db, n)
	clients, err := db.Clients(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(4, 4))
	for i := range 2000 {
		f := data.Feedback{RespondedAt: complaintBenchStart.Add(time.Duration(r.IntN(730*24)) * time.Hour),
			Score: data.Score(r.IntN(12) - 1), ClientID: clients[r.IntN(len(clients))].ID, Channel: data.ChannelWeb,
			Source: "test", ExternalID: strconv.Itoa(i)}
		if f.Score < 0 {
			f.Score = data.NoScore
		}
		if err := db.CreateFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	start := data.DayOf(complaintBenchStart, time.UTC)
	defer func(g int64) { slaGap = g }(slaGap)
	for _, gap := range []int64{256, 1} {
		slaGap = gap
		for _, p := range [][2]data.Day{{start, start + 30}, {start + 300, start + 390}, {start + 700, start + 800}, {0, start + 1000}, {start + 5, start + 5}} {
			got, err := db.AgentOutcomes(ctx, p[0], p[1])
			if err != nil {
				t.Fatal(err)
			}
			want := plainAgentOutcomes(t, db, p[0], p[1])
			if len(got.Outcomes) == 0 || (p[1]-p[0] >= 30 && len(got.Feedback) == 0) {
				t.Fatalf("period %v: %d outcomes, feedback for %d employees: the test would compare nothing", p, len(got.Outcomes), len(got.Feedback))
			}
			if !reflect.DeepEqual(got.Outcomes, want.Outcomes) {
				t.Fatalf("gap %d, period %v: outcomes\n got %+v\nwant %+v", gap, p, got.Outcomes, want.Outcomes)
			}
			slices.SortFunc(got.Resolutions, func(a, b data.AgentResolution) int {
				return cmp.Or(cmp.Compare(a.EmployeeID, b.EmployeeID), cmp.Compare(a.Seconds, b.Seconds))
			})
			if !reflect.DeepEqual(got.Resolutions, want.Resolutions) {
				t.Fatalf("gap %d, period %v: %d resolutions, want %d", gap, p, len(got.Resolutions), len(want.Resolutions))
			}
			if !reflect.DeepEqual(got.Feedback, want.Feedback) {
				t.Fatalf("gap %d, period %v: feedback\n got %+v\nwant %+v", gap, p, got.Feedback, want.Feedback)
			}
		}
	}
}

// plainAgentOutcomes is AgentOutcomes as straightforward SQL.
func plainAgentOutcomes(t *testing.T, db *DB, from, to data.Day) data.AgentOutcomes {
	t.Helper()
	in := `FROM complaint c WHERE c.resolved_day BETWEEN ? AND ? AND c.assignee_id IS NOT NULL`
	var out data.AgentOutcomes
	rows, err := db.read.Query(`SELECT c.assignee_id, coalesce(c.category_id, 0), count(*), sum(c.reopens > 0),
		sum(c.verdict = 'satisfied'), sum(c.verdict != ''),
		coalesce(sum((SELECT count(*) FROM complaint_sla s WHERE s.standard_id IN (SELECT id FROM standard) AND s.complaint_id = c.id AND s.outcome = 'achieved')), 0),
		coalesce(sum((SELECT count(*) FROM complaint_sla s WHERE s.standard_id IN (SELECT id FROM standard) AND s.complaint_id = c.id AND s.outcome = 'breached')), 0)
		`+in+` GROUP BY 1, 2 ORDER BY 1, 2`, from, to)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var o data.AgentOutcome
		if err := rows.Scan(&o.EmployeeID, &o.CategoryID, &o.Handled, &o.Reopened, &o.Satisfied, &o.WithVerdict,
			&o.SLAAchieved, &o.SLABreached); err != nil {
			t.Fatal(err)
		}
		out.Outcomes = append(out.Outcomes, o)
	}
	rows.Close()
	rows, err = db.read.Query(`SELECT c.assignee_id, c.res_working `+in+` AND c.res_working IS NOT NULL ORDER BY 1, 2`, from, to)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var r data.AgentResolution
		if err := rows.Scan(&r.EmployeeID, &r.Seconds); err != nil {
			t.Fatal(err)
		}
		out.Resolutions = append(out.Resolutions, r)
	}
	rows.Close()
	out.Feedback = map[int64]data.ScoreCounts{}
	rows, err = db.read.Query(`SELECT p.assignee_id, f.score FROM (SELECT DISTINCT c.assignee_id, c.client_id `+in+`) p
		JOIN feedback f ON f.client_id = p.client_id AND f.day BETWEEN ? AND ?`, from, to, from, to)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var emp int64
		var score sql.NullInt64
		if err := rows.Scan(&emp, &score); err != nil {
			t.Fatal(err)
		}
		sc := out.Feedback[emp]
		sc.AddScore(scoreOf(score))
		out.Feedback[emp] = sc
	}
	rows.Close()
	return out
}
