package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
)

// deskCase is one help desk's export in testdata: the tickets it must
// give and, if given, more checks of them.
type deskCase struct {
	file    string
	tickets map[string]exportTicket
	check   func(t *testing.T, got map[string]data.Complaint)
}

// runDeskCases imports each case's file into a fresh store
// (checkTicketImport), dated in loc where it has no zone.
func runDeskCases(t *testing.T, loc *time.Location, cases []deskCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) { checkTicketImport(t, tc.file, loc, tc.tickets, tc.check) })
	}
}

// More help desks' exports, each imported into a real store as
// TestImportHelpDeskExports does: every ticket with its status, priority
// and resolution time (none where the source gives none: a deadline is no
// resolution), and a second import adds nothing.
func TestImportMoreHelpDeskExports(t *testing.T) {
	type want = exportTicket
	msk := time.FixedZone("MSK", 3*3600)
	at := func(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, msk) }
	none := time.Time{}
	cases := []deskCase{
		// Zammad's report download: a title row above the header, a time
		// zone line below the tickets, "3 high" priorities, "pending
		// reminder" waiting; the escalation times are deadlines.
		{"zammad_tickets.xlsx", map[string]want{
			"24031": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"24032": {data.StatusInProgress, data.PriorityNormal, none},
			"24033": {data.StatusWaiting, data.PriorityLow, none},
			"24034": {data.StatusNew, data.PriorityHigh, none},
			"24035": {data.StatusClosed, data.PriorityNormal, at(8, 12, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["24031"]
			if c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || c.Subject != "Charged twice for one order" ||
				c.Channel != data.ChannelEmail || !c.Facts.FirstResponseAt.Equal(at(4, 10, 5)) {
				t.Errorf("24031 %+v", c)
			}
			if c := got["24034"]; !c.Facts.FirstResponseAt.IsZero() || c.Channel != data.ChannelChat {
				t.Errorf("24034: first response %v (its escalation deadline?), channel %q", c.Facts.FirstResponseAt, c.Channel)
			}
		}},
		// Front's message export: a row per message, the conversation's
		// status on each.
		{"front_tickets.csv", map[string]want{
			"cnv_7k1a": {data.StatusResolved, data.PriorityNormal, at(5, 16, 40)},
			"cnv_7k2b": {data.StatusWaiting, data.PriorityNormal, none},
			"cnv_7k3c": {data.StatusInProgress, data.PriorityNormal, none},
			"cnv_7k4d": {data.StatusInProgress, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["cnv_7k1a"]; c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || !c.OpenedAt.Equal(at(4, 9, 15)) {
				t.Errorf("cnv_7k1a %+v", c)
			}
		}},
		// LiveAgent writes one-letter status codes: A(nswered) waits for
		// the client, C is open, W postponed, L closed; B(spam) is skipped.
		{"liveagent_tickets.csv", map[string]want{
			"6c3f1a2b": {data.StatusResolved, data.PriorityNormal, at(5, 16, 40)},
			"7d4e2b3c": {data.StatusWaiting, data.PriorityNormal, none},
			"8e5f3c4d": {data.StatusNew, data.PriorityNormal, none},
			"9f604d5e": {data.StatusInProgress, data.PriorityNormal, none},
			"b1826f70": {data.StatusClosed, data.PriorityNormal, at(8, 12, 30)},
			"c2937081": {data.StatusInProgress, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["7d4e2b3c"]; c.ClientName != "Li Wei" || c.Assignee != "Boris Ivanov" || c.Channel != data.ChannelPhone {
				t.Errorf("7d4e2b3c %+v", c)
			}
		}},
		// Request Tracker's search results as TSV: priorities 0-99,
		// "stalled" waits, "Not set" for a date never reached, unowned
		// tickets owned by "Nobody", the requestors are the client.
		{"rt_tickets.tsv", map[string]want{
			"1201": {data.StatusResolved, data.PriorityNormal, at(5, 16, 40)},
			"1202": {data.StatusInProgress, data.PriorityHigh, none},
			"1203": {data.StatusClosed, data.PriorityLow, at(6, 14, 5)},
			"1204": {data.StatusWaiting, data.PriorityLow, none},
			"1205": {data.StatusNew, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["1201"]; c.ClientName != "jane@example.com" || c.Assignee != "anna" || c.Category != "Support" {
				t.Errorf("1201 %+v", c)
			}
			if c := got["1205"]; c.Assignee != "" {
				t.Errorf("1205: assigned to %q, want nobody", c.Assignee)
			}
		}},
		// HESK: the tracking id, the customer's "Name", the "Message".
		{"hesk_tickets.csv", map[string]want{
			"ABC-123-DEF4": {data.StatusResolved, data.PriorityHigh, none},
			"XYZ-987-QWE1": {data.StatusWaiting, data.PriorityNormal, none},
			"KLM-555-OPQ2": {data.StatusNew, data.PriorityCritical, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["ABC-123-DEF4"]; c.ClientName != "Jane Roe" || c.Assignee != "Anna" || c.Description != "I was charged twice" {
				t.Errorf("ABC-123-DEF4 %+v", c)
			}
		}},
		// Yandex Tracker's issues in Russian: the key is the id, «Нужна
		// информация» waits for the author, «Блокер» is critical; its
		// «Резолюция» «Решён» repeats the status and is no resolution
		// text. The layout is assumed from Tracker's Russian UI. «Открыт»
		// is the status an issue is created in: unassigned, it is new.
		{"yandex_tracker_issues.csv", map[string]want{
			"SUPPORT-101": {data.StatusClosed, data.PriorityCritical, at(5, 16, 40)},
			"SUPPORT-102": {data.StatusWaiting, data.PriorityNormal, none},
			"SUPPORT-103": {data.StatusInProgress, data.PriorityCritical, none},
			"SUPPORT-104": {data.StatusNew, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["SUPPORT-101"]; c.ClientName != "Иван Иванов" || c.Assignee != "Анна Петрова" || c.Type != data.TypeComplaint {
				t.Errorf("SUPPORT-101 %+v", c)
			}
		}},
		// Bitrix24's tasks: «Постановщик» set the task (the client), the
		// deadline («Крайний срок») dates nothing.
		{"bitrix24_tasks.csv", map[string]want{
			"2001": {data.StatusClosed, data.PriorityNormal, at(5, 16, 40)},
			"2002": {data.StatusInProgress, data.PriorityNormal, none},
			"2003": {data.StatusResolved, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["2002"]; c.ClientName != "Ольга Смирнова" || c.Assignee != "Пётр Сидоров" {
				t.Errorf("2002 %+v", c)
			}
		}},
		// Spiceworks' "Creator" and Jitbit's "Submitter" asked; Jitbit
		// writes the text as "Body".
		{"spiceworks_tickets.csv", map[string]want{
			"101": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"102": {data.StatusInProgress, data.PriorityNormal, none},
			"103": {data.StatusWaiting, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["101"]; c.ClientName != "Jane Roe" || c.Assignee != "Bob Admin" || c.Subject != "Printer jam" {
				t.Errorf("101 %+v", c)
			}
		}},
		{"jitbit_tickets.csv", map[string]want{
			"5001": {data.StatusClosed, data.PriorityCritical, at(5, 16, 40)},
			"5002": {data.StatusInProgress, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["5001"]; c.ClientName != "Jane Roe" || c.Assignee != "Anna" || c.Description != "Cannot connect" {
				t.Errorf("5001 %+v", c)
			}
		}},
		// Deskpro's urgency runs from 1 (least) to 10 (most urgent).
		{"deskpro_tickets.csv", map[string]want{
			"1042": {data.StatusResolved, data.PriorityHigh, at(5, 16, 40)},
			"1043": {data.StatusWaiting, data.PriorityNormal, none},
			"1044": {data.StatusInProgress, data.PriorityLow, none},
			"1045": {data.StatusInProgress, data.PriorityCritical, none},
			"1046": {data.StatusClosed, data.PriorityLow, at(8, 12, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["1042"]; c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || !c.Facts.FirstResponseAt.Equal(at(4, 10, 5)) {
				t.Errorf("1042 %+v", c)
			}
		}},
		// TOPdesk: "Call date", "Brief description", "Entry type", "Logged"
		// and "Updated by user"; its target date is the deadline, "Closed"
		// a Yes/No flag beside the "Closure date".
		{"topdesk_tickets.csv", map[string]want{
			"I 2403 041": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"I 2403 042": {data.StatusWaiting, data.PriorityNormal, none},
			"I 2403 043": {data.StatusNew, data.PriorityLow, none},
			"I 2403 044": {data.StatusInProgress, data.PriorityCritical, none},
			"I 2403 045": {data.StatusResolved, data.PriorityNormal, at(14, 12, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["I 2403 041"]
			if c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || c.Subject != "Charged twice" || c.Channel != data.ChannelEmail ||
				c.Type != data.TypeComplaint || got["I 2403 043"].Channel != data.ChannelWeb || got["I 2403 043"].Type != data.TypeQuestion {
				t.Errorf("I 2403 041 %+v", c)
			}
			// Completed one day, closed the next: both are dated.
			if last := c.Events[len(c.Events)-1]; last.Status != data.StatusClosed || !last.At.Equal(at(6, 9, 0)) {
				t.Errorf("I 2403 041 closed %+v, want at the closure date", last)
			}
		}},
		// HappyFox: "Created On", "Closed On"; "Due Date" is a deadline.
		{"happyfox_tickets.csv", map[string]want{
			"#BIL00041": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"#DEL00042": {data.StatusWaiting, data.PriorityNormal, none},
			"#BIL00043": {data.StatusNew, data.PriorityLow, none},
			"#SUP00044": {data.StatusInProgress, data.PriorityCritical, none},
			"#DEL00045": {data.StatusClosed, data.PriorityNormal, at(8, 12, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["#BIL00041"]; c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || !c.OpenedAt.Equal(at(4, 9, 15)) {
				t.Errorf("#BIL00041 %+v", c)
			}
		}},
		// SysAid: "Request time", "Request user", "User Responded",
		// "Postponed", "Closed by End User"; the due date is no resolution.
		{"sysaid_tickets.csv", map[string]want{
			"3101": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"3102": {data.StatusWaiting, data.PriorityNormal, none},
			"3103": {data.StatusNew, data.PriorityLow, none},
			"3104": {data.StatusInProgress, data.PriorityCritical, none},
			"3105": {data.StatusClosed, data.PriorityNormal, at(8, 12, 30)},
			"3106": {data.StatusInProgress, data.PriorityNormal, none},
			"3107": {data.StatusInProgress, data.PriorityHigh, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["3101"]; c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || c.Subcategory != "Payments" ||
				c.Channel != data.ChannelEmail || got["3103"].Channel != data.ChannelWeb || !c.OpenedAt.Equal(at(4, 9, 15)) {
				t.Errorf("3101 %+v", c)
			}
		}},
		// Naumen Service Desk in Windows-1251: «Возобновлен», «Отклонен»;
		// «Крайний срок решения» is the deadline.
		{"naumen_tickets.csv", map[string]want{
			"RP4101": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"RP4102": {data.StatusWaiting, data.PriorityNormal, none},
			"RP4103": {data.StatusNew, data.PriorityLow, none},
			"RP4104": {data.StatusInProgress, data.PriorityCritical, none},
			"RP4105": {data.StatusResolved, data.PriorityNormal, at(8, 12, 30)},
			"RP4106": {data.StatusClosed, data.PriorityLow, at(8, 9, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["RP4101"]
			if c.ClientName != "ООО Вектор" || c.Assignee != "Петрова Анна" || c.Subject != "Двойное списание" || c.Channel != data.ChannelEmail ||
				got["RP4102"].Channel != data.ChannelPhone || got["RP4103"].Type != data.TypeRequest {
				t.Errorf("RP4101 %+v", c)
			}
		}},
		// Pyrus: a form's register, UTF-8 with a BOM: «Создана», «Открыта».
		// A task is «Открыта» through all its stages: in work once
		// someone is responsible for it, new before.
		{"pyrus_tickets.csv", map[string]want{
			"11872301": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"11872302": {data.StatusInProgress, data.PriorityNormal, none},
			"11872303": {data.StatusNew, data.PriorityLow, none},
			"11872304": {data.StatusInProgress, data.PriorityCritical, none},
			"11872305": {data.StatusClosed, data.PriorityNormal, at(8, 12, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["11872301"]; c.ClientName != "ООО Вектор" || c.Assignee != "Петрова Анна" || got["11872303"].Channel != data.ChannelChat {
				t.Errorf("11872301 %+v", c)
			}
		}},
		// Planfix in Windows-1251: «Принятая» is taken into work,
		// «Отмененная» cancelled; «Дата окончания» is the deadline.
		{"planfix_tickets.csv", map[string]want{
			"5101": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"5102": {data.StatusInProgress, data.PriorityNormal, none},
			"5103": {data.StatusNew, data.PriorityNormal, none},
			"5104": {data.StatusInProgress, data.PriorityHigh, none},
			"5105": {data.StatusClosed, data.PriorityNormal, none},
			"5106": {data.StatusResolved, data.PriorityNormal, at(8, 12, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["5102"]; c.ClientName != "ИП Ли" || c.Assignee != "Иванов Борис" || c.Subject != "Курьер не приехал" {
				t.Errorf("5102 %+v", c)
			}
		}},
		// Zoho Desk's full export: "Due Date" and "Response Due Date" are
		// deadlines, "Ticket Closed Time" the closing.
		{"zohodesk_tickets.csv", map[string]want{
			"1042": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"1043": {data.StatusWaiting, data.PriorityNormal, none},
			"1044": {data.StatusInProgress, data.PriorityLow, none},
			"1045": {data.StatusInProgress, data.PriorityNormal, none},
			"1046": {data.StatusClosed, data.PriorityNormal, at(8, 12, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["1042"]; c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || c.Resolution != "Refunded the second charge" ||
				!c.Facts.FirstResponseAt.IsZero() || c.Verdict != data.VerdictSatisfied {
				t.Errorf("1042 %+v", c)
			}
		}},
		// Intercom's conversation export with its "Priority" star:
		// "Priority" or "Not priority".
		{"intercom_export.csv", map[string]want{
			"215470001001": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"215470001002": {data.StatusWaiting, data.PriorityNormal, none},
			"215470001003": {data.StatusInProgress, data.PriorityNormal, none},
			"215470001004": {data.StatusInProgress, data.PriorityHigh, none},
			"215470001005": {data.StatusClosed, data.PriorityNormal, at(8, 12, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["215470001004"]; !c.Facts.Reopened() || c.Verdict != data.VerdictNotSatisfied || c.Channel != data.ChannelChat {
				t.Errorf("215470001004 %+v", c)
			}
		}},
		// Okdesk: «Отложена» is put off, «Отменена» cancelled; the planned
		// reaction and resolution dates are deadlines. «Открыта» is the
		// status a request is created in: nobody assigned, it is new.
		{"okdesk_issues.csv", map[string]want{
			"101": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"102": {data.StatusInProgress, data.PriorityCritical, none},
			"103": {data.StatusNew, data.PriorityLow, none},
			"104": {data.StatusInProgress, data.PriorityNormal, none},
			"105": {data.StatusResolved, data.PriorityNormal, at(8, 12, 30)},
			"106": {data.StatusClosed, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["101"]
			if c.ClientName != "ООО Ромашка" || c.Assignee != "Петров Пётр" || c.Channel != data.ChannelPhone || !c.Facts.FirstResponseAt.IsZero() {
				t.Errorf("101 %+v", c)
			}
		}},
	}
	runDeskCases(t, msk, cases)
}

// LiveAgent's status codes are read when the file dates no resolution
// too: its resolved tickets are named in the warning that their
// resolution times stay unknown.
func TestLiveAgentCodesWithoutDates(t *testing.T) {
	_, got, res := importAllTickets(t, "liveagent.csv", 2, "Ticket ID,Subject,Status,Date created",
		"6c3f1a2b,Charged twice,R,2024-03-04 09:15:00", "7d4e2b3c,Courier never came,A,2024-03-05 11:00:00")
	findWarning(t, res.Warnings, "import.warning.no_resolution_time")
	if got["6c3f1a2b"].Status != data.StatusResolved || got["7d4e2b3c"].Status != data.StatusWaiting {
		t.Errorf("statuses %q, %q", got["6c3f1a2b"].Status, got["7d4e2b3c"].Status)
	}
}
