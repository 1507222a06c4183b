package importer

import (
	"slices"
	"strings"

	"caredesk/data"
)

// A call centre's or a telephone exchange's log holds a row per call. A
// call the team made (outbound) is no client's appeal and is skipped; a
// call nobody answered (missed, abandoned) closes resolving nothing, as
// the client hung up; an answered one is handled, closed.

// directionHeaders name the column telling incoming calls from outgoing
// ones ("Direction": inbound, outbound; «Тип звонка»: Входящий,
// Исходящий, Пропущенный).
var directionHeaders = []string{"direction", "call direction", "направление", "направление звонка", "тип звонка", "вид звонка", "тип вызова",
	"call type"}

// missedReasonHeaders name a column filled in only for a missed call
// ("Missed call reason": no_available_agent).
var missedReasonHeaders = []string{"missed call reason", "missed reason", "reason for missed call", "причина пропуска", "причина пропущенного звонка"}

// answeredHeaders name a yes/no column saying whether the call was
// picked up ("Answered (Y/N)"), in a call log.
var answeredHeaders = []string{"answered (y/n)", "answered y/n", "answered", "отвечен", "звонок принят", "принят"}

// callIDHeaders name a call log's id: with them the file is a call log
// even without a direction.
var callIDHeaders = []string{"call id", "id звонка", "номер звонка"}

// chatHeaders name columns only a chat log has (LiveChat, JivoSite, a
// site's chat widget): with them the file's conversations came by chat.
var chatHeaders = []string{"chat id", "chat start date", "chat start time", "chat started", "chat duration", "chat duration (seconds)",
	"id чата", "номер чата", "дата начала чата", "длительность чата", "id диалога", "номер диалога", "дата начала диалога"}

// chatLog reports whether the file is a chat log.
func chatLog(p *plan) bool {
	return slices.ContainsFunc(p.cols, func(c column) bool { return slices.Contains(chatHeaders, spaced(c.norm)) })
}

type callDirection int

const (
	callInbound callDirection = iota + 1
	callOutbound
	callMissed
)

// readCallDirection reads a direction cell; ok=false for anything else.
func readCallDirection(s string) (callDirection, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	switch {
	case missedCall(l):
		return callMissed, true
	case l == "in" || l == "вх" || hasPrefixAny(l, "inbound", "incoming", "входящ", "вх."):
		return callInbound, true
	case l == "out" || l == "исх" || l == "outcall" || hasPrefixAny(l, "outbound", "outgoing", "исходящ", "исх."):
		return callOutbound, true
	}
	return 0, false
}

func isCallDirection(s string) bool {
	_, ok := readCallDirection(s)
	return ok
}

// missedCall reports whether a call's direction or status says nobody
// answered it. Whole values: "No answer from the client" or «Пропущен
// срок» are a ticket's states.
func missedCall(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "missed", "missed call", "abandoned", "abandoned call", "no answer", "not answered", "no_answer", "unanswered call",
		"пропущен", "пропущенный", "пропущенный звонок", "не отвечен", "неотвечен", "неотвеченный", "не принят", "непринят",
		"voicemail", "voice mail", "голосовая почта": // the caller left a message: nobody picked up (Aircall)
		return true
	}
	return false
}

// answeredCall reports whether a call's status says it was picked up:
// the call was handled, not a reply waiting for the client as a help
// desk's "Answered" is. Whole words: «Принят в работу» is a ticket's
// state, not a call's.
func answeredCall(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "answered", "отвечен", "отвечено", "принят", "connected", "call connected", "accepted", "состоялся", "успешный":
		return true
	}
	return false
}

func hasPrefixAny(s string, prefixes ...string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(s, p) })
}

// callColumns are the columns that make a file a call log; -1 where
// there is none.
type callColumns struct {
	log          bool // the file is a call log
	direction    int
	missedReason int
	answered     int // a yes/no column
}

// findCallColumns finds the columns of a call log. A direction column
// must hold directions in every sampled cell; an answered flag, yes or
// no.
func findCallColumns(p *plan) callColumns {
	calls := callColumns{direction: callDirectionColumn(p), missedReason: -1, answered: -1}
	for i, c := range p.cols {
		n := spaced(c.norm)
		switch {
		case slices.Contains(missedReasonHeaders, n):
			calls.missedReason = i
		case slices.Contains(answeredHeaders, n) && allSampled(p.sample, i, isYesNo) > 0:
			calls.answered = i
		case slices.Contains(callIDHeaders, n):
			calls.log = true
		}
	}
	// osTicket's "Answered" (Yes, No) says whether a ticket got a reply:
	// a file is a call log by its calls, not by that.
	calls.log = calls.log || calls.direction >= 0 || calls.missedReason >= 0
	if !calls.log {
		calls.answered = -1
	}
	return calls
}

// callDirectionColumn returns the column of calls' directions, -1 when
// there is none.
func callDirectionColumn(p *plan) int {
	for i, c := range p.cols {
		if slices.Contains(directionHeaders, spaced(c.norm)) && allSampled(p.sample, i, isCallDirection) > 0 {
			return i
		}
	}
	return -1
}

// callWaitHeaders name a call's wait before an agent picked up: its
// first response, in a call log only (elsewhere «Время ожидания» may be
// the wait for the client).
var callWaitHeaders = []string{"время ожидания", "ожидание", "время ожидания, сек", "ожидание, сек", "время ожидания (сек)", "время в очереди",
	"wait time", "waiting time", "time in queue", "queue time", "wait time (sec)", "wait time, sec"}

// callResultHeaders name a call's outcome: its status in a call log
// («Результат звонка»: Решено, Пропущен; "Call result": Answered).
var callResultHeaders = []string{"результат звонка", "результат", "статус звонка", "call result", "call outcome", "call status", "outcome"}

// callLogShape reads a call log's own columns. Its direction column is
// freed of the field a loose rule gave it («Тип звонка» is no type of
// appeal, its «Входящий» no channel): directions are read apart. The
// caller's wait is the first response and the call's result the status,
// where the file names neither.
func callLogShape(p *plan, opt Options) {
	calls := findCallColumns(p)
	if !calls.log {
		return
	}
	if i := calls.direction; i >= 0 && !p.mappedByUser(opt, i) {
		p.unmap(i)
	}
	used := p.mappedColumns()
	_, responded := p.mapping[FieldRespondedAt]
	if _, ok := p.mapping[FieldFirstResponse]; !ok && !responded {
		if i := exactColumn(p.cols, used, callWaitHeaders); i >= 0 {
			p.mapping[FieldFirstResponse] = i
		}
	}
	if _, ok := p.mapping[FieldStatus]; !ok {
		// A loose rule may have taken «Результат звонка» for the
		// resolution: statuses are no resolution.
		if i := exactColumn(p.cols, nil, callResultHeaders); i >= 0 && !p.mappedByUser(opt, i) && allSampled(p.sample, i, callStatusLike) > 0 {
			p.unmap(i)
			p.mapping[FieldStatus] = i
		}
	}
}

// callStatusLike reports whether a cell reads as a call's status.
func callStatusLike(s string) bool {
	_, ok := callStatus(parseStatus)(s)
	return ok
}

// outbound reports whether rec is a call the team made, and its cell.
func (c callColumns) outbound(rec []string) (string, bool) {
	if c.direction < 0 || c.direction >= len(rec) {
		return "", false
	}
	d, ok := readCallDirection(rec[c.direction])
	return strings.TrimSpace(rec[c.direction]), ok && d == callOutbound
}

// missed reports whether rec is a call nobody answered, and the cell
// that says so.
func (c callColumns) missed(rec []string) (string, bool) {
	cell := func(i int) string {
		if i < 0 || i >= len(rec) || isMissing(rec[i]) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	if v := cell(c.direction); v != "" {
		if d, _ := readCallDirection(v); d == callMissed {
			return v, true
		}
	}
	if v := cell(c.missedReason); v != "" {
		return v, true
	}
	if v := cell(c.answered); v != "" {
		if yes, ok := yesNoAnswer(v); ok && !yes {
			return v, true
		}
	}
	return "", false
}

// callStatus reads a call log's status: a call answered is handled
// (closed), one missed closed resolving nothing (see parseRow), one put
// through to another line still in progress («Передано во 2 линию»,
// escalated by statusLevel); anything else as a help desk's status.
func callStatus(parse func(string) (data.Status, bool)) func(string) (data.Status, bool) {
	return func(s string) (data.Status, bool) {
		if missedCall(s) || answeredCall(s) {
			return data.StatusClosed, true
		}
		if hasPrefixAny(strings.ToLower(strings.TrimSpace(s)), "передан", "переведен", "переведён", "escalated", "transferred") {
			return data.StatusInProgress, true
		}
		return parse(s)
	}
}
