package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// IBM's IT help desk sample (on Kaggle), in its shape with rows of my
// own: numbered choices ("0 - Unassigned", "3 - Highly satisfied") and no
// date, so the file's date is given. "0 - Unassigned" rejected the row
// as an unknown priority, the satisfaction was left out, and so were
// "FiledAgainst" (the category) and "ITOwner" (the assignee).
func TestImportIBMHelpDeskSample(t *testing.T) {
	day := time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC)
	got := importHelpDesk(t, "ibm_it_helpdesk.csv", importer.Options{Location: time.UTC, FileDate: day}, map[string]ticketWant{
		"1": {status: data.StatusNew, priority: data.PriorityNormal, typ: data.TypeComplaint, verdict: data.VerdictNotSatisfied},
		"2": {status: data.StatusNew, priority: data.PriorityLow, typ: data.TypeRequest, verdict: data.VerdictNotSatisfied},
		"3": {status: data.StatusNew, priority: data.PriorityNormal, verdict: data.VerdictUnknown},
		"4": {status: data.StatusNew, priority: data.PriorityNormal, verdict: data.VerdictSatisfied},
		"5": {status: data.StatusNew, priority: data.PriorityHigh, verdict: data.VerdictSatisfied},
		"6": {status: data.StatusNew, priority: data.PriorityNormal, verdict: data.VerdictSatisfied},
	})
	if c := got["6"]; c.Category != "Hardware" || c.Assignee != "41" || c.ClientName != "1644" || !c.OpenedAt.Equal(day) {
		t.Errorf("6: category %q assignee %q client %q opened %v", c.Category, c.Assignee, c.ClientName, c.OpenedAt)
	}
}

// Kaggle's call centre data: "call_timestamp" (a date) is when the call
// came in; the file was refused for want of an opening date. Its
// "response_time" ("Within SLA") is no duration and stays unread.
func TestImportKaggleCallCenter(t *testing.T) {
	got := importHelpDesk(t, "kaggle_call_center.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"DKK-57076809-w-055481-fU": {status: data.StatusNew, channel: data.ChannelPhone},
		"QGK-72219678-w-102139-KY": {status: data.StatusNew, channel: data.ChannelChat},
		"GYJ-30025932-A-023015-LD": {status: data.StatusNew, channel: data.ChannelPhone},
		"ZJI-96807559-i-620008-m7": {status: data.StatusNew, channel: data.ChannelWeb, verdict: data.VerdictNotSatisfied},
	})
	if c := got["ZJI-96807559-i-620008-m7"]; !c.OpenedAt.Equal(time.Date(2020, 10, 17, 0, 0, 0, 0, time.UTC)) || c.Category != "Billing Question" ||
		c.ClientName != "Noreen Lafflina" || !c.Facts.FirstResponseAt.IsZero() {
		t.Errorf("opened %v category %q client %q first response %v", c.OpenedAt, c.Category, c.ClientName, c.Facts.FirstResponseAt)
	}
}
