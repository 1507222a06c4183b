package importer

import (
	"strings"
	"testing"

	"caredesk/data"
)

// A file of several tables, each after a title line and with its own
// header (an account's data export; a report's summary before its
// tickets): the tickets' table is read, to its end, and a warning names
// the tables left out. The tickets' header is Zendesk's export
// (testdata/zendesk_tickets.csv); titles and values are invented.
func TestParseTicketSection(t *testing.T) {
	path := tempFile(t, "account_export.csv", "=== SUMMARY ===\nMetric,Value\nTickets,2\nOpen,1\n\n"+
		"=== SUPPORT TICKETS ===\nId,Subject,Status,Created at,Requester\n"+
		"1,Broken,Open,2024-03-04 09:00,Ann\n2,Late,Solved,2024-03-05 09:00,Bob\n\n"+
		"Agents\nName,Email\nIvan,ivan@example.com\n")
	pt := parseTickets(t, path, Options{})
	got := pt.byID(t)
	if len(pt.complaints) != 2 || got["1"] == nil || got["2"] == nil || got["1"].ClientName != "Ann" || len(pt.rejects) != 0 {
		t.Fatalf("tickets %d %v, rejects %v", len(pt.complaints), got, pt.rejects)
	}
	found := false
	for _, w := range pt.plan.warnings {
		if w.Code == warnSectionsSkipped {
			found = true
			if !strings.Contains(w.Text, "=== SUMMARY ===") || !strings.Contains(w.Text, "Agents") || !strings.Contains(w.Text, "SUPPORT TICKETS") {
				t.Errorf("warning %q", w.Text)
			}
		}
	}
	if !found {
		t.Errorf("no warning of the tables left out: %v", pt.plan.warnings)
	}
	// A file of one table after a title is no file of sections.
	one := parseTickets(t, tempFile(t, "one.csv", "Tickets\nId,Subject,Status,Created at\n1,Broken,Open,2024-03-04 09:00\n"), Options{})
	if len(one.complaints) != 1 {
		t.Errorf("one table: %d tickets", len(one.complaints))
	}
	for _, w := range one.plan.warnings {
		if w.Code == warnSectionsSkipped {
			t.Errorf("one table: %q", w.Text)
		}
	}
}

// Tables of the same columns are one table split in groups (a
// monday.com board, a report grouped by status): all are read, past the
// group titles and repeated headers between them, and a table of other
// columns is still left out. A board's title above the first group's is
// no header.
func TestParseTicketSectionsJoined(t *testing.T) {
	head := "Name,Person,Status,Date,Client,Item ID\n"
	path := tempFile(t, "board.csv", "Complaints board\nNew\n"+head+"Late,Ann,Working on it,2024-03-01,Acme,1\nLost,Bob,Stuck,2024-03-02,Globex,2\n\n"+
		"Totals\nStatus,Count\nDone,1\n\n"+
		"Done\n"+head+"Refund,Ann,Done,2024-02-01,Acme,3\n")
	pt := parseTickets(t, path, Options{})
	got := pt.byID(t)
	if len(pt.complaints) != 3 || len(pt.rejects) != 0 {
		t.Fatalf("tickets %d, rejects %v", len(pt.complaints), pt.rejects)
	}
	for id, want := range map[string]data.Status{"1": data.StatusInProgress, "2": data.StatusInProgress, "3": data.StatusClosed} {
		if c := got[id]; c == nil || data.DeriveFacts(c.Events).Status != want || c.Assignee == "" || c.ClientName == "" {
			t.Errorf("%s: %+v, want status %s, an assignee and a client", id, c, want)
		}
	}
	var texts []string
	for _, w := range pt.plan.warnings {
		if w.Code == warnSectionsSkipped {
			texts = append(texts, w.Text)
		}
	}
	if len(texts) != 1 || !strings.Contains(texts[0], "New», «Done") || !strings.Contains(texts[0], "left out: Totals") {
		t.Errorf("warnings %q", texts)
	}

	// Without another table, the groups are named as read together.
	pt = parseTickets(t, tempFile(t, "groups.csv", "New\n"+head+"Late,Ann,Working on it,2024-03-01,Acme,1\n\nDone\n"+head+"Refund,Ann,Done,2024-02-01,Acme,3\n"), Options{})
	if len(pt.complaints) != 2 || len(pt.plan.warnings) == 0 || pt.plan.warnings[0].Code != warnSectionsJoined {
		t.Errorf("two groups: %d tickets, warnings %v", len(pt.complaints), pt.plan.warnings)
	}
}
