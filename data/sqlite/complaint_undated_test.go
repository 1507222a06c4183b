package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

// An undated resolution undone by an undated reopening (a count of
// reopens, Zendesk's) flows on no day: the import dates both at the
// latest time it knows, not when they happened. An undated reopening
// after a dated resolution still flows, on that resolution's day: the
// backlog needs it, the complaint being open again. Both complaints
// count their reopens, and the rollups match a recount.
func TestUndatedReopenPairsFlowOnNoDay(t *testing.T) {
	db := openTest(t)
	undated := func(at time.Time, s data.Status) data.ComplaintEvent {
		e := move(at, s)
		e.Undated = true
		return e
	}
	opened := at(2024, 1, 30, 10, 0)
	pairs := mustComplaint(t, db, data.Complaint{OpenedAt: opened, Events: []data.ComplaintEvent{
		move(opened, data.StatusNew), move(opened.Add(time.Hour), data.StatusInProgress),
		undated(opened.Add(time.Hour), data.StatusResolved), undated(opened.Add(time.Hour), data.StatusInProgress),
		move(at(2024, 3, 5, 12, 0), data.StatusResolved)}})
	after := mustComplaint(t, db, data.Complaint{OpenedAt: opened, Events: []data.ComplaintEvent{
		move(opened, data.StatusNew), move(at(2024, 2, 1, 9, 0), data.StatusResolved),
		undated(at(2024, 2, 1, 9, 0), data.StatusInProgress)}})
	if pairs.Facts.UndatedReopens != 1 || after.Facts.UndatedReopens != 1 || after.Status != data.StatusInProgress {
		t.Fatalf("facts %+v, %+v", pairs.Facts, after.Facts)
	}
	days, err := db.ComplaintDaily(context.Background(), data.ComplaintQuery{By: data.ComplaintsBy})
	if err != nil {
		t.Fatal(err)
	}
	var flows []string
	for _, d := range days {
		if d.Resolutions != 0 || d.Reopens != 0 {
			flows = append(flows, fmt.Sprintf("%v %d/%d", d.Day, d.Resolutions, d.Reopens))
		}
	}
	if got, want := strings.Join(flows, ", "), "2024-02-01 1/1, 2024-03-05 1/0"; got != want {
		t.Errorf("resolutions/reopens by day: %s, want %s", got, want)
	}
	checkComplaints(t, db)
}
