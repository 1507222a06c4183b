package importer

import (
	"testing"
	"time"

	"caredesk/data"
)

// Durations as a service department types them in a register by hand.
func TestParseTypedDurations(t *testing.T) {
	checkParsed(t, "parseDuration", inHours, map[string]time.Duration{
		"2ч30м": 150 * time.Minute, "30 м": 30 * time.Minute, "1 день 4 часа": 28 * time.Hour, "1 сутки": 24 * time.Hour,
		"2 суток": 48 * time.Hour, "1 День": 24 * time.Hour, "1 неделя": 7 * 24 * time.Hour, "3 недели": 21 * 24 * time.Hour,
		"1 минуту": time.Minute, "2 секунды": 2 * time.Second,
		// Already read, kept so.
		"2 ч 30 мин": 150 * time.Minute, "1д 4ч": 28 * time.Hour, "02:30": 150 * time.Minute, "150 мин": 150 * time.Minute,
		"2,5": 150 * time.Minute, "2.5 h": 150 * time.Minute, "3 days": 72 * time.Hour, "1 сут.": 24 * time.Hour, "45 сек": 45 * time.Second,
	})
}

// Statuses as registers kept by hand write them.
func TestParseRegisterStatuses(t *testing.T) {
	checkParsed(t, "parseStatus", parseStatus, map[string]data.Status{
		"На согласовании": data.StatusInProgress, "Ждём ответа клиента": data.StatusWaiting, "Ждем ответа клиента": data.StatusWaiting,
		"Повторно открыта": data.StatusInProgress, "Рассматривается": data.StatusInProgress, "Рассмотрено": data.StatusResolved,
		"Получено": data.StatusNew, "Удовлетворена": data.StatusResolved, "Частично удовлетворена": data.StatusResolved,
		"Не удовлетворена": data.StatusClosed, "Отказано": data.StatusClosed, "Ответ дан": data.StatusResolved,
		"Дан ответ": data.StatusResolved, "Ответ направлен клиенту": data.StatusResolved, "Направлено в отдел качества": data.StatusInProgress,
		"Обработано": data.StatusResolved, "Приостановлено": data.StatusWaiting, "На контроле": data.StatusInProgress,
		"На доработке": data.StatusInProgress, "Не решено": data.StatusInProgress, "Отозвана клиентом": data.StatusClosed,
		"Under review": data.StatusInProgress, "Investigating": data.StatusInProgress, "Received": data.StatusNew,
		"Declined": data.StatusClosed, "Complete": data.StatusResolved, "Re-opened": data.StatusInProgress,
		// Already read, kept so.
		"Принято в работу": data.StatusInProgress, "Ожидает клиента": data.StatusWaiting, "Выполнено": data.StatusResolved,
		"Закрыта": data.StatusClosed, "Отменена": data.StatusClosed, "Передано 2-й линии": data.StatusInProgress,
		"Pending": data.StatusWaiting, "On hold": data.StatusWaiting, "Solved": data.StatusResolved, "Canceled": data.StatusClosed,
		"В обработке": data.StatusInProgress, "Решено": data.StatusResolved,
	})
	if !cancelledStatus(FormatGeneric, "Отозвана клиентом") || cancelledStatus(FormatGeneric, "Не удовлетворена") {
		t.Error("a complaint withdrawn by the client is cancelled, one turned down is not")
	}
}

// Types as registers name them: the complaints the KPI counts must not
// be taken for praise or questions, nor the other way round.
func TestParseRegisterTypes(t *testing.T) {
	checkParsed(t, "parseType", parseType, map[string]data.ComplaintType{
		"Claim": data.TypeComplaint, "Замечание": data.TypeComplaint, "Негативный отзыв": data.TypeComplaint,
		"Отзыв (негатив)": data.TypeComplaint, "Negative feedback": data.TypeComplaint, "Недовольство": data.TypeComplaint,
		"Положительный отзыв": data.TypePraise, "Отзыв положительный": data.TypePraise, "Позитивный отзыв": data.TypePraise,
		"Positive feedback": data.TypePraise, "Благодарственное письмо": data.TypePraise, "Спасибо": data.TypePraise,
		"Thank you": data.TypePraise, "Kudos": data.TypePraise,
		"Query": data.TypeQuestion, "Консультирование": data.TypeQuestion, "Справка": data.TypeQuestion, "Уточнение": data.TypeQuestion,
		"Информационный запрос": data.TypeQuestion, "Suggestion": data.TypeRequest, "Пожелание": data.TypeRequest, "Idea": data.TypeRequest,
		// Already read, kept so.
		"Жалоба": data.TypeComplaint, "Претензия": data.TypeComplaint, "Рекламация": data.TypeComplaint, "Инцидент": data.TypeComplaint,
		"Благодарность": data.TypePraise, "Консультация": data.TypeQuestion, "Вопрос": data.TypeQuestion, "Запрос": data.TypeRequest,
		"Заявка": data.TypeRequest, "Предложение": data.TypeRequest, "Complaint": data.TypeComplaint, "Praise": data.TypePraise,
		"Compliment": data.TypePraise, "Inquiry": data.TypeQuestion, "Refund request": data.TypeRequest,
	})
}

// Priorities as registers type them; «Очень срочно» was refused.
func TestParseRegisterPriorities(t *testing.T) {
	checkParsed(t, "parsePriority", parsePriority, map[string]data.Priority{
		"Очень срочно": data.PriorityCritical, "Высший": data.PriorityCritical, "Максимальный": data.PriorityCritical, "ASAP": data.PriorityCritical,
		"Повышенный": data.PriorityHigh, "Выс.": data.PriorityHigh, "Ср.": data.PriorityNormal, "Низ.": data.PriorityLow,
		"Минимальный": data.PriorityLow, "Пониженный": data.PriorityLow, "Не важно": data.PriorityLow, "Неважно": data.PriorityLow,
		"P2 - High": data.PriorityHigh, "P1 (Critical)": data.PriorityCritical, "Sev 3 - Low": data.PriorityLow,
		"Приоритет 1": data.PriorityCritical, "Priority 2": data.PriorityHigh,
		// Already read, kept so.
		"1 - Критический": data.PriorityCritical, "Высокий (2)": data.PriorityHigh, "Срочно": data.PriorityCritical,
		"Обычный": data.PriorityNormal, "Низкая": data.PriorityLow, "Не срочно": data.PriorityLow, "Важно": data.PriorityHigh,
		"P1": data.PriorityCritical, "S3": data.PriorityNormal, "Priority": data.PriorityHigh, "Sev 2": data.PriorityHigh,
	})
	checkRefused(t, "parsePriority", parsePriority, "Soon", "Pending", "Средство")
}

// Verdicts as registers write them: words, thumbs, stars, "4 из 5".
func TestParseRegisterVerdicts(t *testing.T) {
	for in, want := range map[string]data.Verdict{
		"Неудовлетворительно": data.VerdictNotSatisfied, "Неудовл.": data.VerdictNotSatisfied, "Удовл.": data.VerdictSatisfied,
		"Very satisfied": data.VerdictSatisfied, "Very dissatisfied": data.VerdictNotSatisfied, "Unsatisfied": data.VerdictNotSatisfied,
		"Положительно": data.VerdictSatisfied, "Отрицательная": data.VerdictNotSatisfied, "Negative": data.VerdictNotSatisfied,
		"Претензий нет": data.VerdictSatisfied, "Есть претензии": data.VerdictNotSatisfied, "👍": data.VerdictSatisfied,
		"👎🏻": data.VerdictNotSatisfied, "Y": data.VerdictSatisfied, "N": data.VerdictNotSatisfied, "Частично": data.VerdictUnknown,
		// Already read, kept so.
		"Удовлетворён": data.VerdictSatisfied, "Не удовлетворён": data.VerdictNotSatisfied, "Да": data.VerdictSatisfied,
		"Нет": data.VerdictNotSatisfied,
	} {
		if got := parseVerdict(in, false); got != want {
			t.Errorf("parseVerdict(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]data.Verdict{
		"★★★★★": data.VerdictSatisfied, "★★☆☆☆": data.VerdictNotSatisfied, "⭐⭐⭐": data.VerdictUnknown, "⭐️⭐️⭐️⭐️": data.VerdictSatisfied,
		"4/5": data.VerdictSatisfied, "2 из 5": data.VerdictNotSatisfied, "5 звёзд": data.VerdictSatisfied, "1 star": data.VerdictNotSatisfied,
	} {
		if got, ok := explicitRating(in); !ok || got != want {
			t.Errorf("explicitRating(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"5", "Да", "★★★★★★", "4/10"} {
		if got, ok := explicitRating(in); ok {
			t.Errorf("explicitRating(%q) = %q, want refused", in, got)
		}
	}
	if !ratingsIn([]string{"1", "5", "4"}) || ratingsIn([]string{"1", "0", "1"}) || ratingsIn([]string{"1", "4", "9"}) {
		t.Error("ratingsIn: 1-5 ratings, yes/no flags, a 0-10 scale")
	}
}

// Compensation as registers type it, none included.
func TestParseRegisterAmounts(t *testing.T) {
	checkParsed(t, "parseAmount", parseAmount, map[string]int64{
		"нет": 0, "Нет": 0, "не было": 0, "Без компенсации": 0, "No": 0, "None": 0,
		// Already read, kept so.
		"1 500,00 ₽": 150000, "1500 руб.": 150000, "$1,500.00": 150000, "€ 20": 2000, "0": 0,
	})
	if _, ok := parseAmount("много"); ok {
		t.Error("parseAmount(много) accepted")
	}
}

// Escalation as registers keep it: a flag, the line or person it went
// to; and statuses that are an escalation.
func TestParseRegisterLevels(t *testing.T) {
	for _, c := range []struct {
		in       string
		numbered bool
		want     data.Level
	}{
		{"да", false, data.LevelSenior}, {"Нет", false, data.LevelFrontline}, {"1", false, data.LevelSenior}, {"0", false, data.LevelFrontline},
		{"1", true, data.LevelFrontline}, {"2", true, data.LevelSenior}, {"3", true, data.LevelManager},
		{"1 линия", true, data.LevelFrontline}, {"2 линия", true, data.LevelSenior}, {"2-я линия", false, data.LevelSenior},
		{"Вторая линия", true, data.LevelSenior}, {"3 линия", true, data.LevelManager}, {"Руководитель", true, data.LevelManager},
		{"Начальник отдела", false, data.LevelManager}, {"L2", false, data.LevelSenior}, {"Tier 1", false, data.LevelFrontline},
		{"Supervisor", false, data.LevelManager}, {"Юридический отдел", false, data.LevelSenior}, {"Yes", false, data.LevelSenior},
	} {
		if got := parseLevel(c.in, c.numbered); got != c.want {
			t.Errorf("parseLevel(%q, %v) = %q, want %q", c.in, c.numbered, got, c.want)
		}
	}
	for in, want := range map[string]data.Level{
		"Передано на 2 линию": data.LevelSenior, "Передано 2-й линии": data.LevelSenior, "Эскалировано руководителю": data.LevelManager,
		"Escalated": data.LevelSenior, "Escalated to manager": data.LevelManager, "Assigned to L2": data.LevelSenior,
	} {
		if got, ok := statusLevel(in); !ok || got != want {
			t.Errorf("statusLevel(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Передано в отдел качества", "В работе", "Assigned", "Передано первой линии"} {
		if got, ok := statusLevel(in); ok {
			t.Errorf("statusLevel(%q) = %q, want none", in, got)
		}
	}
}

// The results of an appeal's consideration as registers of appeals
// write them. The words are those of the ССТУ.РФ report's question
// statuses (public clients of its API list «Находится на рассмотрении»,
// «Рассмотрено. Разъяснено», «Рассмотрено. Поддержано», «Рассмотрено.
// Не поддержано», «Направлено по компетенции», «Дан ответ автору»,
// «Оставлено без ответа автору», «Рассмотрение продлено»), of Directum
// RX's citizen requests («Меры приняты», «Отказано»), of «Дело»'s kinds
// of decision («оставлено без рассмотрения по существу», «переписка
// прекращена», «принято к сведению», «списано в дело без
// рассмотрения») and of a housing inspectorate's dictionary
// («Поддержано, в том числе меры приняты», «Срок продлен»). All were
// refused but «На рассмотрении», «Отказано» and «Дан ответ», and
// «Направлено по компетенции» was in work.
func TestParseAppealResults(t *testing.T) {
	checkParsed(t, "parseStatus", parseStatus, map[string]data.Status{
		"Разъяснено": data.StatusResolved, "Рассмотрено. Разъяснено": data.StatusResolved, "Поддержано": data.StatusResolved,
		"Поддержано, меры приняты": data.StatusResolved, "Поддержано, в том числе меры приняты": data.StatusResolved,
		"Меры приняты": data.StatusResolved, "Рассмотрено. Поддержано": data.StatusResolved,
		"Не поддержано": data.StatusClosed, "Рассмотрено. Не поддержано": data.StatusClosed,
		"Направлено по компетенции": data.StatusClosed, "Переадресовано": data.StatusClosed, "Оставлено без ответа": data.StatusClosed,
		"Оставлено без ответа автору": data.StatusClosed, "Оставлено без рассмотрения по существу": data.StatusClosed,
		"Переписка прекращена": data.StatusClosed, "Списано в дело без рассмотрения": data.StatusClosed,
		"Принято к сведению":        data.StatusClosed,
		"Находится на рассмотрении": data.StatusInProgress, "На исполнении": data.StatusInProgress,
		"Рассмотрение продлено": data.StatusInProgress, "Продлен срок рассмотрения": data.StatusInProgress,
		"Срок продлен": data.StatusInProgress, "Снято с контроля": data.StatusResolved, "Снят с контроля": data.StatusResolved,
		"Не зарегистрировано": data.StatusNew,
		// Already read, kept so.
		"На рассмотрении": data.StatusInProgress, "На контроле": data.StatusInProgress, "Исполнено": data.StatusResolved,
		"Отказано": data.StatusClosed, "Дан ответ автору": data.StatusResolved, "Направлено в отдел качества": data.StatusInProgress,
		"Перенаправлено": data.StatusInProgress,
	})
	// Sent on to the body that decides, or left unanswered: closed,
	// resolving nothing; a refusal is a decision.
	for s, want := range map[string]bool{"Направлено по компетенции": true, "Переадресовано": true, "Оставлено без ответа автору": true,
		"Переписка прекращена": true, "Не поддержано": false, "Отказано": false, "Разъяснено": false} {
		if cancelledStatus(FormatGeneric, s) != want {
			t.Errorf("cancelledStatus(%q) = %v, want %v", s, !want, want)
		}
	}
	for s, want := range map[string]bool{"Поддержано, меры приняты": true, "Рассмотрено. Не поддержано": true, "Направлено по компетенции": true,
		"Закрыта": false, "На рассмотрении": false, "Замена товара": false, "Рассмотрение продлено": false} {
		if _, ok := appealOutcome(s); ok != want {
			t.Errorf("appealOutcome(%q) = %v, want %v", s, ok, want)
		}
	}
	// 59-ФЗ names three appeals: «предложение», «заявление», «жалоба».
	checkParsed(t, "parseType", parseType, map[string]data.ComplaintType{
		"Заявление": data.TypeRequest, "Предложение": data.TypeRequest, "Жалоба": data.TypeComplaint, "Запрос": data.TypeRequest,
	})
}
