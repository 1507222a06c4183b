package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"caredesk/data"
)

// Help desks write statuses, priorities and types in the agent's
// language (Zendesk's and Freshdesk's own translations): a German,
// Spanish, Portuguese, Italian, Dutch, Polish or Ukrainian export had
// every row rejected as "unknown status". Pending waits for the client,
// on-hold for a third party, as in English.
func TestParseValuesInOtherLanguages(t *testing.T) {
	checkParsed(t, "parseStatus", parseStatus, map[string]data.Status{
		"Neu": data.StatusNew, "Offen": data.StatusInProgress, "Wartend": data.StatusWaiting, "Angehalten": data.StatusInProgress,
		"Gelöst": data.StatusResolved, "Geschlossen": data.StatusClosed,
		"Nuevo": data.StatusNew, "Abierto": data.StatusInProgress, "Pendiente": data.StatusWaiting, "En espera": data.StatusInProgress,
		"Resuelto": data.StatusResolved, "Cerrado": data.StatusClosed,
		"Novo": data.StatusNew, "Aberto": data.StatusInProgress, "Pendente": data.StatusWaiting, "Resolvido": data.StatusResolved, "Fechado": data.StatusClosed,
		"Nuovo": data.StatusNew, "Aperto": data.StatusInProgress, "In sospeso": data.StatusWaiting, "In attesa": data.StatusInProgress,
		"Risolto": data.StatusResolved, "Chiuso": data.StatusClosed,
		"Nieuw": data.StatusNew, "In afwachting": data.StatusWaiting, "In de wacht": data.StatusInProgress, "Opgelost": data.StatusResolved, "Gesloten": data.StatusClosed,
		"Nowe": data.StatusNew, "Otwarte": data.StatusInProgress, "Oczekujące": data.StatusWaiting, "Wstrzymane": data.StatusInProgress,
		"Rozwiązane": data.StatusResolved, "Zamknięte": data.StatusClosed,
		"Нове": data.StatusNew, "Відкрито": data.StatusInProgress, "В очікуванні": data.StatusWaiting, "Утримується": data.StatusInProgress,
		"Вирішено": data.StatusResolved, "Закрито": data.StatusClosed,
		"Ouvert": data.StatusInProgress, "En pause": data.StatusInProgress,
		// Already read, kept so.
		"Закрыто": data.StatusClosed, "Résolu": data.StatusResolved, "En attente": data.StatusWaiting, "Pending": data.StatusWaiting,
	})
	checkParsed(t, "parsePriority", parsePriority, map[string]data.Priority{
		"Dringend": data.PriorityCritical, "Hoch": data.PriorityHigh, "Normal": data.PriorityNormal, "Niedrig": data.PriorityLow,
		"Urgente": data.PriorityCritical, "Alta": data.PriorityHigh, "Media": data.PriorityNormal, "Baja": data.PriorityLow,
		"Baixa": data.PriorityLow, "Normale": data.PriorityNormal, "Bassa": data.PriorityLow,
		"Hoog": data.PriorityHigh, "Normaal": data.PriorityNormal, "Laag": data.PriorityLow,
		"Pilny": data.PriorityCritical, "Wysoki": data.PriorityHigh, "Niski": data.PriorityLow,
		"Терміновий": data.PriorityCritical, "Високий": data.PriorityHigh, "Звичайний": data.PriorityNormal, "Низький": data.PriorityLow,
		"Élevé": data.PriorityHigh, "Faible": data.PriorityLow,
		// Already read, kept so.
		"Высокий": data.PriorityHigh, "Низкий": data.PriorityLow, "Haute": data.PriorityHigh, "Basse": data.PriorityLow,
	})
	checkParsed(t, "parseType", parseType, map[string]data.ComplaintType{
		"Frage": data.TypeQuestion, "Vorfall": data.TypeComplaint, "Aufgabe": data.TypeRequest, "Beschwerde": data.TypeComplaint,
		"Pregunta": data.TypeQuestion, "Incidente": data.TypeComplaint, "Tarea": data.TypeRequest, "Queja": data.TypeComplaint,
		"Domanda": data.TypeQuestion, "Richiesta": data.TypeRequest, "Reclamação": data.TypeComplaint, "Klacht": data.TypeComplaint,
		"Скарга": data.TypeComplaint, "Питання": data.TypeQuestion, "Запит": data.TypeRequest, "Подяка": data.TypePraise,
		"Plainte": data.TypeComplaint, "Lob": data.TypePraise,
		// Already read, kept so.
		"Жалоба": data.TypeComplaint, "Question": data.TypeQuestion, "Problem": data.TypeComplaint,
	})
}

// A German export and a Ukrainian register import as English and
// Russian ones do, their columns known by their names.
func TestImportGermanAndUkrainianExports(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tickets.csv")
	body := "ID,Erstellt,Status,Priorität,Typ,Betreff\n" +
		"1,2024-03-04 10:00,Gelöst,Hoch,Problem,Paket beschädigt\n" +
		"2,2024-03-05 11:00,Offen,Niedrig,Frage,Wo ist meine Bestellung\n" +
		"3,2024-03-06 12:00,Wartend,Dringend,Vorfall,Rückerstattung\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	db := openXLSStore(t)
	opt := Options{Location: time.UTC, RejectsPath: "-"}
	res, err := ImportComplaints(context.Background(), db, path, opt, nil)
	if err != nil || res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("%+v, %v", res, err)
	}
	got := storedByID(t, db)
	if c := got["1"]; c.Status != data.StatusResolved || c.Priority != data.PriorityHigh || c.Type != data.TypeComplaint {
		t.Errorf("1: %v %v %v", c.Status, c.Priority, c.Type)
	}
	if c := got["2"]; c.Status != data.StatusInProgress || c.Priority != data.PriorityLow || c.Type != data.TypeQuestion {
		t.Errorf("2: %v %v %v", c.Status, c.Priority, c.Type)
	}
	if c := got["3"]; c.Status != data.StatusWaiting || c.Priority != data.PriorityCritical {
		t.Errorf("3: %v %v", c.Status, c.Priority)
	}

	uk := filepath.Join(t.TempDir(), "реєстр.csv")
	body = "Номер звернення;Дата звернення;Клієнт;Статус;Пріоритет;Тип звернення;Категорія;Дата вирішення\n" +
		"7;04.03.2024 10:00;ТОВ «Ромашка»;Вирішено;Високий;Скарга;Доставка;04.03.2024 15:30\n" +
		"8;05.03.2024 11:00;Петренко О.;Відкрито;Низький;Питання;Оплата;\n"
	if err := os.WriteFile(uk, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	db = openXLSStore(t)
	if res, err := ImportComplaints(context.Background(), db, uk, opt, nil); err != nil || res.Imported != 2 {
		t.Fatalf("Ukrainian: %+v, %v", res, err)
	}
	got = storedByID(t, db)
	if c := got["7"]; c.ClientName != "ТОВ «Ромашка»" || c.Type != data.TypeComplaint || c.Priority != data.PriorityHigh ||
		!data.DeriveFacts(c.Events).ResolvedAt.Equal(time.Date(2024, 3, 4, 15, 30, 0, 0, time.UTC)) {
		t.Errorf("7: %+v", c)
	}
	if c := got["8"]; c.Type != data.TypeQuestion || c.Status != data.StatusInProgress || c.Priority != data.PriorityLow {
		t.Errorf("8: %v %v %v", c.Type, c.Status, c.Priority)
	}
}
