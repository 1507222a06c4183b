package importer

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"caredesk/data"
)

// A field-change log (audit, changelog, «История изменений») has a row
// per change of one field of a ticket: the ticket's number, when, who,
// which field, its old and new value. Status changes become status
// events at their dates, assignee changes assignments, level changes
// escalations; the last priority change sets the priority; changes of
// other fields are counted in one warning. A ticket opens at its
// creation date when a column gives one, else at its first change.

// changeHeaders name the columns of a change log, best first (normalised,
// "_" read as a space): Russian help desks and Bitrix24, Jira's
// changelog ("Field", "From"/"To" or their "fromString"/"toString"),
// Zendesk's audits ("Field name", "Previous value", "Value"), ServiceNow's
// sys_audit ("fieldname", "oldvalue", "newvalue"), Salesforce's case
// history ("Field / Event", "Old Value", "New Value").
var (
	changeFieldHeaders = []string{"поле", "изменённое поле", "измененное поле", "имя поля", "название поля", "наименование поля",
		"реквизит", "атрибут", "field", "field name", "fieldname", "changed field", "field changed", "field / event", "field/event"}
	changeNewHeaders = []string{"новое значение", "стало", "значение после", "new value", "newvalue", "tostring", "to string", "to",
		"value", "значение", "new", "to value", "value after"}
	changeOldHeaders = []string{"старое значение", "прежнее значение", "предыдущее значение", "было", "значение до", "old value",
		"oldvalue", "previous value", "fromstring", "from string", "from", "old", "from value", "value before"}
	// Who made the change: no client, nor the assignee.
	changeAuthorHeaders = []string{"автор", "автор изменения", "пользователь", "кто изменил", "изменил", "author", "changed by",
		"edited by", "user", "updated by", "modified by", "sys created by", "actor"}
	// The ticket a change belongs to, before a bare "id" (which may
	// number the changes themselves). ServiceNow's documentkey is the
	// record's sys_id.
	changeIDHeaders = []string{"documentkey", "document key", "номер заявки", "номер обращения", "номер тикета", "id заявки",
		"id обращения", "ticket id", "ticket number", "ticket", "issue key", "issue id", "case number", "case id", "request id"}
	// The ticket's own opening, repeated on each of its rows.
	changeOpenedHeaders = []string{"дата создания заявки", "дата создания обращения", "дата создания тикета", "дата регистрации",
		"дата открытия", "ticket created at", "ticket created", "issue created", "issue created at", "opened at", "opened",
		"date/time opened", "creation date", "дата создания"}
	// When the change was made. Jira and Zendesk date a changelog
	// entry or an audit by its own "Created".
	changeDateHeaders = []string{"дата изменения", "время изменения", "дата и время изменения", "дата/время изменения", "изменено",
		"change date", "changed at", "changed on", "date changed", "date of change", "edit date", "audit created at",
		"sys created on", "created", "created at", "updated", "updated at", "modified", "modified at", "timestamp", "дата", "date"}
)

// changeLog reports whether the file is a field-change log: a ticket
// number, a changed field and its new value are mapped.
func (p *plan) changeLog() bool {
	for _, f := range []Field{FieldExternalID, FieldChangedField, FieldNewValue} {
		if _, ok := p.mapping[f]; !ok {
			return false
		}
	}
	return p.schema == complaintSchema
}

// changeLogHeaders reports whether headers name a changed field and its
// new value, as a change log's do.
func changeLogHeaders(cols []column) bool {
	named := func(headers []string) bool {
		return slices.ContainsFunc(cols, func(c column) bool { return slices.Contains(headers, spaced(c.norm)) })
	}
	return named(changeFieldHeaders) && named(changeNewHeaders)
}

// changeLogShape maps the columns of a change log when its headers name
// a changed field and a new value: the change's own columns (field,
// values, author) are no ticket field, its date is each row's
// updated_at, and the opening only a column that names the ticket's
// creation. Fields the user mapped stay as chosen. A file without both
// columns keeps its mapping.
func changeLogShape(p *plan, opt Options) {
	chosen := func(f Field) bool { _, ok := opt.Mapping[f]; return ok }
	used := func(i int) bool {
		for f, j := range p.mapping {
			if j == i && chosen(f) {
				return true
			}
		}
		return false
	}
	find := func(headers []string, not ...int) int {
		for _, h := range headers {
			for i, c := range p.cols {
				if spaced(c.norm) == h && !used(i) && !slices.Contains(not, i) {
					return i
				}
			}
		}
		return -1
	}
	set := func(f Field, i int) {
		if chosen(f) || i < 0 {
			return
		}
		for g, j := range p.mapping {
			if j == i && !chosen(g) {
				delete(p.mapping, g)
			}
		}
		p.mapping[f] = i
	}
	at := func(f Field, headers []string, not ...int) int {
		if chosen(f) {
			return p.mappedAt(f)
		}
		return find(headers, not...)
	}
	fc := at(FieldChangedField, changeFieldHeaders)
	nc := at(FieldNewValue, changeNewHeaders, fc)
	oc := at(FieldOldValue, changeOldHeaders, fc, nc)
	ic := at(FieldExternalID, changeIDHeaders, fc, nc, oc)
	if ic < 0 {
		ic = p.mappedAt(FieldExternalID)
	}
	if fc < 0 || nc < 0 || ic < 0 || ic == fc || ic == nc || ic == oc {
		// No change log (changes that name no ticket are none): the
		// fields are only what the user chose.
		return
	}
	set(FieldChangedField, fc)
	set(FieldNewValue, nc)
	set(FieldOldValue, oc)
	// The change's own columns hold no field of the ticket: «Автор» is
	// who changed it, Jira's "From" the old value (or its id beside
	// "fromString"), not a sender.
	own := []int{fc, nc, oc}
	for i, c := range p.cols {
		for _, hs := range [][]string{changeAuthorHeaders, changeFieldHeaders, changeNewHeaders, changeOldHeaders} {
			if slices.Contains(hs, spaced(c.norm)) && !used(i) {
				own = append(own, i)
			}
		}
	}
	for f, i := range p.mapping {
		if slices.Contains(own, i) && !chosen(f) && f != FieldChangedField && f != FieldNewValue && f != FieldOldValue {
			delete(p.mapping, f)
		}
	}
	set(FieldExternalID, ic)
	opened := find(changeOpenedHeaders, own...)
	changed := find(changeDateHeaders, append(own, opened)...)
	if changed < 0 {
		changed = p.mappedAt(FieldUpdatedAt)
	}
	set(FieldUpdatedAt, changed)
	if !chosen(FieldOpened) {
		delete(p.mapping, FieldOpened)
		if opened >= 0 && opened != p.mappedAt(FieldUpdatedAt) {
			set(FieldOpened, opened)
		}
	}
	if p.format == FormatGeneric && hasHeader(p.cols, "documentkey") && hasHeader(p.cols, "fieldname") {
		// ServiceNow's sys_audit: its states are numbers.
		p.format = FormatServiceNow
	}
}

// mappedAt is the column of f, -1 when it has none.
func (p *plan) mappedAt(f Field) int {
	if i, ok := p.mapping[f]; ok {
		return i
	}
	return -1
}

// changeKind is what a change log's field is to a complaint.
type changeKind int

const (
	changeOther changeKind = iota
	changeStatus
	changeAssignee
	changePriority
	changeLevel
)

// fieldKind reads a change log's field name: «Статус», "status",
// "incident_state"; «Ответственный», "assignee", "assigned_to";
// «Приоритет», "priority"; «Уровень поддержки», «Линия», "Support tier",
// "escalation". ServiceNow's urgency and impact only feed its priority,
// and a group, queue or team is no person, whatever person word its name
// holds («Группа исполнителей», «Ответственная группа», "Assigned to
// group"): both are other fields.
func fieldKind(name string) changeKind {
	l := strings.TrimSpace(spaced(strings.ToLower(name)))
	has := func(words ...string) bool { return containsAny(l, words) }
	switch {
	case groupName(l):
		return changeOther
	case has("статус", "status", "состояни", "стади") || l == "state" || l == "incident state" || l == "stage":
		return changeStatus
	case has("приоритет", "priority", "срочност", "важност", "критичност", "severity"):
		return changePriority
	case has("эскал", "escalat", "линия", "линии", "уровень поддержки", "support tier", "support level", "support line") ||
		l == "уровень" || l == "level" || l == "tier" || l == "line":
		return changeLevel
	case has("ответственн", "исполнител", "назначен", "assignee", "assigned to", "owner", "responsible") || l == "agent":
		return changeAssignee
	}
	return changeOther
}

// groupName reports whether a field's or a column's name names a group
// of people, not one person: a queue, a team, a department («Группа
// исполнителей», "Assigned group", "Owner team"), though "Teammate
// assigned" is one person. Neither a change log's field nor a column so
// named is the assignee (see headerRank).
func groupName(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if slices.Contains(groupWords, w) || slices.ContainsFunc(groupStems, func(st string) bool { return strings.HasPrefix(w, st) }) {
			return true
		}
	}
	return false
}

var (
	groupWords = []string{"group", "groups", "queue", "queues", "team", "teams", "department", "departments", "dept"}
	groupStems = []string{"групп", "очеред", "команд", "отдел", "подразделени"}
)

// change is one row of a change log, read.
type change struct {
	row    int
	at     time.Time // when the change was made
	atText string    // the date as the file writes it, for a reject
	opened time.Time // the ticket's creation, when the row gives it
	kind   changeKind

	status     data.Status // changeStatus: the new status, "" for a not-appeal mark
	statusText string
	old        data.Status // the status before, when the row says and it is known
	notAppeal  bool        // the ticket was marked spam, deleted or merged
	assignee   string      // changeAssignee: "" = unassigned
	known      bool        // changeAssignee: the assignee is named (not a sys_id)
	priority   data.Priority
	level      data.Level
}

// changes holds a change log's rows per ticket until the end of the file.
type changes struct {
	rows  map[string][]change
	order []string
	// details are each ticket's other columns (client, subject…), a
	// later row's value replacing an earlier one's: kept once per
	// ticket, not per row.
	details map[string]*ticketRow
	others  map[string]int // changes of fields not read, by field name
}

// parseChange reads one row of a change log: the ticket's number, the
// change and the row's other columns; false when the row was rejected
// or skipped.
func (b *complaintBuilder) parseChange(rec []string, row int) (string, change, ticketRow, bool) {
	c := change{row: row}
	var details ticketRow
	if !b.usable(rec, row) {
		return "", c, details, false
	}
	id := b.text(rec, FieldExternalID)
	if id == "" {
		b.reject(rec, row, FieldExternalID, reasonIDMissing.msg())
		return "", c, details, false
	}
	at, present, ok := b.date(rec, FieldUpdatedAt, row)
	switch {
	case !ok:
		return "", c, details, false
	case !present:
		b.reject(rec, row, FieldUpdatedAt, reasonDateMissing.msg())
		return "", c, details, false
	case !b.happened(rec, b.col[FieldUpdatedAt], row, at):
		return "", c, details, false
	}
	c.at = at
	c.atText, _ = b.cell(rec, FieldUpdatedAt)
	c.atText = b.shown(b.col[FieldUpdatedAt], strings.TrimSpace(c.atText))
	if c.opened, present, ok = b.date(rec, FieldOpened, row); !ok {
		return "", c, details, false
	}
	if present && c.at.Before(c.opened) {
		b.reject(rec, row, FieldUpdatedAt, reasonBeforeOpened.msg())
		return "", c, details, false
	}
	field := b.text(rec, FieldChangedField)
	c.kind = fieldKind(field)
	v := b.text(rec, FieldNewValue)
	switch c.kind {
	case changeStatus:
		if v != "" && b.notAppeal(v) {
			c.notAppeal, c.statusText = true, v
			break
		}
		st, known := b.statuses.get(v, b.parseStatus)
		if !known {
			b.reject(rec, row, FieldNewValue, reasonStatus.msg())
			return "", c, details, false
		}
		c.status, c.statusText = st, v
		// The status before, as the row states it: a change the log
		// missed shows there. An unknown one is only not read.
		if old := b.text(rec, FieldOldValue); old != "" && !b.notAppeal(old) {
			c.old, _ = b.statuses.get(old, b.parseStatus)
		}
	case changeAssignee:
		c.known = !isSysID(v)
		c.assignee = b.person(rec, FieldNewValue)
	case changePriority:
		if v == "" {
			c.priority = data.PriorityNormal
			break
		}
		p, ok := b.priorities.get(v, b.parsePriority)
		if !ok {
			b.reject(rec, row, FieldNewValue, reasonPriority.msg())
			return "", c, details, false
		}
		c.priority = p
	case changeLevel:
		c.level = data.LevelFrontline
		if v != "" {
			c.level = parseLevel(v, namesLine(strings.ToLower(field)))
		}
	}
	if c.kind == changeOther {
		b.changes.others[field]++
	}
	b.details(rec, row, &details)
	return id, c, details, true
}

// holdChange keeps a change log's row for its ticket, and the columns
// describing the ticket that the row fills.
func (b *complaintBuilder) holdChange(id string, c change, d ticketRow) {
	merged, seen := b.changes.details[id]
	if !seen {
		b.changes.order = append(b.changes.order, id)
		merged = &ticketRow{typ: b.defType}
		b.changes.details[id] = merged
	}
	for _, s := range []struct{ dst, src *string }{{&merged.client, &d.client}, {&merged.tier, &d.tier}, {&merged.category, &d.category},
		{&merged.subcategory, &d.subcategory}, {&merged.subject, &d.subject}, {&merged.description, &d.description},
		{&merged.assignee, &d.assignee}} {
		if *s.src != "" {
			*s.dst = *s.src
		}
	}
	if d.channel != "" {
		merged.channel = d.channel
	}
	if d.typ != b.defType {
		merged.typ = d.typ
	}
	b.changes.rows[id] = append(b.changes.rows[id], c)
}

// flushChanges hands over a change log's tickets, each from its changes
// in time order.
func (b *complaintBuilder) flushChanges(emit func(*data.Complaint, int) bool) bool {
	defer b.moreNotAppeals()
	defer b.changeWarnings()
	for _, id := range b.changes.order {
		rows, details := b.changes.rows[id], b.changes.details[id]
		delete(b.changes.rows, id)
		delete(b.changes.details, id)
		slices.SortStableFunc(rows, func(x, y change) int { return x.at.Compare(y.at) })
		if last := lastStatus(rows); last != nil && last.notAppeal {
			b.skipNotAppeal(rows[0].row, last.statusText)
			continue
		}
		c, ok := b.fromChanges(id, rows, details)
		if !ok {
			continue
		}
		if c, ok = b.finish(nil, rows[0].row, c); ok && !emit(c, rows[0].row) {
			return false
		}
	}
	return true
}

// lastStatus is the latest status change of rows, nil when none.
func lastStatus(rows []change) *change {
	for i := len(rows) - 1; i >= 0; i-- {
		if rows[i].kind == changeStatus {
			return &rows[i]
		}
	}
	return nil
}

// fromChanges builds a ticket from its changes, sorted by time. A
// change dated before the creation another row gives is rejected;
// ok=false when none is left.
func (b *complaintBuilder) fromChanges(id string, rows []change, details *ticketRow) (*data.Complaint, bool) {
	var opened time.Time
	for _, r := range rows {
		if !r.opened.IsZero() && (opened.IsZero() || r.opened.Before(opened)) {
			opened = r.opened
		}
	}
	if opened.IsZero() {
		opened = rows[0].at
		b.openedByChange++
	}
	kept := rows[:0]
	for _, r := range rows {
		if r.at.Before(opened) {
			b.rejected(r.row, b.colName(FieldUpdatedAt), r.atText, reasonBeforeOpened.msg())
			continue
		}
		kept = append(kept, r)
	}
	if rows = kept; len(rows) == 0 {
		return nil, false
	}
	merged := *details
	merged.id, merged.opened, merged.priority = id, opened, data.PriorityNormal
	h := newHistory(opened)
	if slices.ContainsFunc(rows, func(r change) bool { return r.kind == changeAssignee }) {
		// An assignee column is read only when no change assigns.
		merged.assignee = ""
	}
	moved := false
	for _, r := range rows {
		switch r.kind {
		case changeStatus:
			if r.notAppeal {
				continue
			}
			if r.old != "" && r.old != h.status && (moved || !r.old.Open()) {
				// The log missed the move to the status this change
				// leaves: it happened, when is unknown. Before the first
				// move an open status is the one the ticket was created
				// in (Jira's "Open"): work on it begins with the move.
				h.move(r.old, time.Time{}, true)
			}
			moved = true
			if r.status == data.StatusClosed && cancelledStatus(b.p.format, r.statusText) {
				h.cancel(r.at)
			} else {
				h.move(r.status, r.at, false)
			}
			if lv, ok := statusLevel(r.statusText); ok {
				h.events = append(h.events, data.ComplaintEvent{At: r.at, Kind: data.EventEscalation, Level: lv})
				merged.level = lv
			}
		case changeAssignee:
			if !r.known {
				continue // a sys_id names nobody the store knows
			}
			h.events = append(h.events, data.ComplaintEvent{At: r.at, Kind: data.EventAssign, Assignee: r.assignee})
			merged.assignee = r.assignee
		case changePriority:
			merged.priority = r.priority
		case changeLevel:
			h.events = append(h.events, data.ComplaintEvent{At: r.at, Kind: data.EventEscalation, Level: r.level})
			merged.level = r.level
		}
	}
	c := b.complaint(merged)
	c.Events = h.events
	return c, true
}

// changeWarnings sum up what a change log's tickets lacked or left out:
// one warning each, never one per row.
func (b *complaintBuilder) changeWarnings() {
	if n := b.openedByChange; n > 0 {
		b.summaries = append(b.summaries, warning(warnOpenedByChange, map[string]any{"Count": n},
			"%d tickets have no creation date in the file: each is taken as opened at its first recorded change", n))
	}
	if len(b.changes.others) == 0 {
		return
	}
	n := 0
	names := make([]string, 0, len(b.changes.others))
	for name, k := range b.changes.others {
		n += k
		names = append(names, name)
	}
	slices.Sort(names)
	if len(names) > 5 {
		names = append(names[:5], "…")
	}
	for i, s := range names {
		if s != "…" {
			names[i] = strconv.Quote(s)
		}
	}
	list := strings.Join(names, ", ")
	b.summaries = append(b.summaries, warning(warnOtherChanges, map[string]any{"Count": n, "Fields": list},
		"%d changes of other fields (%s) were not read: only status, assignee, priority and support level changes are", n, list))
}
