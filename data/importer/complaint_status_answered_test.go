package importer

import (
	"testing"

	"caredesk/data"
)

// "Answered" is a reply given, the client's turn: waiting, not resolved
// (it was an unknown status, rejecting the row). A register's «Ответ дан»
// is the final written answer: resolved, as before.
func TestParseStatusAnswered(t *testing.T) {
	checkParsed(t, "parseStatus", parseStatus, map[string]data.Status{
		"Answered": data.StatusWaiting, "answered": data.StatusWaiting, "Answered - awaiting customer": data.StatusWaiting,
		"Ответ дан": data.StatusResolved, "Ответ дан клиенту": data.StatusResolved, "Дан ответ": data.StatusResolved,
	})
	if !statusLike("Answered") {
		t.Error(`statusLike("Answered") = false: a column of such statuses is no status column`)
	}
}

// «Открыта» is the status Okdesk, Yandex Tracker and HelpDeskEddy create
// a ticket in: with nobody assigned it is new (it was read as in work).
// Assigned, it is in work; and where the file's statuses have a "new" of
// their own (OTRS «новая», Usedesk «Новый»), «Открыта» has left it.
func TestOpenedStatusIsNewUntilAssigned(t *testing.T) {
	const head = "Номер;Дата создания;Статус;Ответственный\n"
	got := parseTickets(t, tempFile(t, "okdesk.csv", head+
		"1;04.03.2024 09:15;Открыта;\n2;04.03.2024 10:00;Открыта;Петров Пётр\n3;04.03.2024 11:00;Закрыта;Петров Пётр\n4;04.03.2024 12:00;Открытое;\n"), Options{}).byID(t)
	for id, want := range map[string]data.Status{"1": data.StatusNew, "2": data.StatusInProgress, "3": data.StatusClosed, "4": data.StatusNew} {
		if st := lastStatusEvent(got[id]); st != want {
			t.Errorf("ticket %s: %q, want %s", id, st, want)
		}
	}
	got = parseTickets(t, tempFile(t, "otrs.csv", head+
		"1;04.03.2024 09:15;открыта;\n2;04.03.2024 10:00;новая;\n3;04.03.2024 11:00;Открыта повторно;\n"), Options{}).byID(t)
	for id, want := range map[string]data.Status{"1": data.StatusInProgress, "2": data.StatusNew, "3": data.StatusInProgress} {
		if st := lastStatusEvent(got[id]); st != want {
			t.Errorf("with a new status, ticket %s: %q, want %s", id, st, want)
		}
	}
}

// lastStatusEvent is the status c's events reach, "" for no ticket.
func lastStatusEvent(c *data.Complaint) data.Status {
	var st data.Status
	if c != nil {
		for _, e := range c.Events {
			if e.Kind == data.EventStatus {
				st = e.Status
			}
		}
	}
	return st
}

// An overdue appeal is still open, past its deadline: in work (it was an
// unknown status, rejecting the row).
func TestParseStatusOverdue(t *testing.T) {
	checkParsed(t, "parseStatus", parseStatus, map[string]data.Status{
		"Просрочные": data.StatusInProgress, "Просрочена": data.StatusInProgress, "Просроченное": data.StatusInProgress,
		"Overdue": data.StatusInProgress,
	})
}

// «Отвечено», «Отвечен», «Отвечена»: the agent answered, the client's
// turn, as osTicket's "Answered" (they were unknown, rejecting the row).
func TestParseStatusAnsweredRussian(t *testing.T) {
	checkParsed(t, "parseStatus", parseStatus, map[string]data.Status{
		"Отвечено": data.StatusWaiting, "Отвечен": data.StatusWaiting, "Отвечена": data.StatusWaiting, "отвеченная": data.StatusWaiting,
	})
}

// Zendesk's UI and Explore write its hold "On-hold"; Groove's tickets are
// "unread", then "opened"; Linear's and Jira's triage and backlog come
// before work. Each was an unknown status, rejecting the row.
func TestParseStatusDeskQueues(t *testing.T) {
	checkParsed(t, "parseStatus", parseStatus, map[string]data.Status{
		"On-hold": data.StatusInProgress, "Hold": data.StatusInProgress, "unread": data.StatusNew, "opened": data.StatusInProgress,
		"Triage": data.StatusNew, "Backlog": data.StatusNew, "Selected for Development": data.StatusNew,
		"UNCONFIRMED": data.StatusNew, "CONFIRMED": data.StatusNew, "NEEDSINFO": data.StatusWaiting,
		"accepted": data.StatusInProgress, "reviewing": data.StatusInProgress,
		"Researching": data.StatusInProgress, "Problem Solved": data.StatusResolved, "Information Provided": data.StatusResolved,
	})
}
