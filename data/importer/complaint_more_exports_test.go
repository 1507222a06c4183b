package importer_test

import (
	"slices"
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

// Flipkart's contact centre data (on Kaggle, the file
// survey_contact_centre_csat_test.go reads as a survey), imported as
// tickets: it was refused for want of an opening date. "Issue_reported
// at" opens the ticket, "issue_responded" is the first response, "Unique
// id" the id, "channel_name" the channel ("Inbound" and "Outcall" are
// calls) and "Customer Remarks" the description; the remarks had been
// taken for the client, and "Customer_City" would have been.
func TestImportContactCentreTickets(t *testing.T) {
	got, _ := importFixture(t, "customer_support_csat.csv", importer.Options{Location: time.UTC}, 10)
	c := got["4c28acf4-2ea4-4be8-b8f1-113e676fc8b7"]
	if !c.OpenedAt.Equal(time.Date(2023, 8, 2, 10, 44, 0, 0, time.UTC)) || !c.Facts.FirstResponseAt.Equal(time.Date(2023, 8, 2, 11, 14, 0, 0, time.UTC)) ||
		c.Channel != data.ChannelPhone || c.Description != "Very bad" || c.ClientName != "" || c.Assignee != "Stanley Hogan" {
		t.Errorf("opened %v first response %v channel %q description %q client %q assignee %q", c.OpenedAt, c.Facts.FirstResponseAt,
			c.Channel, c.Description, c.ClientName, c.Assignee)
	}
}

// Azure DevOps' work items name a person with the address
// ("Anna Lee <anna@corp.com>"): the employee was filed under both.
func TestImportAzureDevOpsWorkItems(t *testing.T) {
	got := importHelpDesk(t, "azure_devops_work_items.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"1201": {status: data.StatusClosed, priority: data.PriorityCritical, resolved: time.Date(2025, 3, 13, 9, 0, 0, 0, time.UTC)},
		"1202": {status: data.StatusInProgress, priority: data.PriorityHigh},
		"1203": {status: data.StatusResolved, priority: data.PriorityLow},
	})
	if c := got["1202"]; c.Assignee != "Tom Ray" || c.Subject != "Refund not received" {
		t.Errorf("1202: assignee %q subject %q", c.Assignee, c.Subject)
	}
}

// GitHub's issues listed to CSV: "comments" counts the comments, and was
// imported as the description ("4").
func TestImportGitHubIssues(t *testing.T) {
	got := importHelpDesk(t, "github_issues.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"101": {status: data.StatusClosed, resolved: time.Date(2025, 3, 13, 9, 0, 0, 0, time.UTC)},
		"102": {status: data.StatusInProgress},
		"103": {status: data.StatusClosed, resolved: time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)},
	})
	if c := got["101"]; c.Description != "" || c.Subject != "App crashes on login" || c.Assignee != "alee" {
		t.Errorf("101: description %q subject %q assignee %q", c.Description, c.Subject, c.Assignee)
	}
}

// Asana's task list: "Task ID" numbers the task and "Name" is its title.
// The ids were hashed and every title filed as a client.
func TestImportAsanaTasks(t *testing.T) {
	got := importHelpDesk(t, "asana_tasks.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"1200001": {status: data.StatusClosed, resolved: time.Date(2025, 3, 13, 0, 0, 0, 0, time.UTC)},
		"1200002": {status: data.StatusInProgress},
	})
	if c := got["1200001"]; c.ClientName != "" || c.Subject != "Client complaint: late delivery" || c.Assignee != "Anna Lee" {
		t.Errorf("1200001: client %q subject %q assignee %q", c.ClientName, c.Subject, c.Assignee)
	}
	// HESK's "Name" is still the customer.
	db := openStore(t)
	path := writeFile(t, "hesk.csv", []byte("Tracking ID,Date,Name,Subject,Status\nABC-1,2025-03-12 10:15,Anna Smith,Late delivery,Open\nABC-2,2025-03-12 11:00,Ivan Petrov,Refund,Open\n"))
	importTickets(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
	if c := storedTickets(t, db)["ABC-1"]; c.ClientName != "Anna Smith" {
		t.Errorf("HESK: client %q", c.ClientName)
	}
}

// A complaints log that acknowledges a complaint, then responds ("Date
// Acknowledged", "Date Responded"): the response is the final one, the
// resolution. It was not read, and every complaint stayed open. Without
// an acknowledgement, "Date Responded" is the first response.
func TestImportAcknowledgedThenResponded(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 2, d, 0, 0, 0, 0, time.UTC) }
	got := importHelpDesk(t, "uk_complaints_responded.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"C-101": {status: data.StatusResolved, resolved: day(14)},
		"C-102": {status: data.StatusInProgress},
		"C-103": {status: data.StatusResolved, resolved: day(20)},
	})
	if c := got["C-101"]; !c.Facts.FirstResponseAt.Equal(day(4)) || c.Resolution != "Upheld" {
		t.Errorf("C-101: first response %v resolution %q", c.Facts.FirstResponseAt, c.Resolution)
	}

	db := openStore(t)
	path := writeFile(t, "responses.csv", []byte("Ref,Date Received,Complainant,Date Responded\nC-1,03/02/2025,Mrs A Smith,04/02/2025\nC-2,13/02/2025,Mr B Jones,\n"))
	importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if c := storedTickets(t, db)["C-1"]; !c.Facts.FirstResponseAt.Equal(day(4)) || !c.Facts.ResolvedAt.IsZero() {
		t.Errorf("without an acknowledgement: first response %v resolved %v", c.Facts.FirstResponseAt, c.Facts.ResolvedAt)
	}
}

// Odoo Helpdesk's export: "Ticket IDs Sequence" numbers the ticket (the
// ids were hashed), and its descriptions are HTML, kept as the text a
// reader sees.
func TestImportOdooHelpdesk(t *testing.T) {
	got := importHelpDesk(t, "odoo_helpdesk_tickets.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"00012": {status: data.StatusResolved, priority: data.PriorityHigh, resolved: time.Date(2024, 3, 6, 9, 10, 0, 0, time.UTC)},
		"00013": {status: data.StatusInProgress, priority: data.PriorityLow, typ: data.TypeQuestion},
		"00014": {status: data.StatusWaiting, priority: data.PriorityCritical},
		"00015": {status: data.StatusClosed, priority: data.PriorityNormal},
	})
	for id, want := range map[string]string{
		"00012": "I was charged twice for order S00042.\nPlease refund «one» of them.\nThanks,\nBrandon",
		"00013": "Reset the password\nStill fails",
		"00014": "The price was <5 EUR> less than promised & the leg broke", // no tag: the text as written
		"00015": "",
	} {
		if c := got[id]; c.Description != want {
			t.Errorf("%s: description %q, want %q", id, c.Description, want)
		}
	}
}

// SuiteCRM's export writes its stored keys: a status is the state and
// the status joined ("Open_Pending Input" was read as in progress by its
// "Open"), and P1 is its top priority of three, "High" (read as
// critical). A duplicate case is no appeal of its own.
func TestImportSuiteCRMCases(t *testing.T) {
	got, res := importFixture(t, "suitecrm_cases.csv", importer.Options{Location: time.UTC}, 5)
	if res.Skipped != 1 {
		t.Errorf("skipped %d cases as no appeals, want the duplicate", res.Skipped)
	}
	checkStatusPriority(t, got, func(c data.Complaint) string { return c.ExternalID }, map[string]statusPriority{
		"101": {data.StatusClosed, data.PriorityHigh},
		"102": {data.StatusInProgress, data.PriorityNormal},
		"103": {data.StatusWaiting, data.PriorityLow},
		"104": {data.StatusClosed, data.PriorityNormal},
		"106": {data.StatusNew, data.PriorityLow},
	})
}

type statusPriority struct {
	status   data.Status
	priority data.Priority
}

// checkStatusPriority checks the stored tickets' statuses and priorities,
// each ticket found by key (its id, or its subject where ids are hashed).
func checkStatusPriority(t *testing.T, got map[string]data.Complaint, key func(data.Complaint) string, want map[string]statusPriority) {
	t.Helper()
	byKey := map[string]data.Complaint{}
	for _, c := range got {
		byKey[key(c)] = c
	}
	for k, w := range want {
		if c, ok := byKey[k]; !ok || c.Status != w.status || c.Priority != w.priority {
			t.Errorf("%s (stored %v): status %q priority %q, want %v", k, ok, c.Status, c.Priority, w)
		}
	}
}

// A monday.com board exported to Excel: the board's name, then each
// group of items under its own name and header. Only the last group was
// read; "Item ID" numbers the item, "Person" is its owner beside the
// client, and "Stuck" (a default label) is in progress.
func TestImportMondayBoard(t *testing.T) {
	got, res := importFixture(t, "monday_board.xlsx", importer.Options{Location: time.UTC}, 4)
	for id, want := range map[string]data.Status{"5001": data.StatusInProgress, "5002": data.StatusInProgress, "5003": data.StatusClosed, "5004": data.StatusClosed} {
		if c, ok := got[id]; !ok || c.Status != want {
			t.Errorf("%s: status %q, want %q", id, c.Status, want)
		}
	}
	if c := got["5002"]; c.Assignee != "Ivan Petrov" || c.ClientName != "Globex" || c.Priority != data.PriorityNormal {
		t.Errorf("5002: assignee %q client %q priority %q", c.Assignee, c.ClientName, c.Priority)
	}
	if !slices.ContainsFunc(res.Warnings, func(w importer.Message) bool { return w.Args["Sections"] == "Новые», «Решённые" }) {
		t.Errorf("no warning naming the groups read: %v", res.Warnings)
	}
}

// Omnidesk names the client who wrote «Пользователь»: it was left out.
func TestImportOmnidesk(t *testing.T) {
	got, res := importFixture(t, "omnidesk_tickets.csv", importer.Options{Location: time.UTC}, 3)
	if res.Skipped != 1 {
		t.Errorf("skipped %d, want the spam", res.Skipped)
	}
	for id, want := range map[string]string{"215-123456": "Иван Петров", "215-123457": "Анна Ким", "215-123459": "Пётр Лис"} {
		if c := got[id]; c.ClientName != want {
			t.Errorf("%s: client %q, want %q", id, c.ClientName, want)
		}
	}
	if c := got["215-123456"]; c.Status != data.StatusClosed || c.Verdict != data.VerdictSatisfied || c.Assignee != "Ольга Смирнова" {
		t.Errorf("215-123456: status %q verdict %q assignee %q", c.Status, c.Verdict, c.Assignee)
	}
}

// Helpshift's "CSAT Rating" (1 to 5) was left out, "Pending
// Reassignment" (the issue waits for an agent) was read as waiting for
// the client, whose clock stands still.
func TestImportHelpshift(t *testing.T) {
	importHelpDesk(t, "helpshift_issues.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"4021": {status: data.StatusResolved, verdict: data.VerdictSatisfied, resolved: time.Date(2024, 4, 1, 14, 0, 0, 0, time.UTC)},
		"4022": {status: data.StatusInProgress},
		"4023": {status: data.StatusWaiting},
		"4024": {status: data.StatusClosed, verdict: data.VerdictNotSatisfied, resolved: time.Date(2024, 4, 2, 10, 10, 0, 0, time.UTC)},
	})
}

// Dixa's "csat_rating" (1 to 5) was left out.
func TestImportDixa(t *testing.T) {
	importHelpDesk(t, "dixa_conversations.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"88001": {status: data.StatusClosed, channel: data.ChannelEmail, verdict: data.VerdictSatisfied, resolved: time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)},
		"88002": {status: data.StatusInProgress, channel: data.ChannelChat},
		"88003": {status: data.StatusClosed, channel: data.ChannelPhone, verdict: data.VerdictNotSatisfied, resolved: time.Date(2024, 5, 2, 10, 30, 0, 0, time.UTC)},
	})
}

// Freshchat times in seconds, "(in secs)": the numbers were read as
// hours (45 seconds to the first response became 45 hours).
func TestImportFreshchatSeconds(t *testing.T) {
	got := importHelpDesk(t, "freshchat_conversations.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"fc-1": {status: data.StatusResolved, channel: data.ChannelChat, verdict: data.VerdictSatisfied, resolved: time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC)},
		"fc-2": {status: data.StatusInProgress, channel: data.ChannelChat},
		"fc-3": {status: data.StatusNew, channel: data.ChannelChat},
	})
	for id, want := range map[string]time.Duration{"fc-1": 45 * time.Second, "fc-2": 2 * time.Minute} {
		if c := got[id]; c.Facts.FirstResponseAt.Sub(c.OpenedAt) != want {
			t.Errorf("%s: first response after %v, want %v", id, c.Facts.FirstResponseAt.Sub(c.OpenedAt), want)
		}
	}
}

// Aircall's call log: a call that went to voicemail was rejected as an
// unknown status; nobody picked it up, so it closes unresolved, as a
// missed call does.
func TestImportAircallVoicemail(t *testing.T) {
	got, _ := importFixture(t, "aircall_calls.csv", importer.Options{Location: time.UTC}, 3)
	for _, id := range []string{"5002", "5004"} {
		if c := got[id]; c.Status != data.StatusClosed || !c.Facts.ResolvedAt.IsZero() || !c.Facts.Withdrawn || c.Channel != data.ChannelPhone {
			t.Errorf("%s: status %q resolved %v withdrawn %v channel %q, want closed unresolved by phone", id, c.Status, c.Facts.ResolvedAt,
				c.Facts.Withdrawn, c.Channel)
		}
	}
	if c := got["5001"]; c.Status != data.StatusClosed || !c.Facts.ResolvedAt.Equal(time.Date(2024, 3, 1, 9, 5, 0, 0, time.UTC)) {
		t.Errorf("5001: status %q resolved %v", c.Status, c.Facts.ResolvedAt)
	}
}

// Jivo's dialogs: «ID диалога» makes the file a chat log (its site
// widget's dialogs were web forms), and «Время ответа оператора (сек)»
// is the first response (left out).
func TestImportJivoDialogs(t *testing.T) {
	got := importHelpDesk(t, "jivo_dialogs.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"55001": {status: data.StatusClosed, channel: data.ChannelChat, verdict: data.VerdictSatisfied, resolved: time.Date(2024, 3, 1, 10, 20, 0, 0, time.UTC)},
		"55002": {status: data.StatusClosed, channel: data.ChannelChat, verdict: data.VerdictNotSatisfied, resolved: time.Date(2024, 3, 1, 11, 5, 0, 0, time.UTC)},
		"55003": {status: data.StatusNew, channel: data.ChannelChat},
	})
	if c := got["55002"]; c.Facts.FirstResponseAt.Sub(c.OpenedAt) != 4*time.Minute || c.Assignee != "Ольга" || c.ClientName != "Борис" {
		t.Errorf("55002: first response after %v, assignee %q client %q", c.Facts.FirstResponseAt.Sub(c.OpenedAt), c.Assignee, c.ClientName)
	}
}

// Jira's REST API search results (a script's dump): each field is an
// object ("fields.status.name", "fields.assignee.displayName"). The
// last part alone, "name", made the status the client, and the status,
// priority, assignee, reporter, resolution date and issue type were
// left out.
func TestImportJiraAPISearch(t *testing.T) {
	got := importHelpDesk(t, "jira_api_search.json", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"SUP-1": {status: data.StatusClosed, priority: data.PriorityHigh, typ: data.TypeComplaint, resolved: time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC)},
		"SUP-2": {status: data.StatusInProgress, priority: data.PriorityNormal, typ: data.TypeRequest},
	})
	if c := got["SUP-1"]; c.Assignee != "Anna Lee" || c.ClientName != "Bob Ray" || c.Subject != "Refund missing" {
		t.Errorf("SUP-1: assignee %q client %q subject %q", c.Assignee, c.ClientName, c.Subject)
	}
}

// ServiceNow's Table API with display values: a reference field is an
// object ("assigned_to": {"display_value", "link"}). The assignee and
// the caller were left out.
func TestImportServiceNowAPI(t *testing.T) {
	got := importHelpDesk(t, "servicenow_api_incidents.json", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"INC0010001": {status: data.StatusResolved, priority: data.PriorityHigh, channel: data.ChannelPhone, resolved: time.Date(2024, 3, 1, 15, 0, 0, 0, time.UTC)},
		"INC0010002": {status: data.StatusInProgress, priority: data.PriorityNormal},
	})
	if c := got["INC0010001"]; c.Assignee != "Beth Anglin" || c.ClientName != "Abel Tuter" {
		t.Errorf("INC0010001: assignee %q client %q", c.Assignee, c.ClientName)
	}
}

// Intercom's API lists conversations: "statistics.first_contact_reply_at"
// is the first response and "statistics.last_close_at" the closing
// (both left out), and the object's "type", "conversation" for every
// record, was made every ticket's category.
func TestImportIntercomAPI(t *testing.T) {
	got := importHelpDesk(t, "intercom_api_conversations.json", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"1911149811": {status: data.StatusClosed, verdict: data.VerdictSatisfied, resolved: time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC)},
		"1911149812": {status: data.StatusInProgress, priority: data.PriorityHigh},
	})
	if c := got["1911149811"]; c.Category != "" || !c.Facts.FirstResponseAt.Equal(time.Date(2024, 3, 1, 10, 5, 0, 0, time.UTC)) ||
		c.ClientName != "Anna Lee" || c.Description != "My order is late" {
		t.Errorf("1911149811: category %q first response %v client %q description %q", c.Category, c.Facts.FirstResponseAt, c.ClientName, c.Description)
	}
}

// ClickUp's task export: "Assignees" lists people in brackets, "[Ivan
// Petrov, Anna Lee]" (left out), and "Task Content" is the description
// (left out). A ticket's assignee is the first one listed.
func TestImportClickUpTasks(t *testing.T) {
	got := importHelpDesk(t, "clickup_tasks.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"86a1b2c3": {status: data.StatusResolved, priority: data.PriorityHigh, resolved: time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC)},
		"86a1b2c4": {status: data.StatusInProgress, priority: data.PriorityCritical},
		"86a1b2c5": {status: data.StatusNew},
	})
	for id, want := range map[string]string{"86a1b2c3": "Anna Lee", "86a1b2c4": "Ivan Petrov", "86a1b2c5": ""} {
		if c := got[id]; c.Assignee != want {
			t.Errorf("%s: assignee %q, want %q", id, c.Assignee, want)
		}
	}
	if c := got["86a1b2c4"]; c.Description != "Box crushed" {
		t.Errorf("86a1b2c4: description %q", c.Description)
	}
}

// A Notion board decorates its labels ("Done ✅", "🔥 High"): the rows
// were rejected as of unknown status or priority, as was Notion's
// default "Not started".
func TestImportNotionBoard(t *testing.T) {
	got, _ := importFixture(t, "notion_board.csv", importer.Options{Location: time.UTC}, 3)
	checkStatusPriority(t, got, func(c data.Complaint) string { return c.Subject }, map[string]statusPriority{
		"Late delivery": {data.StatusClosed, data.PriorityHigh},
		"Damaged box":   {data.StatusInProgress, data.PriorityNormal},
		"Refund":        {data.StatusNew, data.PriorityLow},
	})
}

// Trello's board export has no creation date: the last activity was
// taken as the opening by its values. A card's id holds the second it
// was created, and is read so; the preview asks for no file date.
func TestImportTrelloBoard(t *testing.T) {
	got, res := importFixture(t, "trello_board.csv", importer.Options{Location: time.UTC}, 2)
	findWarning(t, res.Warnings, "import.warning.opened_from_ids")
	for id, want := range map[string]time.Time{
		"65e1a9e0c2a4f1a2b3c4d5e6": time.Unix(0x65e1a9e0, 0), "65e2fb60c2a4f1a2b3c4d5e7": time.Unix(0x65e2fb60, 0),
	} {
		if c := got[id]; !c.OpenedAt.Equal(want) {
			t.Errorf("%s: opened %v, want %v", id, c.OpenedAt, want)
		}
	}
	if c := got["65e1a9e0c2a4f1a2b3c4d5e6"]; c.Status != data.StatusClosed || c.Subject != "Late delivery" {
		t.Errorf("first card: status %q subject %q", c.Status, c.Subject)
	}
	pv, err := importer.InspectComplaints(copyFixture(t, "trello_board.csv"), importer.Options{})
	if err != nil || pv.NeedsFileDate || pv.Mapping["opened"] != "" {
		t.Errorf("preview: needs a file date %v, opened mapped to %q, err %v", pv.NeedsFileDate, pv.Mapping["opened"], err)
	}
}

// Kaiten's board export (a Russian kanban): the card's «Колонка» is its
// status («Очередь», «В работе», «Готово») and «Завершена» when it was
// done. Both were left out, so every card came in as new.
func TestImportKaitenCards(t *testing.T) {
	importHelpDesk(t, "kaiten_cards.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"1201": {status: data.StatusClosed, resolved: time.Date(2024, 3, 2, 15, 0, 0, 0, time.UTC)},
		"1202": {status: data.StatusInProgress},
		"1203": {status: data.StatusNew, typ: data.TypeQuestion},
	})
}
