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
