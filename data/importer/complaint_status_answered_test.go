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
