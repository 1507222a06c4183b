package importer_test

import (
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// Public complaint and service-request data sets are what a manager
// without a help desk of their own (or a tester) reaches for first. The
// fixtures keep each set's published header row as its documentation
// lists it; the rows are written in its style, not copied:
//   - New York's 311 Service Requests (NYC Open Data erm2-nwe9),
//   - Chicago's 311 Service Requests (v6vf-nfxy),
//   - San Francisco's 311 Cases (vw6y-z8j6),
//   - Austin's 311 Public Data (xwdj-i9he),
//   - the Comcast telecom complaints on Kaggle,
//   - the CFPB database as copied to Kaggle (snake case),
//   - the BPI Challenge 2014 Rabobank incidents (4TU, semicolons),
//   - the "Helpdesk" process-mining event log (Mendeley Data).

// publicTicket is what a stored ticket of a public data set must hold
// beyond ticketWant: "" or zero is not checked.
type publicTicket struct {
	ticketWant
	opened      time.Time
	responded   time.Time
	category    string
	subcategory string
	subject     string
	resolution  string // a prefix
	assignee    string
}

// checkPublicSet imports file (importHelpDesk: counts, re-import) and
// checks each ticket of want.
func checkPublicSet(t *testing.T, file string, opt importer.Options, want map[string]publicTicket) {
	t.Helper()
	plain := map[string]ticketWant{}
	for id, w := range want {
		plain[id] = w.ticketWant
	}
	got := importHelpDesk(t, file, opt, plain)
	for id, w := range want {
		c, ok := got[id]
		if !ok {
			continue // reported by importHelpDesk
		}
		if !w.opened.IsZero() && !c.OpenedAt.Equal(w.opened) {
			t.Errorf("%s: opened %v, want %v", id, c.OpenedAt, w.opened)
		}
		if !c.Facts.FirstResponseAt.Equal(w.responded) {
			t.Errorf("%s: first response %v, want %v", id, c.Facts.FirstResponseAt, w.responded)
		}
		for _, f := range []struct{ name, got, want string }{{"category", c.Category, w.category}, {"subcategory", c.Subcategory, w.subcategory},
			{"subject", c.Subject, w.subject}, {"assignee", c.Assignee, w.assignee}} {
			if f.got != f.want {
				t.Errorf("%s: %s %q, want %q", id, f.name, f.got, f.want)
			}
		}
		if !strings.HasPrefix(c.Resolution, w.resolution) || w.resolution == "" && c.Resolution != "" {
			t.Errorf("%s: resolution %q, want %q…", id, c.Resolution, w.resolution)
		}
	}
}

// New York: the unique key is the id, the complaint type and descriptor
// the category and subcategory, "Resolution Description" the resolution
// (not the description, whose word it contains), the open-data channel
// the channel; "Due Date" is a deadline and dates nothing. Its dates are
// month first with AM/PM.
func TestImportNYC311Requests(t *testing.T) {
	checkPublicSet(t, "nyc311_requests.csv", importer.Options{}, map[string]publicTicket{
		"45531135": {ticketWant: ticketWant{status: data.StatusClosed, priority: data.PriorityNormal, typ: data.TypeComplaint, channel: data.ChannelWeb,
			resolved: utcAt(2020, 2, 2, 15, 47).Add(time.Second)}, opened: time.Date(2020, 2, 2, 13, 55, 46, 0, time.UTC),
			category: "Noise - Residential", subcategory: "Loud Music/Party", resolution: "The Police Department responded"},
		"45533410": {ticketWant: ticketWant{status: data.StatusInProgress, channel: data.ChannelPhone},
			category: "Street Condition", subcategory: "Pothole"},
		"45529876": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelWeb, resolved: utcAt(2020, 2, 3, 9, 0)},
			category: "HEAT/HOT WATER", subcategory: "ENTIRE BUILDING", resolution: "The Department of Housing"},
		"45527702": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelOther, resolved: utcAt(2020, 1, 31, 12, 0)},
			opened:   time.Date(2020, 1, 31, 0, 20, 11, 0, time.UTC), // 12:20:11 AM
			category: "Missed Collection (All Materials)", subcategory: "1R Missed Recycling-All Materials", resolution: "The Department of Sanitation"},
		"45530001": {ticketWant: ticketWant{status: data.StatusWaiting, channel: data.ChannelPhone},
			category: "Dirty Conditions", subcategory: "Trash"},
	})
}

// Chicago: SR_NUMBER and SR_TYPE in capitals and snake case; STATUS, not
// the address's STATE. A request flagged DUPLICATE (here a cancelled
// copy of the one before) is skipped as no appeal of its own.
func TestImportChicago311Requests(t *testing.T) {
	checkPublicSet(t, "chicago311_requests.csv", importer.Options{}, map[string]publicTicket{
		"SR19-01209373": {ticketWant: ticketWant{status: data.StatusResolved, channel: data.ChannelWeb, resolved: time.Date(2019, 3, 20, 10, 15, 5, 0, time.UTC)},
			category: "Aircraft Noise Complaint"},
		"SR18-01654283": {ticketWant: ticketWant{status: data.StatusInProgress, channel: data.ChannelPhone}, category: "Pothole in Street Complaint"},
		"SR19-00512280": {ticketWant: ticketWant{status: data.StatusResolved, channel: data.ChannelWeb, resolved: time.Date(2019, 2, 13, 13, 12, 40, 0, time.UTC)},
			category: "Rodent Baiting/Rat Complaint"},
	})
	res := importTickets(t, openStore(t), copyFixture(t, "chicago311_requests.csv"), importer.Options{RejectsPath: "-"})
	if w := findWarning(t, res.Warnings, "import.warning.not_appeal"); res.Skipped != 1 || !strings.Contains(w.Text, "DUPLICATE: true") {
		t.Errorf("skipped %d, warning %q; want the duplicate named", res.Skipped, w.Text)
	}
}

// San Francisco: its "Request Type" is the kind of request under the
// category, not a type of appeal; "Status Notes" tell how a case ended,
// and an open case's "open" is no resolution.
func TestImportSF311Cases(t *testing.T) {
	checkPublicSet(t, "sf311_cases.csv", importer.Options{}, map[string]publicTicket{
		"9738364": {ticketWant: ticketWant{status: data.StatusClosed, typ: data.TypeComplaint, channel: data.ChannelWeb,
			resolved: time.Date(2018, 10, 22, 6, 14, 37, 0, time.UTC)},
			category: "Street and Sidewalk Cleaning", subcategory: "Bulky Items", resolution: "Case Resolved - Pickup completed."},
		"9738440": {ticketWant: ticketWant{status: data.StatusInProgress, channel: data.ChannelWeb},
			category: "Graffiti", subcategory: "Graffiti on Building_commercial"},
		"9738501": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelPhone, resolved: utcAt(2018, 10, 24, 13, 0)},
			category: "Streetlights", subcategory: "Streetlight - Light_Burnt_Out", resolution: "Case Transferred"},
	})
}

// Austin: "Service Request (SR) Number", dates written "2019 Jan 03
// 09:37:38 AM", the request's description as its category, and a
// "Duplicate (closed)" request skipped as no appeal of its own.
func TestImportAustin311Requests(t *testing.T) {
	checkPublicSet(t, "austin311_requests.csv", importer.Options{}, map[string]publicTicket{
		"19-00001234": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelPhone, resolved: time.Date(2019, 1, 3, 11, 40, 2, 0, time.UTC)},
			opened: time.Date(2019, 1, 3, 9, 37, 38, 0, time.UTC), category: "Loose Dog"},
		"19-00001301": {ticketWant: ticketWant{status: data.StatusInProgress, channel: data.ChannelOther},
			opened: time.Date(2019, 1, 3, 10, 5, 11, 0, time.UTC), category: "Pothole Repair"},
	})
}

// Comcast: the date and the time of day stand in two columns, the
// client's own title is the subject (not a client named "Comcast
// Cable…"), "Received Via" the channel, and a status without a date
// leaves the resolution time unknown.
func TestImportComcastComplaints(t *testing.T) {
	checkPublicSet(t, "comcast_complaints.csv", importer.Options{}, map[string]publicTicket{
		"250635": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelPhone},
			opened: time.Date(2015, 4, 22, 15, 53, 50, 0, time.UTC), subject: "Comcast Cable Internet Speeds"},
		"223441": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelWeb},
			opened: time.Date(2015, 8, 4, 10, 22, 56, 0, time.UTC), subject: "Payment disappear - service got disconnected"},
		"242732": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelWeb}, subject: "Speed and Service"},
		"277946": {ticketWant: ticketWant{status: data.StatusInProgress, channel: data.ChannelWeb},
			subject: "Comcast Imposed a New Usage Cap of 300GB that punishes streaming."},
		"307175": {ticketWant: ticketWant{status: data.StatusResolved, channel: data.ChannelWeb},
			opened: time.Date(2015, 5, 26, 13, 25, 26, 0, time.UTC), subject: "Comcast not working and no service to boot"},
		"338519": {ticketWant: ticketWant{status: data.StatusWaiting, channel: data.ChannelWeb},
			opened: time.Date(2015, 12, 6, 21, 59, 40, 0, time.UTC), subject: "ISP Charging for arbitrary data limits with overage fees"},
	})
}

// The CFPB database as Kaggle copies it: snake-case headers with
// "company_response_to_consumer" and "consumer_disputed?". It is the
// CFPB layout, so "state" (the consumer's) is no status.
func TestImportCFPBKaggleCopy(t *testing.T) {
	checkPublicSet(t, "cfpb_kaggle_complaints.csv", importer.Options{}, map[string]publicTicket{
		"511074": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelOther, verdict: data.VerdictNotSatisfied},
			opened: utcAt(2013, 8, 30, 0, 0), category: "Mortgage", subcategory: "Other mortgage",
			subject: "Loan modification,collection,foreclosure", resolution: "Closed with explanation"},
		"511080": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelOther, verdict: data.VerdictNotSatisfied},
			category: "Mortgage", subcategory: "Other mortgage", subject: "Loan servicing, payments, escrow account", resolution: "Closed with explanation"},
		"511067": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelWeb, verdict: data.VerdictNotSatisfied},
			category: "Debt collection", subcategory: "Credit card", subject: "False statements or representation", resolution: "Closed with explanation"},
		"510473": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelOther, verdict: data.VerdictSatisfied},
			category: "Credit reporting", subject: "Incorrect information on credit report", resolution: "Closed with explanation"},
		"510326": {ticketWant: ticketWant{status: data.StatusClosed, channel: data.ChannelEmail, verdict: data.VerdictNotSatisfied},
			category: "Student loan", subcategory: "Non-federal student loan", subject: "Repaying your loan", resolution: "Closed with explanation"},
	})
}

// A register whose "State" column holds US states has no status column:
// read as one, every row was rejected as an unknown status.
func TestStateColumnOfAddressesIsNoStatus(t *testing.T) {
	_, got, res := importAllTickets(t, "register.csv", 2,
		"Ticket ID,Created,Customer,State,Closed",
		"A-1,2024-03-04 10:00,Jane Roe,CA,2024-03-05 12:00",
		"A-2,2024-03-04 11:00,John Doe,NY,",
	)
	if res.Rejected != 0 {
		t.Fatalf("rejected %d: %+v", res.Rejected, res.Rejects)
	}
	if c := got["A-1"]; c.Status != data.StatusClosed || c.ClientName != "Jane Roe" {
		t.Errorf("A-1: %q %q, want closed, Jane Roe", c.Status, c.ClientName)
	}
	if c := got["A-2"]; c.Status != data.StatusNew {
		t.Errorf("A-2: %q, want new", c.Status)
	}
	// A column named "State" holding statuses is still the status.
	_, got, _ = importAllTickets(t, "states.csv", 2,
		"Number,Opened,State",
		"INC1,2024-03-04 10:00,In Progress",
		"INC2,2024-03-04 11:00,Resolved",
	)
	if got["INC1"].Status != data.StatusInProgress || got["INC2"].Status != data.StatusResolved {
		t.Errorf("statuses %q %q, want in progress and resolved", got["INC1"].Status, got["INC2"].Status)
	}
}

// The BPI Challenge 2014 incidents: "Incident ID", "Open Time",
// day-first dates with dashes, a category column that holds the type of
// call, priority "NS" (not specified), "Reopen Time" dating a reopening
// and "Closure Code" as the resolution.
func TestImportBPIC14Incidents(t *testing.T) {
	checkPublicSet(t, "bpic14_incidents.csv", importer.Options{}, map[string]publicTicket{
		"IM0000004": {ticketWant: ticketWant{status: data.StatusClosed, priority: data.PriorityLow, typ: data.TypeComplaint,
			resolved: utcAt(2013, 11, 4, 13, 50)}, opened: utcAt(2012, 2, 5, 13, 32), resolution: "Other"},
		"IM0000005": {ticketWant: ticketWant{status: data.StatusClosed, priority: data.PriorityNormal, typ: data.TypeComplaint,
			resolved: utcAt(2013, 12, 2, 12, 36), reopened: true}, opened: utcAt(2012, 3, 12, 15, 44), resolution: "Software"},
		"IM0000006": {ticketWant: ticketWant{status: data.StatusClosed, priority: data.PriorityNormal, typ: data.TypeQuestion,
			resolved: utcAt(2014, 1, 13, 15, 12)}, resolution: "No error - works as designed"},
		"IM0000011": {ticketWant: ticketWant{status: data.StatusClosed, priority: data.PriorityLow, typ: data.TypeComplaint,
			resolved: utcAt(2013, 11, 14, 9, 31)}, resolution: "Operator error"},
	})
}

// The "Helpdesk" process-mining log: one row per activity, dated only by
// "Complete Timestamp". A ticket opens with its first step, is first
// answered when taken in charge, waits while it waits, and its own
// resolution (not a software anomaly's) resolves it; the last resource
// has it; its product is the category.
func TestImportHelpdeskEventLog(t *testing.T) {
	checkPublicSet(t, "helpdesk_eventlog.csv", importer.Options{}, map[string]publicTicket{
		"Case 1": {ticketWant: ticketWant{status: data.StatusClosed, resolved: time.Date(2012, 10, 25, 11, 54, 26, 0, time.UTC)},
			opened: time.Date(2012, 10, 9, 14, 50, 17, 0, time.UTC), responded: time.Date(2012, 10, 9, 14, 51, 1, 0, time.UTC), assignee: "Value 3",
			category: "Value 1"}, // its product
		"Case 10": {ticketWant: ticketWant{status: data.StatusClosed, resolved: utcAt(2010, 5, 3, 9, 11)},
			opened: time.Date(2010, 4, 29, 10, 25, 6, 0, time.UTC), responded: time.Date(2010, 4, 29, 10, 25, 29, 0, time.UTC), assignee: "Value 5",
			category: "Value 2"},
		"Case 100": {ticketWant: ticketWant{status: data.StatusInProgress},
			opened: utcAt(2011, 2, 15, 9, 0), responded: utcAt(2011, 2, 15, 9, 5), assignee: "Value 1", category: "Value 1"},
	})
}
