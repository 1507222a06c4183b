package importer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// Los Angeles' 311 (MyLA311 Service Request Data on data.lacity.org; the
// rows are the first of hackforla/311-data's 2017 subset,
// Project/python/src/static/MyLA311_Service_Request_Data_2017_Subset.csv,
// unchanged). Its column names are written in camel case ("SRNumber",
// "CreatedDate", "ClosedDate", "RequestType", "RequestSource"), which no
// alias matched: the file was refused for want of a date. Its
// "RequestType" ("Bulky Items") files the request under a service, the
// category when no other column is one; "ActionTaken" is "SR Created" on
// every row, the record's creation and no resolution; "Owner" is the
// city agency (BOS, OCB, BSL, ITA), no employee; "ServiceDate" is the
// day the service is scheduled and is not read.
func TestImportLosAngeles311Requests(t *testing.T) {
	at := func(y int, m time.Month, d, h, mi, s int) time.Time { return time.Date(y, m, d, h, mi, s, 0, time.UTC) }
	closed := func(ch data.Channel, resolved time.Time) ticketWant {
		return ticketWant{status: data.StatusClosed, channel: ch, typ: data.TypeComplaint, resolved: resolved}
	}
	want := map[string]publicTicket{
		"1-870704831": {ticketWant: closed(data.ChannelPhone, at(2018, 4, 9, 9, 18, 35)), opened: at(2017, 12, 31, 23, 59, 58),
			category: "Homeless Encampment"},
		"1-870694601": {ticketWant: closed(data.ChannelWeb, at(2018, 1, 3, 10, 11, 23)), category: "Bulky Items"},
		"1-870699049": {ticketWant: closed(data.ChannelWeb, at(2018, 1, 2, 20, 28, 47)), category: "Bulky Items"},
		"1-870699071": {ticketWant: closed(data.ChannelPhone, at(2018, 1, 2, 14, 40, 0)), category: "Illegal Dumping Pickup"},
		"1-870692591": {ticketWant: closed(data.ChannelWeb, at(2018, 1, 2, 13, 29, 41)), category: "Dead Animal Removal"},
		"1-870692121": {ticketWant: closed(data.ChannelWeb, at(2018, 1, 1, 13, 36, 38)), category: "Other"},
		"1-870686541": {ticketWant: closed(data.ChannelWeb, at(2018, 1, 3, 7, 28, 14)), category: "Graffiti Removal"},
		// Cancelled: closed as withdrawn, never resolved.
		"1-870687481": {ticketWant: closed(data.ChannelWeb, time.Time{}), opened: at(2017, 12, 31, 21, 42, 47), category: "Graffiti Removal"},
		"1-870680991": {ticketWant: closed(data.ChannelWeb, at(2018, 1, 8, 0, 0, 0)), category: "Single Streetlight Issue"},
	}
	checkPublicSet(t, "la311_requests.csv", importer.Options{}, want)
	got, _ := importFixture(t, "la311_requests.csv", importer.Options{}, len(want))
	for id, c := range got {
		if c.Resolution != "" || c.Assignee != "" {
			t.Errorf("%s: resolution %q assignee %q, want none", id, c.Resolution, c.Assignee)
		}
	}
	if !got["1-870687481"].Facts.Withdrawn {
		t.Errorf("the cancelled request is not withdrawn: %+v", got["1-870687481"].Facts)
	}
}

// The FCC's consumer complaints (CGB - Consumer Complaints Data,
// opendata.fcc.gov 3xyp-aqkj; its columns as the portal's catalogue
// lists them, SpellarBot/open-data-catalog datasets/3xyp-aqkj.md, the
// values of its three sample rows, the ticket ids invented). "Ticket
// Created" was no date header: the file was read only because that
// column alone held times, with a warning. "Date of Issue" dates the
// call complained of, not the complaint; the data has no status, so
// every complaint stays new; "Method" is the consumer's phone service,
// no channel.
func TestImportFCCConsumerComplaints(t *testing.T) {
	at := func(h, m, s int) time.Time { return time.Date(2016, 5, 25, h, m, s, 0, time.UTC) }
	fresh := ticketWant{status: data.StatusNew, typ: data.TypeComplaint}
	want := map[string]publicTicket{
		"1000001": {ticketWant: fresh, opened: at(11, 15, 29), subject: "Robocalls"},
		"1000002": {ticketWant: fresh, opened: at(12, 51, 35), subject: "Telemarketing (including do not call and spoofing)"},
		"1000003": {ticketWant: fresh, opened: at(12, 56, 54), subject: "Telemarketing (including do not call and spoofing)"},
	}
	checkPublicSet(t, "fcc_consumer_complaints.csv", importer.Options{}, want)
	got, res := importFixture(t, "fcc_consumer_complaints.csv", importer.Options{}, len(want))
	if containsWarning(res, "Ticket Created") {
		t.Errorf("the opening date was guessed from the values: %+v", res.Warnings)
	}
	for id, c := range got {
		if c.Channel != data.ChannelOther && c.Channel != "" {
			t.Errorf("%s: channel %q, want none", id, c.Channel)
		}
	}
}

// A help desk's own Excel report, as a public C# desk app writes it
// (its ExportExcelReport_Click: NPOI, the header from column B on, every
// cell a string, DateTime.ToString() in a Russian locale, the priority
// a number): «Дата Открытия Заявки», «Дата Закрытия Заявки» and
// «Название Заявки» name what the field belongs to, which no alias
// matched, and the file was refused for want of a date. The statuses
// are the app's three (Open, InWork, Complete) in Russian, the people
// and texts invented; it writes no id.
func TestImportDeskAppReportRU(t *testing.T) {
	b := newBook(t, "Отчет0")
	b.rows("Отчет0", "B1", nil,
		[]any{"Инициатор", "Назначенный пользователь", "Название Заявки", "Тип Задания", "Описане", "Статус", "Приоритет", "Ответ",
			"Дата Открытия Заявки", "Дата Закрытия Заявки"},
		[]any{"Смирнова А.В.", "Орлов Д.С.", "Не печатает принтер", "Ремонт", "Принтер в 204 кабинете жуёт бумагу", "Выполнена", "2",
			"Заменён ролик подачи", "12.03.2024 9:15:00", "12.03.2024 15:40:00"},
		[]any{"Кузнецов П.И.", "Орлов Д.С.", "Нет доступа к почте", "Настройка", "Не открывается почтовый ящик", "В работе", "1", "",
			"13.03.2024 11:20:00", ""},
		[]any{"Павлова Е.Н.", "", "Установить программу", "Установка", "Нужен архиватор", "Открыта", "3", "", "14.03.2024 8:05:00", ""},
	)
	path := b.save("Report.xlsx")
	pv, err := importer.InspectComplaints(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for f, col := range map[importer.Field]string{importer.FieldOpened: "Дата Открытия Заявки", importer.FieldClosedAt: "Дата Закрытия Заявки",
		importer.FieldSubject: "Название Заявки", importer.FieldStatus: "Статус", importer.FieldResolution: "Ответ",
		importer.FieldClient: "Инициатор", importer.FieldAssignee: "Назначенный пользователь"} {
		if pv.Mapping[f] != col {
			t.Errorf("%s mapped to %q, want %q (mapping %v)", f, pv.Mapping[f], col, pv.Mapping)
		}
	}
	got, _ := importBook(t, path, importer.Options{}, 3, 0)
	bySubject := map[string]data.Complaint{}
	for _, c := range got {
		bySubject[c.Subject] = c
	}
	at := func(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, time.UTC) }
	for subject, w := range map[string]struct {
		opened, resolved time.Time
		status           data.Status
		resolution       string
	}{
		"Не печатает принтер":  {at(12, 9, 15), at(12, 15, 40), data.StatusResolved, "Заменён ролик подачи"},
		"Нет доступа к почте":  {at(13, 11, 20), time.Time{}, data.StatusInProgress, ""},
		"Установить программу": {at(14, 8, 5), time.Time{}, data.StatusNew, ""},
	} {
		c, ok := bySubject[subject]
		if !ok {
			t.Errorf("%q missing", subject)
			continue
		}
		if !c.OpenedAt.Equal(w.opened) || !c.Facts.ResolvedAt.Equal(w.resolved) || c.Status != w.status || c.Resolution != w.resolution {
			t.Errorf("%q: opened %v resolved %v status %q resolution %q, want %+v", subject, c.OpenedAt, c.Facts.ResolvedAt, c.Status, c.Resolution, w)
		}
	}
}

// HaloPSA's tickets as its API returns them, dumped to CSV (the HaloAPI
// PowerShell module's Ticket.json template names the fields; the values
// are invented): "dateoccurred", "dateclosed", "responsedate" and
// "lastactiondate" are words run together, which no alias matched, and
// the file was refused for want of a date. "respondbydate" and
// "fixbydate" are the SLA's deadlines and stay unread; "status_id" and
// "agent_id" are numbers only Halo can name, so neither status nor
// assignee is read: a ticket closed has its date, the other stays new.
func TestImportHaloPSATickets(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2024, 5, 2, h, m, 0, 0, time.UTC) }
	want := map[string]publicTicket{
		"1041": {ticketWant: ticketWant{status: data.StatusClosed, typ: data.TypeComplaint, resolved: at(15, 5)}, opened: at(8, 14),
			responded: at(8, 40), category: "Hardware>Printer", subject: "Printer offline"},
		"1042": {ticketWant: ticketWant{status: data.StatusNew, typ: data.TypeComplaint}, opened: at(9, 30), category: "Access",
			subject: "Cannot log in"},
	}
	checkPublicSet(t, "halopsa_tickets.csv", importer.Options{}, want)
	got, _ := importFixture(t, "halopsa_tickets.csv", importer.Options{}, len(want))
	if c := got["1041"]; c.ClientName != "Acme Ltd" || c.Description != "The office printer shows offline" {
		t.Errorf("1041: client %q description %q", c.ClientName, c.Description)
	}
}

// A published sample of support tickets (Hugging Face,
// solsticestudioai/synthetic-enterprise-ops-pack-sample,
// data/support_tickets/train.csv, whole): its "issue_category" was no
// category header and "account_id" no client, so every ticket was
// imported uncategorised and anonymous.
func TestImportEnterpriseOpsTickets(t *testing.T) {
	got, _ := importFixture(t, "enterprise_ops_tickets.csv", importer.Options{}, 6)
	for id, w := range map[string]struct {
		category, client string
		priority         data.Priority
		status           data.Status
	}{
		"TKT001": {"performance", "A001", data.PriorityCritical, data.StatusInProgress},
		"TKT003": {"integration", "A002", data.PriorityNormal, data.StatusResolved},
		"TKT006": {"how_to", "A006", data.PriorityLow, data.StatusClosed},
	} {
		c := got[id]
		if c.Category != w.category || c.ClientName != w.client || c.Priority != w.priority || c.Status != w.status {
			t.Errorf("%s: category %q client %q priority %q status %q, want %+v", id, c.Category, c.ClientName, c.Priority, c.Status, w)
		}
	}
}

// Kansas City's 311 (data.kcmo.org), its columns and status codes as
// samedelstein/opendata's models/staging/stg_kansascity311.sql reads
// them (Creation_Date, Closed_Date as mm/dd/yyyy, Request_Type, Status:
// OPEN, ASSIG, RESOL, CANC, DUP); the ids, places and request types are
// invented. Its statuses are cut to codes: every row but the open one
// was rejected as of an unknown status. RESOL is resolved, ASSIG in
// work, CANC cancelled (closed, never resolved), DUP a duplicate
// skipped as no appeal of its own.
func TestImportKansasCity311Codes(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2019, 5, d, 0, 0, 0, 0, time.UTC) }
	complaint := func(st data.Status, resolved time.Time) ticketWant {
		return ticketWant{status: st, typ: data.TypeComplaint, resolved: resolved}
	}
	want := map[string]publicTicket{
		"2019000101": {ticketWant: complaint(data.StatusResolved, day(20)), opened: day(2), category: "Property Violations-Exterior-Structure"},
		"2019000102": {ticketWant: complaint(data.StatusInProgress, time.Time{}), opened: day(2), category: "Streets-Potholes"},
		"2019000103": {ticketWant: complaint(data.StatusInProgress, time.Time{}), opened: day(3), category: "Streets-Potholes"},
		"2019000104": {ticketWant: complaint(data.StatusClosed, time.Time{}), opened: day(3), category: "Water-Billing"},
	}
	checkPublicSet(t, "kc311_requests.csv", importer.Options{}, want)
	got, res := importFixture(t, "kc311_requests.csv", importer.Options{}, len(want))
	if !got["2019000104"].Facts.Withdrawn {
		t.Errorf("the cancelled request is not withdrawn")
	}
	if !containsWarning(res, "DUP") {
		t.Errorf("the duplicate is not named as skipped: %+v", res.Warnings)
	}
}

// A help desk's ticket list with the statuses its public page explains
// (help369.ru/searchticket.php: «Новая», «Открыта», «Объединенная»,
// «Закрыта успешно», «Закрыта неуспешно», «Запланирована») under the
// columns of its search form; the rows are invented. «Запланирована»,
// work set for a given time, was an unknown status and rejected the
// row: it is open, in work. The merged ticket is no appeal of its own.
func TestImportDeskScheduledStatus(t *testing.T) {
	path := writeFile(t, "tickets.csv", []byte("Номер обращения;Дата подачи;Система;Статус;Специалист\n"+
		"1;01.03.2024 10:00;1С;Новая;\n"+
		"2;01.03.2024 11:00;Почта;Открыта;Иванов\n"+
		"3;01.03.2024 12:00;Почта;Объединенная;Иванов\n"+
		"4;01.03.2024 13:00;1С;Закрыта успешно;Петров\n"+
		"5;01.03.2024 14:00;1С;Закрыта неуспешно;Петров\n"+
		"6;01.03.2024 15:00;Сеть;Запланирована;Петров\n"))
	db := openStore(t)
	res := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 5 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d, want 5 and 0: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := storedTickets(t, db)
	for id, w := range map[string]data.Status{"1": data.StatusNew, "2": data.StatusInProgress, "4": data.StatusClosed,
		"5": data.StatusClosed, "6": data.StatusInProgress} {
		if c := got[id]; c.Status != w {
			t.Errorf("%s: status %q, want %q", id, c.Status, w)
		}
	}
	if c := got["6"]; c.Assignee != "Петров" {
		t.Errorf("6: assignee %q", c.Assignee)
	}
}

// A housing manager's journal of residents' requests kept in Excel, as
// the form of Приложение 5 to Госстрой's rules № 170 lays it out (its
// text as sakhexpo.ru reprints it): the title in two merged lines,
// «Дата», «Адрес и фамилия нанимателя (владельца)», «Неисправность или
// повреждение (кратко)», and «Отметка об исполнении» merged over its
// «дата» and «расписка работавшего». The addresses, names and faults
// are invented. Only the date was read: no client (the header mentions
// a «фамилия»), no fault, and the requests done stayed new for want of
// the date under «Отметка об исполнении».
func TestImportHousingJournalXLSX(t *testing.T) {
	b := newBook(t, "Журнал")
	day := func(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }
	b.rows("Журнал", "A1", nil, []any{"ЖУРНАЛ"},
		[]any{"УЧЕТА ЗАЯВОК НАСЕЛЕНИЯ НА ОПЕРАТИВНОЕ УСТРАНЕНИЕ НЕИСПРАВНОСТЕЙ И ПОВРЕЖДЕНИЙ ИНЖЕНЕРНОГО ОБОРУДОВАНИЯ В ЖИЛОМ ДОМЕ"})
	b.merge("Журнал", "A1:E1", "A2:E2")
	b.rows("Журнал", "A4", nil,
		[]any{"Дата", "Адрес и фамилия нанимателя (владельца)", "Неисправность или повреждение (кратко)", "Отметка об исполнении"},
		[]any{nil, nil, nil, "дата", "расписка работавшего"})
	b.merge("Журнал", "A4:A5", "B4:B5", "C4:C5", "D4:E4")
	b.rows("Журнал", "A6", map[int]string{0: "dd.mm.yyyy", 3: "dd.mm.yyyy"},
		[]any{day(4), "ул. Ленина, 5, кв. 12, Сидоров П. А.", "Течь стояка ХВС", day(5), "Слесарь Котов В. И."},
		[]any{day(4), "ул. Ленина, 7, кв. 3, Орлова Н. Г.", "Не горит свет в подъезде"},
		[]any{day(6), "ул. Мира, 2, кв. 40, Белов С. К.", "Засор канализации", day(6), "Слесарь Котов В. И."},
	)
	got, _ := importBook(t, b.save("Журнал заявок.xlsx"), importer.Options{}, 3, 0)
	bySubject := map[string]data.Complaint{}
	for _, c := range got {
		bySubject[c.Subject] = c
	}
	for subject, w := range map[string]struct {
		opened, resolved time.Time
		status           data.Status
		client, assignee string
	}{
		"Течь стояка ХВС":          {day(4), day(5), data.StatusResolved, "ул. Ленина, 5, кв. 12, Сидоров П. А.", "Слесарь Котов В. И."},
		"Не горит свет в подъезде": {day(4), time.Time{}, data.StatusNew, "ул. Ленина, 7, кв. 3, Орлова Н. Г.", ""},
		"Засор канализации":        {day(6), day(6), data.StatusResolved, "ул. Мира, 2, кв. 40, Белов С. К.", "Слесарь Котов В. И."},
	} {
		c, ok := bySubject[subject]
		if !ok {
			t.Errorf("%q missing (stored %d)", subject, len(got))
			continue
		}
		if !c.OpenedAt.Equal(w.opened) || !c.Facts.ResolvedAt.Equal(w.resolved) || c.Status != w.status || c.ClientName != w.client || c.Assignee != w.assignee {
			t.Errorf("%q: opened %v resolved %v status %q client %q assignee %q, want %+v", subject, c.OpenedAt, c.Facts.ResolvedAt, c.Status,
				c.ClientName, c.Assignee, w)
		}
	}
}

// Directum's report on where appeals are (its help's «Форма отчета» of
// «Управление обращениями граждан», as erpandcrm.ru mirrors it at
// directum_unitedhelp.ru/extfile/directum/2954659_forma_otcheta2.htm: the report's date, name, place and
// period of registration above a table of «Рег.номер», «Корреспондент,
// ФИО корреспондента», «№ документа», «Дата документа», «Содержание»,
// «ФИО» — the employee who holds the letter —, «Местонахождение»,
// «Дата выдачи», «Примечание»); the rows are invented. The file was
// refused for want of a date: «Дата документа» dates the letter
// received; «Рег.номер» is written without a space; the client is the
// correspondent, not the employee under «ФИО».
func TestImportDirectumAppealsReport(t *testing.T) {
	path := writeFile(t, "report.csv", []byte("Дата формирования отчета: 12.03.2024;;;;;;;;\n"+
		"Местонахождение документов по обращениям граждан;;;;;;;;\n"+
		"Место регистрации: Канцелярия;;;;;;;;\n"+
		"Дата регистрации с 01.03.2024 по 12.03.2024;;;;;;;;\n"+
		";;;;;;;;\n"+
		"Рег.номер;Корреспондент, ФИО корреспондента;№ документа;Дата документа;Содержание;ФИО;Местонахождение;Дата выдачи;Примечание\n"+
		"ОГ-101;Сидоров Петр Алексеевич;б/н;01.03.2024;О ремонте кровли;Иванова М. С.;Отдел ЖКХ;04.03.2024;\n"+
		"ОГ-102;Орлова Нина Григорьевна;15;02.03.2024;О начислении платы за отопление;Петров А. А.;Расчетный отдел;05.03.2024;повторное\n"))
	db := openStore(t)
	res := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d, want 2 and 0: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := storedTickets(t, db)
	for id, w := range map[string]struct {
		opened              time.Time
		client, description string
	}{
		"ОГ-101": {time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), "Сидоров Петр Алексеевич", "О ремонте кровли"},
		"ОГ-102": {time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC), "Орлова Нина Григорьевна", "О начислении платы за отопление"},
	} {
		c, ok := got[id]
		if !ok {
			t.Errorf("%s missing (stored %d)", id, len(got))
			continue
		}
		if !c.OpenedAt.Equal(w.opened) || c.ClientName != w.client || c.Description != w.description {
			t.Errorf("%s: opened %v client %q description %q, want %+v", id, c.OpenedAt, c.ClientName, c.Description, w)
		}
	}
}

// A journal of personal reception kept by the form the МЧС recommends
// (consultant.ru, cons_doc_LAW_408709, «Журнал учета личного приема
// граждан»): «N п/п <*>», «Дата приема», «Фамилия, имя, отчество (при
// наличии) гражданина», «Адрес места жительства (регистрации)
// гражданина», «Краткое содержание обращения гражданина», «Принятое
// решение», and under them the row numbering the columns 1 to 6, as
// Russian forms have it. The people and texts are invented. The
// numbering row was rejected as a row with a bad date; no client was
// read (its header mentions a «Фамилия»), nor the summary (it ends
// with «гражданина»); «Дано разъяснение» resolves the appeal.
func TestImportReceptionJournalRU(t *testing.T) {
	path := writeFile(t, "journal.csv", []byte("ЖУРНАЛ УЧЕТА ЛИЧНОГО ПРИЕМА ГРАЖДАН;;;;;\n;;;;;\n"+
		"N п/п <*>;Дата приема;Фамилия, имя, отчество (при наличии) гражданина;Адрес места жительства (регистрации) гражданина;"+
		"Краткое содержание обращения гражданина;Принятое решение\n"+
		"1;2;3;4;5;6\n"+
		"1;11.03.2024;Сидоров Петр Алексеевич;г. Омск, ул. Мира, 2;О выплате компенсации за ущерб от пожара;Дано разъяснение\n"+
		"2;11.03.2024;Орлова Нина Григорьевна;г. Омск, ул. Ленина, 7;О проверке пожарной безопасности в доме;Направлено по компетенции\n"+
		"3;12.03.2024;Белов Семен Кузьмич;г. Омск, ул. Гагарина, 1;О работе пожарной части;\n"))
	db := openStore(t)
	res := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d, want 3 and 0: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	byClient := map[string]data.Complaint{}
	for _, c := range storedTickets(t, db) {
		byClient[c.ClientName] = c
	}
	for client, w := range map[string]struct {
		subject    string
		status     data.Status
		withdrawn  bool
		resolution string
	}{
		"Сидоров Петр Алексеевич": {"О выплате компенсации за ущерб от пожара", data.StatusResolved, false, "Дано разъяснение"},
		"Орлова Нина Григорьевна": {"О проверке пожарной безопасности в доме", data.StatusClosed, true, "Направлено по компетенции"},
		"Белов Семен Кузьмич":     {"О работе пожарной части", data.StatusNew, false, ""},
	} {
		c, ok := byClient[client]
		if !ok {
			t.Errorf("%q missing", client)
			continue
		}
		if c.Subject != w.subject || c.Status != w.status || c.Facts.Withdrawn != w.withdrawn || c.Resolution != w.resolution {
			t.Errorf("%q: subject %q status %q withdrawn %v resolution %q, want %+v", client, c.Subject, c.Status, c.Facts.Withdrawn, c.Resolution, w)
		}
	}
}

// A chat desk's operations log as a public dbt project reads it (its
// staging model selects "Chat ID", "Chat Start Date", "Chat Start
// Time", "Chat End Time", "Customer Wait Time", "Chat Duration", "Chat
// Closed By", "Customer Rating"); the rows are invented. The file was
// refused for want of a date: the start's date and time stand apart,
// the wait for an agent is the first response, the chat's duration its
// resolution time (past midnight too), and the rating the verdict.
// Nothing names the channel, so none is set.
func TestImportChatOpsLog(t *testing.T) {
	at := func(d, h, m, s int) time.Time { return time.Date(2023, 6, d, h, m, s, 0, time.UTC) }
	resolved := func(v data.Verdict, end time.Time) ticketWant {
		return ticketWant{status: data.StatusResolved, typ: data.TypeComplaint, verdict: v, resolved: end}
	}
	want := map[string]publicTicket{
		"C-1001": {ticketWant: resolved(data.VerdictSatisfied, at(1, 9, 32, 10)), opened: at(1, 9, 15, 0), responded: at(1, 9, 16, 20)},
		"C-1002": {ticketWant: resolved(data.VerdictNotSatisfied, at(1, 10, 5, 30)), opened: at(1, 10, 2, 0), responded: at(1, 10, 2, 45)},
		"C-1003": {ticketWant: resolved("", at(2, 0, 10, 0)), opened: at(1, 23, 50, 0), responded: at(1, 23, 52, 0)},
	}
	checkPublicSet(t, "chat_ops_log.csv", importer.Options{}, want)
}

// An SLA breach report's export as a public reporting page writes it
// (its exporter's header: "Incident Ticket", "Date Received", "Date
// Resolved", "Date Closed", "Status" — "N/A" when it has none —,
// "Ticket Group", "Language", "Week", "SLA Category", …); the rows are
// invented. "Incident Ticket" numbers the incident, but was no id
// header: the tickets were told apart by their content only, and a
// second export of the same incidents, their state changed, was
// imported again as new ones.
func TestImportSLABreachReport(t *testing.T) {
	const header = "Incident Ticket,Date Received,Date Resolved,Date Closed,Status,Ticket Group,Language,Week,SLA Category,AOS Portal,KM-1,Excluded,Reason\n"
	first := writeFile(t, "breaches.csv", []byte(header+
		"INC0012001,2024-02-05 08:10,2024-02-06 16:00,,Resolved,Service Desk EN,English,Week 6,P3,N,N,N,\n"+
		"INC0012002,2024-02-05 09:30,,,N/A,Unknown,Unknown,Week 6,Unknown,Y,N,N,\n"))
	later := writeFile(t, "breaches-later.csv", []byte(header+
		"INC0012001,2024-02-05 08:10,2024-02-06 16:00,2024-02-09 16:00,Closed,Service Desk EN,English,Week 6,P3,N,N,N,\n"+
		"INC0012002,2024-02-05 09:30,2024-02-07 10:00,,Resolved,Service Desk EN,English,Week 6,P3,Y,N,N,\n"))
	db := openStore(t)
	if res := importTickets(t, db, first, importer.Options{RejectsPath: "-"}); res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("first export: imported %d rejected %d, want 2 and 0", res.Imported, res.Rejected)
	}
	if res := importTickets(t, db, later, importer.Options{RejectsPath: "-"}); res.Imported != 0 {
		t.Errorf("the later export imported %d incidents again", res.Imported)
	}
	got := storedTickets(t, db)
	if _, ok := got["INC0012001"]; !ok || len(got) != 2 {
		t.Errorf("stored %d tickets, INC0012001 among them: %v", len(got), ok)
	}
}

// Seattle's customer service requests (data.seattle.gov,
// Customer_Service_Requests.csv: "Service Request Number", "Service
// Request Type", "City Department", "Created Date" as mm/dd/yyyy
// hh:mm:ss AM, "Method Received", "Status" — Closed, Reported,
// Transferred… —, "Community Reporting Area", as
// Rohan-Pandey1729/AI-House-Hack's prepare_data.py reads it and its
// README lists the statuses); the rows are invented. "Reported", a
// request nobody has taken yet, was an unknown status and rejected
// the row.
func TestImportSeattleCSR(t *testing.T) {
	at := func(d, h, m, s int) time.Time { return time.Date(2024, 1, d, h, m, s, 0, time.UTC) }
	req := func(st data.Status, ch data.Channel) ticketWant {
		return ticketWant{status: st, channel: ch, typ: data.TypeComplaint}
	}
	want := map[string]publicTicket{
		"24-00012345": {ticketWant: req(data.StatusClosed, data.ChannelWeb), opened: at(2, 8, 15, 33), category: "Abandoned Vehicle/72hr Parking Ordinance"},
		"24-00012346": {ticketWant: req(data.StatusNew, data.ChannelPhone), opened: at(2, 9, 20, 0), category: "Illegal Dumping / Needles"},
		"24-00012347": {ticketWant: req(data.StatusInProgress, data.ChannelWeb), opened: at(15, 10, 5, 12), category: "Pothole"},
		"24-00012348": {ticketWant: req(data.StatusClosed, data.ChannelEmail), opened: at(2, 11, 45, 0), category: "CSB-General Inquiry"},
	}
	checkPublicSet(t, "seattle_csr.csv", importer.Options{}, want)
}

// GitLab's issues exported to CSV from a Service Desk project (the
// header as gitlab-org/gitlab#34769 quotes it: "Issue ID", "URL",
// "Title", "State", …, "Created At (UTC)", "Updated At (UTC)", "Closed
// At (UTC)", …); the rows are invented. The Service Desk files every
// customer's e-mail under its "GitLab Support Bot": it was imported as
// the client of every ticket, and is none.
func TestImportGitLabServiceDesk(t *testing.T) {
	at := func(d, h, m, s int) time.Time { return time.Date(2024, 4, d, h, m, s, 0, time.UTC) }
	want := map[string]publicTicket{
		"12": {ticketWant: ticketWant{status: data.StatusClosed, typ: data.TypeComplaint, resolved: at(3, 9, 55, 10)}, opened: at(2, 8, 12, 40),
			subject: "Cannot download invoice", assignee: "Anna Smirnova"},
		"13": {ticketWant: ticketWant{status: data.StatusInProgress, typ: data.TypeComplaint}, opened: at(4, 15, 1, 0),
			subject: "Password reset mail not received"},
	}
	checkPublicSet(t, "gitlab_service_desk.csv", importer.Options{}, want)
	got, _ := importFixture(t, "gitlab_service_desk.csv", importer.Options{}, len(want))
	for id, c := range got {
		if c.ClientName != "" {
			t.Errorf("%s: client %q, want none", id, c.ClientName)
		}
	}
}

// A Scottish public body's complaints log with the columns the SPSO's
// model complaints handling procedure says to record (as the Scottish
// Parliament's procedure lists them: the complainant's name, the date
// received, the nature of the complaint, the service, the staff member
// responsible, the outcome and closing date at the frontline response
// stage, the date the investigation stage was initiated, its outcome
// and closing date, the underlying cause); the rows are invented. Only
// the reference and the date were read: every complaint stayed new.
// Closed at the frontline, it is resolved then; escalated, it reaches
// the investigation stage at its start and is closed at its end, its
// outcome the investigation's (the frontline's was read alone).
func TestImportSPSOComplaintsLog(t *testing.T) {
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 0, 0, 0, 0, time.UTC) }
	got, _ := importFixture(t, "spso_complaints_log.csv", importer.Options{}, 3)
	for id, w := range map[string]struct {
		status                              data.Status
		resolved                            time.Time
		client, category, assignee, outcome string
		escalated                           bool
	}{
		"CMP-001": {data.StatusResolved, day(3, 6), "Mary Brown", "Bin not collected", "J. Reid", "Upheld", false},
		"CMP-002": {data.StatusClosed, day(3, 7), "Tom Gray", "Rude call handler", "A. Shaw", "Partially upheld", true},
		"CMP-003": {data.StatusNew, time.Time{}, "Ann White", "Pothole damage claim", "K. Bell", "", false},
	} {
		c := got[id]
		if c.Status != w.status || !c.Facts.ResolvedAt.Equal(w.resolved) || c.ClientName != w.client || c.Category != w.category ||
			c.Assignee != w.assignee || c.Resolution != w.outcome || (c.Facts.Escalations > 0) != w.escalated {
			t.Errorf("%s: status %q resolved %v client %q category %q assignee %q resolution %q escalations %d, want %+v", id, c.Status,
				c.Facts.ResolvedAt, c.ClientName, c.Category, c.Assignee, c.Resolution, c.Facts.Escalations, w)
		}
	}
}

// A complaints register kept by the stages of TAP's complaint advice
// process (its user guide: "Complaint Received", "Acknowledged",
// "Reviewed", "Resolved", and the closing question "Has the complaint
// been fully resolved?"); the rows are invented. The acknowledgement,
// the first word back to the client, was not read; a complaint
// acknowledged but not resolved stayed new, as if nobody had seen it.
func TestImportComplaintStagesRegister(t *testing.T) {
	path := writeFile(t, "complaints.csv", []byte("Client,Complaint Received,Acknowledged,Reviewed,Resolved,Has the complaint been fully resolved?\n"+
		"J Smith,2024-05-01,2024-05-02,2024-05-06,2024-05-09,Yes\n"+
		"K Jones,2024-05-03,2024-05-03,,,\n"+
		"L Brown,2024-05-06,,,,\n"))
	db := openStore(t)
	if res := importTickets(t, db, path, importer.Options{RejectsPath: "-"}); res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d, want 3 and 0", res.Imported, res.Rejected)
	}
	day := func(d int) time.Time { return time.Date(2024, 5, d, 0, 0, 0, 0, time.UTC) }
	byClient := map[string]data.Complaint{}
	for _, c := range storedTickets(t, db) {
		byClient[c.ClientName] = c
	}
	for client, w := range map[string]struct {
		status              data.Status
		responded, resolved time.Time
	}{
		"J Smith": {data.StatusResolved, day(2), day(9)},
		"K Jones": {data.StatusInProgress, day(3), time.Time{}},
		"L Brown": {data.StatusNew, time.Time{}, time.Time{}},
	} {
		c := byClient[client]
		if c.Status != w.status || !c.Facts.FirstResponseAt.Equal(w.responded) || !c.Facts.ResolvedAt.Equal(w.resolved) {
			t.Errorf("%s: status %q responded %v resolved %v, want %+v", client, c.Status, c.Facts.FirstResponseAt, c.Facts.ResolvedAt, w)
		}
	}
}

// The NLRB's case search exported to CSV (its header as a public
// project's ingest tests quote it: "Case Type", "Region", "Case
// Number", "Case Name", "Status", "Date Filed", "Date Closed", "Reason
// Closed", "City", …, "Allegations", …); the employers and the rest of
// the rows are invented. "Date Filed" was no date header: the file was
// refused. "Reason Closed" is the resolution, "Allegations" what the
// charge says; the "Case Type" letter (C, R) is a code, no category.
func TestImportNLRBCases(t *testing.T) {
	want := map[string]publicTicket{
		"29-CA-000001": {ticketWant: ticketWant{status: data.StatusClosed, typ: data.TypeComplaint, resolved: time.Date(2019, 11, 2, 0, 0, 0, 0, time.UTC)},
			opened: time.Date(2019, 6, 24, 0, 0, 0, 0, time.UTC), resolution: "Withdrawal Adjusted"},
		"10-CA-000002": {ticketWant: ticketWant{status: data.StatusInProgress, typ: data.TypeComplaint},
			opened: time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC)},
	}
	checkPublicSet(t, "nlrb_cases.csv", importer.Options{}, want)
	got, _ := importFixture(t, "nlrb_cases.csv", importer.Options{}, len(want))
	if c := got["29-CA-000001"]; c.Description != "8(a)(1) Coercive Statements (Threats, Promises of Benefits, etc.)" || c.Category != "" {
		t.Errorf("29-CA-000001: description %q category %q", c.Description, c.Category)
	}
}

// «Категория заявителя» and «Тип заявителя» describe the person who
// asked (a pensioner, a legal entity), not the appeal: the noun of the
// person is not cut as the ticket's is («Дата закрытия заявки»).
func TestImportApplicantCategoryIsNoCategory(t *testing.T) {
	pv, err := importer.InspectComplaints(writeFile(t, "register.csv", []byte("Номер заявки;Дата поступления заявки;Заявитель;Категория заявителя;"+
		"Тип заявителя;Статус заявки\n"+
		"1;01.03.2024;Иванов И. И.;Пенсионер;Физическое лицо;Закрыта\n"+
		"2;02.03.2024;ООО «Север»;Прочие;Юридическое лицо;В работе\n")), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []importer.Field{importer.FieldCategory, importer.FieldType, importer.FieldSubcategory} {
		if col := pv.Mapping[f]; col != "" {
			t.Errorf("%s mapped to %q", f, col)
		}
	}
	if pv.Mapping[importer.FieldOpened] != "Дата поступления заявки" || pv.Mapping[importer.FieldStatus] != "Статус заявки" {
		t.Errorf("mapping %v", pv.Mapping)
	}
}

// Agents' names written in capitals under "Assigned To" stay the
// assignees: only an "Owner" of agency codes (Los Angeles' 311) names
// no one.
func TestImportCapitalAgentsStayAssignees(t *testing.T) {
	path := writeFile(t, "tickets.csv", []byte("Ticket Number,Date Created,Status,Assigned To\n"+
		"T-1,2024-03-01 09:00,Open,MARY\n"+
		"T-2,2024-03-01 10:00,Open,JOHN\n"))
	db := openStore(t)
	if res := importTickets(t, db, path, importer.Options{RejectsPath: "-"}); res.Imported != 2 {
		t.Fatalf("imported %d, want 2", res.Imported)
	}
	if c := storedTickets(t, db)["T-1"]; c.Assignee != "MARY" {
		t.Errorf("T-1: assignee %q, want MARY", c.Assignee)
	}
}

// Senler's dialogs (dev.senler.io: a dialog's fields as its API returns
// them, flattened to CSV with their own names; the first row the
// documentation's example, the second invented): "completed_at",
// "first_response_time_seconds", "user_satisfaction" and
// "resolution_type" went unread, and the dialog the example completed
// stayed without a first response, resolution time or verdict.
func TestImportSenlerDialogs(t *testing.T) {
	at := func(d, h, m, s int) time.Time { return time.Date(2025, 12, d, h, m, s, 0, time.UTC) }
	want := map[string]publicTicket{
		"507f1f77bcf86cd799439011": {ticketWant: ticketWant{status: data.StatusResolved, typ: data.TypeComplaint, priority: data.PriorityLow,
			verdict: data.VerdictSatisfied, resolved: at(25, 12, 30, 0)}, opened: at(25, 10, 0, 0), responded: at(25, 10, 0, 45),
			category: "support", resolution: "solved"},
		"507f1f77bcf86cd799439012": {ticketWant: ticketWant{status: data.StatusInProgress, typ: data.TypeComplaint, priority: data.PriorityHigh},
			opened: at(26, 9, 0, 0), responded: at(26, 9, 0, 30), category: "support"},
	}
	checkPublicSet(t, "senler_dialogs.csv", importer.Options{}, want)
}

// Two months of Los Angeles' 311 exports put one after the other in a
// file (as `cat jan.csv feb.csv` leaves them): the second header was a
// row rejected for its bad date; it is the header again and skipped.
func TestImportConcatenatedExports(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "la311_requests.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(raw), "\n")
	joined := strings.Join(lines[:3], "") + strings.Join(lines[:1], "") + strings.Join(lines[3:5], "")
	path := writeFile(t, "la311-jan-feb.csv", []byte(joined))
	db := openStore(t)
	res := importTickets(t, db, path, importer.Options{RejectsPath: "-", Strict: true})
	if res.Imported != 4 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d, want 4 and 0: %+v", res.Imported, res.Rejected, res.Rejects)
	}
}
