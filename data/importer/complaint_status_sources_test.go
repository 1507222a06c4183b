package importer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"caredesk/data"
	"caredesk/data/importer"
)

// Freshdesk's Tickets API numbers its default statuses 2 to 5 and an
// account's own statuses from 6 ("Refund Initiated", "Waiting on Third
// Party"), named only in the account. Freshdesk keeps such a ticket
// open (only Resolved and Closed end it), so a custom number is read
// as in progress, not refused, and the import names the numbers. The
// header is the API's, flattened as in freshdesk_api_tickets.csv;
// values are invented.
func TestFreshdeskCustomStatusNumbers(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "freshdesk_custom.csv", []byte("id,subject,status,priority,source,created_at,updated_at,due_by,fr_due_by\n"+
		"601,Refund please,7,2,1,2024-04-01T10:00:00Z,2024-04-02T10:00:00Z,2024-04-04T10:00:00Z,2024-04-01T14:00:00Z\n"+
		"602,Parcel lost,6,3,2,2024-04-01T11:00:00Z,2024-04-02T11:00:00Z,2024-04-04T11:00:00Z,2024-04-01T15:00:00Z\n"+
		"603,Wrong size,2,1,1,2024-04-01T12:00:00Z,2024-04-01T12:00:00Z,2024-04-04T12:00:00Z,2024-04-01T16:00:00Z\n"+
		"604,Broken lid,7,2,3,2024-04-01T13:00:00Z,2024-04-02T13:00:00Z,2024-04-04T13:00:00Z,2024-04-01T17:00:00Z\n"))
	res := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 4 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d (%+v), want 4 and 0", res.Imported, res.Rejected, res.Rejects)
	}
	got := storedTickets(t, db)
	for _, id := range []string{"601", "602", "603", "604"} {
		if c := got[id]; c.Status != data.StatusInProgress {
			t.Errorf("%s: status %q, want in progress", id, c.Status)
		}
	}
	if w := findWarning(t, res.Warnings, "import.warning.freshdesk_custom_status"); w.Args["Values"] != "7, 6" || w.Args["Column"] != "status" {
		t.Errorf("warning %+v", w)
	}
}

// Zendesk's "Reopens" counts a ticket's reopenings without their times:
// each is stored as an undated resolution and reopening, at the latest
// time the row dates before them (here the first reply, in January).
// They happened some time before the solving in March, not on that day:
// January's resolutions and reopens counted them (two of each for one
// ticket never solved then). Now they count on no day, the backlog is
// the same, and the ticket still counts two reopens. Header spellings
// are Zendesk's export's; values are invented.
func TestZendeskUndatedReopensCountOnNoDay(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "zendesk_reopens.csv", []byte("Id,Subject,Status,Priority,Created at,Solved at,Reopens,First reply time in minutes\n"+
		"2001,Refund not received,Solved,Normal,2024-01-30 10:00:00 +0000,2024-03-05 12:00:00 +0000,2,30\n"))
	if res := importTickets(t, db, path, importer.Options{RejectsPath: "-"}); res.Imported != 1 {
		t.Fatalf("imported %d: %+v", res.Imported, res.Rejects)
	}
	if c := storedTickets(t, db)["2001"]; c.Facts.UndatedReopens != 2 || c.Status != data.StatusResolved {
		t.Fatalf("2001: status %q, facts %+v", c.Status, c.Facts)
	}
	days, err := db.ComplaintDaily(context.Background(), data.ComplaintQuery{By: data.ComplaintsBy})
	if err != nil {
		t.Fatal(err)
	}
	var flows []string
	for _, d := range days {
		if d.Resolutions != 0 || d.Reopens != 0 {
			flows = append(flows, fmt.Sprintf("%v: %d resolutions, %d reopens", d.Day, d.Resolutions, d.Reopens))
		}
	}
	if want := fmt.Sprintf("%v: 1 resolutions, 0 reopens", data.DateDay(2024, 3, 5)); strings.Join(flows, "; ") != want {
		t.Errorf("flows %q, want %q", flows, want)
	}
}
