package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// Exports of help desks the importer was not written against, each
// imported into a real store: the layout is recognised or the plain
// headers are, every row goes in with its status, priority and dates, and
// a second import adds nothing.
func TestImportHelpDeskExports(t *testing.T) {
	type want = exportTicket
	msk := time.FixedZone("MSK", 3*3600)
	cases := []struct {
		file, format string
		tickets      map[string]want
		check        func(t *testing.T, got map[string]data.Complaint)
	}{
		{"jira_sm_tickets.csv", importer.FormatJira, map[string]want{
			"CS-101": {data.StatusClosed, data.PriorityCritical, time.Date(2024, 3, 6, 16, 40, 0, 0, msk)},
			"CS-102": {data.StatusWaiting, data.PriorityNormal, time.Time{}},
			"CS-103": {data.StatusInProgress, data.PriorityHigh, time.Time{}},
			"CS-104": {data.StatusResolved, data.PriorityLow, time.Date(2024, 3, 7, 12, 45, 0, 0, msk)},
			"CS-105": {data.StatusInProgress, data.PriorityLow, time.Time{}},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["CS-101"]
			if c.ClientName != "Ivan Sidorov" || c.Category != "Billing" || c.Type != data.TypeComplaint || c.Verdict != data.VerdictNotSatisfied ||
				got["CS-104"].Verdict != data.VerdictSatisfied || got["CS-102"].Type != data.TypeRequest {
				t.Errorf("CS-101 %+v, CS-104 verdict %q, CS-102 type %q", c, got["CS-104"].Verdict, got["CS-102"].Type)
			}
		}},
		{"hubspot_tickets.csv", importer.FormatGeneric, map[string]want{
			"3101": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 5, 10, 45, 0, 0, time.UTC)},
			"3102": {data.StatusWaiting, data.PriorityNormal, time.Time{}},
			"3103": {data.StatusNew, data.PriorityLow, time.Time{}},
			"3104": {data.StatusInProgress, data.PriorityCritical, time.Time{}},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["3101"]; c.Subject != "Charged twice" || c.Assignee != "Anna Petrova" || c.ClientName != "Acme Ltd" {
				t.Errorf("3101 %+v", c)
			}
			// HubSpot's "Time to first agent email reply", a duration.
			if c := got["3101"]; !c.Facts.FirstResponseAt.Equal(time.Date(2024, 3, 4, 9, 25, 0, 0, time.UTC)) || !got["3103"].Facts.FirstResponseAt.IsZero() {
				t.Errorf("first replies: 3101 %v (want 09:25), 3103 %v (none)", c.Facts.FirstResponseAt, got["3103"].Facts.FirstResponseAt)
			}
		}},
		{"usedesk_cp1251.csv", importer.FormatGeneric, map[string]want{
			"51001": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 5, 18, 0, 0, 0, msk)},
			"51002": {data.StatusInProgress, data.PriorityNormal, time.Time{}},
			"51003": {data.StatusResolved, data.PriorityLow, time.Date(2024, 3, 5, 10, 30, 0, 0, msk)},
			"51004": {data.StatusWaiting, data.PriorityCritical, time.Time{}},
			"51005": {data.StatusInProgress, data.PriorityNormal, time.Time{}},
		}, nil},
		// Excel's "Unicode text": UTF-16 with tabs; 1C writes quotes in
		// unquoted company names.
		{"onec_obrashcheniya.txt", importer.FormatGeneric, map[string]want{
			"00000000123": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 6, 17, 30, 0, 0, msk)},
			"00000000124": {data.StatusResolved, data.PriorityNormal, time.Date(2024, 3, 4, 12, 0, 0, 0, msk)},
			"00000000125": {data.StatusInProgress, data.PriorityCritical, time.Time{}},
			"00000000126": {data.StatusClosed, data.PriorityLow, time.Date(2024, 3, 6, 10, 10, 0, 0, msk)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["00000000123"]; c.ClientName != `ООО "Вектор"` || c.Category != "Качество товара" || c.Type != data.TypeComplaint ||
				got["00000000126"].Type != data.TypePraise {
				t.Errorf("00000000123 %+v", c)
			}
		}},
		// OTRS counts priorities upwards and closes with a time.
		{"otrs_tickets.csv", importer.FormatGeneric, map[string]want{
			"2024030410000011": {data.StatusClosed, data.PriorityCritical, time.Date(2024, 3, 5, 11, 0, 0, 0, msk)},
			"2024030410000022": {data.StatusWaiting, data.PriorityNormal, time.Time{}},
			"2024030510000033": {data.StatusInProgress, data.PriorityHigh, time.Time{}},
			"2024030610000044": {data.StatusClosed, data.PriorityLow, time.Date(2024, 3, 6, 8, 0, 0, 0, msk)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["2024030410000011"]; !c.Facts.FirstResponseAt.Equal(time.Date(2024, 3, 4, 10, 0, 0, 0, msk)) {
				t.Errorf("first response %v", c.Facts.FirstResponseAt)
			}
		}},
		// ServiceNow without display values: state and priority numbers.
		{"servicenow_sys_values.csv", importer.FormatServiceNow, map[string]want{
			"INC0010001": {data.StatusClosed, data.PriorityCritical, time.Date(2024, 3, 4, 11, 0, 0, 0, msk)},
			"INC0010002": {data.StatusInProgress, data.PriorityLow, time.Time{}},
			"INC0010003": {data.StatusWaiting, data.PriorityNormal, time.Time{}},
			"INC0010004": {data.StatusResolved, data.PriorityHigh, time.Date(2024, 3, 6, 10, 0, 0, 0, msk)},
			"INC0010005": {data.StatusNew, data.PriorityLow, time.Time{}},
		}, nil},
		// The CFPB API's snake-case columns; "state" is a US state and
		// "company" the firm complained about, neither a status nor a client.
		{"cfpb_api.csv", importer.FormatCFPB, map[string]want{
			"8400001": {data.StatusClosed, data.PriorityNormal, time.Time{}},
			"8400002": {data.StatusInProgress, data.PriorityNormal, time.Time{}},
			"8400003": {data.StatusClosed, data.PriorityNormal, time.Time{}},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["8400002"]; c.ClientName != "" || c.Category != "Mortgage" || c.Description != "I was charged late fees." {
				t.Errorf("8400002 %+v", c)
			}
		}},
		// osTicket: "Current Status", "Emergency", the sender in "From",
		// the agent in "Agent Assigned"; its due dates are no resolution.
		{"osticket_tickets.csv", importer.FormatGeneric, map[string]want{
			"104233": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 13, 16, 40, 0, 0, msk)},
			"104234": {data.StatusInProgress, data.PriorityCritical, time.Time{}},
			"104235": {data.StatusResolved, data.PriorityNormal, time.Date(2024, 3, 14, 10, 5, 0, 0, msk)},
			"104236": {data.StatusInProgress, data.PriorityLow, time.Time{}},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["104233"]; c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || c.Category != "Billing" {
				t.Errorf("104233 %+v", c)
			}
		}},
		// Redmine: issues numbered under "#", "Feedback" waits for the
		// author, "Rejected" closes, "Immediate" tops the priorities; the
		// tracker is the type. A resolved issue has no date of it.
		{"redmine_issues_en.csv", importer.FormatRedmine, map[string]want{
			"1042": {data.StatusClosed, data.PriorityCritical, time.Date(2024, 3, 13, 16, 40, 0, 0, msk)},
			"1043": {data.StatusWaiting, data.PriorityNormal, time.Time{}},
			"1044": {data.StatusNew, data.PriorityLow, time.Time{}},
			"1045": {data.StatusResolved, data.PriorityHigh, time.Time{}},
			"1046": {data.StatusClosed, data.PriorityCritical, time.Date(2024, 3, 14, 18, 0, 0, 0, msk)},
			"1047": {data.StatusInProgress, data.PriorityHigh, time.Time{}},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["1044"]; c.ClientName != "Li Wei" || c.Type != data.TypeRequest || got["1042"].Assignee != "Anna Petrova" {
				t.Errorf("1044 %+v", c)
			}
		}},
		{"redmine_issues_ru.csv", importer.FormatRedmine, map[string]want{
			"2101": {data.StatusClosed, data.PriorityCritical, time.Date(2024, 3, 5, 16, 40, 0, 0, msk)},
			"2102": {data.StatusWaiting, data.PriorityNormal, time.Time{}},
			"2103": {data.StatusNew, data.PriorityLow, time.Time{}},
			"2104": {data.StatusResolved, data.PriorityHigh, time.Time{}},
			"2105": {data.StatusClosed, data.PriorityCritical, time.Date(2024, 3, 6, 18, 0, 0, 0, msk)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["2102"]; c.ClientName != "Иван Сидоров" || c.Assignee != "Борис Иванов" {
				t.Errorf("2102 %+v", c)
			}
		}},
		// GLPI: "Processing (assigned)", "Major" above "Very high", and
		// "Time to resolve" holding the SLA deadline, not a duration.
		{"glpi_tickets.csv", importer.FormatGLPI, map[string]want{
			"1204": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 5, 15, 10, 0, 0, msk)},
			"1205": {data.StatusInProgress, data.PriorityNormal, time.Time{}},
			"1206": {data.StatusWaiting, data.PriorityCritical, time.Time{}},
			"1207": {data.StatusResolved, data.PriorityLow, time.Date(2024, 3, 6, 9, 0, 0, 0, msk)},
			"1208": {data.StatusNew, data.PriorityCritical, time.Time{}},
			"1209": {data.StatusInProgress, data.PriorityLow, time.Time{}},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["1204"]; c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || c.Channel != data.ChannelPhone {
				t.Errorf("1204 %+v", c)
			}
		}},
		// GLPI in Russian and French, as its ru_RU and fr_FR translations
		// name the columns and values ("Pешена" with a Latin P, as one
		// version of its translation spells it); "Helpdesk", the source of
		// tickets made in its web interface, is the web.
		{"glpi_tickets_ru.csv", importer.FormatGLPI, map[string]want{
			"1024": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 5, 16, 40, 0, 0, msk)},
			"1025": {data.StatusInProgress, data.PriorityCritical, time.Time{}},
			"1026": {data.StatusWaiting, data.PriorityNormal, time.Time{}},
			"1027": {data.StatusResolved, data.PriorityCritical, time.Date(2024, 3, 7, 17, 55, 0, 0, msk)},
			"1028": {data.StatusNew, data.PriorityLow, time.Time{}},
		}, checkGLPI("1024", "1025", "Иванов Иван", "Петрова Анна", "Сайт > Вход")},
		{"glpi_tickets_fr.csv", importer.FormatGLPI, map[string]want{
			"2048": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 5, 16, 40, 0, 0, msk)},
			"2049": {data.StatusInProgress, data.PriorityCritical, time.Time{}},
			"2050": {data.StatusWaiting, data.PriorityNormal, time.Time{}},
			"2051": {data.StatusResolved, data.PriorityCritical, time.Date(2024, 3, 7, 17, 55, 0, 0, msk)},
			"2052": {data.StatusNew, data.PriorityLow, time.Time{}},
		}, checkGLPI("2048", "2049", "Jean Dupont", "Marie Curie", "Site > Connexion")},
		// Gorgias names its columns as its API does: "created_datetime".
		{"gorgias_tickets.csv", importer.FormatGeneric, map[string]want{
			"40211001": {data.StatusClosed, data.PriorityNormal, time.Date(2024, 3, 4, 13, 40, 11, 0, time.UTC)},
			"40211002": {data.StatusInProgress, data.PriorityHigh, time.Time{}},
			"40211003": {data.StatusClosed, data.PriorityLow, time.Date(2024, 3, 6, 10, 5, 0, 0, time.UTC)},
			"40211004": {data.StatusInProgress, data.PriorityCritical, time.Time{}},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["40211003"]; c.Verdict != data.VerdictNotSatisfied || got["40211001"].Verdict != data.VerdictSatisfied ||
				c.Assignee != "anna@shop.example" || c.Channel != data.ChannelWeb {
				t.Errorf("40211003 %+v", c)
			}
		}},
		// Freshservice reads as Freshdesk: "Created Date", "Resolved Date".
		{"freshservice_tickets.csv", importer.FormatFreshdesk, map[string]want{
			"INC-301": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 4, 12, 0, 0, 0, msk)},
			"SR-302":  {data.StatusInProgress, data.PriorityNormal, time.Time{}},
			"INC-303": {data.StatusWaiting, data.PriorityCritical, time.Time{}},
			"INC-304": {data.StatusResolved, data.PriorityLow, time.Date(2024, 3, 6, 9, 30, 0, 0, msk)},
		}, nil},
		// ServiceDesk Plus: "Request ID", "Technician", "Mode", "Completed
		// Time"; a canceled request closes without a resolution.
		{"sdp_requests.csv", importer.FormatGeneric, map[string]want{
			"10452": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 4, 12, 0, 0, 0, msk)},
			"10453": {data.StatusInProgress, data.PriorityLow, time.Time{}},
			"10454": {data.StatusWaiting, data.PriorityCritical, time.Time{}},
			"10455": {data.StatusClosed, data.PriorityNormal, time.Time{}},
			"10456": {data.StatusResolved, data.PriorityNormal, time.Date(2024, 3, 7, 10, 0, 0, 0, msk)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["10456"]; c.Assignee != "Boris Ivanov" || c.Channel != data.ChannelPhone ||
				!c.Facts.FirstResponseAt.Equal(time.Date(2024, 3, 6, 17, 45, 0, 0, msk)) {
				t.Errorf("10456 %+v", c)
			}
		}},
		// YouTrack's states and "Show-stopper"; a "Duplicate" is skipped.
		{"youtrack_issues.csv", importer.FormatGeneric, map[string]want{
			"SUP-101": {data.StatusResolved, data.PriorityCritical, time.Date(2024, 3, 5, 16, 40, 0, 0, msk)},
			"SUP-102": {data.StatusNew, data.PriorityNormal, time.Time{}},
			"SUP-103": {data.StatusInProgress, data.PriorityCritical, time.Time{}},
			"SUP-104": {data.StatusClosed, data.PriorityLow, time.Date(2024, 3, 7, 9, 0, 0, 0, msk)},
			"SUP-105": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 7, 12, 0, 0, 0, msk)},
			"SUP-106": {data.StatusInProgress, data.PriorityNormal, time.Time{}},
		}, nil},
		// Kayako: masked ids, "Full Name", "Emergency".
		{"kayako_tickets.csv", importer.FormatGeneric, map[string]want{
			"ABC-123-45678": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 5, 16, 40, 0, 0, msk)},
			"DEF-456-78901": {data.StatusInProgress, data.PriorityCritical, time.Time{}},
			"GHI-789-01234": {data.StatusInProgress, data.PriorityNormal, time.Time{}},
			"JKL-012-34567": {data.StatusWaiting, data.PriorityCritical, time.Time{}},
			"MNO-345-67890": {data.StatusClosed, data.PriorityLow, time.Date(2024, 3, 7, 10, 0, 0, 0, msk)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["DEF-456-78901"]; c.ClientName != "Tom Baker" {
				t.Errorf("DEF-456-78901 %+v", c)
			}
		}},
		// HelpDeskEddy: «В обработке»; spam is skipped.
		{"helpdeskeddy_tickets.csv", importer.FormatGeneric, map[string]want{
			"8801": {data.StatusClosed, data.PriorityHigh, time.Date(2024, 3, 5, 16, 40, 0, 0, msk)},
			"8802": {data.StatusInProgress, data.PriorityNormal, time.Time{}},
			"8803": {data.StatusInProgress, data.PriorityCritical, time.Time{}},
			"8804": {data.StatusWaiting, data.PriorityLow, time.Time{}},
			"8806": {data.StatusResolved, data.PriorityNormal, time.Time{}},
		}, nil},
		// Znuny/OTRS ticket list statistics in Russian: «Заявка#».
		{"otrs_stats_ru.csv", importer.FormatGeneric, map[string]want{
			"2024030410000011": {data.StatusClosed, data.PriorityCritical, time.Date(2024, 3, 5, 11, 0, 0, 0, msk)},
			"2024030410000022": {data.StatusWaiting, data.PriorityNormal, time.Time{}},
			"2024030510000033": {data.StatusInProgress, data.PriorityHigh, time.Time{}},
			"2024030610000044": {data.StatusNew, data.PriorityLow, time.Time{}},
			"2024030610000055": {data.StatusClosed, data.PriorityLow, time.Date(2024, 3, 6, 9, 5, 0, 0, msk)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["2024030410000011"]; !c.Facts.FirstResponseAt.Equal(time.Date(2024, 3, 4, 10, 0, 0, 0, msk)) || c.Assignee != "anna" {
				t.Errorf("2024030410000011 %+v", c)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			res := checkTicketImport(t, tc.file, msk, tc.tickets, tc.check)
			if res.Batch.Source != tc.format && tc.format != importer.FormatGeneric {
				t.Errorf("source %q, want %q", res.Batch.Source, tc.format)
			}
		})
	}
}

// exportTicket is what a ticket of an export must be stored as.
type exportTicket struct {
	status   data.Status
	priority data.Priority
	resolved time.Time // zero: not resolved, or resolved without a time
}

// checkGLPI checks a GLPI export's people, category, channels and types:
// first is a phoned-in incident, web a request made in GLPI's web
// interface ("Helpdesk").
func checkGLPI(first, web, client, assignee, category string) func(t *testing.T, got map[string]data.Complaint) {
	return func(t *testing.T, got map[string]data.Complaint) {
		t.Helper()
		if c := got[first]; c.ClientName != client || c.Assignee != assignee || c.Category != category ||
			c.Channel != data.ChannelPhone || c.Type != data.TypeComplaint {
			t.Errorf("%s: client %q assignee %q category %q channel %q type %q", first, c.ClientName, c.Assignee, c.Category, c.Channel, c.Type)
		}
		if c := got[web]; c.Channel != data.ChannelWeb {
			t.Errorf("%s: channel %q, want web", web, c.Channel)
		}
		for _, c := range got {
			if c.Subject == "" {
				t.Errorf("%s: no subject", c.ExternalID)
			}
		}
	}
}

// checkTicketImport imports the fixture file into a fresh store
// (importFixture), dated in loc where it has no zone, and checks that
// every ticket went in with its status, priority and resolution time, then
// check, if given.
func checkTicketImport(t *testing.T, file string, loc *time.Location, tickets map[string]exportTicket,
	check func(t *testing.T, got map[string]data.Complaint)) importer.Result {
	t.Helper()
	got, res := importFixture(t, file, importer.Options{Location: loc}, len(tickets))
	for id, w := range tickets {
		c, ok := got[id]
		if !ok {
			t.Errorf("%s missing (stored: %d)", id, len(got))
			continue
		}
		if c.Status != w.status || c.Priority != w.priority || !c.Facts.ResolvedAt.Equal(w.resolved) {
			t.Errorf("%s: status %q priority %q resolved %v, want %+v", id, c.Status, c.Priority, c.Facts.ResolvedAt, w)
		}
	}
	if check != nil {
		check(t, got)
	}
	return res
}

// Redmine in Russian long named an issue's due date «Дата выполнения»,
// which a register would mean as the date the complaint was done: in a
// Redmine export it dates no resolution, of an open issue or a closed
// one.
func TestRedmineDueDateIsNoResolution(t *testing.T) {
	_, got, res := importAllTickets(t, "redmine_old.csv", 2,
		"#;Трекер;Статус;Приоритет;Тема;Автор;Назначена;Обновлено;Начата;Дата выполнения;Готовность;Создано;Закрыта",
		"3101;Ошибка;Новая;Нормальный;Не приходит СМС;Иван Сидоров;;04.03.2024 10:00;04.03.2024;06.03.2024;0;04.03.2024 10:00;",
		"3102;Поддержка;Закрыта;Высокий;Двойное списание;Мария Лопес;Анна Петрова;05.03.2024 16:40;04.03.2024;05.03.2024;100;04.03.2024 09:15;05.03.2024 16:40",
	)
	if res.Batch.Source != importer.FormatRedmine {
		t.Errorf("source %q", res.Batch.Source)
	}
	if c := got["3101"]; !c.Facts.ResolvedAt.IsZero() || c.Status != data.StatusNew {
		t.Errorf("open issue 3101: status %q resolved %v", c.Status, c.Facts.ResolvedAt)
	}
	if c := got["3102"]; !c.Facts.ResolvedAt.Equal(utc(2024, 3, 5, 16, 40, 0)) || c.ClientName != "Мария Лопес" {
		t.Errorf("closed issue 3102: resolved %v, client %q", c.Facts.ResolvedAt, c.ClientName)
	}
}
