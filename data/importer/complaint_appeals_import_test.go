package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// appealWant is how a register of appeals' row must be stored: its
// status, its result kept as the resolution, when it was resolved (zero:
// never), and whether it was closed resolving nothing.
type appealWant struct {
	status     data.Status
	resolution string
	resolved   time.Time
	nothing    bool
}

// checkAppeals compares stored appeals with what their register says.
func checkAppeals(t *testing.T, got map[string]data.Complaint, want map[string]appealWant) {
	t.Helper()
	for id, w := range want {
		c, ok := got[id]
		if !ok {
			t.Errorf("%s missing", id)
			continue
		}
		if c.Status != w.status || c.Resolution != w.resolution || !c.Facts.ResolvedAt.Equal(w.resolved) || c.Facts.Withdrawn != w.nothing ||
			w.nothing && len(c.Facts.Resolutions) != 0 {
			t.Errorf("%s: status %q resolution %q resolved %v closed resolving nothing %v (resolutions %v), want %+v", id, c.Status,
				c.Resolution, c.Facts.ResolvedAt, c.Facts.Withdrawn, c.Facts.Resolutions, w)
		}
	}
}

// checkMapped checks a preview's mapping, and that no column is taken for
// the fields of notMapped (a due date is no date the appeal reached).
func checkMapped(t *testing.T, pv *importer.Preview, want map[importer.Field]string, notMapped ...string) {
	t.Helper()
	for f, col := range want {
		if pv.Mapping[f] != col {
			t.Errorf("%s mapped to %q, want %q", f, pv.Mapping[f], col)
		}
	}
	for f, col := range pv.Mapping {
		for _, n := range notMapped {
			if col == n {
				t.Errorf("%q mapped to %s, want it left out", col, f)
			}
		}
	}
}

// A register of appeals (59-ФЗ) kept in Excel and saved as CSV in
// Windows-1251, as a document-management system's journal prints it:
// its columns are those of the registration and control card of an
// appeal («Регистрационный индекс», «Дата поступления»,
// «Корреспондент», «Тематика», «Содержание», «Исполнитель», «Срок
// исполнения», «Дата исполнения», «Результат рассмотрения обращения»,
// «Отметка о снятии с контроля», as public report templates of «Дело»
// fill it in) and of a document-management app's appeal card («Вид
// обращения», «Краткое содержание»); the results are the ССТУ.РФ
// report's. Names and texts are made up. Before, «Краткое содержание»
// and «Корреспондент» were not read, a «Заявление» counted as a
// complaint, «Разъяснено», «Поддержано…», «Не поддержано», «Оставлено
// без ответа автору», «Снято с контроля», «На исполнении» and
// «Рассмотрение продлено» were unknown, and «Направлено по компетенции»
// was resolved as any appeal taken off control; an appeal answered but
// still «На контроле» was reopened after its answer.
func TestImportAppealsRegisterCP1251(t *testing.T) {
	path := copyFixture(t, "appeals_register_cp1251.csv")
	pv, err := importer.InspectComplaints(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkMapped(t, pv, map[importer.Field]string{importer.FieldExternalID: "Рег. №", importer.FieldOpened: "Дата регистрации",
		importer.FieldClient: "Корреспондент", importer.FieldType: "Вид обращения", importer.FieldCategory: "Тематика",
		importer.FieldSubject: "Краткое содержание", importer.FieldAssignee: "Исполнитель", importer.FieldResolvedAt: "Дата исполнения",
		importer.FieldResolution: "Результат рассмотрения", importer.FieldStatus: "Состояние"}, "Срок исполнения")
	got, _ := importFixture(t, "appeals_register_cp1251.csv", importer.Options{}, 8)
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 0, 0, 0, 0, time.UTC) }
	checkAppeals(t, got, map[string]appealWant{
		"О-101/24": {data.StatusResolved, "Поддержано, меры приняты", day(1, 29), false},
		"О-102/24": {data.StatusResolved, "Разъяснено", day(2, 5), false},
		// A refusal is a decision, resolved when answered; the words stay.
		"О-103/24": {data.StatusClosed, "Не поддержано", day(2, 7), false},
		// Sent on to the body that decides, or unanswered: taken off
		// control, yet none of ours resolved.
		"О-104/24": {data.StatusClosed, "Направлено по компетенции", time.Time{}, true},
		"О-105/24": {data.StatusClosed, "Оставлено без ответа автору", time.Time{}, true},
		// Still considered: its term extended is no result.
		"О-106/24": {data.StatusInProgress, "", time.Time{}, false},
		"О-107/24": {data.StatusInProgress, "", time.Time{}, false},
		// Answered, the document not yet taken off control: resolved
		// (it was in work again, reopened after its answer).
		"О-108/24": {data.StatusResolved, "Разъяснено", day(2, 12), false},
	})
	if c := got["О-108/24"]; c.Facts.Reopened() {
		t.Errorf("О-108/24 reopened: %+v", c.Facts)
	}
	if c := got["О-103/24"]; len(c.Facts.Resolutions) != 1 || c.ClientName != "ООО «Север»" || c.Subject != "Задержка поставки" ||
		c.Category != "Сроки доставки" || c.Assignee != "Орлов Д. В." || c.Type != data.TypeComplaint {
		t.Errorf("О-103/24: %+v", c)
	}
	for id, want := range map[string]data.ComplaintType{"О-102/24": data.TypeRequest, "О-104/24": data.TypeRequest, "О-106/24": data.TypeRequest} {
		if got[id].Type != want {
			t.Errorf("%s: type %q, want %q", id, got[id].Type, want)
		}
	}
}

// A register with no status column: its «Результат рассмотрения» says
// where each appeal is, and «Дата ответа», the answer that ends its
// consideration, dates the resolution (it was taken for a first reply,
// and every appeal was imported as new); «Контрольный срок» is a due
// date and «Вопрос» the classifier's question the appeal raises.
func TestImportAppealsRegisterResults(t *testing.T) {
	content := "Регистрационный номер;Дата регистрации;Заявитель;Вид обращения;Вопрос;Краткое содержание;Ответственный;Контрольный срок;Дата ответа;Результат рассмотрения\n" +
		"1-ОГ;10.01.2024;Иванов И. И.;Жалоба;Качество обслуживания;Грубость оператора;Петрова А. А.;09.02.2024;25.01.2024;Поддержано, меры приняты\n" +
		"2-ОГ;11.01.2024;Сидоров П. П.;Заявление;Тарифы;Перерасчёт;Петрова А. А.;10.02.2024;30.01.2024;Рассмотрено. Разъяснено\n" +
		"3-ОГ;12.01.2024;Козлова М. В.;Жалоба;Сроки;Задержка доставки;Смирнов В. В.;11.02.2024;05.02.2024;Не поддержано\n" +
		"4-ОГ;15.01.2024;ООО «Альфа»;Запрос;Прочее;Запрос документов;Смирнов В. В.;14.02.2024;17.01.2024;Направлено по компетенции\n" +
		"5-ОГ;16.01.2024;Аноним;Жалоба;Прочее;Без подписи;Смирнов В. В.;15.02.2024;;Оставлено без ответа\n" +
		"6-ОГ;20.01.2024;Федоров Ф. Ф.;Предложение;Сервис;Продлить часы работы;Петрова А. А.;19.02.2024;;На рассмотрении\n"
	path := writeFile(t, "обращения.csv", []byte(content))
	pv, err := importer.InspectComplaints(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkMapped(t, pv, map[importer.Field]string{importer.FieldExternalID: "Регистрационный номер", importer.FieldClient: "Заявитель",
		importer.FieldCategory: "Вопрос", importer.FieldSubject: "Краткое содержание", importer.FieldAssignee: "Ответственный",
		importer.FieldResolvedAt: "Дата ответа", importer.FieldRespondedAt: ""}, "Контрольный срок")
	got, _ := importRegister(t, "обращения.csv", content, 6, 0)
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 0, 0, 0, 0, time.UTC) }
	checkAppeals(t, got, map[string]appealWant{
		"1-ОГ": {data.StatusResolved, "Поддержано, меры приняты", day(1, 25), false},
		"2-ОГ": {data.StatusResolved, "Рассмотрено. Разъяснено", day(1, 30), false},
		"3-ОГ": {data.StatusClosed, "Не поддержано", day(2, 5), false},
		"4-ОГ": {data.StatusClosed, "Направлено по компетенции", time.Time{}, true},
		"5-ОГ": {data.StatusClosed, "Оставлено без ответа", time.Time{}, true},
		"6-ОГ": {data.StatusInProgress, "", time.Time{}, false},
	})
	// Help desks keep «Дата ответа» as the first reply.
	pv, err = importer.InspectComplaints(writeFile(t, "заявки.csv", []byte("Номер;Дата;Клиент;Статус;Дата ответа\n1;10.01.2024;Иванов;Решена;10.01.2024\n")),
		importer.Options{})
	if err != nil || pv.Mapping[importer.FieldRespondedAt] != "Дата ответа" {
		t.Errorf("help desk: first reply mapped to %q (%v)", pv.Mapping[importer.FieldRespondedAt], err)
	}
}

// The same register kept as a workbook, with the captions of an appeal
// card in a document-management app («№ регистрации», «Дата
// регистрации», «Ф.И.О.», «Вид обращения», «Характер обращения»,
// «Краткое содержание»): dates are Excel dates, the due date too.
func TestImportAppealsRegisterXLSX(t *testing.T) {
	b := newBook(t, "Обращения")
	const d = `dd.mm.yyyy`
	day := func(m time.Month, dd int) time.Time { return time.Date(2024, m, dd, 0, 0, 0, 0, time.UTC) }
	b.rows("Обращения", "A1", map[int]string{1: d, 7: d, 8: d},
		[]any{"№ регистрации", "Дата регистрации", "Ф.И.О.", "Вид обращения", "Характер обращения", "Краткое содержание", "Исполнитель",
			"Срок исполнения", "Дата ответа", "Результат рассмотрения"},
		[]any{"101", day(3, 1), "Орлова Т. Н.", "Жалоба", "Качество обслуживания", "Не перезвонили", "Петрова А. А.", day(3, 31), day(3, 12),
			"Поддержано"},
		[]any{"102", day(3, 4), "Белов С. К.", "Заявление", "Тарифы", "Вернуть переплату", "Смирнов В. В.", day(4, 3), day(3, 20), "Не поддержано"},
		[]any{"103", day(3, 5), "Зуева Е. А.", "Жалоба", "Прочее", "Работа соседнего ведомства", "Смирнов В. В.", day(4, 4), day(3, 6),
			"Переадресовано"},
		[]any{"104", day(3, 11), "Гусев П. Р.", "Предложение", "Сервис", "Открыть второй офис", "Петрова А. А.", day(4, 10), nil,
			"Продлен срок рассмотрения"},
	)
	path := b.save("Журнал обращений.xlsx")
	pv, err := importer.InspectComplaints(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkMapped(t, pv, map[importer.Field]string{importer.FieldExternalID: "№ регистрации", importer.FieldClient: "Ф.И.О.",
		importer.FieldCategory: "Характер обращения", importer.FieldSubject: "Краткое содержание", importer.FieldResolvedAt: "Дата ответа"},
		"Срок исполнения")
	got, _ := importBook(t, path, importer.Options{}, 4, 0)
	checkAppeals(t, got, map[string]appealWant{
		"101": {data.StatusResolved, "Поддержано", day(3, 12), false},
		"102": {data.StatusClosed, "Не поддержано", day(3, 20), false},
		"103": {data.StatusClosed, "Переадресовано", time.Time{}, true},
		"104": {data.StatusInProgress, "", time.Time{}, false},
	})
	if c := got["102"]; c.ClientName != "Белов С. К." || c.Type != data.TypeRequest || c.Category != "Тарифы" {
		t.Errorf("102: client %q type %q category %q", c.ClientName, c.Type, c.Category)
	}
}

// A log of questions and answers names the client's question «Вопрос»:
// no category.
func TestInspectQuestionIsNoCategory(t *testing.T) {
	path := writeFile(t, "вопросы.csv", []byte("Номер;Дата;Клиент;Вопрос;Ответ\n"+
		"1;10.01.2024;Иванов;Как продлить договор?;Через личный кабинет\n2;11.01.2024;Петров;Где мой заказ?;Передан в доставку\n"))
	pv, err := importer.InspectComplaints(path, importer.Options{})
	if err != nil || pv.Mapping[importer.FieldCategory] == "Вопрос" {
		t.Errorf("category mapped to %q (%v)", pv.Mapping[importer.FieldCategory], err)
	}
}

// A journal numbers its rows («№ п/п») before the registration number:
// the row number is no id, and the registration number is (the appeals
// were told apart by their content, and the preview said so).
func TestImportAppealsRowNumberBeforeRegNumber(t *testing.T) {
	content := "№ п/п;Регистрационный номер;Дата регистрации;ФИО заявителя;Тематика;Содержание обращения;Контрольный срок;Дата исполнения;Результат рассмотрения\n" +
		"1;ОГ-1;09.01.2024;Иванова А. П.;Качество;Грубость;08.02.2024;29.01.2024;Рассмотрено. Поддержано\n" +
		"2;ОГ-2;10.01.2024;Сидоров К. Л.;Тарифы;Перерасчёт;09.02.2024;;Находится на рассмотрении\n" +
		"3;ОГ-3;11.01.2024;Козлов И. И.;Прочее;Чужой вопрос;12.02.2024;15.01.2024;Направлено по компетенции\n"
	got, res := importRegister(t, "журнал.csv", content, 3, 0)
	checkAppeals(t, got, map[string]appealWant{
		"ОГ-1": {data.StatusResolved, "Рассмотрено. Поддержано", time.Date(2024, 1, 29, 0, 0, 0, 0, time.UTC), false},
		"ОГ-2": {data.StatusInProgress, "", time.Time{}, false},
		"ОГ-3": {data.StatusClosed, "Направлено по компетенции", time.Time{}, true},
	})
	for _, w := range res.Warnings {
		if w.Code == "import.warning.row_numbers" {
			t.Errorf("warned: %s", w.Text)
		}
	}
}

// A register of appeals says how an appeal came («Способ доставки», as
// a document-management app's appeal card names it) and in which form
// («Форма обращения»: written or oral, 59-ФЗ). The form was taken for
// the channel and «Письменное» read as e-mail; «Личный прием» is a visit.
func TestImportAppealChannels(t *testing.T) {
	got, _ := importRegister(t, "каналы.csv", "Рег. №;Дата регистрации;Заявитель;Форма обращения;Способ доставки;Результат рассмотрения\n"+
		"1;10.01.2024;Иванов;Письменное;Почта России;Разъяснено\n2;11.01.2024;Петров;Устное;Личный прием;Разъяснено\n"+
		"3;12.01.2024;Сидоров;Электронное;Электронная почта;Поддержано\n", 3, 0)
	for id, want := range map[string]data.Channel{"1": data.ChannelOther, "2": data.ChannelStore, "3": data.ChannelEmail} {
		if c := got[id].Channel; c != want {
			t.Errorf("%s: channel %q, want %q", id, c, want)
		}
	}
	got, _ = importRegister(t, "формы.csv", "Рег. №;Дата регистрации;Заявитель;Форма обращения\n1;10.01.2024;Иванов;Письменное\n2;11.01.2024;Петров;Устное\n", 2, 0)
	if got["1"].Channel != data.ChannelOther || got["2"].Channel != data.ChannelOther {
		t.Errorf("written and oral: %q %q, want other", got["1"].Channel, got["2"].Channel)
	}
}
