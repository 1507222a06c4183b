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

// flagAnswer reads a yes or no cell; ok=false for anything else.
func flagAnswer(s string) (yes, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "да", "д", "true", "1", "✓", "✔":
		return true, true
	case "no", "n", "нет", "н", "false", "0":
		return false, true
	}
	return false, false
}

// statusFlag returns the status a yes in column i means when its header is
// a resolvedFlagHeader and every sample value is a yes or a no.
func statusFlag(p *plan, i int) (data.Status, bool) {
	st, ok := resolvedFlagHeaders[p.cols[i].norm]
	if !ok {
		return "", false
	}
	seen := 0
	for _, r := range p.sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		if _, ok := flagAnswer(r[i]); !ok {
			return "", false
		}
		seen++
	}
	return st, seen > 0
}

// statusByFlag maps the status, when nothing else did, to a column of
// yes/no answers whose header says resolved or closed, and says how it
// reads them.
func (p *plan) statusByFlag() {
	if _, ok := p.mapping[FieldStatus]; ok {
		return
	}
	used := p.mappedColumns()
	for i := range p.cols {
		if _, ok := statusFlag(p, i); ok && !used[i] {
			p.mapping[FieldStatus] = i
			col := p.columnNames()[i]
			p.warnings = append(p.warnings, warning(warnStatusFlag, map[string]any{"Column": col},
				"column %q answers yes or no: a yes is imported as resolved, without a time unless a column dates it, and a no leaves the ticket open", col))
			return
		}
	}
}

// statusText is the status cell of rec; a yes of a flag column
// (statusFlag) reads as its status, a no as no status (the events decide).
func (b *complaintBuilder) statusText(rec []string) string {
	v := b.text(rec, FieldStatus)
	if b.flagStatus == "" || v == "" {
		return v
	}
	yes, ok := flagAnswer(v)
	switch {
	case !ok:
		return v // rejected as an unknown status
	case yes:
		return string(b.flagStatus)
	}
	return ""
}
