package importer

import (
	"os"
	"testing"

	"caredesk/data"
)

// Statuses and priorities of the desks in complaint_desks_more_test.go
// in their other spellings.
func TestParseDeskValues(t *testing.T) {
	for in, want := range map[string]data.Status{
		"Rejected by User": data.StatusInProgress, "Отклонено пользователем": data.StatusInProgress, "Отклонён": data.StatusClosed,
		"Ожидает поддержки": data.StatusInProgress, "Ожидает клиента": data.StatusWaiting, "Нужно сделать": data.StatusNew,
		"Registered": data.StatusNew, "Information Needed": data.StatusWaiting,
	} {
		if got, ok := parseStatus(in); !ok || got != want {
			t.Errorf("parseStatus(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for in, want := range map[string]data.Priority{
		"Самый высокий": data.PriorityCritical, "Блокирующий": data.PriorityCritical, "Серьезный": data.PriorityHigh,
		"Тривиальный": data.PriorityLow,
	} {
		if got, ok := parsePriority(in); !ok || got != want {
			t.Errorf("parsePriority(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}

// Chatwoot's conversation report (conversation_reports.erb) names the
// agent and the status so; the English labels are assumed from their
// translation keys (agent_name, conversation_status).
func TestChatwootReportHeaders(t *testing.T) {
	path := t.TempDir() + "/chatwoot.csv"
	csv := "Conversation ID,Inbox name,Customer name,Agent name,Conversation status,Labels\n" +
		"41,Website,Maria Lopez,Anna Petrova,resolved,billing\n42,Website,Li Wei,,open,\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	pv, err := InspectComplaints(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[FieldAssignee] != "Agent name" || pv.Mapping[FieldStatus] != "Conversation status" || pv.Mapping[FieldClient] != "Customer name" {
		t.Errorf("mapping %v", pv.Mapping)
	}
}
