package importer_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// A date column whose header no alias knows ("Создан", "Completed",
// "Когда") is found by its values when it is the only one holding
// timestamps; a birthday (a date without a time) is never the date, by
// its header or its values.
func TestDateColumnByValues(t *testing.T) {
	birthday := ";Дата рождения"
	for _, header := range []string{"Создан", "Completed"} {
		t.Run(header, func(t *testing.T) {
			path := writeFile(t, "answers.csv", []byte(header+";Оценка;Комментарий"+birthday+"\n"+
				"05.03.2024 10:00;9;быстро;01.01.1980\n06.03.2024 11:30;3;долго;\n"))
			pv, err := importer.Inspect(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if pv.Mapping[importer.FieldDate] != header {
				t.Fatalf("date mapped to %q, want %q", pv.Mapping[importer.FieldDate], header)
			}
			if w := findWarning(t, pv.Warnings, "import.warning.date_by_values"); w.Args["Column"] != header {
				t.Errorf("warning names %v", w.Args["Column"])
			}
			db := openStore(t)
			res := importFile(t, db, path, importer.Options{})
			if res.Imported != 2 || res.Rejected != 0 {
				t.Fatalf("imported %d rejected %d: %v", res.Imported, res.Rejected, res.Rejects)
			}
			list, err := db.ListFeedback(t.Context(), data.FeedbackFilter{}, data.Page{})
			if err != nil || len(list) != 2 || !list[0].RespondedAt.Equal(time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)) {
				t.Fatalf("stored %v (%v), want the first answer at 2024-03-05 10:00", list, err)
			}
		})
	}

	// The birthday alone: no date column, whatever its header says.
	path := writeFile(t, "birthdays.csv", []byte("Оценка;Дата рождения\n9;01.01.1980\n3;02.02.1990\n"))
	if pv, err := importer.Inspect(path, importer.Options{}); err != nil || pv.Mapping[importer.FieldDate] != "" {
		t.Errorf("birthday file: date mapped to %q (%v), want none", pv.Mapping[importer.FieldDate], err)
	}
	// Two timestamp columns: which one is meant cannot be told.
	path = writeFile(t, "two.csv", []byte("Когда;Оценка;Начало\n05.03.2024 10:00;9;05.03.2024 09:58\n"))
	_, err := importer.ImportFeedback(t.Context(), openStore(t), path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if !errors.Is(err, importer.ErrNeedFileDate) {
		t.Errorf("two timestamp columns: %v, want ErrNeedFileDate", err)
	}
	// A date for the whole file, given by the user, is not overridden.
	path = writeFile(t, "given.csv", []byte("Создан;Оценка\n05.03.2024 10:00;9\n"))
	pv, err := importer.Inspect(path, importer.Options{FileDate: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || pv.Mapping[importer.FieldDate] != "" {
		t.Errorf("with a file date: date mapped to %q (%v), want none", pv.Mapping[importer.FieldDate], err)
	}

	// Tickets: the opening date.
	path = writeFile(t, "tickets.csv", []byte("Ключ;Когда;Статус;Тема\nSUP-1;03.02.2025 10:15;Закрыт;a\n"))
	pv, err = importer.InspectComplaints(path, importer.Options{})
	if err != nil || pv.Mapping[importer.FieldOpened] != "Когда" {
		t.Errorf("tickets: opened mapped to %q (%v), want «Когда»", pv.Mapping[importer.FieldOpened], err)
	}
}

// A score column no header names ("Q1", «Вопрос 3») is found by its
// answers when it is the only column of whole numbers 0 to 10 reaching
// past 1-5; counts, ids, rating scales and ticket exports never are.
func TestScoreColumnByValues(t *testing.T) {
	rows := func(header string, values ...string) string {
		s := "Дата;" + header + ";Комментарий\n"
		for k, v := range values {
			s += "0" + string(rune('1'+k)) + ".03.2024 10:00;" + v + ";текст\n"
		}
		return s
	}
	path := writeFile(t, "q.csv", []byte(rows("Вопрос 3", "9", "0", "7", "10")))
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil || pv.Mapping[importer.FieldScore] != "Вопрос 3" {
		t.Fatalf("score mapped to %q (%v), want «Вопрос 3»", pv.Mapping[importer.FieldScore], err)
	}
	if w := findWarning(t, pv.Warnings, "import.warning.score_by_values"); w.Args["Column"] != "Вопрос 3" {
		t.Errorf("warning names %v", w.Args["Column"])
	}
	res := importFile(t, openStore(t), path, importer.Options{})
	if res.Imported != 4 || res.Rejected != 0 {
		t.Errorf("imported %d rejected %d", res.Imported, res.Rejected)
	}

	for name, content := range map[string]string{
		"a count":             rows("Количество обращений", "9", "0", "7"),
		"an id":               rows("Номер", "1", "2", "3"),
		"a 1-5 scale":         rows("Q2", "4", "5", "1"),
		"too few answers":     rows("Q1", "9", "0"),
		"a fraction":          rows("Q1", "9", "0.5", "7"),
		"two such columns":    "Дата;Q1;Q2\n01.03.2024 10:00;9;8\n02.03.2024 10:00;0;5\n03.03.2024 10:00;7;1\n",
		"a ticket export":     "Дата;Статус;Приоритет;Категория;Повторных открытий\n01.03.2024 10:00;Закрыто;Высокий;Доставка;0\n02.03.2024 10:00;Закрыто;Низкий;Оплата;7\n03.03.2024 10:00;Новое;Высокий;Оплата;1\n",
		"the question's name": rows("Оценка поддержки (звёзды)", "9", "0", "7"),
	} {
		pv, err := importer.Inspect(writeFile(t, "x.csv", []byte(content)), importer.Options{})
		if err != nil || pv.Mapping[importer.FieldScore] != "" {
			t.Errorf("%s: score mapped to %q (%v), want none", name, pv.Mapping[importer.FieldScore], err)
		}
	}
}

// «Посоветуете ли вы нас…» and "Would you refer us?" ask the
// recommendation question.
func TestRecommendationSynonyms(t *testing.T) {
	for _, header := range []string{"Насколько вероятно, что вы посоветуете нас друзьям?", "Would you refer us to a friend?"} {
		path := writeFile(t, "a.csv", []byte("Дата;Q0;"+header+"\n01.03.2024 10:00;4;9\n02.03.2024 10:00;6;3\n"))
		pv, err := importer.Inspect(path, importer.Options{})
		if err != nil || pv.Mapping[importer.FieldScore] != header {
			t.Errorf("score mapped to %q (%v), want %q", pv.Mapping[importer.FieldScore], err, header)
		}
	}
}

// A register's status under a header no alias names is found: by a
// telling word ("Case status", «Состояние заявки»), or by its values when
// it is the one column of statuses («Итог», "Progress"), even when its
// header made it the resolution («Результат»).
func TestStatusColumnFound(t *testing.T) {
	for _, header := range []string{"Case status", "Состояние заявки", "Статус выполнения", "Итог", "Progress", "Результат"} {
		t.Run(header, func(t *testing.T) {
			path := writeFile(t, "register.csv", []byte("№ заявки;Дата;"+header+";Тема\n"+
				"A-1;05.03.2024 10:00;Закрыта;вход\nA-2;06.03.2024 10:00;В работе;счёт\nA-3;06.03.2024 11:00;Новая;тариф\n"))
			pv, err := importer.InspectComplaints(path, importer.Options{})
			if err != nil || pv.Mapping[importer.FieldStatus] != header || pv.Mapping[importer.FieldResolution] != "" {
				t.Fatalf("status mapped to %q, resolution to %q (%v)", pv.Mapping[importer.FieldStatus], pv.Mapping[importer.FieldResolution], err)
			}
			if pv.Mapping[importer.FieldExternalID] != "№ заявки" { // «номер заявки» written short
				t.Errorf("id mapped to %q", pv.Mapping[importer.FieldExternalID])
			}
			db := openStore(t)
			importTickets(t, db, path, importer.Options{})
			got := storedTickets(t, db)
			for id, want := range map[string]data.Status{"A-1": data.StatusClosed, "A-2": data.StatusInProgress, "A-3": data.StatusNew} {
				if got[id].Status != want {
					t.Errorf("%s: status %q, want %q", id, got[id].Status, want)
				}
			}
		})
	}
	// Chosen by the user, the resolution stays; a US address's "State"
	// is no status.
	path := writeFile(t, "register.csv", []byte("№ заявки;Дата;Результат;Тема\nA-1;05.03.2024 10:00;Закрыта;вход\nA-2;06.03.2024 10:00;В работе;счёт\n"))
	pv, err := importer.InspectComplaints(path, importer.Options{Mapping: map[importer.Field]string{importer.FieldResolution: "Результат"}})
	if err != nil || pv.Mapping[importer.FieldResolution] != "Результат" || pv.Mapping[importer.FieldStatus] != "" {
		t.Errorf("mapped resolution: status %q, resolution %q (%v)", pv.Mapping[importer.FieldStatus], pv.Mapping[importer.FieldResolution], err)
	}
	// Two columns of statuses: neither is guessed, and «Результат» stays
	// the resolution.
	path = writeFile(t, "two.csv", []byte("№ заявки;Дата;Результат;Этап работы;Тема\nA-1;05.03.2024 10:00;Закрыта;Закрыта;вход\nA-2;06.03.2024 10:00;В работе;Новая;счёт\n"))
	pv, err = importer.InspectComplaints(path, importer.Options{})
	if err != nil || pv.Mapping[importer.FieldResolution] != "Результат" || pv.Mapping[importer.FieldStatus] != "" {
		t.Errorf("two status columns: status %q, resolution %q (%v)", pv.Mapping[importer.FieldStatus], pv.Mapping[importer.FieldResolution], err)
	}
	path = writeFile(t, "cfpb.csv", []byte("Complaint ID,Date received,Consumer state,Issue\n1,2024-03-05,FL,Fees\n2,2024-03-06,NY,Fees\n"))
	if pv, err := importer.InspectComplaints(path, importer.Options{}); err != nil || pv.Mapping[importer.FieldStatus] != "" {
		t.Errorf("address state: status mapped to %q (%v)", pv.Mapping[importer.FieldStatus], err)
	}
}

// A register without a type column is imported as complaints, all
// counted negative: the preview says so, unless a layout's own default
// applies (Zendesk's tickets default to questions).
func TestNoTypeColumnWarns(t *testing.T) {
	register := "№ заявки;Дата;Статус;Тема\nA-1;05.03.2024 10:00;Закрыта;вход\nA-2;06.03.2024 10:00;В работе;счёт\n"
	pv, err := importer.InspectComplaints(writeFile(t, "register.csv", []byte(register)), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	findWarning(t, pv.Warnings, "import.warning.no_type")
	typed := "№ заявки;Дата;Статус;Тип;Тема\nA-1;05.03.2024 10:00;Закрыта;Вопрос;вход\nA-2;06.03.2024 10:00;В работе;Жалоба;счёт\n"
	pv, err = importer.InspectComplaints(writeFile(t, "typed.csv", []byte(typed)), importer.Options{})
	if err != nil || slices.Contains(warningCodes(pv.Warnings), "import.warning.no_type") {
		t.Errorf("typed register: warnings %v (%v)", warningCodes(pv.Warnings), err)
	}
	zendesk := "Id,Created at,Status,Subject,Requester,Assignee\n1,2024-03-05 10:00,open,Login,Ann,Bob\n"
	pv, err = importer.InspectComplaints(writeFile(t, "zendesk.csv", []byte(zendesk)), importer.Options{})
	if err != nil || pv.Format != importer.FormatZendesk || slices.Contains(warningCodes(pv.Warnings), "import.warning.no_type") {
		t.Errorf("zendesk: format %s warnings %v (%v)", pv.Format, warningCodes(pv.Warnings), err)
	}
}

// An open answer no header names (Wufoo's API "Field4") is the comment
// when it is the only untitled column of written answers; a titled
// column, names, e-mails and numbers never are.
func TestCommentColumnByValues(t *testing.T) {
	for name, c := range map[string]struct{ file, want string }{
		"untitled answers": {"Date,Field1,Field2,Field3\n2026-03-01 10:00,Anna Smith,9,\"Slow, but polite\"\n2026-03-02 10:00,Ivan,3,\n2026-03-03 10:00,Olga,7,Fine\n", "Field3"},
		"names only":       {"Date,Field1,Field2\n2026-03-01 10:00,Anna Smith,9\n2026-03-02 10:00,Иванов Иван Иванович,3\n2026-03-03 10:00,Olga,7\n", ""},
		"a titled column":  {"Date,Field1,Department\n2026-03-01 10:00,9,Sales and billing\n2026-03-02 10:00,3,Support desk\n2026-03-03 10:00,7,Sales\n", ""},
		"two untitled":     {"Date,Q1,Q2,Q3\n2026-03-01 10:00,9,Slow but polite,Would like chat\n2026-03-02 10:00,3,Bad,Nothing else\n2026-03-03 10:00,7,Fine,More hours\n", ""},
		"e-mails":          {"Date,Field1,Field2\n2026-03-01 10:00,9,anna smith@example.com\n2026-03-02 10:00,3,ivan@example.com\n2026-03-03 10:00,7,o@example.com\n", ""},
	} {
		pv, err := importer.Inspect(writeFile(t, "form.csv", []byte(c.file)), importer.Options{})
		if err != nil || pv.Mapping[importer.FieldComment] != c.want {
			t.Errorf("%s: comment mapped to %q (%v), want %q", name, pv.Mapping[importer.FieldComment], err, c.want)
		}
	}
}

// Team files' dates are not guessed from a column of timestamps: a course
// list's "Last modified" is no date of the course, an employee list's
// "Created" no hiring.
func TestTeamDatesNotGuessed(t *testing.T) {
	for kind, content := range map[importer.TeamKind]string{
		importer.TeamCourses:   "Course title,Duration (hours),Last modified\nDe-escalation,16,2024-03-05 10:00\nCRM search,2.5,2024-03-06 11:30\n",
		importer.TeamEmployees: "Name,Position,Created\nАнна Смирнова,Оператор,2024-03-05 10:00\nИван Петров,Старший оператор,2024-03-06 11:30\n",
	} {
		pv, err := importer.InspectTeam(kind, writeFile(t, string(kind)+".csv", []byte(content)), importer.Options{})
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if slices.Contains(warningCodes(pv.Warnings), "import.warning.date_by_values") {
			t.Errorf("%s: a date was guessed: %v", kind, pv.Mapping)
		}
	}
}

// A subject header no alias names whole is found by its telling word
// ("Issue Summary", "Case Subject"), after the headers other fields name
// whole: "Resolution Summary" stays the resolution and "Subject
// Category" the category.
func TestSubjectByTellingWord(t *testing.T) {
	for _, tc := range []struct{ header, subject, resolution, category string }{
		{"Case Number;Raised On;Issue Summary;Current State", "Issue Summary", "", ""},
		{"Case Number;Raised On;Case Subject;Status", "Case Subject", "", ""},
		{"Case Number;Raised On;Request Summary;Resolution Summary;Subject Category;Status", "Request Summary", "Resolution Summary", "Subject Category"},
	} {
		t.Run(tc.header, func(t *testing.T) {
			path := writeFile(t, "cases.csv", []byte(tc.header+"\nCS-1;03.02.2025 09:14;Refund not received;Closed\n"))
			if strings.Count(tc.header, ";") == 5 {
				path = writeFile(t, "cases.csv", []byte(tc.header+"\nCS-1;03.02.2025 09:14;Refund not received;Refunded;Billing;Closed\n"))
			}
			pv, err := importer.InspectComplaints(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := [3]string{pv.Mapping[importer.FieldSubject], pv.Mapping[importer.FieldResolution], pv.Mapping[importer.FieldCategory]}; got != [3]string{tc.subject, tc.resolution, tc.category} {
				t.Errorf("subject, resolution, category mapped to %q", got)
			}
		})
	}
}

// A call centre's log names each field after the call («ID звонка»,
// «Тема звонка», «Оценка звонка»), as registers do after the appeal.
func TestCallLogHeaders(t *testing.T) {
	path := writeFile(t, "calls.csv", []byte("ID звонка;Дата и время звонка;ФИО клиента;Оператор;Тема звонка;Оценка звонка\n"+
		"55001;03.02.2025 09:14;Петров П.П.;Мария Ким;Доставка;5\n55002;03.02.2025 10:02;Сидорова А.А.;Иван Лис;Возврат;2\n"))
	pv, err := importer.InspectComplaints(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for f, want := range map[importer.Field]string{importer.FieldExternalID: "ID звонка", importer.FieldOpened: "Дата и время звонка",
		importer.FieldSubject: "Тема звонка", importer.FieldVerdict: "Оценка звонка", importer.FieldAssignee: "Оператор"} {
		if pv.Mapping[f] != want {
			t.Errorf("%s mapped to %q, want %q", f, pv.Mapping[f], want)
		}
	}
}

// A complaint form's answers (Google Forms): its timestamp opens the
// complaint, the questions name the client («Ваше имя»), the subject
// («Что случилось?»), the description («Опишите проблему подробнее»,
// "Please describe the issue") and the verdict ("How satisfied are
// you…"). Only the date was found, by its values, with a warning.
func TestComplaintFormAnswers(t *testing.T) {
	for file, want := range map[string]map[importer.Field]string{
		"complaint_form_ru.csv": {importer.FieldOpened: "Отметка времени", importer.FieldClient: "Ваше имя",
			importer.FieldSubject: "Что случилось?", importer.FieldDescription: "Опишите проблему подробнее"},
		"complaint_form_en.csv": {importer.FieldOpened: "Timestamp", importer.FieldClient: "Your name", importer.FieldSubject: "What happened?",
			importer.FieldDescription: "Please describe the issue", importer.FieldVerdict: "How satisfied are you with our response?"},
	} {
		pv, err := importer.InspectComplaints(copyFixture(t, file), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for f, col := range want {
			if pv.Mapping[f] != col {
				t.Errorf("%s: %s mapped to %q, want %q", file, f, pv.Mapping[f], col)
			}
		}
		for _, w := range pv.Warnings {
			if w.Code == "import.warning.date_by_values" {
				t.Errorf("%s: the timestamp was found by its values: %+v", file, w)
			}
		}
	}
	got, _ := importFixture(t, "complaint_form_en.csv", importer.Options{Location: time.UTC}, 3)
	verdicts := map[data.Verdict]int{}
	for _, c := range got {
		verdicts[c.Verdict]++
	}
	if verdicts[data.VerdictSatisfied] != 1 || verdicts[data.VerdictNotSatisfied] != 1 || verdicts[data.VerdictUnknown] != 1 {
		t.Errorf("verdicts %v", verdicts)
	}
}

// A register kept by hand names the client's words after the appeal
// itself («Жалоба», «Претензия», "Complaint"): they are its description.
func TestComplaintColumnIsTheDescription(t *testing.T) {
	for header, want := range map[string]string{
		"Дата;Гость;Жалоба;Кто принял;Решение;Статус\n03.02.2025;Ольга;Холодное блюдо;Анна;Заменили;Закрыта\n": "Жалоба",
		"Дата;Покупатель;Претензия;Ответственный;Статус\n03.02.2025;ООО Ромашка;Брак партии;Олег;В работе\n":   "Претензия",
		"Date,Customer,Complaint,Action Taken,Status\n03/02/2025,Olga,Cold dish,Replaced the dish,Closed\n":    "Complaint",
	} {
		pv, err := importer.InspectComplaints(writeFile(t, "register.csv", []byte(header)), importer.Options{})
		if err != nil || pv.Mapping[importer.FieldDescription] != want {
			t.Errorf("description mapped to %q (%v), want %q", pv.Mapping[importer.FieldDescription], err, want)
		}
	}
}

// A header found by a telling word of satisfaction is the verdict only
// when its cells answer like one: a "Satisfaction comment" is not.
func TestSatisfactionCommentIsNoVerdict(t *testing.T) {
	for body, want := range map[string]string{
		"Date,Subject,Satisfaction comment\n2025-02-03 10:00,Late,They were rude to me\n2025-02-04 10:00,Refund,Took a week but fine\n": "",
		"Date,Subject,How satisfied are you with us?\n2025-02-03 10:00,Late,Very dissatisfied\n2025-02-04 10:00,Refund,Neutral\n" +
			"2025-02-05 10:00,Card,Satisfied\n": "How satisfied are you with us?",
	} {
		pv, err := importer.InspectComplaints(writeFile(t, "tickets.csv", []byte(body)), importer.Options{})
		if err != nil || pv.Mapping[importer.FieldVerdict] != want {
			t.Errorf("verdict mapped to %q (%v), want %q", pv.Mapping[importer.FieldVerdict], err, want)
		}
	}
}

// «Вопрос» is the category of an appeal when its cells are headings (a
// register's thematic classifier) and the description when they are the
// questions buyers asked.
func TestQuestionColumn(t *testing.T) {
	asked := "Дата вопроса;Товар;Вопрос;Ответ;Дата ответа\n03.02.2025 09:14;Чайник;Какая гарантия на чайник?;Год;03.02.2025 12:00\n" +
		"04.02.2025 10:02;Утюг;Есть ли функция пара?;;\n"
	headings := "Дата;Вопрос;Содержание\n03.02.2025 09:14;0003.0008.0086 Тарифы;Дорого\n04.02.2025 10:02;Качество обслуживания;Грубо\n"
	for body, want := range map[string][2]string{asked: {"Вопрос", "Товар"}, headings: {"Содержание", "Вопрос"}} {
		pv, err := importer.InspectComplaints(writeFile(t, "appeals.csv", []byte(body)), importer.Options{})
		if got := [2]string{pv.Mapping[importer.FieldDescription], pv.Mapping[importer.FieldCategory]}; err != nil || got != want {
			t.Errorf("description and category mapped to %q (%v), want %q", got, err, want)
		}
	}
}

// "Received by" is the channel when its cells name channels and the
// assignee when they name people.
func TestReceivedBy(t *testing.T) {
	for body, want := range map[string][2]string{
		"Date,Customer,Received by,Details\n2025-02-03 10:00,Olga,Phone,Late\n2025-02-04 10:00,Ivan,Email,Broken\n":     {"Received by", ""},
		"Date,Customer,Received by,Details\n2025-02-03 10:00,Olga,J Brown,Late\n2025-02-04 10:00,Ivan,K Green,Broken\n": {"", "Received by"},
	} {
		pv, err := importer.InspectComplaints(writeFile(t, "register.csv", []byte(body)), importer.Options{})
		if got := [2]string{pv.Mapping[importer.FieldChannel], pv.Mapping[importer.FieldAssignee]}; err != nil || got != want {
			t.Errorf("channel and assignee mapped to %q (%v), want %q", got, err, want)
		}
	}
}

// A claims register names its subject «Предмет претензии» (the noun cut
// off, «предмет»): it was left out.
func TestClaimSubject(t *testing.T) {
	body := "№ претензии;Дата поступления;Контрагент;Предмет претензии;Ответственный\nП-12;03.02.2025;ООО «Ромашка»;Просрочка поставки;Мария Ким\n"
	pv, err := importer.InspectComplaints(writeFile(t, "claims.csv", []byte(body)), importer.Options{})
	if err != nil || pv.Mapping[importer.FieldSubject] != "Предмет претензии" {
		t.Errorf("subject mapped to %q (%v)", pv.Mapping[importer.FieldSubject], err)
	}
}
