package importer

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"caredesk/data"
)

// ImportComplaints imports a ticket or complaint export (Zendesk,
// Freshdesk, ServiceNow, the CFPB database, or any register mapped with
// opt.Mapping) into the store in one transaction, with the guarantees of
// ImportFeedback: bad rows reported (Strict: any bad row stores nothing),
// duplicates of stored tickets skipped, nothing kept on error or
// cancellation. An event log (several rows per ticket) is recognised from
// repeated ids and imported as one complaint per ticket, and so is a
// field-change log (a row per change of one field, see changeLogShape).
func ImportComplaints(ctx context.Context, store data.ComplaintStore, path string, opt Options, progress func(Progress)) (res Result, err error) {
	defaultLocation(store, &opt)
	p, err := prepareTickets(path, opt)
	if err != nil {
		return res, err
	}
	defer p.close()
	wrap := func(err error) error { return inFile(p.base, err) }
	if why := p.surveyAnswers(); why != nil {
		return res, wrap(why) // its warnings would be about tickets
	}
	if why := p.slaRecords(opt); why != nil {
		return res, wrap(why)
	}
	res.Warnings = p.warnings
	if _, dated := p.mapping[FieldUpdatedAt]; p.changeLog() && !dated {
		return res, wrap(&MessageError{Err: ErrNeedFileDate, Message: warning(errChangeDate, map[string]any{"Columns": quotedList(p.columnNames())},
			"the file is a change log, but no column was recognised as the date of each change: map it with --map updated_at=COLUMN (columns: %s)",
			quotedList(p.columnNames()))})
	}
	dc, ok := p.mapping[FieldOpened]
	if !ok && opt.FileDate.IsZero() && !p.changeLog() && !p.openedFromIDs {
		// One date for every ticket would invent when each was opened:
		// name the columns so the user can map the right one.
		return res, wrap(fmt.Errorf("%w; no column was recognised as the opening date: map it with --map opened=COLUMN (columns: %s)",
			ErrNeedFileDate, quotedList(p.columnNames())))
	}
	if !p.orderOK {
		if !ok {
			dc = p.dateColumns()[0]
		}
		return res, wrap(fmt.Errorf("column %q: %w", p.columnNames()[dc], ErrAmbiguousDates))
	}
	b := newComplaintBuilder(p, opt)
	if b.tweets != nil {
		if err := b.tweets.collect(ctx, p, &b.rowBase); err != nil {
			return res, wrap(err)
		}
	}
	begin := func(bt data.ImportBatch) (importTx[*data.Complaint], error) {
		return store.BeginComplaintImport(ctx, bt)
	}
	defer collectEvery(complaintGCPercent)()
	return runImport(ctx, p, opt, progress, rowParser[*data.Complaint]{base: &b.rowBase, parse: b.build, flush: b.flush}, begin)
}

// InspectComplaints detects how a ticket export would be imported, for
// the import wizard to show and let the user correct.
func InspectComplaints(path string, opt Options) (*Preview, error) {
	p, err := prepareTickets(path, opt)
	if err != nil {
		return nil, err
	}
	defer p.close()
	pv := p.preview()
	pv.EventLog = repeatsIDs(p) || p.changeLog()
	if p.changeLog() || p.openedFromIDs {
		pv.NeedsFileDate = false // a ticket opens at its first change at the latest, or when its id says
	}
	if why := p.surveyAnswers(); why != nil {
		pv.Warnings = append(pv.Warnings, why.Message)
	}
	if why := p.slaRecords(opt); why != nil {
		pv.Warnings = append(pv.Warnings, why.Message)
	}
	return pv, nil
}

// ticketFields are the fields only a ticket has: a file mapping none of
// them holds no tickets.
var ticketFields = []Field{FieldStatus, FieldPriority, FieldType, FieldCategory, FieldSubject, FieldAssignee, FieldRespondedAt,
	FieldFirstResponse, FieldResolvedAt, FieldResolutionTime, FieldClosedAt, FieldResolution, FieldChangedField}

// surveyAnswers refuses a survey export offered as tickets: a file with a
// 0-10 score column and no ticket field mapped, detected or chosen, would
// make a complaint of every answer. nil when the file is no survey export
// or a ticket field is mapped.
func (p *plan) surveyAnswers() *MessageError {
	if slices.ContainsFunc(ticketFields, func(f Field) bool { _, ok := p.mapping[f]; return ok }) {
		return nil
	}
	answers := detectMapping(feedbackSchema, detectSurveyFormat(p.cols, p.formatRows()), p.cols, p.sample, p.xlsx, nil)
	i, scored := answers[FieldScore]
	if !scored || columnEmpty(p.sample, i) {
		return nil
	}
	col := p.columnNames()[i]
	return &MessageError{Err: ErrSurveyAnswers, Message: warning(errSurveyAnswers, map[string]any{"Column": col},
		"column %q holds 0-10 scores and the file no ticket field: these are survey answers, import them as feedback", col)}
}

// slaRecords refuses a help desk's SLA records offered as tickets:
// Zendesk's ticket metric events (ticket_id, metric, instance_id, type,
// time) and ServiceNow's task_sla list (Task, SLA definition, Stage)
// hold a row per ticket and metric, each of which would be stored as a
// complaint. nil when the file is none of them or the user chose the
// columns.
func (p *plan) slaRecords(opt Options) *MessageError {
	if len(opt.Mapping) > 0 {
		return nil
	}
	tool, col := "", ""
	switch {
	case hasHeader(p.cols, "ticket_id") && hasHeader(p.cols, "metric") && hasHeader(p.cols, "instance_id"):
		tool, col = "Zendesk", "metric"
	case hasHeader(p.cols, "task") && hasHeader(p.cols, "stage") && hasHeader(p.cols, "sla definition", "sla"):
		tool, col = "ServiceNow", "sla definition"
		if !hasHeader(p.cols, col) {
			col = "sla"
		}
	default:
		return nil
	}
	name := p.columnNames()[slices.IndexFunc(p.cols, func(c column) bool { return c.norm == col })]
	return &MessageError{Err: ErrSLARecords, Message: warning(errSLARecords, map[string]any{"Tool": tool, "Column": name},
		"the file holds %s's SLA records (column %q), a row per ticket and metric, not the tickets: export the ticket list and import that",
		tool, name)}
}

// prepareTickets detects how a ticket file reads and warns about the
// fields whose absence would distort the figures.
func prepareTickets(path string, opt Options) (*plan, error) {
	p, err := prepare(path, opt, complaintSchema)
	if err != nil {
		return nil, err
	}
	_, chosen := opt.Mapping[FieldOpened]
	if _, opened := p.mapping[FieldOpened]; !opened && !chosen && repeatsIDs(p) && !p.changeLog() {
		// A process-mining log dates only its steps: a ticket opened
		// with its first.
		if i, ok := p.mapping[FieldUpdatedAt]; ok {
			p.mapping[FieldOpened] = i
		}
	}
	if _, chosen := opt.Mapping[FieldType]; !chosen {
		// San Francisco's 311 files a case under a category and a
		// "Request Type" ("Street and Sidewalk Cleaning", "Bulky Items"),
		// Boston's under a "reason" and a "type": no type of appeal, nor
		// a channel as Help Scout's "Type" is. Los Angeles' 311 files it
		// under its "RequestType" alone: the category then.
		if serviceTypes(sampleValues(p, FieldType)) {
			to := FieldSubcategory
			if _, categorised := p.mapping[FieldCategory]; !categorised && opt.Mapping[FieldCategory] == "" {
				to = FieldCategory
			}
			moveColumn(p, FieldType, to, func(string) bool { return true })
		}
		if _, chosen := opt.Mapping[FieldCategory]; !chosen {
			// The BPI Challenge's Rabobank incidents are categorised
			// "incident", "request for information" or "complaint".
			moveColumn(p, FieldCategory, FieldType, bareType)
		}
	}
	// Los Angeles' 311 writes "SR Created" in its "ActionTaken": the
	// request's creation, no action that resolved it; its "Owner" is
	// the city agency that owns it (BOS, OCB, LADBS), no employee.
	unmapColumn(p, opt, FieldResolution, creationAction)
	if i, ok := p.mapping[FieldAssignee]; ok && p.cols[i].norm == "owner" {
		unmapColumn(p, opt, FieldAssignee, agencyCode) // not a column of agents' names written in capitals
	}
	if p.changeLog() {
		p.warnings = append(p.warnings, changeLogWarning(p))
		return p, nil
	}
	if tweetLog(p) != nil {
		p.warnings = append(p.warnings, tweetLogWarning())
	} else {
		p.warnings = append(p.warnings, statusWarnings(p)...)
	}
	if _, typed := p.mapping[FieldType]; !typed && p.format == FormatGeneric && len(p.sample) > 0 {
		// A register of "обращения" may hold questions and requests too:
		// counted as complaints, they would swell the negative count.
		p.warnings = append(p.warnings, warning(warnNoType, nil, "no column is mapped to the type of appeal: every ticket "+
			"will be imported as a complaint and counted among negative complaints; if the file also holds questions, requests "+
			"or praise, map the type column (--map type=COLUMN)"))
	}
	if findCallColumns(p).log {
		p.warnings = append(p.warnings, warning(warnCallLog, nil, "the file is a log of calls: each incoming call is imported as an appeal, "+
			"outgoing calls are skipped, and a call nobody answered is closed without a resolution"))
	}
	if repeatsIDs(p) {
		col := p.columnNames()[p.mapping[FieldExternalID]]
		p.warnings = append(p.warnings, warning(warnEventLog, map[string]any{"Column": col},
			"ids in column %q repeat: the file is read as an event log, one complaint per id, its rows in order of their update times and the last giving the state", col))
	}
	return p, nil
}

// changeLogWarning says how a change log is read: which columns name
// the field and its new value, and what dates a change and the opening.
func changeLogWarning(p *plan) Message {
	names := p.columnNames()
	args := map[string]any{"Field": names[p.mapping[FieldChangedField]], "Value": names[p.mapping[FieldNewValue]], "Date": "", "Opened": ""}
	if i, ok := p.mapping[FieldUpdatedAt]; ok {
		args["Date"] = names[i]
	}
	if i, ok := p.mapping[FieldOpened]; ok {
		args["Opened"] = names[i]
	}
	opens := "at its first change"
	if o := args["Opened"]; o != "" {
		opens = fmt.Sprintf("at its date in %q (or its first change when that is empty)", o)
	}
	return warning(warnChangeLog, args, "the file is a change log, a row per change of one field: column %q names the field, %q holds its new value, "+
		"%q dates the change; each ticket is built from its status, assignee, priority and support level changes and opens %s",
		args["Field"], args["Value"], args["Date"], opens)
}

// moveColumn maps the column of field from to field to instead when to
// has no column and every sample value of from's is one belongs accepts.
func moveColumn(p *plan, from, to Field, belongs func(string) bool) {
	i, mapped := p.mapping[from]
	_, taken := p.mapping[to]
	values := sampleValues(p, from)
	if !mapped || taken || len(values) == 0 || slices.ContainsFunc(values, func(v string) bool { return !belongs(v) }) {
		return
	}
	delete(p.mapping, from)
	p.mapping[to] = i
}

// unmapColumn leaves field's column unread when the user did not choose
// it and every sample value of it is one not accepts.
func unmapColumn(p *plan, opt Options, f Field, not func(string) bool) {
	values := sampleValues(p, f)
	if _, chosen := opt.Mapping[f]; chosen || len(values) == 0 || slices.ContainsFunc(values, func(v string) bool { return !not(v) }) {
		return
	}
	delete(p.mapping, f)
}

// creationActions are the words a log writes when a ticket is created.
var creationActions = []string{"created", "sr created", "case created", "ticket created", "request created", "issue created",
	"создан", "создана", "создано", "заявка создана", "обращение создано"}

// creationAction reports whether a resolution's value only records the
// ticket's creation.
func creationAction(v string) bool {
	return slices.Contains(creationActions, strings.ToLower(strings.Join(strings.Fields(v), " ")))
}

// agencyCode reports whether an assignee's value is the acronym of a
// department or agency ("BOS", "LADBS"): three to six capital Latin
// letters, as no person's name is written.
func agencyCode(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) < 3 || len(v) > 6 {
		return false
	}
	for _, c := range v {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// recordKinds are what an API's "type" says its records are (Intercom's
// "conversation"): no service's name, nor a category.
var recordKinds = []string{"conversation", "ticket", "case", "issue"}

// serviceTypes reports whether a type column's values are the kinds of
// service a city's 311 files requests under, not types of appeal: none
// is a type's own word ("Incident", "Question") nor a channel, and most
// name no type at all. A few name one by chance: Boston's "Request for
// Pothole Repair" among its "Needle Pickup" and "Graffiti Removal".
func serviceTypes(values []string) bool {
	untyped := 0
	for _, v := range values {
		// The NLRB's "Case Type" is a letter (C, R): a code, no
		// service's name.
		if bareType(v) || ticketChannel(v) != data.ChannelOther || utf8.RuneCountInString(strings.TrimSpace(v)) <= 2 ||
			slices.Contains(recordKinds, strings.ToLower(strings.TrimSpace(v))) {
			return false
		}
		if _, typed := parseType(v); !typed {
			untyped++
		}
	}
	return untyped*2 > len(values)
}

// statusWarnings name the status and resolution fields a file leaves
// unmapped, and the --map that fixes it. Without a status every ticket
// without a resolution or closing date imports as new and swells the
// backlog; with statuses that say resolved but no time, resolution times
// stay unknown (never invented).
func statusWarnings(p *plan) []Message {
	if len(p.sample) == 0 {
		return nil
	}
	var dated []string
	for _, f := range []Field{FieldResolvedAt, FieldResolutionTime, FieldClosedAt} {
		if i, ok := p.mapping[f]; ok {
			dated = append(dated, p.columnNames()[i])
		}
	}
	if _, ok := p.mapping[FieldUpdatedAt]; ok && repeatsIDs(p) {
		dated = append(dated, p.columnNames()[p.mapping[FieldUpdatedAt]]) // an event log dates each state
	}
	sc, ok := p.mapping[FieldStatus]
	switch {
	case !ok && len(dated) == 0:
		return []Message{warning(warnNoStatus, nil, "no column is mapped to status, nor to resolved_at, resolution_time or closed_at: "+
			"every ticket will be imported as new and counted in the backlog; map the status column (--map status=COLUMN)")}
	case !ok:
		list := quotedList(dated)
		return []Message{warning(warnNoStatusDated, map[string]any{"Columns": list}, "no column is mapped to status: "+
			"tickets without a date in %s will be imported as new and counted in the backlog; map the status column (--map status=COLUMN)", list)}
	case len(dated) > 0 || p.format == FormatCFPB:
		return nil // the CFPB publishes no resolution date at all
	}
	parse, _ := planStatusParser(p)
	for _, r := range p.sample {
		if sc >= len(r) {
			continue
		}
		if st, known := parse(r[sc]); known && !st.Open() {
			col := p.columnNames()[sc]
			return []Message{warning(warnNoResolutionTime, map[string]any{"Column": col}, "column %q marks tickets resolved or closed, "+
				"but no column is mapped to resolved_at, resolution_time or closed_at: their resolution times stay unknown; "+
				"map one (--map resolved_at=COLUMN or --map resolution_time=COLUMN)", col)}
		}
	}
	return nil
}

// quotedList joins names as "A", "B", "C".
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}
