package importer_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// The named help desks' other exports: a Zendesk view, Zendesk's and
// Freshdesk's API tickets flattened to CSV. Each is imported into a
// real store by checkTicketImport (a second import adds nothing). Names
// and values are invented; headers and vocabularies are sourced below.
func TestImportNamedDeskVariants(t *testing.T) {
	type want = exportTicket
	utc := func(mo time.Month, d, h, m int) time.Time { return time.Date(2024, mo, d, h, m, 0, 0, time.UTC) }
	none := time.Time{}
	cases := []deskCase{
		// A Zendesk view exported to CSV: its columns as the view shows
		// them, as a public repository's test of such a report holds
		// them ("ID","Ticket status","Organization","Requester",
		// "Subject","Priority","SLA","Requested","Updated","Ticket
		// form"), with the view columns "Solved" and "Assignee" added.
		// "Requested" is the creation; "SLA" the next breach, a deadline.
		{"zendesk_view_tickets.csv", map[string]want{
			"1085566": {data.StatusResolved, data.PriorityHigh, utc(3, 5, 11, 45)},
			"1013494": {data.StatusInProgress, data.PriorityCritical, none},
			"1013495": {data.StatusWaiting, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["1085566"]
			if !c.OpenedAt.Equal(utc(3, 4, 9, 15)) || c.ClientName != "Abel Tuter" || c.Assignee != "Ivan Sidorov" ||
				c.Subject != "Card transactions decline" || c.Type != data.TypeQuestion {
				t.Errorf("1085566 %+v", c)
			}
		}},
		// Zendesk's Tickets API (developer.zendesk.com: id, created_at,
		// type problem/incident/question/task, priority, status
		// new/open/pending/hold/solved/closed, requester_id, due_at,
		// via.channel, satisfaction_rating.score good/bad/offered/
		// unoffered) flattened to columns. Its requester is an id, no
		// name; it dates no solving.
		{"zendesk_api_tickets.csv", map[string]want{
			"35": {data.StatusResolved, data.PriorityCritical, none},
			"36": {data.StatusInProgress, data.PriorityNormal, none},
			"37": {data.StatusInProgress, data.PriorityLow, none}, // hold: a third party's turn, not the client's
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["35"]; c.Verdict != data.VerdictNotSatisfied || c.Channel != data.ChannelEmail || c.Type != data.TypeComplaint ||
				!c.OpenedAt.Equal(utc(3, 4, 9, 15)) || c.ClientName != "" {
				t.Errorf("35 %+v", c)
			}
			if c := got["36"]; c.Verdict != "" || c.Channel != data.ChannelWeb || c.Type != data.TypeQuestion {
				t.Errorf("36: verdict %q channel %q type %q", c.Verdict, c.Channel, c.Type)
			}
			if c := got["37"]; c.Verdict != data.VerdictSatisfied {
				t.Errorf("37: verdict %q", c.Verdict)
			}
		}},
		// Freshdesk's Tickets API (developers.freshdesk.com) flattened:
		// status 2 Open, 3 Pending, 4 Resolved, 5 Closed; priority 1 Low
		// to 4 Urgent; source 1 Email, 2 Portal, 3 Phone, 7 Chat;
		// due_by and fr_due_by deadlines; stats.first_responded_at,
		// stats.resolved_at, stats.closed_at, stats.reopened_at with
		// ?include=stats, requester.name with ?include=requester.
		{"freshdesk_api_tickets.csv", map[string]want{
			"501": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 4, 1, 16, 30, 0, 0, time.UTC)},
			"502": {data.StatusInProgress, data.PriorityLow, none},
			"503": {data.StatusWaiting, data.PriorityCritical, none},
			"504": {data.StatusResolved, data.PriorityNormal, time.Date(2024, 4, 2, 15, 0, 0, 0, time.UTC)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["501"]
			if c.ClientName != "Nina Volkova" || !c.Facts.Reopened() || got["502"].Facts.Reopened() || c.Channel != data.ChannelEmail || !c.Facts.FirstResponseAt.Equal(time.Date(2024, 4, 1, 10, 40, 0, 0, time.UTC)) ||
				got["502"].Channel != data.ChannelWeb || got["503"].Channel != data.ChannelPhone || got["504"].Channel != data.ChannelChat {
				t.Errorf("501 %+v; channels %q %q %q", c, got["502"].Channel, got["503"].Channel, got["504"].Channel)
			}
		}},
		// ServiceNow's incident list exported with column labels, not
		// names (its incident form: "Opened", "Caller", "Channel",
		// "Reassignment count", "Reopen count", "Made SLA", "Resolution
		// code" and "Resolution notes" for close_code and close_notes).
		// The notes are the resolution, as close_notes are.
		{"servicenow_labels.csv", map[string]want{
			"INC0010001": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)},
			"INC0010002": {data.StatusInProgress, data.PriorityCritical, none},
			"INC0010003": {data.StatusResolved, data.PriorityLow, time.Date(2024, 5, 4, 9, 0, 0, 0, time.UTC)},
			"INC0010004": {data.StatusWaiting, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["INC0010001"]
			if c.Resolution != "Reinstalled profile" || c.ClientName != "Abel Tuter" || c.Assignee != "Beth Anglin" || c.Channel != data.ChannelPhone ||
				c.Category != "Software" || c.Subcategory != "Email" {
				t.Errorf("INC0010001 %+v", c)
			}
			if c := got["INC0010003"]; c.Facts.UndatedReopens+len(c.Facts.Reopens) != 1 {
				t.Errorf("INC0010003: reopens %+v", c.Facts)
			}
		}},
		// A ServiceNow Customer Service case list (CS… numbers): its
		// states New, Open, Awaiting Info (the customer's turn),
		// Resolved, Closed, as ServiceNow's documentation of case
		// states names them (ServiceNow/ServiceNowDocs,
		// customer-service-management/r_CustomerServiceCaseStates.md).
		{"servicenow_cases.csv", map[string]want{
			"CS0001001": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)},
			"CS0001002": {data.StatusWaiting, data.PriorityNormal, none},
			"CS0001003": {data.StatusNew, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["CS0001001"]; c.ClientName != "Julie Lewis" || c.Resolution != "Solution provided" || c.Channel != data.ChannelWeb {
				t.Errorf("CS0001001 %+v", c)
			}
		}},
	}
	runDeskCases(t, time.UTC, cases)
}

// The CFPB's other layouts: its download of years before 2017 (products
// since renamed: "Bank account or service", "Credit reporting", "Payday
// loan"; responses "Closed with relief", "Closed without relief",
// "Untimely response", "Closed") whose dates, month/day as the CFPB
// writes them, are all ambiguous in a short slice; and its search API's
// hits flattened to columns ("_index", "_id", "_source.date_received",
// as public code normalising the API's JSON names them). Values are
// invented.
func TestImportCFPBVariants(t *testing.T) {
	type want = exportTicket
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	none := time.Time{}
	runDeskCases(t, time.UTC, []deskCase{
		{"cfpb_old_mdy.csv", map[string]want{
			"759217":  {data.StatusClosed, data.PriorityNormal, none},
			"544112":  {data.StatusClosed, data.PriorityNormal, none},
			"1404550": {data.StatusInProgress, data.PriorityNormal, none},
			"222333":  {data.StatusClosed, data.PriorityNormal, none},
			"222334":  {data.StatusClosed, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["759217"]; !c.OpenedAt.Equal(day(2014, 3, 12)) || c.Category != "Bank account or service" || c.Verdict != data.VerdictSatisfied {
				t.Errorf("759217: opened %v category %q verdict %q", c.OpenedAt, c.Category, c.Verdict)
			}
			if c := got["222333"]; !c.OpenedAt.Equal(day(2012, 12, 1)) {
				t.Errorf("222333: opened %v, want 1 December 2012 (month/day)", c.OpenedAt)
			}
			if c := got["544112"]; c.Verdict != data.VerdictNotSatisfied || c.Type != data.TypeComplaint {
				t.Errorf("544112: disputed, verdict %q type %q", c.Verdict, c.Type)
			}
		}},
		{"cfpb_api_hits.csv", map[string]want{
			"8400001": {data.StatusClosed, data.PriorityNormal, none},
			"8400002": {data.StatusInProgress, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["8400001"]
			if c.Category != "Credit card" || c.Subcategory != "General-purpose credit card" || c.Channel != data.ChannelWeb ||
				c.Subject != "Problem with a purchase shown on your statement" || c.Resolution != "Closed with explanation" || c.Source != "cfpb" {
				t.Errorf("8400001 %+v", c)
			}
			if c := got["8400002"]; c.Description != "I was charged late fees." || c.Channel != data.ChannelPhone {
				t.Errorf("8400002: description %q channel %q", c.Description, c.Channel)
			}
		}},
	})
}

// SLA records are refused, not stored as a complaint per row: Zendesk's
// ticket metric events (its API's fields id, ticket_id, metric,
// instance_id, type, time; metric reply_time, resolution_time…, type
// activate, fulfill, breach…) and ServiceNow's task_sla list (its labels
// Task, SLA definition, Stage, Has breached, Start time, Stop time). The
// preview says why; with columns chosen by hand the file is the user's
// call. Values are invented.
func TestSLARecordsAreNoTickets(t *testing.T) {
	files := map[string]string{
		"zendesk_metric_events.csv": "id,ticket_id,metric,instance_id,type,time\n" +
			"926232757371,155,reply_time,1,activate,2024-03-04T09:15:00Z\n" +
			"926233227451,155,reply_time,1,fulfill,2024-03-04T10:00:00Z\n" +
			"926233527491,155,resolution_time,1,activate,2024-03-04T09:15:00Z\n",
		"servicenow_task_sla.csv": "Task,SLA definition,Type,Target,Stage,Has breached,Start time,Stop time\n" +
			"INC0010001,Priority 2 resolution (8 hour),SLA,Resolution,Completed,false,2024-05-02 08:00:00,2024-05-02 12:00:00\n" +
			"INC0010001,Priority 2 response (1 hour),SLA,Response,Completed,false,2024-05-02 08:00:00,2024-05-02 08:30:00\n",
	}
	for name, content := range files {
		t.Run(name, func(t *testing.T) {
			db := openStore(t)
			path := writeFile(t, name, []byte(content))
			_, err := importer.ImportComplaints(context.Background(), db, path, importer.Options{RejectsPath: "-", Location: time.UTC}, nil)
			var why *importer.MessageError
			if !errors.Is(err, importer.ErrSLARecords) || !errors.As(err, &why) || why.Message.Args["Tool"] == nil {
				t.Fatalf("%v, want ErrSLARecords naming the tool", err)
			}
			assertNoComplaints(t, db)
			pv, err := importer.InspectComplaints(path, importer.Options{Location: time.UTC})
			if err != nil {
				t.Fatal(err)
			}
			findWarning(t, pv.Warnings, "import.error.sla_records")
		})
	}
	// A ticket list whose ids sit under "ticket_id" is still imported.
	db := openStore(t)
	path := writeFile(t, "tickets.csv", []byte("ticket_id,created_at,status,type\n155,2024-03-04T09:15:00Z,open,question\n"))
	if res := importTickets(t, db, path, importer.Options{RejectsPath: "-"}); res.Imported != 1 {
		t.Errorf("a ticket list: imported %d", res.Imported)
	}
}

// ServiceNow's list exported to Excel: the column labels, the dates as
// Excel date-times, the sheet "Page 1". Values are invented.
func TestImportServiceNowWorkbook(t *testing.T) {
	b := newBook(t, "Page 1")
	at := func(d, h int) time.Time { return time.Date(2024, 5, d, h, 0, 0, 0, time.UTC) }
	dt := "yyyy-mm-dd hh:mm:ss"
	b.rows("Page 1", "A1", map[int]string{1: dt, 8: dt, 9: dt},
		[]any{"Number", "Opened", "Short description", "Caller", "Priority", "State", "Category", "Assigned to", "Resolved", "Closed", "Reopen count", "Channel"},
		[]any{"INC0010001", at(2, 8), "Email not syncing", "Abel Tuter", "2 - High", "Closed", "Software", "Beth Anglin", at(2, 12), at(5, 12), 0, "Phone"},
		[]any{"INC0010002", at(3, 9), "VPN drops", "Bud Richman", "1 - Critical", "In Progress", "Network", "David Loo", nil, nil, 1, "Virtual Agent"})
	db := openStore(t)
	path := b.save("incident.xlsx")
	if res := importTickets(t, db, path, importer.Options{RejectsPath: "-", Location: time.UTC}); res.Imported != 2 {
		t.Fatalf("imported %d", res.Imported)
	}
	got := storedTickets(t, db)
	if c := got["INC0010001"]; !c.OpenedAt.Equal(at(2, 8)) || !c.Facts.ResolvedAt.Equal(at(2, 12)) || c.Status != data.StatusClosed ||
		c.Priority != data.PriorityHigh || c.ClientName != "Abel Tuter" || c.Source != "servicenow" {
		t.Errorf("INC0010001 %+v", c)
	}
	if c := got["INC0010002"]; c.Channel != data.ChannelChat || c.Facts.UndatedReopens+len(c.Facts.Reopens) != 1 || c.Status != data.StatusInProgress {
		t.Errorf("INC0010002 %+v", c)
	}
	if again := importTickets(t, db, path, importer.Options{RejectsPath: "-", Location: time.UTC}); again.Imported != 0 {
		t.Errorf("re-import added %d", again.Imported)
	}
}

// A ServiceNow Customer Service case list exported without display
// values numbers its states its own way, not as an incident's (1 New,
// 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed): its rows are refused
// as unknown states, not stored as waiting or closed by an incident's
// numbers, and a warning says why. ServiceNow's documentation gives no
// case state numbers: it sends to the instance's choice list for them
// ("Display the integer values of all case states"). Its state names
// still read. Values are invented.
func TestServiceNowCaseStateNumbersNotAnIncidents(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "sn_customerservice_case.csv", []byte("number,opened_at,short_description,state\n"+
		"CS0001001,2024-05-02 08:00:00,Invoice wrong,3\n"+
		"CS0001002,2024-05-02 09:00:00,Router broken,7\n"+
		"CS0001003,2024-05-02 10:00:00,Broken again,Awaiting Info\n"))
	res := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 1 || res.Rejected != 2 {
		t.Fatalf("imported %d rejected %d, want 1 and 2", res.Imported, res.Rejected)
	}
	if c := storedTickets(t, db)["CS0001003"]; c.Status != data.StatusWaiting {
		t.Errorf("CS0001003: status %q, want waiting", c.Status)
	}
	if w := findWarning(t, res.Warnings, "import.warning.servicenow_case_states"); w.Args["Count"] != 2 || w.Args["Column"] != "state" {
		t.Errorf("warning %+v", w)
	}
}
