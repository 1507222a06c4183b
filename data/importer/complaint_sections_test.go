package importer

import (
	"strings"
	"testing"
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
