package importer

import (
	"testing"

	"caredesk/data"
)

// Values real help-desk exports write that the importer once refused or
// misread.
func TestParseHelpDeskValues(t *testing.T) {
	checkParsed(t, "parseStatus", parseStatus, map[string]data.Status{
		"snoozed": data.StatusWaiting, "Working": data.StatusInProgress, "Escalated": data.StatusInProgress,
		"Успешно": data.StatusClosed, "Провалено": data.StatusClosed, "Сделка успешна": data.StatusClosed,
		"Сделка провалена": data.StatusClosed, "Canceled": data.StatusClosed, "Отменена": data.StatusClosed,
		// SimpleOne and Jira in Russian.
		"Rejected by User": data.StatusInProgress, "Отклонено пользователем": data.StatusInProgress, "Отклонён": data.StatusClosed,
		"Ожидает поддержки": data.StatusInProgress, "Ожидает клиента": data.StatusWaiting, "Нужно сделать": data.StatusNew,
		"Registered": data.StatusNew, "Information Needed": data.StatusWaiting,
	})
	checkParsed(t, "parsePriority", parsePriority, map[string]data.Priority{
		"-None-": data.PriorityNormal, "Самый высокий": data.PriorityCritical, "Блокирующий": data.PriorityCritical,
		"Серьезный": data.PriorityHigh, "Тривиальный": data.PriorityLow,
	})
	if c := ticketChannel("-None-"); c != "" {
		t.Errorf("ticketChannel(-None-) = %q", c)
	}
	checkParsed(t, "parseCount", parseCount, map[string]int{"Yes": 1, "No": 0, "Да": 1, "нет": 0, "true": 1, "2": 2, "0": 0})
	for _, in := range []string{"maybe", "1.5", "-1"} {
		if _, ok := parseCount(in); ok {
			t.Errorf("parseCount(%q) accepted", in)
		}
	}
	for in, want := range map[string]data.Verdict{"5.0": data.VerdictSatisfied, "4,0": data.VerdictSatisfied, "1.0": data.VerdictNotSatisfied,
		"3.00": data.VerdictUnknown, "5": data.VerdictSatisfied} {
		if got, ok := ratingVerdict(in); !ok || got != want {
			t.Errorf("ratingVerdict(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"4.5", "5.0.0", "50", "Great"} {
		if _, ok := ratingVerdict(in); ok {
			t.Errorf("ratingVerdict(%q) accepted", in)
		}
	}
	for in, want := range map[string]data.Verdict{"Great": data.VerdictSatisfied, "Okay": data.VerdictUnknown, "Not Good": data.VerdictNotSatisfied} {
		if got := parseVerdict(in, false); got != want {
			t.Errorf("parseVerdict(%q) = %q, want %q", in, got, want)
		}
	}
	checkParsed(t, "parseType", parseType, map[string]data.ComplaintType{
		"Billing inquiry": data.TypeQuestion, "Product inquiry": data.TypeQuestion, "Refund request": data.TypeRequest,
		"Cancellation request": data.TypeRequest, "Technical issue": data.TypeComplaint, "PRODUCT_ISSUE": data.TypeComplaint,
		"Feature": data.TypeRequest, "Повторная жалоба": data.TypeComplaint,
		// The prefix still wins: the first word names the kind.
		"Question about a complaint": data.TypeQuestion, "Жалоба на запрос": data.TypeComplaint, "Feature Request": data.TypeRequest,
		"[System] Incident": data.TypeComplaint,
	})
	checkRefused(t, "parseType", parseType, "Refund", "Other", "Billing")
}
