package importer

import (
	"strings"

	"caredesk/data"
)

// resolvedFlagHeaders name a column saying, yes or no and without a date,
// whether a ticket was resolved or closed: a call centre's "Resolved"
// (Y/N), a register's «Решено» (да/нет). A yes is that status.
var resolvedFlagHeaders = map[string]data.Status{
	"resolved": data.StatusResolved, "is resolved": data.StatusResolved, "resolved (y/n)": data.StatusResolved,
	"решено": data.StatusResolved, "решена": data.StatusResolved, "решен": data.StatusResolved, "решён": data.StatusResolved,
	"решено (да/нет)": data.StatusResolved, "вопрос решён": data.StatusResolved, "вопрос решен": data.StatusResolved,
	"closed": data.StatusClosed, "is closed": data.StatusClosed, "closed (y/n)": data.StatusClosed,
	"закрыто": data.StatusClosed, "закрыта": data.StatusClosed, "закрыт": data.StatusClosed,
}

// statusFlag returns the status a yes in column i means when its header is
// a resolvedFlagHeader and every sample value is a yes or a no.
func statusFlag(p *plan, i int) (data.Status, bool) {
	if st, ok := resolvedFlagHeaders[p.cols[i].norm]; ok && allSampled(p.sample, i, isYesNo) > 0 {
		return st, true
	}
	return "", false
}

// statusByFlag maps the status, when nothing else did, to the one column
// of yes/no answers whose header says resolved or closed, and says how it
// reads them.
func (p *plan) statusByFlag() {
	p.mapByValues(FieldStatus, warnStatusFlag,
		"column %q answers yes or no: a yes is imported as resolved, without a time unless a column dates it, and a no leaves the ticket open",
		func(i int, _ column) bool {
			_, ok := statusFlag(p, i)
			return ok
		})
}

// statusText is the status cell of rec; a yes of a flag column
// (statusFlag) reads as its status, a no as no status (the events decide).
func (b *complaintBuilder) statusText(rec []string) string {
	v := b.text(rec, FieldStatus)
	if b.eventLog && strings.EqualFold(v, "unmatched") {
		return "" // BPI Challenge 2013's step of no known state: the state stays
	}
	if b.flagStatus == "" || v == "" {
		return v
	}
	yes, ok := yesNoAnswer(v)
	switch {
	case !ok:
		return v // rejected as an unknown status
	case yes:
		return string(b.flagStatus)
	}
	return ""
}
