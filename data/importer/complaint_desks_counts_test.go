package importer

import (
	"slices"
	"testing"

	"caredesk/data"
)

// A client's tier from the export: Zendesk's organization field, a
// Freshdesk company field, a register's VIP flag. The key tier in any of
// its words is the app's own (data.KeyTier, the "key clients" view);
// other tiers are kept as written. Headers: Zendesk's ticket export
// (testdata/zendesk_tickets.csv) with an organization field "Org Tier";
// Freshdesk's (testdata/freshdesk_tickets.csv) with a company field
// "Company tier"; a register's «VIP» column. Values are invented.
func TestParseClientTierColumns(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          map[string]string
	}{
		{"zendesk_org_tier.csv", "Id,Requester,Organization,Org Tier,Status,Priority,Created at,Solved at\n" +
			"1,Anna Petrova,Acme,VIP,Solved,Normal,2024-03-04 09:15:00 +0000,2024-03-04 10:15:00 +0000\n" +
			"2,John Smith,Initech,Gold,Open,Normal,2024-03-04 09:15:00 +0000,\n" +
			"3,Max Frei,,,Open,Normal,2024-03-04 09:15:00 +0000,\n",
			map[string]string{"1": data.KeyTier, "2": "Gold", "3": ""}},
		{"freshdesk_company_tier.csv", "Ticket ID,Subject,Status,Priority,Created time,Due by Time,Full name,Company Name,Company tier\n" +
			"501,Order not delivered,Open,High,2024-04-01 10:00:00,2024-04-02 10:00:00,Nina Volkova,Volkova LLC,Key account\n" +
			"502,Dark mode,Open,Low,2024-04-02 11:00:00,2024-04-09 11:00:00,Max Frei,Frei Inc,Standard\n",
			map[string]string{"501": data.KeyTier, "502": "Standard"}},
		{"register_vip.csv", "№;Дата;Клиент;VIP;Статус\n" +
			"Ж-1;03.06.2024 9:05;ООО «Ромашка»;да;Новая\n" +
			"Ж-2;04.06.2024 9:05;Иванов И.И.;нет;Новая\n",
			map[string]string{"Ж-1": data.KeyTier, "Ж-2": ""}},
		{"register_tier_ru.csv", "№;Дата;Клиент;Уровень клиента;Статус\n" +
			"Ж-1;03.06.2024 9:05;ООО «Ромашка»;Ключевой;Новая\n" +
			"Ж-2;04.06.2024 9:05;Иванов И.И.;Массовый;Новая\n",
			map[string]string{"Ж-1": data.KeyTier, "Ж-2": "Массовый"}},
	} {
		pt := parseTickets(t, tempFile(t, tc.name, (tc.content)), Options{})
		got := pt.byID(t)
		for id, tier := range tc.want {
			if c := got[id]; c == nil || c.ClientTier != tier {
				t.Errorf("%s %s: tier %+v, want %q", tc.name, id, c, tier)
			}
		}
	}
	// A "Segment" of e-mails holds no tiers: it is not read as one.
	pt := parseTickets(t, tempFile(t, "segment.csv", ("Id,Created at,Status,Segment\n"+
		"1,2024-03-04 09:15,Open,list-a@example.com\n2,2024-03-04 09:15,Open,list-b@example.com\n")), Options{})
	if _, ok := pt.plan.mapping[FieldTier]; ok {
		t.Errorf("a segment of e-mails read as the client tier")
	}
}

// ServiceNow's "Reassignment count" (testdata/servicenow_labels.csv, its
// list export with display labels): INC0010001 was reassigned once, so
// two agents held it and it is no one-agent resolution; INC0010002 was
// not. The extra agent is neither named nor dated.
func TestParseReassignmentCount(t *testing.T) {
	pt := parseTickets(t, "testdata/servicenow_labels.csv", Options{})
	got := pt.byID(t)
	if c := got["INC0010001"]; c == nil || agentsOf(c) != 2 || c.Assignee != "Beth Anglin" {
		t.Errorf("INC0010001: reassigned once: %+v", c)
	}
	if c := got["INC0010002"]; c == nil || agentsOf(c) != 0 {
		t.Errorf("INC0010002: no reassignment, no counted agent: %+v", c)
	}
	for _, c := range got {
		for _, e := range c.Events {
			if e.Kind == data.EventAssign && e.Assignee == "" && !e.Undated {
				t.Errorf("%s: an agent dated: %+v", c.ExternalID, e)
			}
		}
	}
}

// Zendesk's "Group stations" 2: two groups held the ticket, so two agents
// at least, though one assignee station is counted. Header from Zendesk's
// ticket export (testdata/zendesk_tickets.csv); values invented.
func TestParseGroupStations(t *testing.T) {
	pt := parseTickets(t, tempFile(t, "zendesk_groups.csv", ("Id,Requester,Assignee,Status,Priority,Created at,Group stations,Assignee stations\n"+
		"1,Anna Petrova,Ivan Sidorov,Open,Normal,2024-03-04 09:15:00 +0000,2,1\n"+
		"2,John Smith,Ivan Sidorov,Open,Normal,2024-03-04 09:15:00 +0000,1,1\n")), Options{})
	got := pt.byID(t)
	if c := got["1"]; c == nil || agentsOf(c) != 2 {
		t.Errorf("1: two groups: %+v", c)
	}
	if c := got["2"]; c == nil || agentsOf(c) != 0 {
		t.Errorf("2: one group, one agent: %+v", c)
	}
}

// agentsOf derives a parsed complaint's agents as the store would, once
// it has found the named assignees (see the store's initial events: the
// assignee of a complaint without assignments is its only agent, and
// agentsOf counts only the assignments the import made).
func agentsOf(c *data.Complaint) int {
	evs := slices.Clone(c.Events)
	ids := map[string]int64{}
	for i, e := range evs {
		if e.Kind == data.EventAssign && e.Assignee != "" {
			if ids[e.Assignee] == 0 {
				ids[e.Assignee] = int64(len(ids) + 1)
			}
			evs[i].AssigneeID = ids[e.Assignee]
		}
	}
	return data.DeriveFacts(evs).Agents
}

// Zendesk's "First resolution time in minutes" counts calendar minutes
// from creation to the first solving, so with reopens it dates the
// first resolution (created + those minutes). It dates nothing when it
// does not fall before the last solving or falls before the first reply
// (a file at odds with itself): the resolution stays undated, as a
// reopen count alone leaves it. Headers from Zendesk's ticket export
// (testdata/zendesk_tickets.csv); values invented.
func TestParseZendeskFirstResolution(t *testing.T) {
	pt := parseTickets(t, tempFile(t, "zendesk_first_resolution.csv", "Id,Status,Created at,Solved at,Reopens,First reply time in minutes,"+
		"First resolution time in minutes,Full resolution time in minutes\n"+
		"1,Solved,2024-03-04 09:00:00 +0000,2024-03-06 09:00:00 +0000,1,30,120,2880\n"+
		"2,Solved,2024-03-04 09:00:00 +0000,2024-03-06 09:00:00 +0000,1,30,5000,2880\n"+
		"3,Solved,2024-03-04 09:00:00 +0000,2024-03-04 11:00:00 +0000,0,30,120,120\n"), Options{})
	got := pt.byID(t)
	checkTickets(t, got, map[string]ticketWant{
		"1": {data.StatusResolved, data.PriorityNormal, data.TypeQuestion, "", data.VerdictUnknown,
			[]string{"status:new@03-04 09:00", "reply@03-04 09:30", "status:resolved@03-04 11:00", "status:in_progress~@03-04 11:00",
				"status:resolved@03-06 09:00"}, utc(2024, 3, 6, 9, 0), 1},
		"2": {data.StatusResolved, data.PriorityNormal, data.TypeQuestion, "", data.VerdictUnknown,
			[]string{"status:new@03-04 09:00", "reply@03-04 09:30", "status:resolved~@03-04 09:30", "status:in_progress~@03-04 09:30",
				"status:resolved@03-06 09:00"}, utc(2024, 3, 6, 9, 0), 1},
		"3": {data.StatusResolved, data.PriorityNormal, data.TypeQuestion, "", data.VerdictUnknown,
			[]string{"status:new@03-04 09:00", "reply@03-04 09:30", "status:resolved@03-04 11:00"}, utc(2024, 3, 4, 11, 0), 0},
	})
	if f := data.DeriveFacts(got["1"].Events); !f.FirstResolvedAt.Equal(utc(2024, 3, 4, 11, 0)) || f.UndatedReopens != 1 {
		t.Errorf("1: first resolution %v, undated reopens %d", f.FirstResolvedAt, f.UndatedReopens)
	}
}
