package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"caredesk/data"
)

// 2024-03-04 is a Monday.
var monday = at(2024, 3, 4, 0, 0)

func TestComplaintWorkflowAndReopens(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	c := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Subject: "Курьер опоздал", Channel: data.ChannelPhone})
	if c.Status != data.StatusNew || len(c.Events) != 1 || c.Events[0].Status != data.StatusNew {
		t.Fatalf("new complaint: status %s, events %+v", c.Status, c.Events)
	}
	if _, err := db.AddComplaintEvent(ctx, c.ID, move(monday.Add(11*time.Hour), data.StatusClosed)); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("new -> closed: %v, want ErrInvalid", err)
	}
	c = mustEvent(t, db, c.ID, move(monday.Add(11*time.Hour), data.StatusInProgress))
	if !c.Facts.FirstResponseAt.Equal(monday.Add(11 * time.Hour)) {
		t.Fatalf("first response %v", c.Facts.FirstResponseAt)
	}
	if _, err := db.AddComplaintEvent(ctx, c.ID, move(monday.Add(10*time.Hour+30*time.Minute), data.StatusResolved)); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("status dated before the last one: %v, want ErrInvalid", err)
	}
	c = mustEvent(t, db, c.ID, move(monday.Add(12*time.Hour), data.StatusResolved))
	c = mustEvent(t, db, c.ID, move(monday.Add(13*time.Hour), data.StatusInProgress)) // reopen
	c = mustEvent(t, db, c.ID, move(monday.Add(15*time.Hour), data.StatusResolved))
	c = mustEvent(t, db, c.ID, move(monday.Add(16*time.Hour), data.StatusClosed))
	if c.Status != data.StatusClosed || len(c.Facts.Reopens) != 1 || !c.Facts.ResolvedAt.Equal(monday.Add(15*time.Hour)) ||
		!c.Facts.FirstResolvedAt.Equal(monday.Add(12*time.Hour)) {
		t.Fatalf("after reopen: %+v", c.Facts)
	}
	checkComplaints(t, db)
	days, err := db.ComplaintDaily(ctx, data.ComplaintQuery{})
	if err != nil || len(days) != 1 {
		t.Fatalf("daily %+v, %v", days, err)
	}
	d := days[0]
	if d.Opened != 1 || d.Negative != 1 || d.Responded != 1 || d.Resolutions != 2 || d.Reopens != 1 || d.Resolved != 1 ||
		d.Reopened != 1 || d.FCR != 0 || d.FCRReopen != 0 {
		t.Fatalf("day counts %+v", d)
	}
	// Deleting the reopen makes it a first-contact resolution again: the
	// second resolution (from resolved) no longer counts as one.
	var reopenID int64
	for _, e := range c.Events {
		if e.Kind == data.EventStatus && e.Status == data.StatusInProgress && e.At.Equal(monday.Add(13*time.Hour)) {
			reopenID = e.ID
		}
	}
	c, err = db.DeleteComplaintEvent(ctx, c.ID, reopenID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Facts.Reopens) != 0 || !c.Facts.ResolvedAt.Equal(monday.Add(12*time.Hour)) {
		t.Fatalf("after deleting the reopen: %+v", c.Facts)
	}
	checkComplaints(t, db)
	days, _ = db.ComplaintDaily(ctx, data.ComplaintQuery{})
	if d := days[0]; d.Resolutions != 1 || d.Reopens != 0 || d.FCR != 1 || d.FCRReopen != 1 || d.Reopened != 0 {
		t.Fatalf("day counts after deleting the reopen %+v", d)
	}
	if _, err := db.DeleteComplaintEvent(ctx, c.ID, 999); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleting a missing event: %v", err)
	}
	if err := db.DeleteComplaint(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	checkComplaints(t, db)
	if n := countRows(t, db, "complaint_daily") + countRows(t, db, "complaint_duration") + countRows(t, db, "complaint_event"); n != 0 {
		t.Fatalf("%d rows left after deleting the only complaint", n)
	}
}

func TestComplaintWaitingAndWorkingHours(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	c := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(10 * time.Hour)})
	mustEvent(t, db, c.ID, data.ComplaintEvent{At: monday.Add(11 * time.Hour), Kind: data.EventReply})
	mustEvent(t, db, c.ID, move(monday.Add(11*time.Hour), data.StatusInProgress))
	mustEvent(t, db, c.ID, move(monday.Add(12*time.Hour), data.StatusWaiting))
	open, _ := db.ListComplaints(ctx, data.ComplaintFilter{}, data.Page{})
	if len(open) != 1 || open[0].Status != data.StatusWaiting || len(open[0].Facts.Waiting) != 1 || !open[0].Facts.Waiting[0].End.IsZero() {
		t.Fatalf("listed while waiting: %+v", open)
	}
	mustEvent(t, db, c.ID, move(monday.Add(34*time.Hour), data.StatusInProgress)) // Tuesday 10:00
	c = mustEvent(t, db, c.ID, move(monday.Add(36*time.Hour), data.StatusResolved))
	if len(c.Facts.Waiting) != 1 || c.Facts.Waiting[0].End.Sub(c.Facts.Waiting[0].Start) != 22*time.Hour {
		t.Fatalf("waiting %+v", c.Facts.Waiting)
	}
	var frCal, frWork, resCal, resWork int64
	if err := db.read.QueryRow(`SELECT fr_calendar, fr_working, res_calendar, res_working FROM complaint WHERE id = ?`, c.ID).
		Scan(&frCal, &frWork, &resCal, &resWork); err != nil {
		t.Fatal(err)
	}
	// Monday 10-12 and Tuesday 10-12 in working hours; the night and the
	// wait for the client do not count.
	if frCal != 3600 || frWork != 3600 || resCal != 26*3600 || resWork != 4*3600 {
		t.Fatalf("durations: first response %d/%d s, resolution %d/%d s", frCal, frWork, resCal, resWork)
	}
	checkComplaints(t, db)
	durs, err := db.ComplaintDurations(ctx, data.ComplaintQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[data.DurationMeasure]int{
		data.FirstResponseCalendar: data.DurationBucket(time.Hour), data.FirstResponseWorking: data.DurationBucket(time.Hour),
		data.ResolutionCalendar: data.DurationBucket(26 * time.Hour), data.ResolutionWorking: data.DurationBucket(4 * time.Hour),
	}
	if len(durs) != 4 {
		t.Fatalf("durations %+v", durs)
	}
	for _, d := range durs {
		if d.N != 1 || d.Bucket != want[d.Measure] {
			t.Fatalf("duration %+v, want bucket %d", d, want[d.Measure])
		}
		if (d.Measure == data.ResolutionWorking) != (d.Day == data.DayOf(monday, time.UTC)+1) && d.Measure == data.ResolutionWorking {
			t.Fatalf("resolution counted on %s, want the day of resolution", d.Day)
		}
	}
	// A 24/7 calendar counts the night but still not the wait: 2 h Monday
	// plus 2 h Tuesday.
	if err := db.SetWorkCalendar(ctx, data.AllDayCalendar()); err != nil {
		t.Fatal(err)
	}
	if err := db.read.QueryRow(`SELECT res_working FROM complaint WHERE id = ?`, c.ID).Scan(&resWork); err != nil || resWork != 4*3600 {
		t.Fatalf("24/7 resolution %d s, %v", resWork, err)
	}
	cal, err := db.WorkCalendar(ctx)
	if err != nil || !cal.AllDay {
		t.Fatalf("calendar %+v, %v", cal, err)
	}
	checkComplaints(t, db)
}

func TestComplaintEscalationAndBulkAssign(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	anna, boris := mustEmployee(t, db, "Анна Петрова"), mustEmployee(t, db, "Boris Ivanov")
	a := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(9 * time.Hour), AssigneeID: anna})
	b := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(9 * time.Hour), Priority: data.PriorityHigh})
	if a.AssigneeID != anna || a.Assignee != "Анна Петрова" {
		t.Fatalf("assignee on create: %d %q", a.AssigneeID, a.Assignee)
	}
	a = mustEvent(t, db, a.ID, data.ComplaintEvent{At: monday.Add(10 * time.Hour), Kind: data.EventEscalation, Level: data.LevelSenior})
	if a.Level != data.LevelSenior || a.Facts.Escalations != 1 {
		t.Fatalf("after escalation: level %s, %d escalations", a.Level, a.Facts.Escalations)
	}
	if _, err := db.AddComplaintEvent(ctx, a.ID, data.ComplaintEvent{At: monday.Add(10 * time.Hour), Kind: data.EventEscalation, Level: "boss"}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown level: %v", err)
	}
	if err := db.AssignComplaints(ctx, []int64{a.ID, b.ID}, boris, monday.Add(11*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := db.AssignComplaints(ctx, []int64{a.ID, 999}, anna, monday.Add(12*time.Hour)); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("bulk assign with a missing complaint: %v", err)
	}
	a, _ = db.Complaint(ctx, a.ID)
	b, _ = db.Complaint(ctx, b.ID)
	if a.AssigneeID != boris || b.AssigneeID != boris || a.Facts.Agents != 2 || b.Facts.Agents != 1 {
		t.Fatalf("after bulk assign: %d/%d agents %d/%d (the failed second assignment must leave nothing)", a.AssigneeID, b.AssigneeID, a.Facts.Agents, b.Facts.Agents)
	}
	mustEvent(t, db, a.ID, move(monday.Add(13*time.Hour), data.StatusResolved))
	mustEvent(t, db, b.ID, move(monday.Add(13*time.Hour), data.StatusResolved))
	checkComplaints(t, db)
	days, _ := db.ComplaintDaily(ctx, data.ComplaintQuery{})
	if d := days[0]; d.Escalated != 1 || d.Resolved != 2 || d.FCR != 1 || d.FCRReopen != 2 {
		t.Fatalf("day counts %+v", d)
	}
	byAssignee, err := db.ComplaintDaily(ctx, data.ComplaintQuery{By: data.ComplaintsByAssignee})
	if err != nil || len(byAssignee) != 1 || byAssignee[0].Segment != data.SegmentKey(boris) || byAssignee[0].Opened != 2 {
		t.Fatalf("by assignee %+v, %v", byAssignee, err)
	}
	mine, err := db.ListComplaints(ctx, data.ComplaintFilter{View: data.ViewMine, Me: boris}, data.Page{Limit: 10})
	if err != nil || len(mine) != 2 {
		t.Fatalf("mine: %d, %v", len(mine), err)
	}
	esc, _ := db.ListComplaints(ctx, data.ComplaintFilter{View: data.ViewEscalated}, data.Page{Limit: 10})
	if len(esc) != 1 || esc[0].ID != a.ID {
		t.Fatalf("escalated view %+v", esc)
	}
}

func TestCategoriesEmployeesClients(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	parent := data.Category{NameEN: "Delivery", NameRU: "Доставка"}
	if err := db.SaveCategory(ctx, &parent); err != nil {
		t.Fatal(err)
	}
	child := data.Category{ParentID: parent.ID, NameEN: "Late", NameRU: "Опоздание"}
	if err := db.SaveCategory(ctx, &child); err != nil {
		t.Fatal(err)
	}
	grandchild := data.Category{ParentID: child.ID, NameEN: "Very late"}
	if err := db.SaveCategory(ctx, &grandchild); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("a third level: %v", err)
	}
	if err := db.SaveCategory(ctx, &data.Category{}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("nameless category: %v", err)
	}
	cats, err := db.Categories(ctx)
	if err != nil || len(cats) != 2 || cats[0].ID != parent.ID || cats[1].ParentID != parent.ID {
		t.Fatalf("categories %+v, %v", cats, err)
	}
	// A complaint naming them in Russian finds them.
	c := mustComplaint(t, db, data.Complaint{OpenedAt: monday, Category: "доставка", Subcategory: "ОПОЗДАНИЕ", ClientName: "ООО Ромашка", ClientTier: data.KeyTier})
	if c.CategoryID != parent.ID || c.SubcategoryID != child.ID || c.Category != "Delivery" || c.ClientTier != data.KeyTier {
		t.Fatalf("names resolved to %d/%d %q tier %q", c.CategoryID, c.SubcategoryID, c.Category, c.ClientTier)
	}
	if err := db.DeleteCategory(ctx, child.ID); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("deleting a used category: %v", err)
	}
	clients, _ := db.Clients(ctx)
	if len(clients) != 1 || clients[0].Tier != data.KeyTier {
		t.Fatalf("clients %+v", clients)
	}
	key := data.Client{Name: "Acme", Tier: "standard"}
	if err := db.CreateClient(ctx, &key); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteComplaint(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCategory(ctx, child.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCategory(ctx, child.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
	e := data.Employee{Name: "Вера", Position: "Старший специалист", Active: true}
	if err := db.SaveEmployee(ctx, &e); err != nil {
		t.Fatal(err)
	}
	e.Active = false
	if err := db.SaveEmployee(ctx, &e); err != nil {
		t.Fatal(err)
	}
	emps, err := db.Employees(ctx)
	if err != nil || len(emps) != 1 || emps[0].Active || emps[0].Position != "Старший специалист" {
		t.Fatalf("employees %+v, %v", emps, err)
	}
	if err := db.SaveEmployee(ctx, &data.Employee{ID: 99, Name: "x"}); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("updating a missing employee: %v", err)
	}
}

func TestComplaintBacklogRangeDenominators(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, _, ok, err := db.ComplaintRange(ctx); ok || err != nil {
		t.Fatalf("range of an empty store: %v, %v", ok, err)
	}
	anna := mustEmployee(t, db, "Анна")
	// Monday: two opened; Tuesday: one resolved; Wednesday: reopened.
	a := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(9 * time.Hour), AssigneeID: anna})
	mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Channel: data.ChannelChat})
	mustEvent(t, db, a.ID, move(monday.Add(33*time.Hour), data.StatusResolved))
	mustEvent(t, db, a.ID, move(monday.Add(57*time.Hour), data.StatusInProgress))
	first, last, ok, err := db.ComplaintRange(ctx)
	if err != nil || !ok || first != data.DayOf(monday, time.UTC) || last != first+2 {
		t.Fatalf("range %s..%s %v %v", first, last, ok, err)
	}
	for _, c := range []struct {
		day  data.Day
		by   data.ComplaintSegmentation
		want map[string]int64
	}{
		{first, data.ComplaintsBy, map[string]int64{"": 0}},
		{first + 1, data.ComplaintsBy, map[string]int64{"": 2}},
		{first + 2, data.ComplaintsBy, map[string]int64{"": 1}},
		{first + 3, data.ComplaintsBy, map[string]int64{"": 2}},
		{first + 2, data.ComplaintsByAssignee, map[string]int64{"": 1}},
		{first + 3, data.ComplaintsByChannel, map[string]int64{"": 1, "chat": 1}},
	} {
		got, err := db.ComplaintBacklogBefore(ctx, c.day, c.by)
		if err != nil || len(got) != len(c.want) {
			t.Fatalf("backlog before %s by %q: %v, %v; want %v", c.day, c.by, got, err, c.want)
		}
		for k, v := range c.want {
			if got[k] != v {
				t.Fatalf("backlog before %s by %q: %v, want %v", c.day, c.by, got, c.want)
			}
		}
	}
	if _, err := db.ComplaintDaily(ctx, data.ComplaintQuery{By: "weather"}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown segmentation: %v", err)
	}
	if err := db.SetDenominator(ctx, data.Denominator{Month: data.DateDay(2024, 3, 17), Clients: 1200, Orders: 5400}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetDenominator(ctx, data.Denominator{Month: data.DateDay(2024, 3, 1), Clients: 1250, Orders: 5400}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetDenominator(ctx, data.Denominator{Month: data.DateDay(2024, 2, 1), Clients: 1100}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetDenominator(ctx, data.Denominator{Month: data.DateDay(2024, 4, 1), Clients: -1}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("negative denominator: %v", err)
	}
	dens, err := db.Denominators(ctx)
	if err != nil || len(dens) != 2 || dens[1] != (data.Denominator{Month: data.DateDay(2024, 3, 1), Clients: 1250, Orders: 5400}) {
		t.Fatalf("denominators %+v, %v", dens, err)
	}
	if err := db.SetDenominator(ctx, data.Denominator{Month: data.DateDay(2024, 2, 1)}); err != nil {
		t.Fatal(err)
	}
	if dens, _ := db.Denominators(ctx); len(dens) != 1 {
		t.Fatalf("after clearing February: %+v", dens)
	}
}

// An open complaint can be withdrawn (closed resolving nothing); a
// resolved one cannot: it was resolved. The rollups count the
// cancellation on its day, apart from resolutions.
func TestComplaintWithdrawal(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	withdrawn := data.ComplaintEvent{At: monday.Add(12 * time.Hour), Kind: data.EventStatus, Status: data.StatusClosed, Cancelled: true}
	c := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(10 * time.Hour)})
	c = mustEvent(t, db, c.ID, move(monday.Add(11*time.Hour), data.StatusInProgress))
	c = mustEvent(t, db, c.ID, withdrawn)
	if c.Status != data.StatusClosed || !c.Facts.ResolvedAt.IsZero() || !c.Events[len(c.Events)-1].Cancelled {
		t.Errorf("withdrawn: status %s resolved %v events %+v", c.Status, c.Facts.ResolvedAt, c.Events)
	}
	r := mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(10 * time.Hour)})
	r = mustEvent(t, db, r.ID, move(monday.Add(11*time.Hour), data.StatusResolved))
	if _, err := db.AddComplaintEvent(ctx, r.ID, withdrawn); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("withdrawing a resolved complaint: %v, want ErrInvalid", err)
	}
	// The register's rows say which one was withdrawn.
	list, err := db.ListComplaints(ctx, data.ComplaintFilter{}, data.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range list {
		if row.Facts.Withdrawn != (row.ID == c.ID) {
			t.Errorf("complaint %d listed withdrawn %v", row.ID, row.Facts.Withdrawn)
		}
	}
	days, err := db.ComplaintDaily(ctx, data.ComplaintQuery{By: data.ComplaintsBy})
	if err != nil || len(days) != 1 || days[0].Resolutions != 1 || days[0].Cancellations != 1 {
		t.Errorf("daily counts %+v (%v), want one resolution and one cancellation", days, err)
	}
	if backlog, err := db.ComplaintBacklogBefore(ctx, data.DayOf(monday, time.UTC)+1, data.ComplaintsBy); err != nil || backlog[""] != 0 {
		t.Errorf("backlog the next day %v (%v), want 0", backlog, err)
	}
	checkComplaints(t, db)
}
