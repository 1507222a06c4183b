package sqlite

import (
	"cmp"
	"context"
	"reflect"
	"slices"
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
