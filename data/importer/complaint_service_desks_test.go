package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
)

// IT and enterprise service desks' exports: BMC Remedy's field labels
// ("Submit Date", "Last Resolved Date", "Reported Source"), Ivanti's and
// Cherwell's field names in camel case ("CreatedDateTime", "OwnedBy",
// "CustomerDisplayName"), SolarWinds Web Help Desk's ticket list ("Tech",
// "Date", "Closed Date"), Oracle's and SAP's service clouds, Kustomer's
// conversations. Each names its opening, resolution, agent, client,
// channel or statuses in words no other layout used: the import stopped
// asking for a date column, or took none of them.
func TestImportServiceDeskExports(t *testing.T) {
	type want = exportTicket
	at := func(d, h, m, s int) time.Time { return time.Date(2024, 3, d, h, m, s, 0, time.UTC) }
	none := time.Time{}
	one := func(t *testing.T, got map[string]data.Complaint, id string, opened time.Time, assignee, client string, ch data.Channel, subject string) data.Complaint {
		t.Helper()
		c := got[id]
		if !c.OpenedAt.Equal(opened) || c.Assignee != assignee || c.ClientName != client || c.Channel != ch || c.Subject != subject {
			t.Errorf("%s: opened %v, assignee %q, client %q, channel %q, subject %q; want %v, %q, %q, %q, %q", id,
				c.OpenedAt, c.Assignee, c.ClientName, c.Channel, c.Subject, opened, assignee, client, ch, subject)
		}
		return c
	}
	runDeskCases(t, time.UTC, []deskCase{
		{"remedy_incidents.csv", map[string]want{
			"INC000000001234": {data.StatusClosed, data.PriorityHigh, at(4, 11, 2, 10)},
			"INC000000001235": {data.StatusResolved, data.PriorityNormal, at(6, 10, 0, 0)},
			"INC000000001236": {data.StatusInProgress, data.PriorityCritical, none},
			"INC000000001237": {data.StatusWaiting, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			one(t, got, "INC000000001234", at(4, 9, 14, 22), "Anna Petrova", "Acme Ltd", data.ChannelEmail, "Cannot log in to the portal")
			one(t, got, "INC000000001236", at(20, 8, 0, 0), "", "Initech", data.ChannelWeb, "Delivery late again")
		}},
		{"ivanti_incidents.csv", map[string]want{
			"10452": {data.StatusClosed, data.PriorityHigh, at(4, 15, 40, 0)},
			"10453": {data.StatusInProgress, data.PriorityNormal, none},
			"10454": {data.StatusResolved, data.PriorityCritical, at(5, 12, 5, 0)},
			"10455": {data.StatusWaiting, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := one(t, got, "10452", at(4, 8, 12, 0), "jsmith", "Laura Chen", data.ChannelPhone, "VPN drops every hour")
			if c.Description != "The tunnel closes every hour since Monday" || c.Category != "Network" {
				t.Errorf("10452: description %q, category %q", c.Description, c.Category)
			}
		}},
		{"whd_tickets.csv", map[string]want{
			"5531": {data.StatusClosed, data.PriorityHigh, at(4, 16, 45, 0)},
			"5532": {data.StatusInProgress, data.PriorityNormal, none},
			"5533": {data.StatusResolved, data.PriorityCritical, at(13, 11, 0, 0)},
			"5534": {data.StatusWaiting, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			one(t, got, "5531", at(4, 9, 3, 0), "Maria Lopez", "Tom Hardy", "", "Charged twice")
		}},
		// Oracle Service Cloud (RightNow): a "Reference #", its own
		// statuses (Unresolved, Waiting, Solved); only "Date Last
		// Updated" tells its dates are month first.
		{"oracle_service_cloud_incidents.csv", map[string]want{
			"240304-000001": {data.StatusResolved, data.PriorityNormal, at(5, 12, 0, 0)},
			"240305-000002": {data.StatusInProgress, data.PriorityNormal, none},
			"240306-000003": {data.StatusWaiting, data.PriorityNormal, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			one(t, got, "240305-000002", at(5, 10, 0, 0), "", "Li Wei", data.ChannelChat, "App crashes")
		}},
		// SAP Service Cloud: In Process, Customer Action, Completed; the
		// processor is the agent, the completion the resolution.
		{"sap_service_cloud_tickets.csv", map[string]want{
			"7001": {data.StatusResolved, data.PriorityCritical, at(5, 12, 0, 0)},
			"7002": {data.StatusInProgress, data.PriorityNormal, none},
			"7003": {data.StatusWaiting, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := one(t, got, "7001", at(4, 9, 15, 0), "Anna Petrova", "Maria Lopez", data.ChannelEmail, "Invoice wrong"); c.Category != "Billing" {
				t.Errorf("7001: category %q", c.Category)
			}
		}},
		// A ServiceDesk Plus report names the first response "Responded
		// Date".
		{"sdp_report.csv", map[string]want{
			"1201": {data.StatusClosed, data.PriorityHigh, at(4, 13, 15, 0)},
			"1202": {data.StatusInProgress, data.PriorityNormal, none},
			"1203": {data.StatusWaiting, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			if c := got["1201"]; !c.Facts.FirstResponseAt.Equal(at(4, 9, 40, 0)) {
				t.Errorf("1201: first response %v, want 09:40", c.Facts.FirstResponseAt)
			}
		}},
		// Kustomer's conversations: open, snoozed, done; "Last Done At"
		// is the resolution, the agents are its "Assigned Users".
		{"kustomer_conversations.csv", map[string]want{
			"5f1a": {data.StatusClosed, data.PriorityNormal, at(4, 16, 40, 0)},
			"5f1b": {data.StatusInProgress, data.PriorityLow, none},
			"5f1c": {data.StatusWaiting, data.PriorityHigh, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			one(t, got, "5f1b", at(5, 11, 0, 0), "Boris Ivanov", "Li Wei", data.ChannelChat, "Parcel late")
		}},
		{"cherwell_incidents.csv", map[string]want{
			"100231": {data.StatusClosed, data.PriorityHigh, at(4, 13, 0, 0)},
			"100232": {data.StatusResolved, data.PriorityCritical, at(5, 18, 0, 0)},
			"100233": {data.StatusInProgress, data.PriorityNormal, none},
			"100234": {data.StatusWaiting, data.PriorityLow, none},
		}, func(t *testing.T, got map[string]data.Complaint) {
			c := one(t, got, "100232", at(5, 8, 30, 0), "Lee Wong", "Contoso", data.ChannelPhone, "Courier did not arrive")
			if c.Category != "Courier" || c.Subcategory != "No show" {
				t.Errorf("100232: category %q / %q", c.Category, c.Subcategory)
			}
		}},
	})
}

// «Время ответа» and «Время решения» hold a duration in one export and
// a date and time in another (ServiceDesk Plus in Russian): the values
// decide which. A time of answer went unread before. «Время выполнения»
// is read only as a date: as a duration it may be the effort spent.
func TestAnswerAndResolutionTimesAsDatesOrDurations(t *testing.T) {
	for name, rows := range map[string][]string{
		"durations.csv": {"Номер;Статус;Дата создания;Время решения;Время ответа",
			"1;Закрыта;04.03.2024 09:15;02:45;00:25"},
		"dates.csv": {"Номер;Статус;Дата создания;Время решения;Время ответа",
			"1;Закрыта;04.03.2024 09:15;04.03.2024 12:00;04.03.2024 09:40"},
		"sdp_ru.csv": {"ID запроса;Тема;Статус;Время создания;Время ответа;Время выполнения;Время закрытия",
			"1;Не печатает принтер;Закрыт;04.03.2024 09:15;04.03.2024 09:40;04.03.2024 12:00;05.03.2024 09:00"},
	} {
		t.Run(name, func(t *testing.T) {
			_, got, _ := importAllTickets(t, name, 1, rows...)
			c := got["1"]
			if r, s := c.Facts.FirstResponseAt.Sub(c.OpenedAt), c.Facts.ResolvedAt.Sub(c.OpenedAt); r != 25*time.Minute || s != 165*time.Minute {
				t.Errorf("first response after %v, resolution after %v; want 25m, 2h45m", r, s)
			}
		})
	}
}

// A resolution date under the many names hand-made and exported ticket
// lists give it: a ticket resolved three hours after opening, whichever
// the header. Before, these were left unmapped and every resolution time
// stayed unknown. "Resolution Time" holding hours stays a duration.
func TestResolutionDateHeaders(t *testing.T) {
	for _, h := range []string{"Resolution Date/Time", "Date Solved", "Solved Date", "Fixed Date", "Done Date", "Completed Date/Time",
		"Date Completed", "Resolution Time", "Фактическая дата закрытия", "Дата завершения работ", "Дата фактического выполнения"} {
		_, got, _ := importAllTickets(t, "resolved.csv", 2, "Ticket ID,Status,Created,"+h+",Subject",
			"T1,Closed,2024-03-04 09:15,2024-03-04 12:15,Late", "T2,Open,2024-03-05 10:00,,Broken")
		if c := got["T1"]; c.Facts.ResolvedAt.Sub(c.OpenedAt) != 3*time.Hour || !got["T2"].Facts.ResolvedAt.IsZero() {
			t.Errorf("%q: T1 resolved %v after opening (want 3h), T2 resolved at %v", h, c.Facts.ResolvedAt.Sub(c.OpenedAt), got["T2"].Facts.ResolvedAt)
		}
	}
	_, got, _ := importAllTickets(t, "hours.csv", 1, "Ticket ID,Status,Created,Resolution Time (in hrs),Subject", "T1,Closed,2024-03-04 09:15,3.5,Late")
	if c := got["T1"]; c.Facts.ResolvedAt.Sub(c.OpenedAt) != 210*time.Minute {
		t.Errorf("Resolution Time (in hrs) 3.5: resolved %v after opening", c.Facts.ResolvedAt.Sub(c.OpenedAt))
	}
}

// The first response under the names ticket lists give it, a reply 30
// minutes after opening whichever the header («Взята в работу»: a Russian
// desk's reaction is the ticket taken into work). «Время реакции» holding
// a duration stays one (holding a date it may be an SLA's deadline: see
// desk_creatio_cases.csv), and a yes/no "First Contact" is no date.
func TestFirstResponseDateHeaders(t *testing.T) {
	for _, h := range []string{"First Agent Response", "Responded On", "Response Date", "Replied At", "First Contact", "First Touch",
		"Acknowledged At", "Дата реакции", "Первая реакция", "Дата первой реакции", "Дата взятия в работу", "Взята в работу"} {
		_, got, _ := importAllTickets(t, "replied.csv", 2, "Ticket ID,Status,Created,"+h+",Subject",
			"T1,Open,2024-03-04 09:15,2024-03-04 09:45,Late", "T2,Open,2024-03-05 10:00,,Broken")
		if c := got["T1"]; c.Facts.FirstResponseAt.Sub(c.OpenedAt) != 30*time.Minute || !got["T2"].Facts.FirstResponseAt.IsZero() {
			t.Errorf("%q: T1 answered %v after opening (want 30m), T2 at %v", h, c.Facts.FirstResponseAt.Sub(c.OpenedAt), got["T2"].Facts.FirstResponseAt)
		}
	}
	_, got, _ := importAllTickets(t, "reaction.csv", 1, "Номер;Статус;Дата создания;Время реакции", "1;Открыта;04.03.2024 09:15;00:30")
	if c := got["1"]; c.Facts.FirstResponseAt.Sub(c.OpenedAt) != 30*time.Minute {
		t.Errorf("«Время реакции» 00:30: answered %v after opening", c.Facts.FirstResponseAt.Sub(c.OpenedAt))
	}
	_, got, _ = importAllTickets(t, "fcr.csv", 1, "Ticket ID,Status,Created,First Contact,Subject", "T1,Closed,2024-03-04 09:15,Yes,Late")
	if c := got["T1"]; !c.Facts.FirstResponseAt.IsZero() {
		t.Errorf("a yes/no First Contact read as the first response: %v", c.Facts.FirstResponseAt)
	}
}

// The agent and the client under more of the names ticket lists give
// them. The CFPB's "Company" stays the one complained about, no client
// (TestImportHelpDeskExports).
func TestAgentAndClientHeaders(t *testing.T) {
	for _, tc := range []struct {
		headers []string
		value   string
		get     func(data.Complaint) string
	}{
		{[]string{"Support Agent", "Owner Name", "Case Owner Name", "Assigned To User", "Rep", "CSR", "Специалист поддержки", "Сотрудник поддержки"},
			"Anna Petrova", func(c data.Complaint) string { return c.Assignee }},
		{[]string{"Company", "Company Name", "Client Company", "Account", "Organisation", "Requester Organization", "End User", "Юрлицо"},
			"Acme Ltd", func(c data.Complaint) string { return c.ClientName }},
	} {
		for _, h := range tc.headers {
			_, got, _ := importAllTickets(t, "people.csv", 1, "Ticket ID,Status,Created,"+h+",Subject", "T1,Open,2024-03-04 09:15,"+tc.value+",Late")
			if v := tc.get(got["T1"]); v != tc.value {
				t.Errorf("%q: %q, want %q", h, v, tc.value)
			}
		}
	}
}

// The channel, the priority and the category under more of their names.
func TestChannelPriorityCategoryHeaders(t *testing.T) {
	for _, tc := range []struct {
		headers []string
		value   string
		want    string
		get     func(data.Complaint) string
	}{
		{[]string{"Communication Channel", "Medium", "Inbound Channel", "Ticket Source", "Origin Channel", "Via Channel",
			"Канал коммуникации", "Тип канала", "Способ связи"}, "Email", string(data.ChannelEmail), func(c data.Complaint) string { return string(c.Channel) }},
		{[]string{"Priority Level", "Urgency Level", "Ticket Urgency", "Importance", "Prio"}, "High", string(data.PriorityHigh),
			func(c data.Complaint) string { return string(c.Priority) }},
		{[]string{"Problem Type", "Contact Reason", "Reason for Contact", "Subject Category", "Тип проблемы"}, "Billing", "Billing",
			func(c data.Complaint) string { return c.Category }},
	} {
		for _, h := range tc.headers {
			_, got, _ := importAllTickets(t, "values.csv", 1, "Ticket ID,Status,Created,"+h+",Subject", "T1,Open,2024-03-04 09:15,"+tc.value+",Late")
			if v := tc.get(got["T1"]); v != tc.want {
				t.Errorf("%q: %q, want %q", h, v, tc.want)
			}
		}
	}
}

// A ticket's number under more of its names: without it a ticket is known
// by its content, and a re-export of a changed ticket would add it again.
func TestTicketNumberHeaders(t *testing.T) {
	for _, h := range []string{"Case #", "Incident #", "Issue #", "Request #", "Ref #", "Request Number", "Record ID"} {
		_, got, _ := importAllTickets(t, "numbers.csv", 2, h+",Created,Status,Subject",
			"A-77,2024-03-04 09:15,Open,Late", "A-78,2024-03-05 10:00,Open,Broken")
		if _, ok := got["A-77"]; !ok {
			t.Errorf("%q: no ticket A-77 among %d", h, len(got))
		}
	}
}

// Dates and times of day in columns apart, as registers and 1C exports
// write them: each date takes the time beside it. «Время решения» 12:15
// beside «Дата решения» is the time of the resolution, not twelve hours;
// "Created Time" beside "Created Date" is the opening's time, not its
// date (every row was rejected). Alone, «Время решения» stays a duration.
func TestDatesAndTimesApart(t *testing.T) {
	for name, rows := range map[string][]string{
		"ru.csv": {"Номер;Статус;Дата создания;Время создания;Дата ответа;Время ответа;Дата решения;Время решения;Тема",
			"1;Решена;04.03.2024;09:15;04.03.2024;09:45;04.03.2024;12:15;Курьер", "2;Открыта;05.03.2024;10:00;;;;;Возврат"},
		"en.csv": {"Ticket ID,Status,Created Date,Created Time,Resolved Date,Resolved Time,Subject",
			"1,Solved,2024-03-04,09:15,2024-03-04,12:15,Late", "2,Open,2024-03-05,10:00,,,Broken"},
	} {
		t.Run(name, func(t *testing.T) {
			_, got, _ := importAllTickets(t, name, 2, rows...)
			c := got["1"]
			if c.OpenedAt.Hour() != 9 || c.OpenedAt.Minute() != 15 || c.Facts.ResolvedAt.Sub(c.OpenedAt) != 3*time.Hour {
				t.Errorf("opened %v, resolved %v after", c.OpenedAt, c.Facts.ResolvedAt.Sub(c.OpenedAt))
			}
			if name == "ru.csv" && c.Facts.FirstResponseAt.Sub(c.OpenedAt) != 30*time.Minute {
				t.Errorf("first response %v after opening, want 30m", c.Facts.FirstResponseAt.Sub(c.OpenedAt))
			}
			if o := got["2"].OpenedAt; o.Hour() != 10 || !got["2"].Facts.ResolvedAt.IsZero() {
				t.Errorf("2: opened %v, resolved %v", o, got["2"].Facts.ResolvedAt)
			}
		})
	}
	_, got, _ := importAllTickets(t, "alone.csv", 1, "Номер;Статус;Дата создания;Время решения", "1;Решена;04.03.2024 09:15;12:15")
	if c := got["1"]; c.Facts.ResolvedAt.Sub(c.OpenedAt) != 12*time.Hour+15*time.Minute {
		t.Errorf("«Время решения» alone: resolved %v after opening, want 12h15m", c.Facts.ResolvedAt.Sub(c.OpenedAt))
	}
}

// A resolution dated without its time on the day of an opening that has
// one says the day, not an hour before the opening: the ticket is kept,
// resolved, with its resolution time unknown (none invented). A date
// without time on an earlier day is still a mistake of the file.
func TestDayOnlyResolutionOnTheOpeningDay(t *testing.T) {
	_, got, res := importAllTickets(t, "register.csv", 2, "Номер;Статус;Дата обращения;Дата решения",
		"1;Решена;05.03.2024 09:15;05.03.2024", "2;Решена;05.03.2024 09:15;06.03.2024", "3;Решена;05.03.2024 09:15;04.03.2024")
	if c := got["1"]; c.Status != data.StatusResolved || !c.Facts.ResolvedAt.IsZero() {
		t.Errorf("same day: status %q, resolved at %v (want resolved, time unknown)", c.Status, c.Facts.ResolvedAt)
	}
	if c := got["2"]; c.Facts.ResolvedAt.Sub(c.OpenedAt) != 14*time.Hour+45*time.Minute {
		t.Errorf("next day: resolved %v after opening, want 14h45m (midnight)", c.Facts.ResolvedAt.Sub(c.OpenedAt))
	}
	if len(res.Rejects) != 1 || res.Rejects[0].Row != 4 || res.Rejects[0].Column != "Дата решения" {
		t.Errorf("rejects %+v, want row 4's «Дата решения»", res.Rejects)
	}
}

// Messages from the Gosuslugi feedback platform (ПОС): «Номер
// сообщения», «Дата и время поступления», «Текст сообщения», the answer
// that ends the message («Дата и время ответа», with «Срок ответа» its
// deadline) and the citizen's rating of it («Оценка ответа»). The import
// stopped at "no date column" before.
func TestGosuslugiFeedbackPlatformMessages(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	at := func(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, msk) }
	runDeskCases(t, msk, []deskCase{{"gosuslugi_pos_messages.csv", map[string]exportTicket{
		"2451001": {data.StatusResolved, data.PriorityNormal, at(6, 12, 0)},
		"2451002": {data.StatusInProgress, data.PriorityNormal, time.Time{}},
		"2451003": {data.StatusResolved, data.PriorityNormal, at(12, 16, 0)},
	}, func(t *testing.T, got map[string]data.Complaint) {
		c := got["2451001"]
		if !c.OpenedAt.Equal(at(5, 9, 15)) || c.Description != "Большая яма у дома 5" || c.Verdict != data.VerdictSatisfied ||
			c.Assignee != "Петров П.П." || c.Category != "Благоустройство" || got["2451003"].Verdict != data.VerdictNotSatisfied {
			t.Errorf("2451001 %+v; 2451003 verdict %q", c, got["2451003"].Verdict)
		}
	}}})
}
