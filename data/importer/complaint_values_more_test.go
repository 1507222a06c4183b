package importer_test

import (
	"context"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// ticketWant is what one imported ticket must hold; zero fields are not
// checked, except resolved (zero: still open).
type ticketWant struct {
	status   data.Status
	priority data.Priority
	typ      data.ComplaintType
	channel  data.Channel
	verdict  data.Verdict
	resolved time.Time
	reopened bool
}

// importHelpDesk imports a fixture into a fresh store (importFixture)
// and checks each ticket of want. It returns the stored tickets.
func importHelpDesk(t *testing.T, file string, opt importer.Options, want map[string]ticketWant) map[string]data.Complaint {
	t.Helper()
	got, _ := importFixture(t, file, opt, len(want))
	for id, w := range want {
		c, ok := got[id]
		if !ok {
			t.Errorf("%s missing", id)
			continue
		}
		if c.Status != w.status || w.priority != "" && c.Priority != w.priority || w.typ != "" && c.Type != w.typ ||
			w.channel != "" && c.Channel != w.channel || c.Verdict != w.verdict || !c.Facts.ResolvedAt.Equal(w.resolved) ||
			c.Facts.Reopened() != w.reopened {
			t.Errorf("%s: status %q priority %q type %q channel %q verdict %q resolved %v reopened %v, want %+v", id, c.Status,
				c.Priority, c.Type, c.Channel, c.Verdict, c.Facts.ResolvedAt, c.Facts.Reopened(), w)
		}
	}
	return got
}

// importFixture imports a fixture of n tickets into a fresh store: every
// row must go in, and a second import add nothing. It returns the stored
// tickets and the first import's result.
func importFixture(t *testing.T, file string, opt importer.Options, n int) (map[string]data.Complaint, importer.Result) {
	t.Helper()
	db := openStore(t)
	path := copyFixture(t, file)
	res := importTickets(t, db, path, opt)
	if res.Imported != n || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d, want %d and 0: %+v", res.Imported, res.Rejected, n, res.Rejects)
	}
	got := storedTickets(t, db)
	opt.RejectsPath = "-"
	if again := importTickets(t, db, path, opt); again.Imported != 0 {
		t.Errorf("re-import added %d", again.Imported)
	}
	if stored, _ := db.CountComplaints(context.Background(), data.ComplaintFilter{}); stored != n {
		t.Errorf("%d complaints after re-import, want %d", stored, n)
	}
	return got, res
}

func utcAt(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// Intercom: "Reopened" says Yes or No (Да/Нет in a Russian workspace), a
// snoozed conversation waits, the first close is the first resolution
// and the last close the final one, the teammate is the assignee. Its
// durations leave out the hours outside office hours, so "Time to first
// response (seconds)" dates no first response; "Conversation first
// replied at" does.
func TestImportIntercomConversations(t *testing.T) {
	got := importHelpDesk(t, "intercom_conversations.csv", importer.Options{}, map[string]ticketWant{
		"215466123400001": {status: data.StatusClosed, channel: data.ChannelChat, verdict: data.VerdictSatisfied, resolved: utcAt(2024, 1, 5, 11, 0)},
		"215466123400002": {status: data.StatusClosed, channel: data.ChannelEmail, verdict: data.VerdictNotSatisfied,
			resolved: utcAt(2024, 1, 9, 10, 0), reopened: true},
		"215466123400003": {status: data.StatusInProgress, channel: data.ChannelChat},
		"215466123400004": {status: data.StatusWaiting, channel: data.ChannelChat, reopened: true},
	})
	c := got["215466123400001"]
	if c.Assignee != "Liz Mate" || c.Category != "Billing" || !c.Facts.FirstResponseAt.IsZero() {
		t.Errorf("001: assignee %q category %q first response %v (from an office-hours duration)", c.Assignee, c.Category, c.Facts.FirstResponseAt)
	}
	// Started Friday 17:50; the reply came on Monday at 9:10, 20 minutes
	// of office hours later.
	_, got, res := importAllTickets(t, "intercom-conversations.csv", 1,
		"Conversation ID,Conversation started at,Conversation first replied at,Time to first response (seconds),Conversation state",
		"215466123400009,2024-01-05 17:50,2024-01-08 09:10,1200,open")
	if c := got["215466123400009"]; !c.Facts.FirstResponseAt.Equal(utcAt(2024, 1, 8, 9, 10)) || res.Batch.Source != importer.FormatIntercom {
		t.Errorf("first replied at: first response %v, source %q", c.Facts.FirstResponseAt, res.Batch.Source)
	}
}

// Zoho Desk: "-None-" is a priority nobody set, "Classification" the
// type, "Happiness Rating" the verdict (Okay says neither), "Number of
// Reopen" the reopens, "Ticket Closed Time" the closing.
func TestImportZohoDeskTickets(t *testing.T) {
	got := importHelpDesk(t, "zoho_desk_tickets.csv", importer.Options{}, map[string]ticketWant{
		"#101": {status: data.StatusClosed, priority: data.PriorityHigh, typ: data.TypeComplaint, channel: data.ChannelEmail,
			verdict: data.VerdictSatisfied, resolved: utcAt(2024, 1, 3, 11, 0)},
		"#102": {status: data.StatusWaiting, priority: data.PriorityNormal, typ: data.TypeQuestion, channel: data.ChannelChat},
		"#103": {status: data.StatusInProgress, priority: data.PriorityNormal, typ: data.TypeRequest, channel: data.ChannelWeb,
			verdict: data.VerdictNotSatisfied, reopened: true},
	})
	if c := got["#103"]; c.Facts.UndatedReopens != 2 || c.Assignee != "Oleg Owner" {
		t.Errorf("#103: reopens %d assignee %q", c.Facts.UndatedReopens, c.Assignee)
	}
}

// Salesforce case report: "Date/Time Opened" and "Date/Time Closed"
// (beside a 1/0 "Closed" flag), "Case Origin", "Case Owner", "Account
// Name", "Case Reason"; "Working" and "Escalated" are work in progress.
func TestImportSalesforceCases(t *testing.T) {
	got := importHelpDesk(t, "salesforce_cases.csv", importer.Options{}, map[string]ticketWant{
		"00001001": {status: data.StatusClosed, priority: data.PriorityHigh, typ: data.TypeComplaint, channel: data.ChannelEmail,
			resolved: utcAt(2024, 1, 6, 14, 15)},
		"00001002": {status: data.StatusNew, priority: data.PriorityNormal, typ: data.TypeQuestion, channel: data.ChannelPhone},
		"00001003": {status: data.StatusInProgress, channel: data.ChannelWeb},
		"00001004": {status: data.StatusInProgress, channel: data.ChannelStore},
	})
	if c := got["00001001"]; c.ClientName != "Acme Inc" || c.Assignee != "Sam Owner" || c.Category != "Billing" ||
		!c.OpenedAt.Equal(utcAt(2024, 1, 5, 9, 30)) {
		t.Errorf("00001001: client %q assignee %q category %q opened %v", c.ClientName, c.Assignee, c.Category, c.OpenedAt)
	}
}

// Help Scout rates "Great", "Okay" or "Not Good".
func TestImportHelpScoutRatings(t *testing.T) {
	importHelpDesk(t, "helpscout_conversations.csv", importer.Options{}, map[string]ticketWant{
		"2401001": {status: data.StatusClosed, verdict: data.VerdictSatisfied, resolved: utcAt(2024, 1, 4, 15, 0)},
		"2401002": {status: data.StatusClosed, verdict: data.VerdictUnknown, resolved: utcAt(2024, 1, 21, 10, 0)},
		"2401003": {status: data.StatusClosed, verdict: data.VerdictNotSatisfied, resolved: utcAt(2024, 2, 14, 12, 20)},
	})
}

// Zendesk Explore names attributes "Ticket created - Timestamp", "Ticket
// priority", "Ticket channel": the resolution comes from the hours, not
// the whole day of "Ticket solved - Date".
func TestImportZendeskExploreReport(t *testing.T) {
	got := importHelpDesk(t, "zendesk_explore_tickets.csv", importer.Options{}, map[string]ticketWant{
		"2001": {status: data.StatusResolved, priority: data.PriorityNormal, channel: data.ChannelPhone, resolved: utcAt(2024, 4, 3, 11, 30)},
		"2002": {status: data.StatusInProgress, priority: data.PriorityHigh, channel: data.ChannelWeb},
		"2003": {status: data.StatusResolved, priority: data.PriorityCritical, channel: data.ChannelChat, resolved: utcAt(2024, 4, 28, 12, 30)},
	})
	if c := got["2001"]; c.Subject != "Call me back" || c.Assignee != "Bob Agent" || !c.Facts.FirstResponseAt.Equal(utcAt(2024, 4, 2, 9, 35)) {
		t.Errorf("2001: subject %q assignee %q first response %v", c.Subject, c.Assignee, c.Facts.FirstResponseAt)
	}
}

// The Kaggle "Customer Support Ticket Dataset": ratings written "5.0",
// types named by their last word ("Billing inquiry", "Refund request",
// "Technical issue"), "First Response Time" and "Time to Resolution" as
// timestamps. It has no opening date: the whole file gets one.
func TestImportKaggleCustomerSupport(t *testing.T) {
	got := importHelpDesk(t, "kaggle_customer_support.csv", importer.Options{FileDate: utcAt(2023, 6, 1, 0, 0)}, map[string]ticketWant{
		"1": {status: data.StatusClosed, priority: data.PriorityCritical, typ: data.TypeComplaint, verdict: data.VerdictSatisfied,
			resolved: time.Date(2023, 6, 1, 18, 5, 38, 0, time.UTC)},
		"2": {status: data.StatusClosed, priority: data.PriorityLow, typ: data.TypeQuestion, channel: data.ChannelChat,
			verdict: data.VerdictNotSatisfied, resolved: utcAt(2023, 6, 1, 19, 0)},
		"3": {status: data.StatusClosed, priority: data.PriorityNormal, typ: data.TypeRequest, channel: data.ChannelEmail,
			resolved: utcAt(2023, 6, 1, 20, 0)},
		"4": {status: data.StatusWaiting, priority: data.PriorityHigh, typ: data.TypeRequest, channel: data.ChannelPhone},
		"5": {status: data.StatusInProgress, priority: data.PriorityLow, typ: data.TypeQuestion, channel: data.ChannelEmail},
	})
	if c := got["1"]; c.Subject != "Product setup" || c.ClientName != "Marisa Obrien" ||
		!c.Facts.FirstResponseAt.Equal(time.Date(2023, 6, 1, 12, 15, 36, 0, time.UTC)) {
		t.Errorf("1: subject %q client %q first response %v", c.Subject, c.ClientName, c.Facts.FirstResponseAt)
	}
}

// «Тема» is the subject line in Okdesk and Usedesk, never the category;
// «Телеграм» is a chat.
func TestImportRussianDeskSubject(t *testing.T) {
	got := importHelpDesk(t, "okdesk_tickets.csv", importer.Options{}, map[string]ticketWant{
		"1": {status: data.StatusClosed, priority: data.PriorityHigh, channel: data.ChannelChat, resolved: utcAt(2024, 1, 10, 9, 0)},
		"2": {status: data.StatusInProgress, priority: data.PriorityNormal, channel: data.ChannelPhone},
	})
	if c := got["1"]; c.Subject != "Не работает касса" || c.Category != "Оборудование" || c.Description != "Касса не печатает чеки" {
		t.Errorf("okdesk 1: subject %q category %q description %q", c.Subject, c.Category, c.Description)
	}
	got = importHelpDesk(t, "usedesk_tickets.csv", importer.Options{}, map[string]ticketWant{
		"30001": {status: data.StatusClosed, channel: data.ChannelEmail, resolved: utcAt(2024, 1, 2, 14, 30)},
		"30002": {status: data.StatusInProgress, priority: data.PriorityHigh, channel: data.ChannelChat},
	})
	if c := got["30001"]; c.Subject != "Заказ не пришёл" || c.Category != "" {
		t.Errorf("usedesk 30001: subject %q category %q", c.Subject, c.Category)
	}
}

// Bitrix24 CRM ends a deal «Успешно» or «Провалено»: both are closed
// appeals, imported with their closing time.
func TestImportBitrix24DealStages(t *testing.T) {
	importHelpDesk(t, "bitrix24_deals.csv", importer.Options{}, map[string]ticketWant{
		"1201": {status: data.StatusClosed, channel: data.ChannelPhone, resolved: utcAt(2024, 3, 6, 12, 0)},
		"1202": {status: data.StatusClosed, channel: data.ChannelChat, resolved: utcAt(2024, 3, 8, 15, 0)},
		"1203": {status: data.StatusClosed, channel: data.ChannelWeb, resolved: utcAt(2024, 3, 9, 10, 0)},
	})
}

// A chat service's log in English, each date and time apart ("Chat start
// date", "Chat start time", "Chat end date", "Chat end time"), its
// rating "rated good", "rated bad" or "not rated": the end closed no chat
// and the rating was left out. A chat log's conversations came by chat
// (they had no channel).
func TestImportChatLogEnglish(t *testing.T) {
	got := importHelpDesk(t, "chat_log_en.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"QX12AB": {status: data.StatusClosed, channel: data.ChannelChat, verdict: data.VerdictSatisfied, resolved: time.Date(2025, 2, 3, 9, 31, 40, 0, time.UTC)},
		"QX12AC": {status: data.StatusClosed, channel: data.ChannelChat, verdict: data.VerdictNotSatisfied, resolved: time.Date(2025, 2, 3, 10, 20, 0, 0, time.UTC)},
		"QX12AD": {status: data.StatusNew, channel: data.ChannelChat},
	})
	if c := got["QX12AC"]; !c.OpenedAt.Equal(time.Date(2025, 2, 3, 10, 2, 11, 0, time.UTC)) || c.ClientName != "Guest 55" ||
		!c.Facts.FirstResponseAt.Equal(c.OpenedAt.Add(410*time.Second)) {
		t.Errorf("QX12AC: opened %v client %q first response %v", c.OpenedAt, c.ClientName, c.Facts.FirstResponseAt)
	}
}

// LiveChat's chat report rates a chat under "Rate": it was left out.
func TestImportLiveChatRate(t *testing.T) {
	importHelpDesk(t, "livechat_chats.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"RX1": {status: data.StatusClosed, channel: data.ChannelChat, verdict: data.VerdictSatisfied, resolved: time.Date(2024, 3, 1, 10, 12, 0, 0, time.UTC)},
		"RX2": {status: data.StatusClosed, channel: data.ChannelChat, verdict: data.VerdictNotSatisfied, resolved: time.Date(2024, 3, 1, 11, 30, 0, 0, time.UTC)},
		"RX3": {status: data.StatusClosed, channel: data.ChannelChat, resolved: time.Date(2024, 3, 2, 9, 5, 0, 0, time.UTC)},
	})
}

// A call centre's log: "Call ID" numbers the call, "Answered at" is the
// first response, "Ended at" closes it and "Comments" describe it. The
// ids were hashed, the answer and the comments left out. A missed call
// (its "Missed call reason" filled in) was resolved at its end: nobody
// picked up, so it closes resolving nothing. The outbound call (the team
// called back) was imported as one more appeal: it is skipped, and said
// to be.
func TestImportCallLog(t *testing.T) {
	got, res := importFixture(t, "call_log_en.csv", importer.Options{Location: time.UTC}, 2)
	findWarning(t, res.Warnings, "import.warning.outbound_call")
	c := got["910001"]
	if c.Status != data.StatusClosed || !c.Facts.ResolvedAt.Equal(time.Date(2025, 2, 3, 9, 31, 40, 0, time.UTC)) || c.Channel != data.ChannelPhone ||
		!c.Facts.FirstResponseAt.Equal(time.Date(2025, 2, 3, 9, 14, 40, 0, time.UTC)) || c.Description != "Asked about refund" {
		t.Errorf("910001: status %q resolved %v channel %q first response %v description %q", c.Status, c.Facts.ResolvedAt, c.Channel,
			c.Facts.FirstResponseAt, c.Description)
	}
	missed := got["910002"]
	if missed.Status != data.StatusClosed || !missed.Facts.ResolvedAt.IsZero() || !missed.Facts.FirstResponseAt.IsZero() || !missed.Facts.Withdrawn {
		t.Errorf("missed call: status %q resolved %v first response %v withdrawn %v, want closed resolving nothing", missed.Status,
			missed.Facts.ResolvedAt, missed.Facts.FirstResponseAt, missed.Facts.Withdrawn)
	}
	if _, ok := got["910003"]; ok {
		t.Error("the outbound call was imported as an appeal")
	}
}

// A telephone exchange's log in Russian: «Тип звонка» (Входящий,
// Исходящий) was read as the channel, «Статус» «Отвечен» as a reply
// waiting for the client and «Пропущен» was rejected as an unknown
// status. Now an outgoing call is skipped, an answered one is closed, a
// missed one closed resolving nothing, and the caller's wait («Ожидание,
// сек») is the first response. A call centre's «Результат звонка»
// (Решено, Передано во 2 линию, Пропущен) is the status, not the
// resolution: every call was imported as new.
func TestImportExchangeCallLog(t *testing.T) {
	got, res := importFixture(t, "ats_calls_ru.csv", importer.Options{Location: time.UTC}, 3)
	findWarning(t, res.Warnings, "import.warning.outbound_call")
	// The preview says what a call log's import does before it runs.
	if pv, err := importer.InspectComplaints(copyFixture(t, "ats_calls_ru.csv"), importer.Options{}); err != nil {
		t.Fatal(err)
	} else {
		findWarning(t, pv.Warnings, "import.warning.call_log")
	}
	if _, ok := got["7003"]; ok {
		t.Error("the outgoing call was imported as an appeal")
	}
	c := got["7001"]
	if c.Status != data.StatusClosed || c.Channel != data.ChannelPhone || !c.Facts.FirstResponseAt.Equal(c.OpenedAt.Add(35*time.Second)) ||
		!c.Facts.ResolvedAt.IsZero() || c.Facts.Withdrawn {
		t.Errorf("7001: status %q channel %q first response %v resolved %v withdrawn %v", c.Status, c.Channel, c.Facts.FirstResponseAt,
			c.Facts.ResolvedAt, c.Facts.Withdrawn)
	}
	if m := got["7002"]; m.Status != data.StatusClosed || !m.Facts.Withdrawn || !m.Facts.FirstResponseAt.IsZero() {
		t.Errorf("7002 (missed): status %q withdrawn %v first response %v", m.Status, m.Facts.Withdrawn, m.Facts.FirstResponseAt)
	}

	got, _ = importFixture(t, "call_results_ru.csv", importer.Options{Location: time.UTC}, 3)
	for id, want := range map[string]data.Status{"55001": data.StatusResolved, "55002": data.StatusInProgress, "55003": data.StatusClosed} {
		if c := got[id]; c.Status != want {
			t.Errorf("%s: status %q, want %q", id, c.Status, want)
		}
	}
	if c := got["55002"]; c.Level != data.LevelSenior || !c.Facts.FirstResponseAt.Equal(c.OpenedAt.Add(410*time.Second)) {
		t.Errorf("55002: level %q first response %v", c.Level, c.Facts.FirstResponseAt)
	}
	if c := got["55003"]; !c.Facts.Withdrawn {
		t.Error("55003: a missed call resolved")
	}

	// A desk that files calls as tickets («ID звонка» beside a ticket's
	// states): «Принят в работу» is in progress, not a call answered.
	db := openStore(t)
	path := writeFile(t, "desk_calls.csv", []byte("ID звонка;Дата;Статус\n1;03.02.2025 10:00;Принят в работу\n2;03.02.2025 11:00;Отвечен\n"+
		"3;03.02.2025 12:00;Пропущен срок\n4;03.02.2025 13:00;Пропущенный\n"))
	res = importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	stored := storedTickets(t, db)
	if stored["1"].Status != data.StatusInProgress || stored["2"].Status != data.StatusClosed || stored["4"].Status != data.StatusClosed ||
		!stored["4"].Facts.Withdrawn {
		t.Errorf("«Принят в работу» %q, «Отвечен» %q, «Пропущенный» %q withdrawn %v", stored["1"].Status, stored["2"].Status,
			stored["4"].Status, stored["4"].Facts.Withdrawn)
	}
	// «Пропущен срок» (a deadline missed) is no call nobody answered.
	if _, ok := stored["3"]; ok && stored["3"].Facts.Withdrawn || !ok && res.Rejected != 1 {
		t.Errorf("«Пропущен срок»: %+v, rejected %d", stored["3"].Facts, res.Rejected)
	}
}

// A chat service's log of conversations in Russian (windows-1251, ";"):
// «ID чата», its start and end («Дата начала», «Дата окончания»), the
// visitor, the operator, the visitor's rating of the chat and the first
// message. It was refused for want of an opening date; now a chat with
// an end is closed then, its response time in seconds read as such, and
// one still going stays new. A chat from «Виджет на сайте» is the site's
// chat (it was counted with web forms).
func TestImportChatLog(t *testing.T) {
	msk := time.UTC
	got := importHelpDesk(t, "chat_log_ru_cp1251.csv", importer.Options{Location: msk}, map[string]ticketWant{
		"771201": {status: data.StatusClosed, channel: data.ChannelChat, verdict: data.VerdictSatisfied,
			resolved: time.Date(2025, 2, 3, 9, 31, 40, 0, msk)},
		"771202": {status: data.StatusClosed, channel: data.ChannelChat, verdict: data.VerdictNotSatisfied,
			resolved: time.Date(2025, 2, 3, 10, 20, 0, 0, msk)},
		"771203": {status: data.StatusNew, channel: data.ChannelChat},
	})
	c := got["771202"]
	if !c.OpenedAt.Equal(time.Date(2025, 2, 3, 10, 2, 11, 0, msk)) || c.ClientName != "Гость 55" || c.Assignee != "Иван Лис" ||
		c.Description != "Списали деньги дважды" || !c.Facts.FirstResponseAt.Equal(c.OpenedAt.Add(410*time.Second)) {
		t.Errorf("771202: opened %v client %q assignee %q description %q first response %v", c.OpenedAt, c.ClientName, c.Assignee,
			c.Description, c.Facts.FirstResponseAt)
	}
}

// A table dumped by PostgreSQL's COPY (tab-separated, NULL written \N,
// times with fractions of a second and a zone): a missing date was
// rejected as "not a date".
func TestImportPostgresCopy(t *testing.T) {
	got := importHelpDesk(t, "postgres_copy_tickets.tsv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"1": {status: data.StatusResolved, verdict: data.VerdictSatisfied, resolved: time.Date(2025, 2, 3, 8, 0, 0, 0, time.UTC)},
		"2": {status: data.StatusInProgress},
		"3": {status: data.StatusWaiting},
	})
	if c := got["2"]; !c.Facts.FirstResponseAt.IsZero() || c.ClientName != "502" {
		t.Errorf("2: first response %v client %q", c.Facts.FirstResponseAt, c.ClientName)
	}
}

// A UK complaints log: "Stage" (Stage 1, Stage 2) is how far a
// complaint went, not its status (every row was rejected as an unknown
// status); the acknowledgement is the first response, the final response
// the resolution, "Compensation Paid" in pounds and the "Handler" the
// assignee. The fixture is my own, in the shape such logs take.
func TestImportUKComplaintsLog(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 2, d, 0, 0, 0, 0, time.UTC) }
	got := importHelpDesk(t, "uk_complaints_log.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"C-2025-001": {status: data.StatusResolved, resolved: day(14)},
		"C-2025-002": {status: data.StatusInProgress},
		"C-2025-003": {status: data.StatusResolved, resolved: day(20)},
		"C-2025-004": {status: data.StatusResolved, resolved: day(25)},
	})
	c := got["C-2025-001"]
	if !c.Facts.FirstResponseAt.Equal(day(4)) || c.Compensation != 5000 || c.Assignee != "J Brown" || c.Resolution != "Upheld" ||
		got["C-2025-004"].Compensation != 2500 {
		t.Errorf("C-2025-001: first response %v compensation %d assignee %q resolution %q; C-2025-004 compensation %d",
			c.Facts.FirstResponseAt, c.Compensation, c.Assignee, c.Resolution, got["C-2025-004"].Compensation)
	}
}

// A call centre's log says whether each call was resolved with a yes or
// a no ("Resolved": Y/N, «Решено»: да/нет), with no date: a yes is a
// resolution with no time (none is invented), a no leaves the call open;
// "Speed of answer in seconds" is the first response. Every call was
// imported as new, unanswered.
func TestImportResolvedFlag(t *testing.T) {
	got, res := importFixture(t, "call_centre_flags.csv", importer.Options{Location: time.UTC}, 6)
	findWarning(t, res.Warnings, "import.warning.status_flag")
	// ID0006 was not answered (N): the caller hung up, the call closes
	// resolving nothing.
	for id, want := range map[string]data.Status{"ID0001": data.StatusResolved, "ID0002": data.StatusInProgress, "ID0006": data.StatusClosed} {
		if c := got[id]; c.Status != want || !c.Facts.ResolvedAt.IsZero() {
			t.Errorf("%s: status %q resolved at %v, want %q and no time", id, c.Status, c.Facts.ResolvedAt, want)
		}
	}
	if c := got["ID0001"]; !c.Facts.FirstResponseAt.Equal(c.OpenedAt.Add(109 * time.Second)) {
		t.Errorf("ID0001: first response %v", c.Facts.FirstResponseAt)
	}

	db := openStore(t)
	path := writeFile(t, "register.csv", []byte("Номер;Дата;Тема;Решено\n1;03.02.2025 10:00;Доставка;да\n2;03.02.2025 11:00;Оплата;нет\n3;03.02.2025 12:00;Возврат;\n"))
	r := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	stored := storedTickets(t, db)
	if r.Imported != 3 || stored["1"].Status != data.StatusResolved || stored["2"].Status != data.StatusNew || stored["3"].Status != data.StatusNew {
		t.Errorf("«Решено»: imported %d, statuses %q %q %q", r.Imported, stored["1"].Status, stored["2"].Status, stored["3"].Status)
	}
	// A column that answers anything but yes or no is no flag.
	path = writeFile(t, "notes.csv", []byte("Номер;Дата;Тема;Решено\n1;03.02.2025 10:00;Доставка;да\n2;03.02.2025 11:00;Оплата;может быть\n"))
	if pv, err := importer.InspectComplaints(path, importer.Options{}); err != nil || pv.Mapping[importer.FieldStatus] != "" {
		t.Errorf("a column of notes taken as the status: %v (%v)", pv.Mapping, err)
	}
}

// Freshdesk's ticket export in Russian («ID заявки», «Время создания»,
// «Время первого ответа (в часах)», «Результаты опроса», «Полное имя»):
// the survey's answer and the requester's full name were left out.
func TestImportFreshdeskRussian(t *testing.T) {
	got := importHelpDesk(t, "freshdesk_tickets_ru.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"101": {status: data.StatusClosed, priority: data.PriorityHigh, channel: data.ChannelEmail, verdict: data.VerdictSatisfied,
			resolved: time.Date(2025, 2, 3, 15, 0, 0, 0, time.UTC)},
		"102": {status: data.StatusNew, typ: data.TypeQuestion, channel: data.ChannelChat},
		"103": {status: data.StatusWaiting, priority: data.PriorityCritical, channel: data.ChannelPhone},
	})
	if c := got["101"]; c.ClientName != "Ольга Петрова" || !c.Facts.FirstResponseAt.Equal(c.OpenedAt.Add(30*time.Minute)) {
		t.Errorf("101: client %q first response %v", c.ClientName, c.Facts.FirstResponseAt)
	}
}

// A help desk's export in Russian, Zendesk's columns in its words
// («Идентификатор», «Запрашивающий», «Назначенный»): the tickets were
// numbered by a hash, with neither client nor assignee.
func TestImportZendeskRussian(t *testing.T) {
	got := importHelpDesk(t, "zendesk_tickets_ru.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"5001": {status: data.StatusClosed, priority: data.PriorityHigh, channel: data.ChannelEmail, verdict: data.VerdictSatisfied,
			resolved: time.Date(2025, 2, 3, 15, 0, 0, 0, time.UTC)},
		"5002": {status: data.StatusNew, typ: data.TypeQuestion, channel: data.ChannelChat},
		"5003": {status: data.StatusWaiting, priority: data.PriorityCritical, verdict: data.VerdictNotSatisfied, reopened: true},
	})
	if c := got["5003"]; c.ClientName != "Анна Ким" || c.Assignee != "Иван Лис" {
		t.Errorf("5003: client %q assignee %q", c.ClientName, c.Assignee)
	}
}

// A customer feedback log sorts what came in ("Feedback Type":
// Complaint, Compliment, Suggestion) and records the answer and who gave
// it: every row was a complaint, a compliment counted among the negative
// ones, and the answer and its author were left out.
func TestImportFeedbackLog(t *testing.T) {
	got, _ := importFixture(t, "feedback_log_en.csv", importer.Options{Location: time.UTC}, 3)
	types := map[data.ComplaintType]string{}
	for _, c := range got {
		types[c.Type] = c.Description
		if c.Type == data.TypeComplaint && (c.Resolution != "Apologised and refunded shipping" || c.Assignee != "Mary Kim") {
			t.Errorf("the complaint: resolution %q assignee %q", c.Resolution, c.Assignee)
		}
	}
	if types[data.TypeComplaint] != "Parcel late by two days" || types[data.TypePraise] != "Great service in store" || types[data.TypeRequest] != "Open on Sundays" {
		t.Errorf("types %v", types)
	}
}

// A shop's «Книга отзывов и предложений» kept as a table: «Дата записи»
// dates the entry, «Содержание жалобы или предложения» is what was said,
// «Отметка о принятых мерах» what was done. The file was refused for
// want of an opening date (two date columns, neither named so).
func TestImportComplaintBook(t *testing.T) {
	got, _ := importFixture(t, "kniga_otzyvov.csv", importer.Options{Location: time.UTC}, 2)
	for _, c := range got {
		if c.Description == "Продавец нагрубил" {
			if !c.OpenedAt.Equal(time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)) || c.ClientName != "Петрова Ольга Ивановна" ||
				c.Resolution != "Проведена беседа с продавцом" || !c.Facts.FirstResponseAt.Equal(time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("opened %v client %q resolution %q first response %v", c.OpenedAt, c.ClientName, c.Resolution, c.Facts.FirstResponseAt)
			}
			return
		}
	}
	t.Errorf("no entry holds the first one's text: %+v", got)
}

// A chat bot's message log (Unix times): "reply_date" is when the
// operator answered; it was left out and every message stayed new.
func TestImportBotLogReplies(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "bot.csv", []byte("message_id,chat_id,date,text,reply_date,operator\n"+
		"1001,55501,1738574045,Где мой заказ 1234?,1738574400,Мария\n1002,55502,1738577000,Списали деньги дважды,,\n"))
	if res := importTickets(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}); res.Imported != 2 {
		t.Fatalf("imported %d: %+v", res.Imported, res.Rejects)
	}
	got := storedTickets(t, db)
	if c := got["55501"]; c.Status != data.StatusInProgress || !c.Facts.FirstResponseAt.Equal(time.Unix(1738574400, 0)) {
		t.Errorf("55501: status %q first response %v", c.Status, c.Facts.FirstResponseAt)
	}
	if c := got["55502"]; c.Status != data.StatusNew {
		t.Errorf("55502: status %q", c.Status)
	}
}

// An IT department's incident log: "Incident No." numbers it, "Reported
// By" is the client and "Resolution Notes" the resolution; the incidents
// were numbered by a hash, without client or resolution.
func TestImportIncidentLog(t *testing.T) {
	got := importHelpDesk(t, "incident_log_en.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"INC-0101": {status: data.StatusResolved, priority: data.PriorityCritical, resolved: time.Date(2025, 2, 3, 11, 0, 0, 0, time.UTC)},
		"INC-0102": {status: data.StatusInProgress, priority: data.PriorityLow},
		"INC-0103": {status: data.StatusWaiting, priority: data.PriorityHigh},
	})
	if c := got["INC-0101"]; c.ClientName != "Olga Petrova" || c.Resolution != "Restarted gateway" {
		t.Errorf("INC-0101: client %q resolution %q", c.ClientName, c.Resolution)
	}
}

// An ISO 9001 customer complaints register: its received and closed
// dates (03/02/2025, 07/02/2025) could be day/month or month/day, but its
// target dates (15/02/2025) tell, and the file was refused as
// ambiguous. "Product/Service" is the category, "Action By" the
// assignee, and "Received By" (a person here) is no channel.
func TestImportISOComplaintsRegister(t *testing.T) {
	got := importHelpDesk(t, "iso_complaints_register.csv", importer.Options{Location: time.UTC}, map[string]ticketWant{
		"CC-25-001": {status: data.StatusClosed, resolved: time.Date(2025, 2, 7, 0, 0, 0, 0, time.UTC)},
		"CC-25-002": {status: data.StatusInProgress},
	})
	c := got["CC-25-001"]
	if !c.OpenedAt.Equal(time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)) || c.Category != "Widget A" || c.Assignee != "K Green" || c.Channel != "" {
		t.Errorf("CC-25-001: opened %v category %q assignee %q channel %q", c.OpenedAt, c.Category, c.Assignee, c.Channel)
	}
}
