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
	cases := []deskCase{
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
		// Jira Service Management exported from a Russian UI: the same
		// columns as "CSV (all fields)" under their Russian names
		// (assumed from Jira's Russian translation: «Ключ задачи»,
		// «Тип задачи», «Резолюция», «Дата решения», «Срок исполнения»),
		// «Готово» done, «Ожидание поддержки» the team's turn, «Самый
		// низкий» and «Серьёзный» priorities. The due date is a deadline.
		{"desk_jira_ru.csv", map[string]want{
			"SD-201": {data.StatusClosed, data.PriorityCritical, at(6, 16, 40)},
			"SD-202": {data.StatusWaiting, data.PriorityNormal, none},
			"SD-203": {data.StatusInProgress, data.PriorityLow, none},
			"SD-204": {data.StatusNew, data.PriorityHigh, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["SD-201"]
			if c.ClientName != "Иван Сидоров" || c.Assignee != "Анна Петрова" || c.Category != "Оплата" || c.Type != data.TypeComplaint ||
				got["SD-203"].Type != data.TypeRequest || got["SD-204"].Type != data.TypeRequest {
				t.Errorf("SD-201 %+v", c)
			}
			if c := got["SD-202"]; !c.Facts.ResolvedAt.IsZero() || c.Type != data.TypeRequest {
				t.Errorf("SD-202: resolved %v (its due date?), type %q", c.Facts.ResolvedAt, c.Type)
			}
		}},
		// SimpleOne's incident list: its documentation names the fields
		// (Number INCXXXXXXX, Caller, Contact type, State, Urgency,
		// Priority, Assigned User, Assigned Group, Subject) and the states
		// Registered, Assigned, In Progress, Information Needed, External
		// Processing, Postponed, Completed, Closed, Rejected by User (the
		// caller turned the solution down: work goes on). The "Created at"
		// column is assumed; the list dates no resolution.
		{"desk_simpleone_incidents.csv", map[string]want{
			"INC0000101": {data.StatusClosed, data.PriorityHigh, none},
			"INC0000102": {data.StatusWaiting, data.PriorityLow, none},
			"INC0000103": {data.StatusNew, data.PriorityNormal, none},
			"INC0000104": {data.StatusInProgress, data.PriorityCritical, none},
			"INC0000105": {data.StatusInProgress, data.PriorityNormal, none},
			"INC0000106": {data.StatusResolved, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := got["INC0000101"]
			if c.ClientName != "Maria Lopez" || c.Assignee != "Anna Petrova" || c.Channel != data.ChannelEmail ||
				got["INC0000103"].Channel != data.ChannelWeb || got["INC0000102"].Channel != data.ChannelPhone {
				t.Errorf("INC0000101 %+v", c)
			}
		}},
		// SimpleOne in Russian: «Кому назначено» is documented; the state
		// names («Требуется информация», «Внешняя обработка», «Отклонен
		// пользователем») are assumed translations. «Срок решения» is the
		// SLA deadline, neither a resolution nor a time taken.
		{"desk_simpleone_ru.csv", map[string]want{
			"INC0000201": {data.StatusClosed, data.PriorityHigh, none},
			"INC0000202": {data.StatusWaiting, data.PriorityLow, none},
			"INC0000203": {data.StatusNew, data.PriorityNormal, none},
			"INC0000204": {data.StatusInProgress, data.PriorityCritical, none},
			"INC0000205": {data.StatusInProgress, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["INC0000201"]; c.ClientName != "ООО Вектор" || c.Assignee != "Петрова Анна" || c.Channel != data.ChannelEmail {
				t.Errorf("INC0000201 %+v", c)
			}
		}},
	}
	runDeskCases(t, msk, cases)
}

// «Срок решения» holds an SLA's deadline or its norm ("8 ч"), never the
// time a ticket took: a resolved ticket keeps no resolution time from it.
func TestDeadlineNormIsNoResolutionTime(t *testing.T) {
	_, got, _ := importAllTickets(t, "sla.csv", 1, "Номер,Дата создания,Статус,Срок решения", "101,04.03.2024 09:15,Решено,8 ч")
	if c := got["101"]; c.Status != data.StatusResolved || !c.Facts.ResolvedAt.IsZero() {
		t.Errorf("101: status %q resolved at %v, want resolved without a time", c.Status, c.Facts.ResolvedAt)
	}
}
