package importer_test

import (
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
