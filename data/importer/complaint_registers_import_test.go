package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// importRegister imports a register written inline into a fresh store
// and returns its tickets by id.
func importRegister(t *testing.T, name, content string, imported, rejected int) (map[string]data.Complaint, importer.Result) {
	t.Helper()
	db := openStore(t)
	res := importTickets(t, db, writeFile(t, name, []byte(content)), importer.Options{RejectsPath: "-"})
	if res.Imported != imported || res.Rejected != rejected {
		t.Fatalf("imported %d rejected %d, want %d and %d: %+v", res.Imported, res.Rejected, imported, rejected, res.Rejects)
	}
	return storedTickets(t, db), res
}

// A claims register: its statuses say how each claim was decided, and
// the outcome column repeats it; both are kept.
func TestImportClaimsRegisterOutcomes(t *testing.T) {
	got, _ := importRegister(t, "претензии.csv", "Номер;Дата регистрации;Контрагент;Статус;Результат рассмотрения\n"+
		"П-1;05.03.2024;ООО Ромашка;Удовлетворена;Удовлетворена\n"+
		"П-2;06.03.2024;ООО Вектор;Не удовлетворена;Отказано\n"+
		"П-3;07.03.2024;ИП Сидоров;На согласовании;\n"+
		"П-4;07.03.2024;ИП Петров;Ждём ответа клиента;\n", 4, 0)
	for id, w := range map[string]struct {
		status     data.Status
		resolution string
	}{
		"П-1": {data.StatusResolved, "Удовлетворена"}, "П-2": {data.StatusClosed, "Отказано"},
		"П-3": {data.StatusInProgress, ""}, "П-4": {data.StatusWaiting, ""},
	} {
		if c := got[id]; c.Status != w.status || c.Resolution != w.resolution {
			t.Errorf("%s: status %q resolution %q, want %q %q", id, c.Status, c.Resolution, w.status, w.resolution)
		}
	}
}

// A register asks whether the client was satisfied as a question
// («Клиент доволен?») or rates 1-5 under a header that does not say so:
// a 1 there is the lowest rating, not a yes.
func TestImportRegisterVerdicts(t *testing.T) {
	got, _ := importRegister(t, "жалобы.csv", "Номер;Дата;Клиент;Статус;Клиент доволен?\n"+
		"1;05.03.2024;ООО Ромашка;Закрыта;Да\n2;06.03.2024;ООО Вектор;Закрыта;Нет\n3;07.03.2024;ИП Сидоров;Закрыта;👍\n", 3, 0)
	for id, want := range map[string]data.Verdict{"1": data.VerdictSatisfied, "2": data.VerdictNotSatisfied, "3": data.VerdictSatisfied} {
		if c := got[id]; c.Verdict != want {
			t.Errorf("«Клиент доволен?» %s: %q, want %q", id, c.Verdict, want)
		}
	}
	got, _ = importRegister(t, "complaints.csv", "Ticket,Date,Customer,Status,Satisfaction\n"+
		"A1,2024-03-05,Acme,Closed,1\nA2,2024-03-06,Globex,Closed,5\nA3,2024-03-07,Initech,Closed,★★★★☆\n", 3, 0)
	for id, want := range map[string]data.Verdict{"A1": data.VerdictNotSatisfied, "A2": data.VerdictSatisfied, "A3": data.VerdictSatisfied} {
		if c := got[id]; c.Verdict != want {
			t.Errorf("Satisfaction %s: %q, want %q", id, c.Verdict, want)
		}
	}
}

// «Компенсация, руб.»: the currency after the name hid the column.
func TestImportRegisterCompensation(t *testing.T) {
	got, _ := importRegister(t, "жалобы.csv", "Номер;Дата;Клиент;Статус;Компенсация, руб.\n"+
		"1;05.03.2024;ООО Ромашка;Закрыта;1 500,00\n2;06.03.2024;ООО Вектор;Закрыта;нет\n3;07.03.2024;ИП Сидоров;Закрыта;\n", 3, 0)
	for id, want := range map[string]int64{"1": 150000, "2": 0, "3": 0} {
		if c := got[id]; c.Compensation != want {
			t.Errorf("%s: compensation %d, want %d", id, c.Compensation, want)
		}
	}
}

// The headers of complaint journals kept by hand, in Russian and in
// English: before, only the status, the priority and the rating were
// found, and the Russian journal had no opening date at all.
func TestInspectComplaintJournalHeaders(t *testing.T) {
	for _, c := range []struct {
		content string
		want    map[importer.Field]string
	}{
		{"№ жалобы;Дата жалобы;Покупатель;Источник обращения;Вид жалобы;Суть жалобы;Срочность;Статус;Кто принял;Дата устранения;Принятые меры;Сумма возврата\n" +
			"Ж-1;01.03.2024;Иванов;Телефон;Качество;Брак;Высокая;Закрыта;Петрова;03.03.2024;Замена товара;500\n",
			map[importer.Field]string{importer.FieldExternalID: "№ жалобы", importer.FieldOpened: "Дата жалобы", importer.FieldClient: "Покупатель",
				importer.FieldChannel: "Источник обращения", importer.FieldCategory: "Вид жалобы", importer.FieldDescription: "Суть жалобы",
				importer.FieldAssignee: "Кто принял", importer.FieldResolvedAt: "Дата устранения", importer.FieldResolution: "Принятые меры",
				importer.FieldCompensation: "Сумма возврата"}},
		{"Complaint No;Date of complaint;Complainant;Nature of complaint;Complaint details;Severity;Status;Handled by;Resolved on;Action taken\n" +
			"C-1;01/03/2024;Acme;Quality;Broken item;High;Closed;Pat;03/03/2024;Replaced\n",
			map[importer.Field]string{importer.FieldExternalID: "Complaint No", importer.FieldOpened: "Date of complaint",
				importer.FieldClient: "Complainant", importer.FieldCategory: "Nature of complaint", importer.FieldDescription: "Complaint details",
				importer.FieldPriority: "Severity", importer.FieldAssignee: "Handled by", importer.FieldResolvedAt: "Resolved on",
				importer.FieldResolution: "Action taken"}},
	} {
		pv, err := importer.InspectComplaints(writeFile(t, "journal.csv", []byte(c.content)), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for f, col := range c.want {
			if pv.Mapping[f] != col {
				t.Errorf("%s mapped to %q, want %q", f, pv.Mapping[f], col)
			}
		}
	}
}

// Escalation columns of registers: a flag, a line, a date; and a status
// that is an escalation. Before, none was read: no complaint counted as
// escalated.
func TestImportRegisterEscalation(t *testing.T) {
	got, _ := importRegister(t, "эскалация.csv", "Номер;Дата;Клиент;Статус;Эскалация\n"+
		"Ж-1;05.03.2024 10:00;ООО Ромашка;В работе;да\n"+
		"Ж-2;05.03.2024 11:00;ООО Вектор;Закрыта;нет\n"+
		"Ж-3;06.03.2024 09:00;ИП Сидоров;Эскалировано руководителю;\n"+
		"Ж-4;06.03.2024 12:00;ИП Петров;Передано на 2 линию;нет\n", 4, 0)
	for id, want := range map[string]data.Level{"Ж-1": data.LevelSenior, "Ж-2": data.LevelFrontline, "Ж-3": data.LevelManager,
		"Ж-4": data.LevelSenior} {
		c := got[id]
		if c.Level != want || c.Facts.Escalated() != (want != data.LevelFrontline) {
			t.Errorf("%s: level %q escalations %d, want %q", id, c.Level, c.Facts.Escalations, want)
		}
	}
	got, _ = importRegister(t, "уровни.csv", "Номер;Дата;Клиент;Уровень эскалации\n"+
		"1;05.03.2024;ООО Ромашка;1 линия\n2;05.03.2024;ООО Вектор;2 линия\n3;06.03.2024;ИП Сидоров;Руководитель\n", 3, 0)
	levels := map[data.Level]int{}
	for _, c := range got {
		levels[c.Level]++
	}
	if levels[data.LevelFrontline] != 1 || levels[data.LevelSenior] != 1 || levels[data.LevelManager] != 1 {
		t.Errorf("levels %v, want one of each", levels)
	}
	got, _ = importRegister(t, "dated.csv", "Ticket;Opened;Customer;Status;Escalated\n"+
		"T-1;2024-03-05 10:00;Acme;Open;2024-03-06 15:30\nT-2;2024-03-05 11:00;Globex;Open;\n", 2, 0)
	c := got["T-1"]
	var at time.Time
	for _, e := range c.Events {
		if e.Kind == data.EventEscalation {
			at = e.At
		}
	}
	if c.Level != data.LevelSenior || !at.Equal(time.Date(2024, 3, 6, 15, 30, 0, 0, time.UTC)) {
		t.Errorf("T-1 escalated %q at %v, want senior at 2024-03-06 15:30", c.Level, at)
	}
	if got["T-2"].Facts.Escalated() {
		t.Error("T-2 escalated without a date")
	}
	// An event log: the level is dated by the first state that dates it.
	got, _ = importRegister(t, "log.csv", "Ticket;Opened;Updated;Status;Escalated\n"+
		"T-3;2024-03-05 10:00;2024-03-05 12:00;Open;2024-03-05 11:00\nT-3;2024-03-05 10:00;2024-03-06 09:00;Closed;2024-03-05 11:30\n", 1, 0)
	at = time.Time{}
	for _, e := range got["T-3"].Events {
		if e.Kind == data.EventEscalation {
			at = e.At
		}
	}
	if !at.Equal(time.Date(2024, 3, 5, 11, 0, 0, 0, time.UTC)) {
		t.Errorf("T-3 escalated at %v, want 2024-03-05 11:00", at)
	}
}

// A register with no reopens column says «Повторно открыта» in the
// status: the complaint was reopened once at least.
func TestImportRegisterReopenedStatus(t *testing.T) {
	got, _ := importRegister(t, "жалобы.csv", "Номер;Дата;Клиент;Статус\n"+
		"Ж-1;05.03.2024;ООО Ромашка;Повторно открыта\nЖ-2;05.03.2024;ООО Вектор;Reopened\nЖ-3;06.03.2024;ИП Сидоров;В работе\n", 3, 0)
	for id, want := range map[string]int{"Ж-1": 1, "Ж-2": 1, "Ж-3": 0} {
		c := got[id]
		if n := len(c.Facts.Reopens) + c.Facts.UndatedReopens; n != want || c.Status != data.StatusInProgress {
			t.Errorf("%s: status %q, %d reopens, want in progress and %d", id, c.Status, n, want)
		}
	}
}
