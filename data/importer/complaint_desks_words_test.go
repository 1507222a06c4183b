package importer

import (
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
