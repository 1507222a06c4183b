package importer

import (
	"testing"
	"time"

	"caredesk/data"
)

// The values help desks nobody on the project used write: Jira Service
// Management, HubSpot, OTRS, Usedesk, Omnidesk, Bitrix24, 1C.
func TestParseHelpDeskStatusVariants(t *testing.T) {
	want := map[string]data.Status{
		// Jira Service Management and HubSpot
		"To Do": data.StatusNew, "Done": data.StatusClosed, "Escalated": data.StatusInProgress, "Reopened": data.StatusInProgress,
		"Waiting for support": data.StatusInProgress, "Waiting for customer": data.StatusWaiting, "Waiting on us": data.StatusInProgress,
		"Waiting on contact": data.StatusWaiting, "Customer Responded": data.StatusInProgress,
		// Russian desks name a status in any gender and number
		"Закрыт": data.StatusClosed, "Закрытое": data.StatusClosed, "Решен": data.StatusResolved, "Решено": data.StatusResolved,
		"Выполнен": data.StatusResolved, "Открытое": data.StatusInProgress, "В ожидании": data.StatusWaiting,
		"На удержании": data.StatusInProgress, "Ожидает ответа клиента": data.StatusWaiting, "Новое обращение": data.StatusNew,
		"Ждёт выполнения": data.StatusNew, "Выполняется": data.StatusInProgress, "Ждёт контроля": data.StatusResolved,
		"Завершена": data.StatusClosed, "Отложена": data.StatusInProgress, "Отклонено": data.StatusClosed, "Переоткрыта": data.StatusInProgress,
	}
	for in, w := range want {
		if got, ok := parseStatus(in); !ok || got != w {
			t.Errorf("parseStatus(%q) = %q %v, want %q", in, got, ok, w)
		}
	}
	checkRefused(t, "parseStatus", parseStatus, "Opener", "Спам", "6")
}

func TestParseHelpDeskPriorityVariants(t *testing.T) {
	want := map[string]data.Priority{
		"P0": data.PriorityCritical, "P1": data.PriorityCritical, "p2": data.PriorityHigh, "P3": data.PriorityNormal, "P4": data.PriorityLow,
		"Sev 1": data.PriorityCritical, "S2": data.PriorityHigh, "Severity-3": data.PriorityNormal, "Highest": data.PriorityCritical,
		"Lowest": data.PriorityLow, "Trivial": data.PriorityLow,
		// OTRS counts upwards: the name decides, not the number
		"5 very high": data.PriorityCritical, "4 high": data.PriorityHigh, "3 normal": data.PriorityNormal, "1 very low": data.PriorityLow,
		"Экстренный": data.PriorityCritical, "Немедленный": data.PriorityCritical, "Очень высокий": data.PriorityCritical,
		"Не срочно": data.PriorityLow, "Средний": data.PriorityNormal,
	}
	for in, w := range want {
		if got, ok := parsePriority(in); !ok || got != w {
			t.Errorf("parsePriority(%q) = %q %v, want %q", in, got, ok, w)
		}
	}
	checkRefused(t, "parsePriority", parsePriority, "P9", "Planet", "Someday")
	checkParsed(t, "parseType", parseType, map[string]data.ComplaintType{"[System] Incident": data.TypeComplaint, "[System] Service request": data.TypeRequest,
		"Bug": data.TypeComplaint, "Ошибка в счёте": data.TypeComplaint})
}

func TestParseDurationWithUnits(t *testing.T) {
	want := map[string]time.Duration{
		"2h 30m": 150 * time.Minute, "1d 2h": 26 * time.Hour, "45m": 45 * time.Minute, "1 day 2 hours": 26 * time.Hour,
		"1ч 20мин": 80 * time.Minute, "2 ч": 2 * time.Hour, "1,5 ч": 90 * time.Minute, "30 sec": 30 * time.Second,
	}
	for in, w := range want {
		if got, ok := parseDuration(in, unitHours); !ok || got != w {
			t.Errorf("parseDuration(%q) = %v %v, want %v", in, got, ok, w)
		}
	}
	// "2h 30" is 2h30m now (see TestParseDurationForms); a bare number
	// after days or past 59 is still no minute count.
	checkRefused(t, "parseDuration", inHours, "-2h", "2 parrots", "h", "2h 75", "1d 2", "1:02:03:04")
}

func TestParseDateVariants(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	r := dateReader{loc: msk}
	want := map[string]time.Time{
		"5 марта 2024 г. 14:22":           time.Date(2024, 3, 5, 14, 22, 0, 0, msk),
		"05 марта 2024 г.":                time.Date(2024, 3, 5, 0, 0, 0, 0, msk),
		"Tue, 05 Mar 2024 14:22:10 +0000": time.Date(2024, 3, 5, 14, 22, 10, 0, time.UTC),
		"вт, 05.03.2024 14:22":            time.Date(2024, 3, 5, 14, 22, 0, 0, msk),
		"05/Mar/24 2:22 PM":               time.Date(2024, 3, 5, 14, 22, 0, 0, msk),
		"2024-03-05T14:22:10Z":            time.Date(2024, 3, 5, 14, 22, 10, 0, time.UTC),
	}
	for in, w := range want {
		if got, why := r.parse(in); why != "" || !got.Equal(w) {
			t.Errorf("parse(%q) = %v %q, want %v", in, got, why, w)
		}
	}
	for _, in := range []string{"Tuesday", "2024 г. 14:22", "Mon, tomorrow"} {
		if got, why := r.parse(in); why == "" {
			t.Errorf("parse(%q) = %v, want refused", in, got)
		}
	}
}
