package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
)

// Help desks first covered here, each imported into a real store by
// checkTicketImport. Where a fixture rests on an assumption rather than
// on the tool's documentation or source, its comment says so.
func TestImportDeskExports(t *testing.T) {
	type want = exportTicket
	msk := time.FixedZone("MSK", 3*3600)
	at := func(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, msk) }
	none := time.Time{}
	cases := []struct {
		file    string
		tickets map[string]want
		check   func(t *testing.T, got map[string]data.Complaint)
	}{
		// Trudesk's ticket report: its source (reports.js) writes the
		// columns uid, type, priority, status, created, subject,
		// requester, group, assignee, tags, dates as moment's "MMM DD, YY
		// HH:mm:ss", and its default priorities Normal, Urgent, Critical.
		// It dates no resolution. Its "group" is the customers' group,
		// not a category, and is not read.
		{"desk_trudesk_report.csv", map[string]want{
			"1001": {data.StatusClosed, data.PriorityHigh, none},
			"1002": {data.StatusWaiting, data.PriorityNormal, none},
			"1003": {data.StatusNew, data.PriorityNormal, none},
			"1004": {data.StatusInProgress, data.PriorityCritical, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["1001"]
			if c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || c.Subject != "Charged twice" || !c.OpenedAt.Equal(at(4, 9, 15)) ||
				c.Category != "" || got["1003"].Type != data.TypeRequest {
				t.Errorf("1001 %+v", c)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) { checkTicketImport(t, tc.file, msk, tc.tickets, tc.check) })
	}
}

