package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
)

// Russian-market CRMs and help desks, each imported into a real store by
// checkTicketImport: every ticket's status, dates, assignee, client and
// category. The fixtures are written here with the tools' published
// column names; their values are made up.
func TestImportRussianDeskExports(t *testing.T) {
	type want = exportTicket
	msk := time.FixedZone("MSK", 3*3600)
	at := func(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, msk) }
	none := time.Time{}
	type person struct{ client, assignee, category string }
	people := func(t *testing.T, got map[string]data.Complaint, w map[string]person) {
		t.Helper()
		for id, p := range w {
			if c := got[id]; c.ClientName != p.client || c.Assignee != p.assignee || c.Category != p.category {
				t.Errorf("%s: client %q assignee %q category %q, want %+v", id, c.ClientName, c.Assignee, c.Category, p)
			}
		}
	}
	cases := []deskCase{
		// amoCRM's lead export, an appeals pipeline kept as deals. The
		// columns are those public code reading the export lists (ID,
		// «Название сделки», «Бюджет », «Ответственный», «Дата создания
		// сделки», «Кем создана сделка», «Дата редактирования», «Дата
		// закрытия» — «не закрыта» while open —, «Этап сделки»,
		// «Воронка», «Полное имя контакта», «Компания»…); the stages are
		// amoCRM's defaults. The budget is no compensation and is not
		// read; a lead without a company is filed under its contact.
		{"desk_amocrm_leads.csv", map[string]want{
			"24810511": {data.StatusClosed, data.PriorityNormal, at(5, 16, 40)},
			"24810512": {data.StatusNew, data.PriorityNormal, none},
			"24810513": {data.StatusClosed, data.PriorityNormal, at(7, 12, 30)},
			"24810514": {data.StatusInProgress, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			people(t, got, map[string]person{
				"24810511": {"ООО Вектор", "Анна Петрова", "Жалобы"},
				"24810512": {"Мария Лопес", "Борис Иванов", "Жалобы"},
				"24810513": {"ИП Ли", "Анна Петрова", "Жалобы"},
				"24810514": {"Ольга Смирнова", "Борис Иванов", "Жалобы"},
			})
			for id, o := range map[string]time.Time{"24810511": at(4, 9, 15), "24810512": at(4, 11, 20), "24810513": at(5, 14, 5), "24810514": at(6, 8, 45)} {
				if c := got[id]; !c.OpenedAt.Equal(o) || c.Subject == "" {
					t.Errorf("%s: opened %v, subject %q", id, c.OpenedAt, c.Subject)
				}
			}
			if c := got["24810512"]; c.Channel != data.ChannelPhone || got["24810514"].Channel != data.ChannelChat {
				t.Errorf("24810512: channel %q", c.Channel)
			}
		}},
		// Creatio's (Terrasoft's) «Обращения» section: the captions of its
		// case page (BaseCasePage's resources: «Номер», «Тема», «Дата
		// регистрации», «Состояние», «Ответственный», «Контрагент»,
		// «Контакт», «Происхождение», «Время реакции» and «Время
		// разрешения» — the SLA's deadlines —, «Фактическая реакция»,
		// «Фактическое разрешение», «Дата закрытия», «Причина
		// закрытия», «Уровень удовлетворенности»). «Категория» and the
		// state names are assumed. A case needs a contact or an account:
		// one without an account is filed under its contact.
		{"desk_creatio_cases.csv", map[string]want{
			"SR00000101": {data.StatusClosed, data.PriorityHigh, at(5, 16, 40)},
			"SR00000102": {data.StatusInProgress, data.PriorityNormal, none},
			"SR00000103": {data.StatusNew, data.PriorityLow, none},
			"SR00000104": {data.StatusWaiting, data.PriorityCritical, none},
			"SR00000105": {data.StatusResolved, data.PriorityNormal, at(7, 12, 30)},
		}, func(t *testing.T, got map[string]data.Complaint) {
			people(t, got, map[string]person{
				"SR00000101": {"ООО Вектор", "Петрова Анна", "Инцидент"},
				"SR00000102": {"Лопес Мария", "Иванов Борис", "Запрос на обслуживание"},
				"SR00000103": {"ИП Ли", "", "Инцидент"},
				"SR00000104": {"Смирнова Ольга", "Петрова Анна", "Инцидент"},
				"SR00000105": {"АО Ромашка", "Иванов Борис", "Запрос на обслуживание"},
			})
			for id, w := range map[string][2]time.Time{
				"SR00000101": {at(4, 9, 15), at(4, 10, 5)}, "SR00000102": {at(4, 11, 20), at(4, 11, 40)},
				"SR00000103": {at(5, 14, 5), none}, "SR00000104": {at(5, 15, 0), at(5, 15, 20)}, "SR00000105": {at(6, 8, 45), at(6, 9, 30)},
			} {
				if c := got[id]; !c.OpenedAt.Equal(w[0]) || !c.Facts.FirstResponseAt.Equal(w[1]) {
					t.Errorf("%s: opened %v first response %v, want %v", id, c.OpenedAt, c.Facts.FirstResponseAt, w)
				}
			}
			if c := got["SR00000101"]; c.Channel != data.ChannelEmail || got["SR00000103"].Channel != data.ChannelWeb ||
				got["SR00000102"].Channel != data.ChannelPhone {
				t.Errorf("SR00000101: channel %q", c.Channel)
			}
		}},
	}
	runDeskCases(t, msk, cases)
}
