package importer

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"caredesk/data"
)

// ticketRow is one row of a ticket export, parsed. An ordinary export has
// one row per ticket; an event log has one per change of state.
type ticketRow struct {
	row                                        int
	id                                         string
	opened, updated, respondedAt               time.Time
	resolvedAt, closedAt                       time.Time
	status                                     data.Status // "" when the row says none
	statusText                                 string
	cancelled                                  bool // closed without a resolution
	priority                                   data.Priority
	typ                                        data.ComplaintType
	channel                                    data.Channel
	client, tier, category, subcategory        string
	subject, description, assignee, resolution string
	verdict                                    data.Verdict
	level                                      data.Level // the escalation level reached ("" when the row says none)
	escalatedAt                                time.Time  // when, if the row dates it
	reopens                                    int
	agents                                     int       // at least this many agents held it, when the row counts them (0 = unknown)
	firstResolvedAt                            time.Time // its first resolution, when the row dates it apart from the last one
	compensation                               int64
	notAppeal                                  bool // marked spam, deleted or merged
}

// complaintBuilder turns ticket rows into complaints.
type complaintBuilder struct {
	rowBase
	// dayOnly: the response, resolution or closing date column holds
	// dates without a time of day (see the check against the opening).
	dayOnly  map[int]bool
	source   string
	defType  data.ComplaintType
	units    map[Field]durationScale
	disputed bool // the verdict column records disputes (CFPB)
	numbered bool // the escalation column names levels or lines: a bare 1 is the front line
	rated    bool // the verdict column may hold 1-5 ratings (Jira, CSAT)
	vip      bool // the tier column is a VIP flag (see parseTier)
	calls    callColumns
	chats    bool // a chat log: its conversations came by chat
	outbound int  // calls the team made, skipped
	// flagStatus is the status a yes of the status column means when the
	// column is a yes/no flag (see statusFlag); "" otherwise.
	flagStatus data.Status
	// agentCounts are the columns counting who held a ticket (see
	// agentCountColumns); firstResolution is Zendesk's "First
	// resolution time in minutes", -1 when there is none.
	agentCounts     []agentCount
	firstResolution int
	statuses        valueCache[data.Status]
	// parseStatus reads the layout's statuses (ServiceNow may export
	// state numbers).
	parseStatus func(string) (data.Status, bool)
	// notAppeal tells the statuses of tickets that are no appeal.
	notAppeal func(string) bool
	// openNew: «Открыта» is the status a ticket is created in, new
	// until someone is assigned (see openIsNew).
	openNew bool
	// duplicate is the column flagging a request as a copy of another,
	// -1 when there is none (see duplicateColumn).
	duplicate int
	// parsePriority reads the layout's priorities (GLPI's "Major").
	parsePriority func(string) (data.Priority, bool)
	priorities    valueCache[data.Priority]
	types         valueCache[data.ComplaintType]
	states        valueCache[bool] // see stateNotOutcome
	marks         valueCache[bool] // see markedNotAppeal
	outcomes      valueCache[data.Status]
	verdicts      valueCache[data.Verdict]
	chans         valueCache[data.Channel]
	// eventLog: several rows per ticket; rows are held per ticket until
	// the end of the file, in order of first appearance.
	eventLog bool
	logs     map[string][]ticketRow
	logOrder []string
	// changeLog: a row per change of one field (see changeLogShape);
	// changes are held per ticket until the end of the file.
	changeLog      bool
	changes        changes
	openedByChange int // tickets dated by their first change
	// clientAlt is the column naming the client's person when the
	// client column names the organisation, -1 when there is none (see
	// clientFallback).
	clientAlt int
	// laterOutcome is the column of the outcome of a later stage, which
	// says more than the resolution column's first one when it is
	// filled; -1 when there is none (see laterOutcomeColumn).
	laterOutcome int
	// sysIDsWarned: the person columns already warned of sys_ids.
	sysIDsWarned map[Field]bool
	// inKind counts the rows whose compensation was given in kind, and
	// inKindExample is the first such value (see compensationInKind).
	inKind        int
	inKindExample string
	// customStatuses are the Freshdesk custom status numbers read as in
	// progress (see freshdeskCustomStatus), in order of appearance.
	customStatuses []string
	// bbb: the statuses are the Better Business Bureau's (bbbClosings).
	bbb bool
	// caseNumbers counts the rows refused for a ServiceNow case state
	// number (see serviceNowCases), -1 when the file lists no cases.
	caseNumbers int
	// tweets: the file is a tweet log (see tweetThreads); nil otherwise.
	tweets *tweetThreads
}

// defaultType is the type of a ticket whose source does not say: every
// row of a complaint register (CFPB, a file mapped by hand) and of an
// incident table (ServiceNow) is a complaint; help desks that also take
// questions (Zendesk, Freshdesk) default to question.
func defaultType(format string) data.ComplaintType {
	if format == FormatZendesk || format == FormatFreshdesk {
		return data.TypeQuestion
	}
	return data.TypeComplaint
}

func newComplaintBuilder(p *plan, opt Options) *complaintBuilder {
	b := &complaintBuilder{
		rowBase:      newRowBase(p, opt),
		source:       p.source(opt),
		defType:      defaultType(p.format),
		units:        map[Field]durationScale{},
		statuses:     valueCache[data.Status]{},
		priorities:   valueCache[data.Priority]{},
		types:        valueCache[data.ComplaintType]{},
		states:       valueCache[bool]{},
		marks:        valueCache[bool]{},
		outcomes:     valueCache[data.Status]{},
		verdicts:     valueCache[data.Verdict]{},
		chans:        valueCache[data.Channel]{},
		sysIDsWarned: map[Field]bool{},
	}
	for _, f := range []Field{FieldFirstResponse, FieldResolutionTime} {
		if i, ok := p.mapping[f]; ok {
			b.units[f] = durationUnit(p.cols[i].name)
		}
	}
	b.dayOnly = map[int]bool{}
	for _, f := range []Field{FieldRespondedAt, FieldResolvedAt, FieldClosedAt} {
		if i, ok := p.mapping[f]; ok {
			_, clocked := b.clocks[i]
			b.dayOnly[i] = !clocked && p.datesWithoutTime(i)
		}
	}
	if i, ok := p.mapping[FieldVerdict]; ok {
		n := p.cols[i].norm
		b.disputed = strings.Contains(n, "disput") || strings.Contains(n, "оспор")
		b.rated = strings.Contains(n, "rating") || strings.Contains(n, "оценк") || strings.Contains(n, "score") || strings.Contains(n, "csat") ||
			!b.disputed && ratingsIn(sampleValues(p, FieldVerdict))
	}
	if i, ok := p.mapping[FieldLevel]; ok {
		b.numbered = namesLine(p.cols[i].norm)
	}
	if i, ok := p.mapping[FieldTier]; ok {
		b.vip = vipFlag(p.cols[i].norm)
	}
	if i, ok := p.mapping[FieldStatus]; ok {
		b.flagStatus, _ = statusFlag(p, i)
	}
	b.parseStatus, b.notAppeal = planStatusParser(p)
	b.tweets = tweetLog(p)
	b.bbb = bbbClosings(p)
	if b.caseNumbers = -1; serviceNowCases(p) {
		b.caseNumbers = 0
	}
	b.openNew = openIsNew(p, b.parseStatus)
	if p.format == FormatFreshdesk {
		parse := b.parseStatus
		b.parseStatus = func(s string) (data.Status, bool) {
			st, ok := parse(s)
			if v := strings.TrimSpace(s); ok && freshdeskCustomStatus(v) && !slices.Contains(b.customStatuses, v) {
				b.customStatuses = append(b.customStatuses, v)
			}
			return st, ok
		}
	}
	b.duplicate = duplicateColumn(p)
	b.chats = chatLog(p)
	if b.calls = findCallColumns(p); b.calls.log {
		b.parseStatus = callStatus(b.parseStatus)
	}
	b.clientAlt = clientFallback(p)
	b.laterOutcome = laterOutcomeColumn(p)
	b.agentCounts = agentCountColumns(p)
	b.firstResolution = exactColumn(p.cols, nil, []string{"first resolution time in minutes"})
	b.parsePriority = parsePriority
	switch {
	case p.format == FormatGLPI:
		b.parsePriority = glpiPriority
	case p.format == FormatFreshdesk:
		b.parsePriority = freshdeskPriority
	case suiteCRMStatuses(p):
		b.parsePriority = suiteCRMPriority
	case deskproUrgency.fits(p):
		b.parsePriority = deskproUrgency.parse
	case rtPriorities.fits(p):
		b.parsePriority = rtPriorities.parse
	case urgentBelowCritical(p):
		b.parsePriority = func(s string) (data.Priority, bool) {
			if strings.EqualFold(strings.TrimSpace(s), "urgent") {
				return data.PriorityHigh, true
			}
			return parsePriority(s)
		}
	}
	b.changeLog = p.changeLog()
	if b.changeLog {
		b.changes = changes{rows: map[string][]change{}, details: map[string]*ticketRow{}, others: map[string]int{}}
	}
	b.eventLog = !b.changeLog && repeatsIDs(p)
	if b.eventLog {
		b.logs = map[string][]ticketRow{}
	}
	return b
}

// statusParser reads the statuses of a layout: ServiceNow may export
// state numbers.
func statusParser(format string) func(string) (data.Status, bool) {
	switch format {
	case FormatServiceNow:
		return func(s string) (data.Status, bool) {
			if st, ok := serviceNowStates[strings.TrimSpace(s)]; ok {
				return st, true
			}
			return parseStatus(s)
		}
	case FormatFreshdesk:
		return func(s string) (data.Status, bool) {
			if freshdeskCustomStatus(s) {
				return data.StatusInProgress, true
			}
			return parseStatus(freshdeskCode(freshdeskStatuses, s))
		}
	}
	return parseStatus
}

// serviceNowCases reports whether a ServiceNow file lists Customer
// Service cases (CS… numbers): their state numbers are not an
// incident's (a case's 3 is not On Hold), so only state names are read.
func serviceNowCases(p *plan) bool {
	if p.format != FormatServiceNow {
		return false
	}
	return slices.ContainsFunc(sampleValues(p, FieldExternalID), func(v string) bool {
		return strings.HasPrefix(strings.ToUpper(strings.TrimSpace(v)), "CS")
	})
}

// planStatusParser reads the statuses of a file: LiveAgent's one-letter
// codes when the status column holds only those, else the layout's.
func planStatusParser(p *plan) (parse func(string) (data.Status, bool), skip func(string) bool) {
	if serviceNowCases(p) {
		return parseStatus, notAppeal
	}
	if bbbClosings(p) {
		return func(s string) (data.Status, bool) {
			st, ok := bbbStatuses[strings.ToLower(strings.TrimSpace(s))]
			return st, ok
		}, notAppeal
	}
	if suiteCRMStatuses(p) {
		return func(s string) (data.Status, bool) {
				state, status, _ := strings.Cut(strings.TrimSpace(s), "_")
				if st, ok := parseStatus(status); ok {
					return st, true
				}
				return parseStatus(state) // a status of the account's own
			}, func(s string) bool {
				_, status, _ := strings.Cut(s, "_")
				return notAppeal(status)
			}
	}
	if !liveAgentCodes(p) {
		return statusParser(p.format), notAppeal
	}
	return func(s string) (data.Status, bool) {
			st, ok := liveAgentStatuses[strings.TrimSpace(s)]
			return st, ok
		}, func(s string) bool {
			return slices.Contains(liveAgentNotAppeals, strings.TrimSpace(s))
		}
}

// openedWords are the Russian help desks' «Открыта» in its genders and
// forms, whole values only («Открыта повторно» is a reopening).
var openedWords = []string{"открыт", "открыта", "открыто", "открытый", "открытая", "открытое", "открыт(а)"}

func openedWord(s string) bool {
	return slices.Contains(openedWords, strings.ToLower(strings.Join(strings.Fields(s), " ")))
}

// openIsNew reports whether «Открыта» is the status a ticket is created
// in, as Okdesk, Yandex Tracker, HelpDeskEddy and Pyrus name it: it is
// when the file's statuses name no "new" of their own. Such a ticket is
// still new while nobody is assigned to it, and in work once someone is
// (Pyrus keeps a task «Открыта» through all its stages). Where the
// statuses name a "new" (OTRS «новая» → «открыта», Usedesk «Новый» →
// «Открыт»), an open ticket has left it and is in work.
func openIsNew(p *plan, parse func(string) (data.Status, bool)) bool {
	values := sampleValues(p, FieldStatus)
	if p.changeLog() {
		values = append(values, sampleValues(p, FieldNewValue)...)
		values = append(values, sampleValues(p, FieldOldValue)...)
	}
	opened := false
	for _, v := range values {
		if openedWord(v) {
			opened = true
		} else if st, ok := parse(v); ok && st == data.StatusNew {
			return false
		}
	}
	return opened
}

// liveAgentCodes reports whether every status in the sample is one of
// LiveAgent's one-letter codes. Single letters mean nothing else: read
// as words, each would be an unknown status.
func liveAgentCodes(p *plan) bool {
	values := sampleValues(p, FieldStatus)
	for _, v := range values {
		if _, known := liveAgentStatuses[v]; !known && !slices.Contains(liveAgentNotAppeals, v) {
			return false
		}
	}
	return len(values) > 0
}

// suiteCRMStatuses reports whether the status column holds SuiteCRM's
// keys of case statuses, the state and the status joined ("Open_New",
// "Open_Pending Input", "Closed_Rejected"): its export writes the stored
// keys, not the names it shows.
func suiteCRMStatuses(p *plan) bool {
	values := sampleValues(p, FieldStatus)
	for _, v := range values {
		state, status, ok := strings.Cut(v, "_")
		if !ok || status == "" || !strings.EqualFold(state, "open") && !strings.EqualFold(state, "closed") {
			return false
		}
	}
	return len(values) > 0
}

// suiteCRMPriority reads SuiteCRM's priority keys: P1 is its "High", the
// top of three (P1 is critical in the ITSM tools' P1 to P5).
func suiteCRMPriority(s string) (data.Priority, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "P1":
		return data.PriorityHigh, true
	case "P2":
		return data.PriorityNormal, true
	case "P3":
		return data.PriorityLow, true
	}
	return parsePriority(s)
}

// bbbStatuses are the Better Business Bureau's closing statuses of a
// complaint (its business profiles define them): it publishes closed
// complaints only. Resolved: the customer verified the issue resolved;
// Answered: the business addressed it, the customer did not accept or
// did not tell; Unresolved: the business responded without a good faith
// effort to resolve it; Unanswered: the business failed to respond;
// Unpursuable: the BBB could not locate the business; Administratively
// Closed: the BBB closed it for its own reasons (the customer did not
// answer it, a duplicate). The last three resolved nothing (see
// bbbUnresolving).
var bbbStatuses = map[string]data.Status{"resolved": data.StatusResolved, "answered": data.StatusClosed, "unresolved": data.StatusClosed,
	"unanswered": data.StatusClosed, "unpursuable": data.StatusClosed, "administratively closed": data.StatusClosed}

// bbbUnresolving reports whether a BBB status closed the complaint
// without anything resolved: nobody answered, as «Оставлено без ответа».
func bbbUnresolving(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return l == "unanswered" || l == "unpursuable" || l == "administratively closed"
}

// bbbClosings reports whether the sample's statuses are all the BBB's
// and include one no help desk uses for an open ticket (Unanswered,
// Unpursuable, Administratively Closed): elsewhere "Answered" waits for
// the client and "Unresolved" is still in work.
func bbbClosings(p *plan) bool {
	values := sampleValues(p, FieldStatus)
	for _, v := range values {
		if _, ok := bbbStatuses[strings.ToLower(v)]; !ok {
			return false
		}
	}
	return slices.ContainsFunc(values, bbbUnresolving)
}

// duplicateHeaders name a column flagging a request as a copy of another
// one: Chicago's 311 data marks its duplicates DUPLICATE = true, beside
// the number of the request they repeat. A copy is no appeal of its own.
var duplicateHeaders = []string{"duplicate", "is duplicate", "дубликат", "дубль"}

// duplicateColumn returns the column no field holds whose header is a
// duplicateHeader and whose sample values are all yes or no; -1 when
// there is none.
func duplicateColumn(p *plan) int {
	dc := p.freeColumn(duplicateHeaders)
	if dc < 0 {
		return -1
	}
	for _, r := range p.sample {
		if dc < len(r) && !isMissing(r[dc]) {
			if n, ok := parseCount(r[dc]); !ok || n > 1 {
				return -1
			}
		}
	}
	return dc
}

// duplicated reports whether rec is flagged as a copy of another request.
func (b *complaintBuilder) duplicated(rec []string) bool {
	if b.duplicate < 0 || b.duplicate >= len(rec) {
		return false
	}
	n, ok := parseCount(rec[b.duplicate])
	return ok && n == 1
}

// urgentBelowCritical reports whether the priorities run Normal, Urgent,
// Critical, as Trudesk's do: with "Critical" above it and no "High",
// "Urgent" is the step below the top, not the top itself (as it is in
// Freshdesk's Low, Medium, High, Urgent).
func urgentBelowCritical(p *plan) bool {
	urgent, critical := false, false
	for _, v := range sampleValues(p, FieldPriority) {
		switch strings.ToLower(v) {
		case "urgent":
			urgent = true
		case "critical":
			critical = true
		case "high":
			return false
		}
	}
	return urgent && critical
}

// sampleValues are the values of field's column in the sample, trimmed,
// leaving out the missing ones; none when the field is not mapped.
func sampleValues(p *plan, f Field) []string {
	i, ok := p.mapping[f]
	if !ok {
		return nil
	}
	var out []string
	for _, r := range p.sample {
		if i < len(r) && !isMissing(r[i]) {
			out = append(out, strings.TrimSpace(r[i]))
		}
	}
	return out
}

// repeatsIDs reports whether the file is an event log, a row per change
// of a ticket's state: ids repeat in the sample, dated by an update-time
// column, or (without one) on at least three rows and a tenth of them. A
// register with one number typed twice is not a log: read as one, it
// would merge two complaints. Rows with fewer than half the header's
// cells (a report's footer lines; XLSX drops only trailing empty cells)
// are left out.
func repeatsIDs(p *plan) bool {
	i, ok := p.mapping[FieldExternalID]
	if !ok {
		return false
	}
	seen := map[string]bool{}
	rows, repeats := 0, 0
	for _, r := range p.sample {
		if len(r)*2 < len(p.cols) || i >= len(r) || isMissing(r[i]) {
			continue
		}
		rows++
		id := strings.TrimSpace(r[i])
		if seen[id] {
			repeats++
		}
		seen[id] = true
	}
	if _, dated := p.mapping[FieldUpdatedAt]; dated {
		return repeats > 0
	}
	return repeats >= 3 && repeats*10 >= rows
}

// parseRow reads one record; ok=false when it was rejected or skipped.
func (b *complaintBuilder) parseRow(rec []string, row int) (ticketRow, bool) {
	r := ticketRow{row: row}
	if !b.usable(rec, row) {
		return r, false
	}
	if v, out := b.calls.outbound(rec); out && !b.eventLog {
		b.skipNamed(&b.outbound, func() Message {
			return warning(warnOutboundCall, map[string]any{"Row": row, "Value": v},
				"row %d is an outbound call (%q): the team called, no client appealed, so it was skipped", row, v)
		})
		return r, false
	}
	dup := b.duplicated(rec)
	v := b.statusText(rec)
	// Jira closes a copy with the resolution "Duplicate", Boston's 311
	// with the closure reason "… Duplicate of Existing Case": a copy, as
	// a duplicate flag marks one.
	res := b.text(rec, FieldResolution)
	marked := v != "" && b.markedNotAppeal(v)
	dupResolved := !dup && !marked && duplicateResolution(res)
	if dup || dupResolved || marked {
		r.notAppeal, r.statusText = true, v
		switch {
		case dup:
			r.statusText = b.names[b.duplicate] + ": " + strings.TrimSpace(rec[b.duplicate])
		case dupResolved:
			r.statusText = b.colName(FieldResolution) + ": " + res
		}
		if !b.eventLog {
			b.skipNotAppeal(row, r.statusText)
			return r, false
		}
		// An event log's ticket is skipped when its final state says so;
		// a ticket taken out of spam again stays.
	}
	var present, ok bool
	r.opened, present, ok = b.date(rec, FieldOpened, row)
	if !ok || present && !b.happened(rec, b.col[FieldOpened], row, r.opened) {
		return r, false
	} else if !present {
		var fromID bool
		if b.p.openedFromIDs {
			id, _ := b.cell(rec, FieldExternalID)
			r.opened, fromID = objectIDTime(id, time.Now())
		}
		switch {
		case fromID:
		case b.opt.FileDate.IsZero():
			raw, _ := b.cell(rec, FieldOpened)
			b.rejected(row, b.colName(FieldOpened), strings.TrimSpace(raw), reasonDateMissing.msg())
			return r, false
		default:
			r.opened = b.opt.FileDate
		}
	}
	for _, d := range []struct {
		f  Field
		to *time.Time
	}{{FieldUpdatedAt, &r.updated}, {FieldRespondedAt, &r.respondedAt}, {FieldResolvedAt, &r.resolvedAt}, {FieldClosedAt, &r.closedAt}} {
		if *d.to, _, ok = b.date(rec, d.f, row); !ok {
			return r, false
		}
		// A date without its time on the opening's day («Дата решения»
		// 05.03.2024 beside an opening at 09:15) says the day, not an
		// hour before the opening: a duration column may still time the
		// event (below); else it stays undated, no duration is invented
		// and the row is kept.
		if i := b.col[d.f]; !d.to.IsZero() && d.to.Before(r.opened) && b.dayOnly[i] && sameDay(*d.to, r.opened) {
			*d.to = time.Time{}
		}
	}
	for _, d := range []struct {
		f  Field
		at *time.Time
	}{{FieldFirstResponse, &r.respondedAt}, {FieldResolutionTime, &r.resolvedAt}} {
		v := b.text(rec, d.f)
		if v == "" || !d.at.IsZero() {
			continue
		}
		dur, ok := parseDuration(v, b.units[d.f])
		if !ok {
			b.reject(rec, row, d.f, reasonDuration.msg())
			return r, false
		}
		*d.at = r.opened.Add(dur)
	}
	// An event before the opening is a mistake in the file, not a fact.
	for _, d := range []struct {
		fields []Field
		at     *time.Time
	}{{[]Field{FieldRespondedAt, FieldFirstResponse}, &r.respondedAt}, {[]Field{FieldResolvedAt, FieldResolutionTime}, &r.resolvedAt}, {[]Field{FieldClosedAt}, &r.closedAt}} {
		if d.at.IsZero() || !d.at.Before(r.opened) {
			continue
		}
		f := d.fields[0]
		if _, mapped := b.col[f]; !mapped {
			f = d.fields[1]
		}
		b.reject(rec, row, f, reasonBeforeOpened.msg())
		return r, false
	}

	if v := b.statusText(rec); v != "" && !r.notAppeal {
		st, known := b.statuses.get(v, b.parseStatus)
		if !known {
			if b.caseNumbers >= 0 && allDigits(v) {
				b.caseNumbers++
			}
			b.reject(rec, row, FieldStatus, reasonStatus.msg())
			return r, false
		}
		r.status, r.statusText = st, v
		r.cancelled = st == data.StatusClosed && (cancelledStatus(b.p.format, v) || b.bbb && bbbUnresolving(v))
	}
	if v, missed := b.calls.missed(rec); missed || b.calls.log && missedCall(r.statusText) {
		// Nobody picked up: the client hung up, no one responded and
		// nothing was resolved.
		r.status, r.cancelled, r.respondedAt = data.StatusClosed, true, time.Time{}
		r.statusText = cmp.Or(r.statusText, v)
	}
	r.priority = data.PriorityNormal
	if v := b.text(rec, FieldPriority); v != "" {
		p, ok := b.priorities.get(v, b.parsePriority)
		if !ok {
			b.reject(rec, row, FieldPriority, reasonPriority.msg())
			return r, false
		}
		r.priority = p
	}
	if v := b.text(rec, FieldReopens); v != "" {
		n, ok := parseCount(v)
		if !ok {
			// The BPI Challenge's Rabobank incidents date their last
			// reopening ("Reopen Time"): reopened at least once.
			_, why := b.dates.parse(v)
			n, ok = 1, why == ""
		}
		if !ok {
			b.reject(rec, row, FieldReopens, reasonCount.msg())
			return r, false
		}
		r.reopens = n
	}
	b.readAgents(rec, &r)
	if b.firstResolution >= 0 && b.firstResolution < len(rec) && !r.opened.IsZero() {
		if n, ok := parseCount(rec[b.firstResolution]); ok && n > 0 {
			r.firstResolvedAt = r.opened.Add(time.Duration(n) * time.Minute)
		}
	}
	if r.reopens == 0 && !b.eventLog && reopenedStatus(r.statusText) {
		// «Повторно открыта», "Reopened": open again after a resolution,
		// once at least, though the file counts no reopens.
		r.reopens = 1
	}
	inKind := ""
	if v := b.text(rec, FieldCompensation); v != "" {
		n, ok := parseAmount(v)
		switch {
		case ok:
			r.compensation = n
		case compensationInKind(v):
			// A discount or a promo code: the complaint is kept, with no
			// amount invented and the text added to its resolution.
			inKind = v
		default:
			b.reject(rec, row, FieldCompensation, reasonAmount.msg())
			return r, false
		}
	}
	if v := b.text(rec, FieldVerdict); v != "" {
		r.verdict, _ = b.verdicts.get(v, func(s string) (data.Verdict, bool) {
			if b.rated {
				if v, ok := ratingVerdict(s); ok {
					return v, true
				}
			}
			if v, ok := explicitRating(s); ok && !b.disputed {
				return v, true
			}
			return parseVerdict(s, b.disputed), true
		})
	}
	if v := b.text(rec, FieldLevel); v != "" {
		// «Эскалировано: 12.03.2024»: escalated, and when.
		if t, why := b.dates.parse(v); why == "" && len(v) >= 8 {
			r.level, r.escalatedAt = data.LevelSenior, t
		} else {
			r.level = parseLevel(v, b.numbered)
		}
	}
	if lv, ok := statusLevel(r.statusText); ok && levelRank(lv) > levelRank(r.level) {
		r.level = lv
	}
	b.details(rec, row, &r)
	if b.openNew && r.status == data.StatusInProgress && r.assignee == "" && openedWord(r.statusText) {
		r.status = data.StatusNew
	}
	r.resolution = b.clip(rec, row, FieldResolution, data.MaxCommentLen)
	if b.laterOutcome >= 0 && b.laterOutcome < len(rec) {
		if v := cleanText(rec[b.laterOutcome]); v != "" && utf8.RuneCountInString(v) <= data.MaxCommentLen {
			r.resolution = v
		}
	}
	if r.reopens == 0 && !b.eventLog && len(r.resolution) < 20 && reopenedStatus(r.resolution) {
		// MantisBT sets an issue's resolution to "reopened" when it
		// reopens it ($g_bug_reopen_resolution), until it is resolved
		// again.
		r.reopens = 1
	}
	b.appealResult(&r)
	if r.resolution != "" && utf8.RuneCountInString(r.resolution) < 20 && b.stateNotOutcome(r.resolution) {
		// San Francisco's 311 notes an open case's status as "open":
		// a state, not how the case was resolved. A claim's outcome
		// («Удовлетворена», «Отказано») is one.
		r.resolution = ""
	}
	if r.resolution == "" && !r.status.Open() && strings.Contains(strings.ToLower(r.statusText), " with") {
		// "Closed with monetary relief" says how it was resolved.
		r.resolution = r.statusText
	}
	if inKind != "" {
		r.resolution = withCompensation(r.resolution, b.colName(FieldCompensation), inKind)
		if b.inKind++; b.inKind == 1 {
			b.inKindExample = inKind
		}
	}
	if v := b.text(rec, FieldExternalID); v != "" {
		r.id = v
	} else {
		r.id = b.contentID(func(buf []byte) []byte {
			buf = r.opened.UTC().AppendFormat(buf, time.RFC3339Nano)
			for _, s := range []string{r.client, r.category, r.subcategory, r.subject, r.description, r.assignee, r.statusText} {
				buf = append(buf, 0x1f)
				buf = append(buf, s...)
			}
			return buf
		})
	}
	return r, true
}

// openState reports whether a resolution cell names a state of a ticket
// still open («На рассмотрении», "open"), not how it was resolved.
func openState(s string) bool {
	st, ok := parseStatus(s)
	return ok && st.Open()
}

// markedNotAppeal reports whether a status marks a ticket spam, deleted
// or merged (b.notAppeal), each status read once.
func (b *complaintBuilder) markedNotAppeal(status string) bool {
	marked, _ := b.marks.get(status, func(s string) (bool, bool) { return b.notAppeal(s), true })
	return marked
}

// stateNotOutcome reports whether a short resolution cell names a state
// (open, spam, merged) rather than how the ticket was resolved; the few
// values a file repeats are read once.
func (b *complaintBuilder) stateNotOutcome(s string) bool {
	state, _ := b.states.get(s, func(s string) (bool, bool) { return notAppeal(s) || openState(s), true })
	return state
}

// appealResult reads the result of an appeal's consideration
// («Разъяснено», «Не поддержано», «Направлено по компетенции»): where
// the file says no status, the result does; an appeal sent on to
// another body or left unanswered is closed resolving nothing, whatever
// the status says of the document («Снято с контроля», «Исполнено»). A
// result in the status column is kept as the resolution when none is.
func (b *complaintBuilder) appealResult(r *ticketRow) {
	if r.resolution != "" {
		if out, ok := appealOutcome(r.resolution); ok && !r.notAppeal {
			nothing := cancelledStatus(b.p.format, r.resolution)
			switch {
			case r.status == "":
				r.status, r.statusText, r.cancelled = out, r.resolution, nothing
			case !r.status.Open() && out == data.StatusClosed:
				// «Не поддержано», «Направлено по компетенции» beside the
				// document's «Снято с контроля»: the result says more.
				r.status, r.cancelled = data.StatusClosed, nothing
			case r.status.Open() && appealPending(r.statusText):
				// Answered, the document still «На контроле» until it is
				// taken off: the appeal has its result (it was counted
				// reopened after its answer date).
				r.status, r.cancelled = out, nothing
			}
		}
		if appealPending(r.resolution) {
			r.resolution = "" // «Рассмотрение продлено»: a state, no result yet
		}
	}
	if r.resolution == "" && !r.status.Open() {
		// A status repeats: whether it is a result is read once.
		if _, ok := b.outcomes.get(r.statusText, appealOutcome); ok {
			r.resolution = r.statusText
		}
	}
}

// details reads the columns that describe a ticket: its type, channel,
// client, category, subject, description and assignee.
func (b *complaintBuilder) details(rec []string, row int, r *ticketRow) {
	readChannel := func(s string) (data.Channel, bool) { return ticketChannel(s), true }
	if b.p.format == FormatFreshdesk {
		readChannel = func(s string) (data.Channel, bool) { return ticketChannel(freshdeskCode(freshdeskSources, s)), true }
	}
	r.typ = b.defType
	typeChannel := data.ChannelOther
	if v := b.text(rec, FieldType); v != "" {
		if t, ok := b.types.get(v, parseType); ok {
			r.typ = t
		} else {
			// Help Scout's "Type" says how the conversation came in:
			// email, chat or phone.
			typeChannel, _ = b.chans.get(v, readChannel)
		}
	}
	if v := b.text(rec, FieldChannel); v != "" {
		r.channel, _ = b.chans.get(v, readChannel)
	}
	if r.channel == "" && typeChannel != data.ChannelOther {
		r.channel = typeChannel
	}
	if b.chats && r.channel == data.ChannelWeb {
		r.channel = data.ChannelChat // a chat log's «Виджет на сайте»: the site's chat
	}
	if _, mapped := b.col[FieldChannel]; !mapped && r.channel == "" {
		switch {
		case b.calls.log:
			r.channel = data.ChannelPhone // a call log's calls
		case b.chats:
			r.channel = data.ChannelChat
		}
	}
	r.client = b.person(rec, FieldClient)
	if r.client == "" && b.clientAlt >= 0 && b.clientAlt < len(rec) {
		if v := cleanText(rec[b.clientAlt]); !contactDetail(v) {
			r.client = v
		}
	}
	r.tier = parseTier(b.text(rec, FieldTier), b.vip)
	r.category = b.text(rec, FieldCategory)
	r.subcategory = b.text(rec, FieldSubcategory)
	r.subject = b.clip(rec, row, FieldSubject, data.MaxShortText)
	r.description = b.clip(rec, row, FieldDescription, data.MaxCommentLen)
	r.assignee = mailboxName(b.person(rec, FieldAssignee))
}

// person reads a client or assignee cell. ServiceNow exported without
// display values writes a person's sys_id (32 hex digits) instead of the
// name: it is no name to file a client or an employee under, so it is
// left empty, with one warning per column.
func (b *complaintBuilder) person(rec []string, f Field) string {
	v := firstListed(b.text(rec, f))
	if noOne(v) {
		return ""
	}
	if !isSysID(v) {
		return v
	}
	if !b.sysIDsWarned[f] {
		b.sysIDsWarned[f] = true
		col := b.colName(f)
		b.summaries = append(b.summaries, warning(warnSysIDs, map[string]any{"Column": col},
			"column %q holds ServiceNow sys_ids instead of names: they are left empty; export the table with display values to import the names", col))
	}
	return ""
}

// firstListed reads a list written in brackets ("[Ivan Petrov, Anna
// Lee]", ClickUp's assignees): a ticket has one person in each role, the
// first one listed. Anything else is returned as it is.
func firstListed(v string) string {
	if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") || strings.ContainsAny(v[1:len(v)-1], "[]") {
		return v // "[Test] Acme [old]" is a name
	}
	inner := v[1 : len(v)-1]
	first, _, _ := strings.Cut(inner, ",")
	return strings.Trim(strings.TrimSpace(first), `"'`)
}

// mailboxName returns the name of "Anna Lee <anna@corp.com>", as Azure
// DevOps writes a person: the employee is filed under the name. Anything
// else is returned as it is.
func mailboxName(v string) string {
	i := strings.LastIndexByte(v, '<')
	if i <= 0 || !strings.HasSuffix(v, ">") || !strings.Contains(v[i:], "@") {
		return v
	}
	if name := strings.Trim(strings.TrimSpace(v[:i]), `"'`); name != "" {
		return name
	}
	return v
}

// outcomeStages pair the header of a first stage's outcome with the
// later stage's: the SPSO's model complaints log records the outcome at
// the frontline response stage and, when the complainant escalates, at
// the investigation stage, which is the complaint's final one.
var outcomeStages = [][2]string{
	{"outcome at frontline response stage", "outcome at investigation stage"},
	{"action taken and outcome at frontline response stage", "action taken and outcome at investigation stage"},
}

// laterOutcomeColumn is the unmapped column of the later stage's
// outcome when the resolution column holds the first stage's; -1 when
// the file records no stages.
func laterOutcomeColumn(p *plan) int { return pairedColumn(p, FieldResolution, outcomeStages) }

// pairedColumn is the unmapped column whose header pairs (second of a
// pair) with the header of field's mapped column (first); -1 when none.
func pairedColumn(p *plan, field Field, pairs [][2]string) int {
	i, ok := p.mapping[field]
	if !ok {
		return -1
	}
	used := p.mappedColumns()
	for _, pair := range pairs {
		if p.cols[i].norm != pair[0] {
			continue
		}
		for j, c := range p.cols {
			if !used[j] && c.norm == pair[1] {
				return j
			}
		}
	}
	return -1
}

// clientPairs are the headers of an export that names the organisation
// and the person who asked apart, organisation first: Creatio's case
// («Контрагент» or «Контакт», one of the two required), amoCRM's lead
// («Компания», «Полное имя контакта»). The client is the organisation;
// a row without one is filed under the person.
var clientPairs = [][2]string{
	{"контрагент", "контакт"},
	{"компания", "полное имя контакта"},
}

// clientFallback is the column of the person who asked, read when the
// mapped client column (the organisation) is empty in a row; -1 when the
// file does not name both apart.
func clientFallback(p *plan) int { return pairedColumn(p, FieldClient, clientPairs) }

// contactDetail reports whether a person cell holds an e-mail address or
// a phone number rather than a name: a «Контакт» column kept by hand may
// hold how to reach the client.
func contactDetail(v string) bool {
	if strings.Contains(v, "@") {
		return true
	}
	digits := 0
	for _, r := range v {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 5
}

// nobody are the names help desks give to no one: Request Tracker's
// unowned tickets belong to "Nobody".
var nobody = []string{"nobody", "никто", "unassigned", "не назначен", "не назначено"}

// noOne reports whether a person cell names no one: a word of nobody,
// or Bugzilla's placeholder address for a bug nobody took, as Mozilla's
// "nobody@mozilla.org" (any domain), or a bot: GitLab's Service Desk
// files every customer's e-mail under its "GitLab Support Bot", GitHub
// names its apps "…[bot]".
func noOne(v string) bool {
	l := strings.ToLower(strings.TrimSpace(v))
	if name, _, ok := strings.Cut(l, "@"); ok {
		l = name
	}
	return slices.Contains(nobody, l) || l == "bot" || strings.HasSuffix(l, " bot") || strings.HasSuffix(l, "-bot") || strings.HasSuffix(l, "[bot]")
}

// isSysID reports whether s is a ServiceNow sys_id: 32 hex digits.
func isSysID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := range len(s) {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// build converts one record into a complaint; in an event log or a
// change log the row is held until the end of the file instead
// (ok=false, no reject).
func (b *complaintBuilder) build(rec []string, row int) (*data.Complaint, bool) {
	if b.changeLog {
		if id, c, d, ok := b.parseChange(rec, row); ok {
			b.holdChange(id, c, d)
		}
		return nil, false
	}
	if b.tweets != nil && b.tweets.passOver(rec) {
		return nil, false
	}
	r, ok := b.parseRow(rec, row)
	if !ok {
		return nil, false
	}
	if b.tweets != nil {
		b.tweets.answer(&r)
	}
	if b.eventLog {
		if _, seen := b.logs[r.id]; !seen {
			b.logOrder = append(b.logOrder, r.id)
		}
		b.logs[r.id] = append(b.logs[r.id], r)
		return nil, false
	}
	return b.finish(rec, row, b.fromRow(r))
}

// finish validates a built complaint, reporting it against row.
func (b *complaintBuilder) finish(rec []string, row int, c *data.Complaint) (*data.Complaint, bool) {
	if err := c.Validate(); err != nil {
		b.rejectInvalid(rec, row, err, map[string]Field{"opened_at": FieldOpened, "channel": FieldChannel, "type": FieldType,
			"priority": FieldPriority, "status": FieldStatus, "verdict": FieldVerdict, "compensation": FieldCompensation,
			"description": FieldDescription, "subject": FieldSubject})
		return nil, false
	}
	return c, true
}

// flush hands over the event log's tickets, each from all its rows.
func (b *complaintBuilder) flush(emit func(*data.Complaint, int) bool) bool {
	defer b.moreSkipped(b.outbound, func(more int) Message {
		return warning(warnMoreOutboundCalls, map[string]any{"Count": more}, "%d more outbound calls were skipped", more)
	})
	defer b.warnInKind()
	defer b.warnCustomStatuses()
	defer b.warnBBB()
	defer b.warnCaseNumbers()
	if b.tweets != nil {
		b.summaries = append(b.summaries, b.tweets.summary())
	}
	if b.changeLog {
		return b.flushChanges(emit)
	}
	defer b.moreNotAppeals()
	for _, id := range b.logOrder {
		rows := b.logs[id]
		delete(b.logs, id)
		sortLog(rows)
		if last := rows[len(rows)-1]; last.notAppeal {
			b.skipNotAppeal(rows[0].row, last.statusText)
			continue
		}
		c, ok := b.finish(nil, rows[0].row, b.fromLog(rows))
		if ok && !emit(c, rows[0].row) {
			return false
		}
	}
	return true
}

// skipNotAppeal passes over a ticket marked spam, deleted or merged: it
// is counted apart from rejects, and the first ones are named.
func (b *complaintBuilder) skipNotAppeal(row int, status string) {
	b.skipNamed(&b.skipped, func() Message {
		return warning(warnNotAppeal, map[string]any{"Row": row, "Status": status},
			"row %d is marked %q: not a client appeal (spam, deleted or merged), skipped", row, status)
	})
}

// moreNotAppeals counts the skipped tickets past the ones named.
func (b *complaintBuilder) moreNotAppeals() {
	b.moreSkipped(b.skipped, func(more int) Message {
		return warning(warnMoreNotAppeals, map[string]any{"Count": more}, "%d more tickets marked spam, deleted or merged were skipped", more)
	})
}

// complaint fills the fields a row states.
func (b *complaintBuilder) complaint(r ticketRow) *data.Complaint {
	return &data.Complaint{
		Source: b.source, ExternalID: r.id, OpenedAt: r.opened, ClientName: r.client, ClientTier: r.tier, Channel: r.channel,
		Type: r.typ, Category: r.category, Subcategory: r.subcategory, Priority: r.priority, Subject: r.subject,
		Description: r.description, Assignee: r.assignee, Resolution: r.resolution, Compensation: r.compensation, Verdict: r.verdict,
		Level: r.level,
	}
}

// escalate records the escalation a row states: at its date when the row
// gives one, else the store puts it at the opening (no duration depends
// on its time).
func (h *history) escalate(r ticketRow) {
	if levelRank(r.level) > 0 && !r.escalatedAt.IsZero() && !r.escalatedAt.Before(h.events[0].At) {
		h.events = append(h.events, data.ComplaintEvent{At: r.escalatedAt, Kind: data.EventEscalation, Level: r.level})
	}
}

// history builds events in time order and tracks the status they reach.
type history struct {
	events  []data.ComplaintEvent
	status  data.Status
	last    time.Time // the latest dated event: a lower bound for undated ones
	replied bool
}

func newHistory(opened time.Time) *history {
	// Room for what a ticket usually has (opening, reply, escalation,
	// resolution, closing) and for the two events the store may add in
	// place (see initialEvents).
	events := make([]data.ComplaintEvent, 1, 8)
	events[0] = data.ComplaintEvent{At: opened, Kind: data.EventStatus, Status: data.StatusNew}
	return &history{events: events, status: data.StatusNew, last: opened}
}

func (h *history) reply(at time.Time) {
	h.events = append(h.events, data.ComplaintEvent{At: at, Kind: data.EventReply})
	h.replied = true
	if at.After(h.last) {
		h.last = at
	}
}

// move records a status change at a known time, or undated at the
// latest time known so far.
func (h *history) move(to data.Status, at time.Time, undated bool) {
	if to == h.status {
		return
	}
	if undated {
		at = h.last
	}
	h.events = append(h.events, data.ComplaintEvent{At: at, Kind: data.EventStatus, Status: to, Undated: undated})
	h.status = to
	if at.After(h.last) {
		h.last = at
	}
}

// fromRow builds a ticket from its one row: a "new" event at opening, the
// first reply when the source dates it, the resolution and closing at
// their times. What the source states without a time (the current status,
// a count of reopens, a CFPB closing) becomes an undated event, so that no
// duration is invented.
func (b *complaintBuilder) fromRow(r ticketRow) *data.Complaint {
	c := b.complaint(r)
	h := newHistory(r.opened)
	h.escalate(r)
	if !r.respondedAt.IsZero() {
		h.reply(r.respondedAt)
	}
	final := r.status
	if final == "" {
		switch {
		case !r.closedAt.IsZero():
			final = data.StatusClosed
		case !r.resolvedAt.IsZero():
			final = data.StatusResolved
		case !r.respondedAt.IsZero():
			// Answered (or its receipt acknowledged), not yet resolved:
			// in work, no longer new.
			final = data.StatusInProgress
		default:
			final = data.StatusNew
		}
	}
	// Reopens counted without their times happened before the last
	// resolution: each is an undated resolution and reopening. A ticket
	// open again after its last resolution was reopened once more after
	// it, and the final status says so.
	pairs := r.reopens
	if pairs > 0 && final.Open() && (!r.resolvedAt.IsZero() || !r.closedAt.IsZero()) {
		pairs--
	}
	// Zendesk's "First resolution time in minutes" counts calendar
	// minutes from the ticket's creation to its first solving: with
	// reopens, the first of the resolutions is dated by it, when it
	// falls after what is dated so far and before the last resolution.
	if last := cmp.Or(r.resolvedAt, r.closedAt); pairs > 0 && !r.firstResolvedAt.IsZero() && !r.firstResolvedAt.Before(h.last) &&
		(last.IsZero() || r.firstResolvedAt.Before(last)) {
		h.end(data.StatusResolved, r.firstResolvedAt)
		h.move(data.StatusInProgress, time.Time{}, true)
		pairs--
	}
	for range pairs {
		h.move(data.StatusResolved, time.Time{}, true)
		h.move(data.StatusInProgress, time.Time{}, true)
	}
	switch {
	case r.cancelled:
		h.cancel(cmp.Or(r.closedAt, r.resolvedAt))
	default:
		if !r.resolvedAt.IsZero() {
			h.end(data.StatusResolved, r.resolvedAt)
		}
		if !r.closedAt.IsZero() {
			h.end(data.StatusClosed, r.closedAt)
		}
	}
	h.move(final, time.Time{}, true)
	h.agents(r)
	c.Events = h.events
	return c
}

// agents records the agents a row counts beyond the one it names: each
// is an undated assignment to someone unknown (data.DeriveFacts counts
// it as an agent and keeps the current assignee), followed by the named
// assignee's own assignment, so that first contact resolution's "one
// agent" does not hold for a ticket that passed between agents.
func (h *history) agents(r ticketRow) {
	others := r.agents
	if r.assignee != "" {
		others--
	}
	if others <= 0 {
		return
	}
	at := h.events[0].At
	var evs []data.ComplaintEvent
	for range others {
		evs = append(evs, data.ComplaintEvent{At: at, Kind: data.EventAssign, Undated: true})
	}
	if r.assignee != "" {
		evs = append(evs, data.ComplaintEvent{At: at, Kind: data.EventAssign, Assignee: r.assignee})
	}
	// At the opening, right after it: the events stay in time order.
	h.events = slices.Insert(h.events, 1, evs...)
}

// agentCount is a column counting who held a ticket: Zendesk's
// "Assignee stations" counts its assignees, its "Group stations" its
// groups (two groups, two agents at least), ServiceNow's "Reassignment
// count" its reassignments (one, two agents at least).
type agentCount struct {
	col       int
	assignees bool // the count is of agents, not of groups or reassignments
	extra     bool // the count is of reassignments: one more than it held it
}

// agentCountColumns finds the columns counting who held a ticket.
func agentCountColumns(p *plan) []agentCount {
	var out []agentCount
	for i, c := range p.cols {
		switch spaced(c.norm) {
		case "assignee stations":
			out = append(out, agentCount{col: i, assignees: true})
		case "group stations":
			out = append(out, agentCount{col: i})
		case "reassignment count":
			out = append(out, agentCount{col: i, extra: true})
		}
	}
	return out
}

// readAgents sets the least number of agents a row's counts give, when
// the file is no event log (whose assignments say who held it).
func (b *complaintBuilder) readAgents(rec []string, r *ticketRow) {
	if b.eventLog || b.changeLog {
		return
	}
	for _, a := range b.agentCounts {
		if a.col >= len(rec) {
			continue
		}
		n, ok := parseCount(rec[a.col])
		switch {
		case !ok || n <= 0:
		case a.extra:
			r.agents = max(r.agents, 2)
		case a.assignees:
			r.agents = max(r.agents, n)
		case n > 1:
			r.agents = max(r.agents, 2)
		}
	}
}

// end records a resolution or closing dated by its own column. Such a
// date says when the ticket ended, not when work on it began, while a
// dated move out of "new" is the first response (data.DeriveFacts): a
// ticket still new without a reply first moves to in progress undated,
// so that no first response is invented at its resolution.
func (h *history) end(to data.Status, at time.Time) {
	if h.status == data.StatusNew && !h.replied {
		h.move(data.StatusInProgress, time.Time{}, true)
	}
	h.move(to, at, false)
}

// cancel closes a cancelled or withdrawn ticket without resolving it:
// the closing is marked Cancelled, which gives no resolution time (nor a
// first response), at the time the source closed it when it says, so
// that the ticket leaves the backlog then. Without that time the closing
// is Undated too.
func (h *history) cancel(at time.Time) {
	if h.status == data.StatusClosed {
		return
	}
	undated := at.IsZero()
	if at.Before(h.last) {
		at = h.last
	}
	h.events = append(h.events, data.ComplaintEvent{At: at, Kind: data.EventStatus, Status: data.StatusClosed, Cancelled: true, Undated: undated})
	h.status, h.last = data.StatusClosed, at
}

// sortLog puts a ticket's event-log rows in the order of their update
// times; rows without one keep their place in the file.
func sortLog(rows []ticketRow) {
	slices.SortStableFunc(rows, func(x, y ticketRow) int {
		switch {
		case x.updated.IsZero() || y.updated.IsZero():
			return 0
		}
		return x.updated.Compare(y.updated)
	})
}

// fromLog builds a ticket from its event-log rows, sorted by sortLog: each row's state at
// its update time, so the final state wins and every resolved or closed
// state followed by an open one is a dated reopen. The other fields take
// the last value the rows give.
func (b *complaintBuilder) fromLog(rows []ticketRow) *data.Complaint {
	last := rows[len(rows)-1]
	merged := last
	merged.opened = rows[0].opened
	for _, r := range rows {
		if r.opened.Before(merged.opened) {
			merged.opened = r.opened
		}
	}
	for i := len(rows) - 2; i >= 0; i-- {
		r := rows[i]
		for _, s := range []struct{ dst, src *string }{{&merged.client, &r.client}, {&merged.tier, &r.tier}, {&merged.category, &r.category},
			{&merged.subcategory, &r.subcategory}, {&merged.subject, &r.subject}, {&merged.description, &r.description},
			{&merged.assignee, &r.assignee}, {&merged.resolution, &r.resolution}} {
			if *s.dst == "" {
				*s.dst = *s.src
			}
		}
		if merged.channel == "" {
			merged.channel = r.channel
		}
		if merged.verdict == data.VerdictUnknown {
			merged.verdict = r.verdict
		}
		// The highest level any state reached, dated by its first row
		// that dates it.
		if levelRank(r.level) > levelRank(merged.level) || r.level == merged.level && !r.escalatedAt.IsZero() {
			merged.level, merged.escalatedAt = r.level, r.escalatedAt
		}
	}
	c := b.complaint(merged)
	h := newHistory(merged.opened)
	h.escalate(merged)
	if !merged.respondedAt.IsZero() {
		h.reply(merged.respondedAt)
	}
	states, owner := false, ""
	for _, r := range rows {
		if r.assignee != "" && r.assignee != owner && !r.updated.IsZero() {
			// Each dated step names who had the ticket then (the BPI
			// Challenge 2013's "Owner First Name"): a new name is a
			// reassignment at that step.
			h.events = append(h.events, data.ComplaintEvent{At: r.updated, Kind: data.EventAssign, Assignee: r.assignee})
			owner = r.assignee
		}
		if r.status != "" {
			states = true
			at := r.updated
			if at.IsZero() {
				// A log without update times may still date the
				// resolution and closing on the row that reaches them.
				switch {
				case r.status == data.StatusResolved || r.status == data.StatusClosed && r.closedAt.IsZero():
					at = r.resolvedAt
				case r.status == data.StatusClosed:
					at = r.closedAt
				}
			}
			switch {
			case r.cancelled:
				h.cancel(at)
			case r.updated.IsZero() && !at.IsZero():
				h.end(r.status, at)
			default:
				h.move(r.status, at, at.IsZero())
			}
		}
	}
	if !states {
		// A log without states: what the dates say.
		return b.fromRow(merged)
	}
	c.Events = h.events
	return c
}

// sameDay reports whether a and b fall on the same calendar day in b's
// location.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.In(b.Location()).Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
