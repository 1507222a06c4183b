package importer_test

import (
	"testing"

	"caredesk/data"
	"caredesk/data/importer"
)

// The Better Business Bureau publishes closed complaints only, each with
// one of its closing statuses, as its business profiles define them:
// Resolved (the customer verified it), Answered (the business addressed
// it; the customer did not accept or did not tell), Unresolved (answered
// without a good faith effort), Unanswered (no response), Unpursuable
// (the business could not be located), Administratively Closed (closed
// by the BBB itself). A file of them was refused
// ("Unanswered", "Unpursuable") or read as open ("Answered" waiting,
// "Unresolved" in work). Headers are the profile page's labels (Date,
// Type, Status, the complaint's text); values are invented.
func TestBBBClosingStatuses(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "bbb_complaints.csv", []byte("Date,Type,Status,Complaint\n"+
		"01/12/2024,Product Issues,Resolved,Charged for a membership I did not want\n"+
		"01/15/2024,Billing Issues,Answered,Refund promised but not received\n"+
		"01/20/2024,Service or Repair Issues,Unresolved,Technician never came back\n"+
		"02/02/2024,Delivery Issues,Unanswered,Order never arrived\n"+
		"02/09/2024,Product Issues,Unpursuable,Shop closed down\n"+
		"02/11/2024,Billing Issues,Administratively Closed,Customer stopped answering\n"))
	res := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 6 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	findWarning(t, res.Warnings, "import.warning.bbb_statuses")
	got := map[string]data.Complaint{}
	for _, c := range storedTickets(t, db) {
		got[c.OpenedAt.Format("01/02")] = c
	}
	for day, want := range map[string]struct {
		status    data.Status
		withdrawn bool
	}{"01/12": {data.StatusResolved, false}, "01/15": {data.StatusClosed, false}, "01/20": {data.StatusClosed, false},
		"02/02": {data.StatusClosed, true}, "02/09": {data.StatusClosed, true}, "02/11": {data.StatusClosed, true}} {
		if c := got[day]; c.Status != want.status || c.Facts.Withdrawn != want.withdrawn {
			t.Errorf("%s: status %q withdrawn %v, want %q %v (%+v)", day, c.Status, c.Facts.Withdrawn, want.status, want.withdrawn, c)
		}
	}
}

// Without the BBB's own words (Unanswered, Unpursuable) the statuses are
// a help desk's: osTicket's "Answered" waits for the client, a register's
// "Unresolved" is in work.
func TestAnsweredWithoutBBBStaysOpen(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "register.csv", []byte("Ticket ID,Created,Subject,Status\n"+
		"R-1,2024-01-12 10:00,Refund,Answered\n"+
		"R-2,2024-01-12 11:00,Login,Unresolved\n"+
		"R-3,2024-01-12 12:00,Invoice,Resolved\n"))
	if res := importTickets(t, db, path, importer.Options{RejectsPath: "-"}); res.Imported != 3 {
		t.Fatalf("imported %d: %+v", res.Imported, res.Rejects)
	}
	got := storedTickets(t, db)
	if got["R-1"].Status != data.StatusWaiting || got["R-2"].Status != data.StatusInProgress || got["R-3"].Status != data.StatusResolved {
		t.Errorf("statuses %q %q %q, want waiting, in progress, resolved", got["R-1"].Status, got["R-2"].Status, got["R-3"].Status)
	}
}
