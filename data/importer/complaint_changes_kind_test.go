package importer

import "testing"

// The field names of change logs, as help desks write them, read as the
// change they are; a client's tier, a group or an urgency is no level,
// assignee or priority.
func TestChangeFieldKind(t *testing.T) {
	for name, want := range map[string]changeKind{
		"Статус": changeStatus, "Состояние заявки": changeStatus, "status": changeStatus, "incident_state": changeStatus, "state": changeStatus,
		"Ответственный": changeAssignee, "Исполнитель": changeAssignee, "assignee": changeAssignee, "assigned_to": changeAssignee,
		"assignee_id": changeAssignee, "Case Owner": changeAssignee,
		"Приоритет": changePriority, "priority": changePriority, "Срочность": changePriority,
		"Уровень поддержки": changeLevel, "Уровень": changeLevel, "Линия поддержки": changeLevel, "Support tier": changeLevel,
		"escalation": changeLevel, "Эскалация": changeLevel,
		"Тема": changeOther, "Описание": changeOther, "urgency": changeOther, "impact": changeOther, "assignment_group": changeOther,
		"Уровень клиента": changeOther, "customer tier": changeOther, "tags": changeOther, "resolution": changeOther,
	} {
		if got := fieldKind(name); got != want {
			t.Errorf("%q: kind %d, want %d", name, got, want)
		}
	}
}

// A change of a group, queue or team names no employee, though its name
// holds a person word: «Группа исполнителей», «Ответственная группа»,
// «Назначенная группа», "Assigned to group", "Owner group". Read as the
// assignee, each change created an employee named after the group.
func TestChangeFieldKindGroups(t *testing.T) {
	for _, name := range []string{"Группа", "Группа исполнителей", "Ответственная группа", "Назначенная группа", "Ответственный отдел",
		"Ответственная команда", "Assignment group", "Assigned to group", "Owner group", "Owner team", "Queue", "Очередь", "Assigned team",
		"assigned_group"} {
		if got := fieldKind(name); got != changeOther {
			t.Errorf("%q: kind %d, want other (%d)", name, got, changeOther)
		}
	}
	for _, name := range []string{"Ответственный", "Исполнитель", "Assignee", "Assigned to", "Owner"} {
		if got := fieldKind(name); got != changeAssignee {
			t.Errorf("%q: kind %d, want assignee", name, got)
		}
	}
}

// A register's «Группа исполнителей» or "Assigned group" column is the
// team a ticket went to, not its assignee: it named an employee per
// group. A person's column beside it is still the assignee.
func TestGroupColumnIsNoAssignee(t *testing.T) {
	path := tempFile(t, "groups.csv", "Номер;Дата создания;Статус;Группа исполнителей;Тема\n"+
		"1;04.03.2024 09:15;Закрыта;Бухгалтерия;Счёт\n2;05.03.2024 10:00;В работе;Поддержка;Касса\n")
	got := parseTickets(t, path, Options{})
	if c := got.byID(t)["1"]; c == nil || c.Assignee != "" {
		t.Errorf("ticket 1: %+v, want no assignee", c)
	}
	path = tempFile(t, "teams.csv", "Ticket ID,Created,Status,Assigned group,Assigned to\n"+
		"7,2024-03-04 09:15,Open,Billing,Anna Petrova\n")
	if c := parseTickets(t, path, Options{}).byID(t)["7"]; c == nil || c.Assignee != "Anna Petrova" {
		t.Errorf("ticket 7: %+v, want Anna Petrova assigned", c)
	}
}
