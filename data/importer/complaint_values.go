package importer

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"caredesk/data"
)

// durationScale is the unit of a bare number in a duration column.
type durationScale time.Duration

const (
	unitMillis  = durationScale(time.Millisecond)
	unitSeconds = durationScale(time.Second)
	unitMinutes = durationScale(time.Minute)
	unitHours   = durationScale(time.Hour)
	unitDays    = durationScale(24 * time.Hour)
)

// parseDuration reads "HH:MM:SS", "H:MM", "26:15:00" (hours past a day),
// a number in unit ("1,5", "90"), numbers with units ("2h 30m", "1d 4h",
// "1 ч 20 мин", "90'"), ISO 8601 ("PT2H30M", "P1DT4H"), and any of them
// marked approximate ("~3h", "≈ 2 ч"), read as written. ok=false when s
// is no duration or is negative; a bound ("> 2h", "3h+") is none, as it
// gives no time.
func parseDuration(s string, unit durationScale) (time.Duration, bool) {
	s = trimApprox(strings.TrimSpace(s))
	if d, ok := parseISODuration(s); ok {
		return d, true
	}
	if d, ok := parseUnitDuration(s); ok {
		return d, true
	}
	if strings.Contains(s, ":") {
		return clockDuration(s)
	}
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	// Beyond maxDuration a number is in another unit than the header's
	// (an API's milliseconds read as hours), and would overflow.
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) || f*float64(unit) > float64(maxDuration) {
		return 0, false
	}
	return time.Duration(math.Round(f * float64(unit))), true
}

// maxDuration is the longest a ticket's response or resolution may take.
const maxDuration = 10 * 365 * 24 * time.Hour

// clockDuration reads "HH:MM", "HH:MM:SS" and "26:15:00" (hours past a
// day).
func clockDuration(s string) (time.Duration, bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var d time.Duration
	scale := []time.Duration{time.Hour, time.Minute, time.Second}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || i > 0 && (len(p) != 2 || n > 59) {
			return 0, false
		}
		d += time.Duration(n) * scale[i]
	}
	return d, true
}

// approxMarks start a duration a register gives roughly: the number is
// still the best the file knows. A word must be followed by a space.
var approxMarks = []struct {
	mark string
	word bool
}{{"~", false}, {"≈", false}, {"около", true}, {"примерно", true}, {"приблизительно", true}, {"approx.", true}, {"approx", true},
	{"about", true}, {"ca.", true}}

// trimApprox drops a leading mark of an approximate duration.
func trimApprox(s string) string {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return s // the usual case, read once a ticket and more
	}
	l := strings.ToLower(s)
	for _, m := range approxMarks {
		if rest, ok := strings.CutPrefix(l, m.mark); ok && rest != "" && (!m.word || rest[0] == ' ') {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// isoDurationUnits are the designators of an ISO 8601 duration before
// its T (weeks, days) and after it (hours, minutes, seconds). Years and
// months have no fixed length and are refused.
var isoDurationUnits = [2]map[byte]time.Duration{
	{'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour},
	{'H': time.Hour, 'M': time.Minute, 'S': time.Second},
}

// parseISODuration reads an ISO 8601 duration, as Jira's and Power BI's
// exports and JSON-minded tools write one: "PT2H30M", "P1DT4H",
// "PT1.5H".
func parseISODuration(s string) (time.Duration, bool) {
	s = strings.ToUpper(s)
	if len(s) < 3 || s[0] != 'P' {
		return 0, false
	}
	var d time.Duration
	part, parts := 0, 0
	for i := 1; i < len(s); {
		if s[i] == 'T' {
			if part == 1 || i == len(s)-1 {
				return 0, false
			}
			part, i = 1, i+1
			continue
		}
		n := i
		for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == '.' || s[n] == ',') {
			n++
		}
		if n == i || n == len(s) {
			return 0, false
		}
		f, err := strconv.ParseFloat(strings.Replace(s[i:n], ",", ".", 1), 64)
		scale, ok := isoDurationUnits[part][s[n]]
		if err != nil || !ok {
			return 0, false
		}
		d += time.Duration(math.Round(f * float64(scale)))
		parts++
		i = n + 1
	}
	return d, parts > 0
}

// durationUnits name the units Jira, HubSpot and Russian registers write
// after the numbers of a duration.
var durationUnits = map[string]time.Duration{
	"w": 7 * 24 * time.Hour, "week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour, "нед": 7 * 24 * time.Hour,
	"неделя": 7 * 24 * time.Hour, "недели": 7 * 24 * time.Hour, "недель": 7 * 24 * time.Hour, "неделю": 7 * 24 * time.Hour,
	"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour, "д": 24 * time.Hour, "дн": 24 * time.Hour, "дня": 24 * time.Hour,
	"дней": 24 * time.Hour, "день": 24 * time.Hour, "сут": 24 * time.Hour, "сутки": 24 * time.Hour, "суток": 24 * time.Hour,
	"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour, "ч": time.Hour, "час": time.Hour,
	"часа": time.Hour, "часов": time.Hour,
	// A register's «2ч30м»: «м» after hours is minutes, as in «30 м».
	"m": time.Minute, "min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute, "мин": time.Minute,
	"минут": time.Minute, "минуты": time.Minute, "минута": time.Minute, "минуту": time.Minute, "м": time.Minute,
	"s": time.Second, "sec": time.Second, "secs": time.Second, "second": time.Second, "seconds": time.Second, "с": time.Second,
	"сек": time.Second, "секунд": time.Second, "секунды": time.Second, "секунда": time.Second, "секунду": time.Second,
}

// parseUnitDuration reads numbers each followed by a unit; ok=false
// unless every part is one. The minute sign ("90'") is a unit too. As
// people write it, the last part may leave out its unit when it can only
// be the next smaller one: minutes after hours ("2 ч 30"), seconds after
// minutes, or a clock after days ("1 д 02:30").
func parseUnitDuration(s string) (time.Duration, bool) {
	var d time.Duration
	parts := 0
	last := time.Duration(0) // the unit of the part before
	rest := strings.ToLower(s)
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		if parts > 0 && last >= 24*time.Hour && strings.Contains(rest, ":") {
			c, ok := clockDuration(rest)
			return d + c, ok
		}
		n := 0
		for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == '.' || rest[n] == ',') {
			n++
		}
		if n == 0 {
			return 0, false
		}
		num := rest[:n]
		f, err := strconv.ParseFloat(strings.Replace(num, ",", ".", 1), 64)
		if err != nil {
			return 0, false
		}
		rest = strings.TrimSpace(rest[n:])
		if rest == "" && parts > 0 && (last == time.Hour || last == time.Minute) {
			// "2 ч 30": whole minutes, below 60, or it is no clock.
			v, err := strconv.Atoi(num)
			if err != nil || v > 59 {
				return 0, false
			}
			return d + time.Duration(v)*last/60, true
		}
		var scale time.Duration
		var ok bool
		switch {
		case strings.HasPrefix(rest, "''"):
			scale, ok, rest = time.Second, true, rest[2:]
		case strings.HasPrefix(rest, "″"):
			scale, ok, rest = time.Second, true, rest[len("″"):]
		case strings.HasPrefix(rest, "'"):
			scale, ok, rest = time.Minute, true, rest[1:]
		case strings.HasPrefix(rest, "′"):
			scale, ok, rest = time.Minute, true, rest[len("′"):]
		default:
			u := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
			if u < 0 {
				u = len(rest)
			}
			scale, ok = durationUnits[strings.TrimSuffix(rest[:u], ".")]
			rest = strings.TrimPrefix(rest[u:], ".")
		}
		if !ok {
			return 0, false
		}
		d += time.Duration(math.Round(f * float64(scale)))
		last = scale
		parts++
	}
	return d, parts > 0
}

// statusWords map source statuses to ours, first match wins: whole
// values, then prefixes ("Closed with explanation", "Закрыта (решено)").
var statusWords = []struct {
	word   string
	status data.Status
}{
	// Zendesk keeps "hold" for a third party, "pending" for the client;
	// ServiceNow's "On Hold" and "Awaiting User Info" wait for the caller.
	{"hold", data.StatusInProgress},
	{"on-hold", data.StatusInProgress}, // Zendesk's hold as its UI and Explore write it
	{"pending", data.StatusWaiting},
	// Jira Service Management waits for the agent ("support") or the
	// customer; HubSpot for "us" or the "contact".
	{"waiting for support", data.StatusInProgress},
	{"waiting on us", data.StatusInProgress},
	{"waiting on contact", data.StatusWaiting},
	{"customer responded", data.StatusInProgress},
	{"on hold", data.StatusWaiting},
	{"awaiting user info", data.StatusWaiting},
	{"awaiting caller", data.StatusWaiting},
	{"awaiting customer", data.StatusWaiting},
	{"awaiting info", data.StatusWaiting}, // a ServiceNow case: the agent asked the customer for information
	{"waiting on customer", data.StatusWaiting},
	{"waiting for customer", data.StatusWaiting},
	{"waiting for client", data.StatusWaiting},
	{"waiting", data.StatusWaiting},
	// Deskpro awaits the user, the client ("Awaiting Agent" is read as
	// "awaiting" below: inside work).
	{"awaiting user", data.StatusWaiting},
	// Intercom snoozes a conversation until the client answers or a
	// set time comes: nobody works on it meanwhile.
	{"snoozed", data.StatusWaiting},
	// Seattle's customer service requests: «Reported», nobody's yet,
	// beside "Transferred" and "Closed".
	{"reported", data.StatusNew},
	// Redmine's "Feedback" («Обратная связь») waits for the author's answer.
	{"feedback", data.StatusWaiting},
	// Bugzilla and MantisBT confirm a report before anyone is assigned
	// to it; Bugzilla's NEEDSINFO waits for the reporter.
	{"unconfirmed", data.StatusNew},
	{"confirmed", data.StatusNew},
	{"needsinfo", data.StatusWaiting},
	{"обратная связь", data.StatusWaiting},
	{"ожидает клиента", data.StatusWaiting},
	{"ожидание клиента", data.StatusWaiting},
	{"ожидание ответа клиента", data.StatusWaiting},
	{"ожидает ответа клиента", data.StatusWaiting},
	{"ожидание", data.StatusWaiting},
	{"new", data.StatusNew},
	{"submitted", data.StatusNew},  // YouTrack
	{"logged", data.StatusNew},     // TOPdesk
	{"registered", data.StatusNew}, // SimpleOne
	{"to do", data.StatusNew},
	// Linear's and Jira's queues before work: triage, the backlog, the
	// issues picked for the next development.
	{"triage", data.StatusNew},
	// Groove: a ticket nobody has read yet, then opened.
	{"unread", data.StatusNew},
	{"opened", data.StatusInProgress},
	{"backlog", data.StatusNew},
	{"selected for development", data.StatusNew},
	{"todo", data.StatusNew},
	{"новая", data.StatusNew},
	{"новый", data.StatusNew},
	{"новое", data.StatusNew},
	{"зарегистрирована", data.StatusNew},
	{"open", data.StatusInProgress},
	{"active", data.StatusInProgress},
	{"in progress", data.StatusInProgress},
	{"escalated", data.StatusInProgress},
	{"working", data.StatusInProgress}, // Salesforce cases
	// SAP Service Cloud's tickets: Open, In Process, Customer Action
	// (the customer is to answer), Completed, Closed.
	{"in process", data.StatusInProgress},
	{"customer action", data.StatusWaiting},
	// More help desks' words: nobody has the ticket yet, or it was
	// sorted and waits; the team asks the client for more; the work is
	// put off, planned, held up, or its fix watched.
	{"unassigned", data.StatusNew},
	{"triaged", data.StatusNew},
	{"needs info", data.StatusWaiting},
	{"more info required", data.StatusWaiting},
	{"customer replied", data.StatusInProgress},
	{"deferred", data.StatusInProgress},
	{"scheduled", data.StatusInProgress},
	{"blocked", data.StatusInProgress},
	{"stuck", data.StatusInProgress}, // monday.com's default labels: Working on it, Stuck, Done
	{"not started", data.StatusNew},  // Notion's default: Not started, In progress, Done
	// Helpshift: the client wrote again, or the issue waits for an agent
	// to take it; the agent replied, and the client is to answer.
	{"new for agent", data.StatusInProgress},
	{"pending reassignment", data.StatusInProgress},
	{"agent replied", data.StatusWaiting},
	{"monitoring", data.StatusInProgress},
	{"draft", data.StatusNew},
	{"paused", data.StatusWaiting}, // as "on hold"
	{"suspended", data.StatusWaiting},
	{"request info", data.StatusWaiting},
	{"approved", data.StatusInProgress}, // a step of an approval before the work
	{"follow up", data.StatusInProgress},
	{"callback scheduled", data.StatusInProgress},
	{"updated", data.StatusInProgress}, // Oracle Service Cloud: the client wrote again
	// Closed without a resolution (cancelWords): the client gave up, the
	// request lapsed; Dynamics 365 makes a finished case inactive.
	{"abandoned", data.StatusClosed},
	{"expired", data.StatusClosed},
	{"inactive", data.StatusClosed},
	// Dynamics 365's case status reasons: "Researching" and "Waiting for
	// Details" while active, "Problem Solved" and "Information Provided"
	// once resolved ("Canceled" and "Merged" below).
	{"researching", data.StatusInProgress},
	// Trac: the owner accepted the ticket, a patch is under review.
	{"accepted", data.StatusInProgress},
	{"reviewing", data.StatusInProgress},
	{"waiting for details", data.StatusWaiting},
	{"problem solved", data.StatusResolved},
	{"information provided", data.StatusResolved},
	{"reopened", data.StatusInProgress},
	{"in_progress", data.StatusInProgress},
	{"work in progress", data.StatusInProgress},
	{"assigned", data.StatusInProgress},
	{"awaiting", data.StatusInProgress}, // problem, vendor, evidence: inside work
	{"waiting on third party", data.StatusInProgress},
	{"untimely response", data.StatusInProgress},
	{"overdue", data.StatusInProgress},         // open past its deadline
	{"processing", data.StatusInProgress},      // GLPI: "Processing (assigned)", "(planned)"
	{"to be discussed", data.StatusInProgress}, // YouTrack
	// TOPdesk and SysAid: the client answered, the ball is with the
	// team; SysAid and LiveAgent put a ticket off as others hold it.
	{"updated by user", data.StatusInProgress},
	{"user responded", data.StatusInProgress},
	{"postponed", data.StatusInProgress},
	// SimpleOne asks the caller for information (its SLA clocks stop),
	// hands an incident to an outside party, and goes on working when
	// the caller rejects the solution.
	{"information needed", data.StatusWaiting},
	{"external processing", data.StatusInProgress},
	{"rejected by user", data.StatusInProgress},
	{"требуется информация", data.StatusWaiting},
	// IntraService and other Russian desks ask the client to clarify;
	// a request saved unsent is a draft.
	{"требует уточнения", data.StatusWaiting},
	{"требуется уточнение", data.StatusWaiting},
	{"на уточнении", data.StatusWaiting},
	{"черновик", data.StatusNew},
	{"внешняя обработка", data.StatusInProgress},
	{"transferred", data.StatusInProgress}, // 311: sent on to the department that acts
	// The BPI Challenge 2013's Volvo IT incidents: queued for another
	// team, handled on a call, waiting on the user, the implementation,
	// a vendor (as a third party: inside work).
	{"queued", data.StatusInProgress},
	{"in call", data.StatusInProgress},
	{"wait - user", data.StatusWaiting},
	{"wait - customer", data.StatusWaiting},
	{"wait - implementation", data.StatusInProgress},
	{"wait - vendor", data.StatusInProgress},
	// Registers kept by hand in English.
	{"in review", data.StatusInProgress},
	{"under review", data.StatusInProgress},
	{"investigating", data.StatusInProgress},
	{"under investigation", data.StatusInProgress},
	{"acknowledged", data.StatusInProgress},
	{"in work", data.StatusInProgress},
	{"not resolved", data.StatusInProgress},
	{"unresolved", data.StatusInProgress},
	{"re-opened", data.StatusInProgress},
	{"received", data.StatusNew},
	{"complete", data.StatusResolved},
	{"declined", data.StatusClosed},
	{"stalled", data.StatusWaiting}, // Request Tracker: waiting on something, mostly the requester
	// osTicket, LiveAgent ("A") and hand registers in English: the agent
	// replied and the ticket waits for the client's answer; a reply is no
	// resolution, and nobody works on it meanwhile.
	{"answered", data.StatusWaiting},
	{"в работе", data.StatusInProgress},
	{"открыта", data.StatusInProgress},
	{"открыт", data.StatusInProgress},
	{"на рассмотрении", data.StatusInProgress},
	{"в процессе", data.StatusInProgress},
	{"resolved", data.StatusResolved},
	{"solved", data.StatusResolved},
	{"fixed", data.StatusResolved}, // YouTrack: fixed, then "Verified"
	// TOPdesk completes an incident, then closes it.
	{"completed", data.StatusResolved},
	{"решена", data.StatusResolved},
	{"решено", data.StatusResolved},
	{"выполнена", data.StatusResolved},
	{"исполнена", data.StatusResolved},
	{"closed", data.StatusClosed},
	{"done", data.StatusClosed},     // Jira's final state
	{"archived", data.StatusClosed}, // Deskpro, after resolved
	{"canceled", data.StatusClosed},
	{"cancelled", data.StatusClosed},
	{"withdrawn", data.StatusClosed},
	{"unpursuable", data.StatusClosed},             // the BBB could not locate the business (see bbbStatuses)
	{"administratively closed", data.StatusClosed}, // closed by the registrar, not by a resolution
	// Jira in Russian: «К выполнению» (To Do), «Готово» (Done).
	{"к выполнению", data.StatusNew},
	{"нужно сделать", data.StatusNew},
	{"сделать", data.StatusNew},
	{"готово", data.StatusClosed},
	{"сделано", data.StatusClosed},
	// A kanban board's columns (Kaiten, Trello, Jira boards): the queue
	// and backlog are new, "Doing" and a review in progress.
	{"очередь", data.StatusNew},
	{"бэклог", data.StatusNew},
	{"doing", data.StatusInProgress},
	{"review", data.StatusInProgress},
	{"in review", data.StatusInProgress},
	// Redmine and YouTrack close an issue they decline with an answer:
	// a decision, so a closing, unlike a cancelled request.
	{"rejected", data.StatusClosed},
	{"verified", data.StatusClosed},
	{"won't fix", data.StatusClosed},
	{"wont fix", data.StatusClosed},
	{"can't reproduce", data.StatusClosed},
	{"cannot reproduce", data.StatusClosed},
	{"incomplete", data.StatusClosed},
	{"obsolete", data.StatusClosed},
	{"invalid", data.StatusClosed},
	// The steps of a help desk's process-mining event log (the
	// "Helpdesk" log of an Italian software company): triage opens the
	// ticket, work on a software anomaly or an upgrade is inside the
	// work, and the ticket's own resolution and closing end it.
	{"insert ticket", data.StatusNew},
	{"assign seriousness", data.StatusNew},
	{"take in charge ticket", data.StatusInProgress},
	{"require upgrade", data.StatusInProgress},
	{"schedule intervention", data.StatusInProgress},
	{"create sw anomaly", data.StatusInProgress},
	{"resolve sw anomaly", data.StatusInProgress},
	{"wait", data.StatusWaiting},
	{"resolve ticket", data.StatusResolved},
	{"close ticket", data.StatusClosed},
	{"закрыта", data.StatusClosed},
	{"закрыто", data.StatusClosed},
	// GLPI in French: Nouveau, En cours (Attribué), En attente, Résolu,
	// Clos. Its Russian «Решена» is spelt with a Latin P in some
	// versions of its translation.
	{"nouveau", data.StatusNew},
	{"en cours", data.StatusInProgress},
	{"en attente", data.StatusWaiting},
	{"résolu", data.StatusResolved},
	{"résolue", data.StatusResolved},
	{"pешена", data.StatusResolved},
	{"clos", data.StatusClosed},
	{"fermé", data.StatusClosed},
	{"отменена", data.StatusClosed},
	// Help desks in the agent's language (Zendesk's and Freshdesk's own
	// translations): pending waits for the client, on-hold for a third
	// party, as in English. French.
	{"ouvert", data.StatusInProgress},
	{"ouverte", data.StatusInProgress},
	{"en pause", data.StatusInProgress},
	// German.
	{"neu", data.StatusNew},
	{"offen", data.StatusInProgress},
	{"in bearbeitung", data.StatusInProgress},
	{"angehalten", data.StatusInProgress},
	{"wartend", data.StatusWaiting},
	{"gelöst", data.StatusResolved},
	{"erledigt", data.StatusResolved},
	{"geschlossen", data.StatusClosed},
	// Spanish.
	{"nuevo", data.StatusNew},
	{"nueva", data.StatusNew},
	{"abierto", data.StatusInProgress},
	{"abierta", data.StatusInProgress},
	{"en progreso", data.StatusInProgress},
	{"en curso", data.StatusInProgress},
	{"en espera", data.StatusInProgress},
	{"pendiente", data.StatusWaiting},
	{"resuelto", data.StatusResolved},
	{"resuelta", data.StatusResolved},
	{"cerrado", data.StatusClosed},
	{"cerrada", data.StatusClosed},
	// Portuguese.
	{"novo", data.StatusNew},
	{"aberto", data.StatusInProgress},
	{"em andamento", data.StatusInProgress},
	{"em espera", data.StatusInProgress},
	{"pendente", data.StatusWaiting},
	{"resolvido", data.StatusResolved},
	{"fechado", data.StatusClosed},
	// Italian.
	{"nuovo", data.StatusNew},
	{"aperto", data.StatusInProgress},
	{"in corso", data.StatusInProgress},
	{"in lavorazione", data.StatusInProgress},
	{"in attesa", data.StatusInProgress},
	{"in sospeso", data.StatusWaiting},
	{"risolto", data.StatusResolved},
	{"chiuso", data.StatusClosed},
	// Dutch.
	{"nieuw", data.StatusNew},
	{"in behandeling", data.StatusInProgress},
	{"in de wacht", data.StatusInProgress},
	{"in afwachting", data.StatusWaiting},
	{"opgelost", data.StatusResolved},
	{"gesloten", data.StatusClosed},
	// Polish.
	{"nowe", data.StatusNew},
	{"nowy", data.StatusNew},
	{"otwarte", data.StatusInProgress},
	{"w toku", data.StatusInProgress},
	{"w trakcie", data.StatusInProgress},
	{"wstrzymane", data.StatusInProgress},
	{"oczekujące", data.StatusWaiting},
	{"rozwiązane", data.StatusResolved},
	{"zamknięte", data.StatusClosed},
	// Ukrainian.
	{"нове", data.StatusNew},
	{"новий", data.StatusNew},
	{"нова", data.StatusNew},
	{"відкрито", data.StatusInProgress},
	{"відкрита", data.StatusInProgress},
	{"відкритий", data.StatusInProgress},
	{"в роботі", data.StatusInProgress},
	{"утримується", data.StatusInProgress},
	{"в очікуванні", data.StatusWaiting},
	{"очікує", data.StatusWaiting},
	{"вирішено", data.StatusResolved},
	{"вирішена", data.StatusResolved},
	{"вирішений", data.StatusResolved},
	{"закрита", data.StatusClosed},
	{"закрито", data.StatusClosed},
	{"закритий", data.StatusClosed},
}

// statusStems are Russian word stems, whatever their ending: help desks
// name a status after the ticket ("Закрыт", "Закрытое"), the request
// ("Закрыта") or the case ("Закрыто"). Longer stems win, so "ждёт
// ответа клиента" waits while "ждёт выполнения" is new. Usedesk,
// Omnidesk and Bitrix24 statuses are among them.
var statusStems = []struct {
	stem   string
	status data.Status
}{
	{"нов", data.StatusNew},
	{"зарегистрирован", data.StatusNew},
	{"ждёт выполнения", data.StatusNew},
	{"ждет выполнения", data.StatusNew},
	{"не начат", data.StatusNew},
	{"открыт", data.StatusInProgress},
	{"переоткрыт", data.StatusInProgress},
	{"возобновл", data.StatusInProgress}, // Naumen Service Desk: «Возобновлен»
	{"принят", data.StatusInProgress},    // Planfix: «Принятая», taken into work
	{"выполняется", data.StatusInProgress},
	{"в работе", data.StatusInProgress},
	{"в обработке", data.StatusInProgress}, // HelpDeskEddy
	{"на удержании", data.StatusInProgress},
	// A register's «Просрочена» («Просроченные» in a city bot's report):
	// still open, past its deadline.
	{"просроч", data.StatusInProgress},
	{"отложен", data.StatusInProgress},
	// A desk's «Запланирована»: its work set for a given time, as
	// «Отложена» is put off.
	{"запланирован", data.StatusInProgress},
	{"эскалирован", data.StatusInProgress},
	{"передан", data.StatusInProgress},
	{"назначен", data.StatusInProgress},
	{"ожида", data.StatusWaiting},
	// «Отвечено»: the agent answered, the client's turn, as osTicket's
	// "Answered" (a register's «Ответ дан» is its final answer).
	{"отвечен", data.StatusWaiting},
	{"нужна информация", data.StatusWaiting}, // Yandex Tracker asks the author
	{"нужен ответ", data.StatusWaiting},
	// Jira Service Management waits for the team («Ожидание поддержки»,
	// Waiting for support); SimpleOne's caller rejects a solution.
	{"ожидание поддержки", data.StatusInProgress},
	{"ожидает поддержки", data.StatusInProgress},
	{"отклонен пользовател", data.StatusInProgress},
	{"отклонён пользовател", data.StatusInProgress},
	{"отклонено пользовател", data.StatusInProgress},
	{"в ожидании", data.StatusWaiting},
	{"ждёт ответа", data.StatusWaiting},
	{"ждет ответа", data.StatusWaiting},
	{"ждёт клиента", data.StatusWaiting},
	{"ждет клиента", data.StatusWaiting},
	{"решен", data.StatusResolved},
	{"решён", data.StatusResolved},
	{"выполнен", data.StatusResolved},
	{"исполнен", data.StatusResolved},
	{"ждёт контроля", data.StatusResolved}, // Bitrix24: done, the manager checks
	{"ждет контроля", data.StatusResolved},
	{"закрыт", data.StatusClosed},
	{"завершен", data.StatusClosed},
	{"завершён", data.StatusClosed},
	{"отменен", data.StatusClosed},
	{"отменён", data.StatusClosed},
	{"отклонен", data.StatusClosed},
	{"отклонён", data.StatusClosed},
	// Bitrix24 CRM ends a deal "Успешно"/"Сделка успешна" or
	// "Провалено"/"Сделка провалена" (smart processes: "Успех", "Провал").
	// A lost deal is still a closed appeal: the client asked and the case
	// is over, so it counts as closed, not as something to skip.
	{"успешн", data.StatusClosed},
	{"успех", data.StatusClosed},
	{"провал", data.StatusClosed},
	{"сделка успешн", data.StatusClosed},
	{"сделка провал", data.StatusClosed},
	// amoCRM's stages of a lead: every pipeline starts «Неразобранное»
	// (unsorted) and ends «Успешно реализовано» or «Закрыто и не
	// реализовано» (its system statuses 142 and 143); a new pipeline's
	// own stages are «Первичный контакт», «Переговоры», «Принимают
	// решение». Creatio resolves a case «Разрешено».
	{"неразобран", data.StatusNew},
	{"первичный контакт", data.StatusNew},
	{"переговор", data.StatusInProgress},
	{"принимают решение", data.StatusInProgress},
	{"разрешен", data.StatusResolved},
	{"разрешён", data.StatusResolved},
	{"не разрешен", data.StatusInProgress},
	{"не разрешён", data.StatusInProgress},
	// Registers kept by hand. A claim «Удовлетворена» (granted, wholly or
	// in part) is resolved, «Не удовлетворена» or «Отказано» is decided
	// against the client: closed. «Ответ дан» is resolved, unlike a help
	// desk's "Answered" (waiting): a register's written answer to a
	// complaint or claim is its decision and ends its consideration (as
	// for appeals under 59-ФЗ); a client who disputes it reopens it. It
	// says not whom the answer favoured, so it is no «Отказано».
	// A pause stops the clock as waiting for the client does.
	{"получен", data.StatusNew},
	{"поступил", data.StatusNew},
	{"повторно открыт", data.StatusInProgress},
	{"на согласовании", data.StatusInProgress},
	{"согласовани", data.StatusInProgress},
	{"рассматрива", data.StatusInProgress},
	{"на проверке", data.StatusInProgress},
	{"проверка", data.StatusInProgress},
	{"на контроле", data.StatusInProgress},
	{"на доработке", data.StatusInProgress},
	{"доработк", data.StatusInProgress},
	{"направлен", data.StatusInProgress},
	{"перенаправлен", data.StatusInProgress},
	{"эскалаци", data.StatusInProgress},
	{"у руководител", data.StatusInProgress},
	{"не решен", data.StatusInProgress},
	{"не решён", data.StatusInProgress},
	{"не выполнен", data.StatusInProgress},
	{"ждём ответа", data.StatusWaiting},
	{"ждем ответа", data.StatusWaiting},
	{"ждём клиента", data.StatusWaiting},
	{"ждем клиента", data.StatusWaiting},
	{"приостановлен", data.StatusWaiting},
	{"пауза", data.StatusWaiting},
	{"рассмотрен", data.StatusResolved},
	{"обработан", data.StatusResolved},
	{"удовлетворен", data.StatusResolved},
	{"удовлетворён", data.StatusResolved},
	{"частично удовлетвор", data.StatusResolved},
	{"ответ дан", data.StatusResolved},
	{"дан ответ", data.StatusResolved},
	{"ответ направлен", data.StatusResolved},
	{"направлен ответ", data.StatusResolved},
	{"ответ отправлен", data.StatusResolved},
	{"не удовлетворен", data.StatusClosed},
	{"не удовлетворён", data.StatusClosed},
	{"отказ", data.StatusClosed},
	{"работа завершен", data.StatusClosed},
	{"отозван", data.StatusClosed}, // withdrawn by the client
	// Appeals under 59-ФЗ as document-management systems (Directum RX's
	// citizen requests, «Дело», ЕСЭД) and the ССТУ.РФ report name the
	// result of their consideration: «Разъяснено», «Поддержано»
	// («Поддержано, меры приняты», «Меры приняты») answer the appeal on
	// its merits and resolve it; «Не поддержано» turns it down, closed
	// as «Не удовлетворена» is, a decision all the same. «Направлено по
	// компетенции» (sent on to the body that decides: «Переадресовано»,
	// «по подведомственности»), «Оставлено без ответа (автору)»,
	// «Оставлено без рассмотрения», «Переписка прекращена», «Списано в
	// дело», «Принято к сведению» end it with no answer of ours: closed, resolving nothing (see
	// cancelWords). ССТУ.РФ writes the considered ones «Рассмотрено.
	// Разъяснено». «Находится на рассмотрении», «На исполнении»,
	// «Рассмотрение продлено» and «Продлен срок рассмотрения» are still
	// being considered; a document «Снят с контроля» once its answer was
	// checked and sent: done.
	{"разъяснен", data.StatusResolved},
	// A journal of personal reception writes its decision «Дано
	// разъяснение», «Даны разъяснения».
	{"дано разъяснени", data.StatusResolved},
	{"даны разъяснени", data.StatusResolved},
	{"поддержан", data.StatusResolved},
	{"меры приняты", data.StatusResolved},
	{"приняты меры", data.StatusResolved},
	{"не поддержан", data.StatusClosed},
	{"рассмотрено. не поддержан", data.StatusClosed},
	{"рассмотрено, не поддержан", data.StatusClosed},
	{"рассмотрено не поддержан", data.StatusClosed},
	{"направлено по компетенции", data.StatusClosed},
	{"перенаправлено по компетенции", data.StatusClosed},
	{"передано по компетенции", data.StatusClosed},
	{"направлено по подведомственности", data.StatusClosed},
	{"передано по подведомственности", data.StatusClosed},
	{"переадресован", data.StatusClosed},
	{"оставлено без ответа", data.StatusClosed},
	{"оставлено без рассмотрения", data.StatusClosed},
	{"переписка прекращена", data.StatusClosed},
	{"списано в дело", data.StatusClosed},
	{"принято к сведению", data.StatusClosed},
	{"находится на рассмотрении", data.StatusInProgress},
	{"на исполнении", data.StatusInProgress},
	{"рассмотрение продл", data.StatusInProgress},
	{"продлен срок", data.StatusInProgress},
	{"продлён срок", data.StatusInProgress},
	{"срок продлен", data.StatusInProgress},
	{"срок продлён", data.StatusInProgress},
	{"срок рассмотрения продл", data.StatusInProgress},
	{"снят с контрол", data.StatusResolved},
	{"снято с контрол", data.StatusResolved},
	{"снята с контрол", data.StatusResolved},
	{"не зарегистрирован", data.StatusNew},
}

// serviceNowStates are the numbers ServiceNow exports for incident
// states when display values are off (1 New ... 8 Canceled).
var serviceNowStates = map[string]data.Status{
	"1": data.StatusNew, "2": data.StatusInProgress, "3": data.StatusWaiting, "6": data.StatusResolved, "7": data.StatusClosed, "8": data.StatusClosed,
}

// Freshdesk's API numbers a ticket's status (2 Open, 3 Pending,
// 4 Resolved, 5 Closed), its priority (1 Low to 4 Urgent, the other way
// from ServiceNow's) and its source (1 Email, 2 Portal, 3 Phone, 7 Chat,
// 9 Feedback Widget, 10 Outbound Email; 4 Forum, 5 Twitter, 6 Facebook
// and 8 Mobihelp in older accounts): each number is read as the name
// its export writes. Custom statuses number from 6 and are named only
// in the account (see freshdeskCustomStatus).
var (
	freshdeskStatuses   = map[string]string{"2": "Open", "3": "Pending", "4": "Resolved", "5": "Closed"}
	freshdeskPriorities = map[string]string{"1": "Low", "2": "Medium", "3": "High", "4": "Urgent"}
	freshdeskSources    = map[string]string{"1": "Email", "2": "Portal", "3": "Phone", "4": "Forum", "5": "Twitter", "6": "Facebook",
		"7": "Chat", "8": "Mobihelp", "9": "Feedback Widget", "10": "Outbound Email"}
)

// freshdeskCode spells out a number of Freshdesk's API by its name in
// codes; any other value is returned as it is.
func freshdeskCode(codes map[string]string, s string) string {
	if name, ok := codes[strings.TrimSpace(s)]; ok {
		return name
	}
	return s
}

// freshdeskCustomStatus reports whether s numbers one of an account's
// own statuses (6 and up). Freshdesk places them between Open and
// Resolved ("Refund Initiated"), and only Resolved and Closed end a
// ticket: the ticket is still open, in work or waiting as the account
// set its SLA timer, which the export does not say. It is read as in
// progress, and the import names the numbers (warnFreshdeskCustom).
func freshdeskCustomStatus(s string) bool {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return err == nil && n >= 6
}

// freshdeskPriority reads Freshdesk's priority numbers, and its names.
func freshdeskPriority(s string) (data.Priority, bool) {
	return parsePriority(freshdeskCode(freshdeskPriorities, s))
}

// cancelWords start the statuses of tickets cancelled or withdrawn
// (Zendesk, Freshdesk and ServiceNow "Canceled", "Cancelled",
// "Withdrawn", «Отменено», «Отменена»): closed, but never resolved.
var cancelWords = []string{"cancel", "withdrawn", "отмен", "отозван", "unpursuable", "administratively closed", "abandoned", "expired",
	// An appeal sent on to the body that decides it, or left without an
	// answer or consideration (see statusStems): none of ours.
	"направлено по компетенции", "перенаправлено по компетенции", "передано по компетенции", "направлено по подведомственности",
	"передано по подведомственности", "переадресован", "оставлено без ответа", "оставлено без рассмотрения", "переписка прекращена",
	"списано в дело", "принято к сведению"}

// cancelledStatus reports whether a status cell of a layout cancels the
// ticket; ServiceNow's state number 8 is Canceled.
func cancelledStatus(format, s string) bool {
	l := strings.ToLower(strings.Join(strings.Fields(statusWord(s)), " "))
	if format == FormatServiceNow && l == "8" {
		return true
	}
	for _, w := range cancelWords {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}

// statusCodes are statuses a system writes cut to a few capitals:
// Kansas City's 311 (OPEN, ASSIG, RESOL, CANC, DUP).
var statusCodes = map[string]string{"ASSIG": "assigned", "RESOL": "resolved", "CANC": "cancelled", "DUP": "duplicate"}

// statusWord spells out a status cut to a code (see statusCodes); any
// other value is returned as it is.
func statusWord(s string) string {
	if w, ok := statusCodes[strings.TrimSpace(s)]; ok {
		return w
	}
	return s
}

// notAppealStatuses start the statuses of tickets that are no client
// appeal: spam, deleted and merged into another ticket (Usedesk, Omnidesk
// and HelpDeskEddy keep them in their exports). Russian ones are stems,
// whatever their ending (Удален, Удалён, Удалённое, Объединено).
// YouTrack's "Duplicate" («Дубликат», «Дубль») is counted in the issue
// it duplicates, as a merged ticket is.
var notAppealStatuses = []string{"spam", "deleted", "merged", "duplicate", "спам", "удал", "объедин", "дубл"}

// notAppeal reports whether a status cell marks a ticket that is no
// client appeal: it is skipped, not stored as a new one.
func notAppeal(s string) bool {
	l := strings.ToLower(strings.TrimSpace(statusWord(s)))
	for _, w := range notAppealStatuses {
		if strings.HasPrefix(l, w) && (len(l) == len(w) || w[0] >= 0x80 || !isLetter(l[len(w)])) {
			return true
		}
	}
	return false
}

// duplicateResolution reports whether a resolution marks the ticket a
// copy of another one, or merged into it: a resolution code alone
// ("Duplicate", «Дубликат», "Merged"), or a closing note that says it
// duplicates an existing case ("Duplicate of Existing Case", "Duplicate
// of SUP-101").
func duplicateResolution(s string) bool {
	l := strings.ToLower(strings.Join(strings.Fields(s), " "))
	return slices.Contains(duplicateResolutions, l) || strings.Contains(l, "duplicate of")
}

// duplicateResolutions are the resolution codes of a copy or a merged
// ticket. A resolution that only starts so is a text ("Spam filter
// fixed", «Удалён вирус»): the ticket was resolved.
var duplicateResolutions = []string{"duplicate", "duplicated", "duplicate ticket", "duplicate issue", "duplicate case", "merged", "spam",
	"дубликат", "дубль", "дублирует", "объединено", "объединена", "объединён", "объединен", "спам"}

// liveAgentStatuses are the one-letter codes LiveAgent exports instead
// of status names: Init, New, chaTting, calling (P), Resolved, Answered
// (the agent replied, the client is to answer), open (C: the client
// replied), postponed (W), cLosed. Deleted (X) and spam (B) are no
// appeals.
var liveAgentStatuses = map[string]data.Status{
	"I": data.StatusNew, "N": data.StatusNew, "T": data.StatusInProgress, "P": data.StatusInProgress, "R": data.StatusResolved,
	"A": data.StatusWaiting, "C": data.StatusInProgress, "W": data.StatusInProgress, "L": data.StatusClosed,
}

// liveAgentNotAppeals are LiveAgent's codes of deleted and spam tickets.
var liveAgentNotAppeals = []string{"X", "B"}

// appealOutcomes start the results of an appeal's consideration that
// say how it was decided or why it got no answer (see statusStems):
// words worth keeping as its resolution, and a status where the file
// has no other.
var appealOutcomes = []string{"разъяснен", "дано разъяснени", "даны разъяснени", "поддержан", "не поддержан", "меры приняты", "приняты меры", "рассмотрено.", "рассмотрено,",
	"удовлетворен", "удовлетворён", "не удовлетворен", "не удовлетворён", "частично удовлетвор", "отказ", "дан ответ автору",
	"направлено по", "перенаправлено по", "передано по", "переадресован", "оставлено без", "переписка прекращена", "списано в дело",
	"принято к сведению"}

// appealOutcome reads the result of an appeal's consideration: the
// status it leaves the appeal in, ok=false when s names none.
func appealOutcome(s string) (data.Status, bool) {
	l := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if !slices.ContainsFunc(appealOutcomes, func(w string) bool { return strings.HasPrefix(l, w) }) {
		return "", false
	}
	st, ok := parseStatus(l)
	return st, ok && !st.Open()
}

// appealPendings start the states of an appeal still being considered,
// as a result column writes them before there is a result.
var appealPendings = []string{"на рассмотрении", "находится на рассмотрении", "на исполнении", "на контроле", "рассмотрение продл",
	"продлен срок", "продлён срок", "срок продлен", "срок продлён", "срок рассмотрения продл"}

// appealPending reports whether s names an appeal still being considered.
func appealPending(s string) bool {
	l := strings.ToLower(strings.Join(strings.Fields(s), " "))
	return slices.ContainsFunc(appealPendings, func(w string) bool { return strings.HasPrefix(l, w) })
}

// reopenedStatus reports whether a status says the ticket was reopened.
func reopenedStatus(s string) bool {
	return containsAny(strings.ToLower(s), []string{"reopen", "re-open", "переоткрыт", "повторно открыт", "открыта повторно", "открыт повторно",
		"открыто повторно", "возобновл"})
}

// labelText drops the emoji and symbols a board decorates its labels
// with (Notion's "Done ✅", "🔥 High"): the words are the label.
func labelText(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsSymbol(r) || r == '\uFE0F' || r == '\uFE0E' || r == '\u200D'
	})
}

// parseStatus maps a status cell; ok=false for an unknown status.
func parseStatus(s string) (data.Status, bool) {
	l := strings.ToLower(strings.Join(strings.Fields(statusWord(labelText(s))), " "))
	for _, w := range statusWords {
		if l == w.word {
			return w.status, true
		}
	}
	stem, stemLen := data.Status(""), 0
	for _, w := range statusStems {
		if len(w.stem) > stemLen && strings.HasPrefix(l, w.stem) {
			stem, stemLen = w.status, len(w.stem)
		}
	}
	if stemLen > 0 {
		return stem, true
	}
	// "Closed with monetary relief", "Waiting on Third Party" and the
	// like: the longest known word the value starts with.
	best, bestLen := data.Status(""), 0
	for _, w := range statusWords {
		if len(w.word) > bestLen && strings.HasPrefix(l, w.word) && (len(l) == len(w.word) || !isLetter(l[len(w.word)])) {
			best, bestLen = w.status, len(w.word)
		}
	}
	return best, bestLen > 0
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 0x80 }

// priorityWords are the prefixes of priority names, per priority.
var priorityWords = []struct {
	words []string
	p     data.Priority
}{
	{[]string{"urgent", "critical", "blocker", "highest", "very high", "срочн", "критич", "наивысш", "неотложн", "экстренн", "немедленн",
		"очень высок",
		// osTicket and Kayako top their lists with "Emergency", Redmine
		// with "Immediate", YouTrack with "Show-stopper".
		"emergency", "immediate", "show-stopper", "showstopper",
		"самый высок", "блокирующ", "блокер", // Jira and Yandex Tracker in Russian: Highest, Blocker
		"très haut", "majeur", // GLPI in French
		"очень срочн", "высш", "максимальн", "макс", "asap",
		"авари", // «Авария»: an outage
		// Help desks in the agent's language: urgent, critical.
		"dringend", "kritisch", "crític", "critic", "pilny", "krytyczn", "термінов", "критичн"}, data.PriorityCritical},
	{[]string{"high", "major", "высок", "важн", "haut", "серьезн", "серьёзн", "повышенн", "выс.", "elevated",
		"élevé", "hoch", "alta", "alto", "hoog", "wysok", "висок"}, data.PriorityHigh},
	{[]string{"normal", "medium", "moderate", "средн", "обычн", "нормальн", "стандарт", "moyen", "ср.", "standard", "routine",
		"normaal", "media", "médi", "medio", "średni", "звичайн", "середн"}, data.PriorityNormal},
	{[]string{"low", "minor", "planning", "lowest", "trivial", "very low", "низк", "незначит", "не срочн", "несрочн", "очень низк",
		"самый низк", "тривиальн", // Jira in Russian: Lowest, Trivial
		"très bas", "bas", "faible",
		"niedrig", "baja", "bajo", "baixa", "bassa", "laag", "nisk", "низьк",
		"минимальн", "мин", "пониженн", "не важн", "неважн", "низ."}, data.PriorityLow},
}

// unsetPriorities say that nobody set a priority.
var unsetPriorities = []string{"ns", "n/s", "not specified", "unspecified", "not set", "не указан", "не указано", "не задан", "не задано",
	"no priority", "без приоритета", // Linear
	"unassigned", "не назначен", "не назначено"}

// glpiPriority reads GLPI's priorities: it puts "Major" above "Very high", while Jira and
// YouTrack put it below "Critical".
func glpiPriority(s string) (data.Priority, bool) {
	if strings.EqualFold(strings.TrimSpace(s), "major") {
		return data.PriorityCritical, true
	}
	return parsePriority(s)
}

// numberScale is a priority scale written as whole numbers from least to
// most, read in bands of our priorities. A file is on the scale when all
// its sample values are in range and some exceed above, which no ranking
// counted down from 1 (P1, 1 - Critical) reaches.
type numberScale struct {
	least, most, above int
	bands              []numberBand // most urgent first
}

// numberBand is the lowest number of a priority's band.
type numberBand struct {
	from int
	p    data.Priority
}

var (
	// Deskpro's urgency: 1 (least) to 10 (most urgent). Read as ranks,
	// 1 would be critical and 10 unknown.
	deskproUrgency = numberScale{1, 10, 5, []numberBand{{9, data.PriorityCritical}, {7, data.PriorityHigh},
		{4, data.PriorityNormal}, {1, data.PriorityLow}}}
	// Request Tracker's priorities: 0 to 99 (RT 5 names 0 Low, 50 Medium,
	// 100 High).
	rtPriorities = numberScale{0, 100, 10, []numberBand{{75, data.PriorityHigh}, {25, data.PriorityNormal}, {0, data.PriorityLow}}}
)

func (sc numberScale) parse(s string) (data.Priority, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < sc.least || n > sc.most {
		return "", false
	}
	for _, b := range sc.bands {
		if n >= b.from {
			return b.p, true
		}
	}
	return "", false
}

// fits reports whether the priority column of p is on the scale.
func (sc numberScale) fits(p *plan) bool {
	above := false
	for _, v := range sampleValues(p, FieldPriority) {
		n, err := strconv.Atoi(v)
		if err != nil || n < sc.least || n > sc.most {
			return false
		}
		above = above || n > sc.above
	}
	return above
}

// rankedPriorities read "P1", "Sev 2", "S3", "Severity 1": 1 (or 0) is
// the most urgent.
var rankedPriorities = []data.Priority{data.PriorityCritical, data.PriorityCritical, data.PriorityHigh, data.PriorityNormal, data.PriorityLow, data.PriorityLow}

// ServiceNow's numbered priorities, "1 - Critical" to "5 - Planning".
var numberedPriorities = []data.Priority{data.PriorityCritical, data.PriorityHigh, data.PriorityNormal, data.PriorityLow, data.PriorityLow}

// parsePriority maps "Urgent", "1 - Critical", "3 - Moderate", "Высокий",
// "P1", "Sev 2". A number followed by a name is read by the name: OTRS
// counts the other way ("5 very high").
func parsePriority(s string) (data.Priority, bool) {
	l := strings.ToLower(labelText(s))
	switch {
	case isNoneMarker(l) || l == "not priority" || l == "not_priority" || slices.Contains(unsetPriorities, l):
		// Zoho Desk's empty picklist: the priority nobody set; Intercom's
		// conversations not starred as a priority ("not_priority" in its
		// API's JSON); the BPI Challenge's Rabobank incidents "NS", not
		// specified.
		return data.PriorityNormal, true
	case l == "priority":
		// Intercom stars a conversation "Priority": above the rest.
		return data.PriorityHigh, true
	}
	if name, ok := numberedLabel(l); ok {
		if p, ok := priorityWord(name); ok {
			return p, true
		}
		if slices.Contains(unsetPriorities, name) {
			return data.PriorityNormal, true // IBM's help desk sample: "0 - Unassigned"
		}
	}
	if l != "" && l[0] >= '1' && l[0] <= '5' && (len(l) == 1 || l[1] == ' ' || l[1] == '-' || l[1] == '.') {
		return numberedPriorities[l[0]-'1'], true
	}
	// A rank may be followed by its name ("P2 - High", "Sev 1 (Critical)"),
	// which then says it.
	for _, prefix := range []string{"severity", "sev", "priority", "приоритет", "p", "s"} {
		rest := strings.TrimLeft(strings.TrimPrefix(l, prefix), " -")
		if !strings.HasPrefix(l, prefix) || rest == "" || rest[0] < '0' || rest[0] > '5' || len(rest) > 1 && !strings.ContainsRune(" -.(", rune(rest[1])) {
			continue
		}
		if p, ok := priorityWord(strings.TrimLeft(rest[1:], " -.(")); ok {
			return p, true
		}
		return rankedPriorities[rest[0]-'0'], true
	}
	return priorityWord(l)
}

func priorityWord(l string) (data.Priority, bool) {
	for _, p := range priorityWords {
		for _, w := range p.words {
			if strings.HasPrefix(l, w) {
				return p.p, true
			}
		}
	}
	return "", false
}

// typeWords are the prefixes of ticket type names, per type.
var typeWords = []struct {
	words []string
	t     data.ComplaintType
}{
	{[]string{"problem", "incident", "complaint", "issue", "bug", "defect", "fault", "жалоб", "претензи", "инцидент", "проблем", "рекламаци", "ошибк", "сбой",
		"неисправн",
		// Registers: a claim, a remark, feedback marked negative
		// («Негативный отзыв», «Отзыв (негатив)»).
		"claim", "grievance", "negative", "замечани", "недовольств", "негатив", "отрицательн",
		// Help desks in the agent's language.
		"vorfall", "beschwerde", "reklamation", "incidente", "queja", "reclam", "plainte", "incidencia",
		"klacht", "skarg", "incydent", "скарг", "інцидент", "рекламаці"}, data.TypeComplaint},
	{[]string{"question", "inquiry", "enquiry", "consultation", "вопрос", "консультаци", "request for information",
		"query", "консультир", "справк", "уточнени", "информаци",
		"information", "how-to", "how to", "howto",
		"frage", "pregunta", "pergunta", "domanda", "vraag", "pytanie", "питання", "консультаці"}, data.TypeQuestion},
	{[]string{"task", "feature", "request", "service request", "запрос", "заявк", "просьб", "предложени", "demande",
		"задач", "подзадач", "новая функци", "улучшени", "доработк", // Jira in Russian
		"suggestion", "idea", "пожелани", "идея",
		// 59-ФЗ (art. 4) names an appeal asking help to exercise one's
		// rights «заявление», beside «жалоба» and «предложение».
		"заявлени",
		"enhancement", "improvement", // Trac, Jira
		"change", // ITIL's change request
		"aufgabe", "anfrage", "anforderung", "tarea", "solicitud", "tarefa", "solicitação", "compito", "richiesta", "taak", "verzoek",
		"zadanie", "prośba", "wniosek", "запит", "завдання", "пропозиці"}, data.TypeRequest},
	{[]string{"praise", "compliment", "thanks", "благодарн", "похвал",
		"благодар", "спасибо", "thank", "kudos", "positive", "позитив", "положительн",
		"lob", "dank", "elogio", "agradecimiento", "complimento", "félicitation", "remerciement", "pochwał", "подяк"}, data.TypePraise},
}

// parseType maps ticket types: problems and incidents are complaints,
// questions questions, tasks and feature requests requests. A type
// that starts with none of the words is read by its words from the last
// one back: English names the kind last ("Billing inquiry", "Refund
// request", "Technical issue"), Russian first, which the prefix already
// caught ("Жалоба на качество"). Unknown types (custom Freshdesk types,
// "Refund") take the layout's default.
func parseType(s string) (data.ComplaintType, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	// Jira Service Management's built-in types: "[System] Incident".
	l = strings.TrimSpace(strings.TrimPrefix(l, "[system]"))
	if t, ok := typeWord(l); ok {
		return t, true
	}
	words := strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) })
	for i := len(words) - 1; i >= 0; i-- {
		if t, ok := typeWord(words[i]); ok {
			return t, true
		}
	}
	return "", false
}

// bareType reports whether a cell is a type's own word and nothing
// more ("Incident", "Complaint", "Request for information"), as a type
// column's values are, unlike categories named after a type ("Billing
// issue").
func bareType(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, t := range typeWords {
		if slices.Contains(t.words, l) {
			return true
		}
	}
	return false
}

// typeWord is the type whose word l starts with.
func typeWord(l string) (data.ComplaintType, bool) {
	for _, t := range typeWords {
		for _, w := range t.words {
			if strings.HasPrefix(l, w) {
				return t.t, true
			}
		}
	}
	return "", false
}

// valueCache remembers how the values of a column were read: exports
// repeat a handful of statuses or priorities a million times.
type valueCache[V any] map[string]cached[V]

type cached[V any] struct {
	v  V
	ok bool
}

func (c valueCache[V]) get(s string, parse func(string) (V, bool)) (V, bool) {
	if r, hit := c[s]; hit {
		return r.v, r.ok
	}
	v, ok := parse(s)
	if len(c) < 1000 {
		c[s] = cached[V]{v, ok}
	}
	return v, ok
}

// parseVerdict reads the client's verdict: Zendesk "Good"/"Bad",
// Freshdesk survey results, yes/no. disputed columns (CFPB "Consumer
// disputed?") say the opposite: a dispute is a client not satisfied, no
// dispute a client who accepted the answer. Offered, neutral and unknown
// values stay unknown. Help Scout rates "Great", "Okay" or "Not Good":
// "Okay" is the middle of three, neither pleased nor displeased, and
// stays unknown as a 3 of 5 does.
func parseVerdict(s string, disputed bool) data.Verdict {
	l := strings.ToLower(strings.TrimSpace(s))
	// Chat services rate a chat "rated good", "rated_bad", "not rated".
	l = strings.TrimPrefix(strings.ReplaceAll(l, "_", " "), "rated ")
	if label, ok := numberedLabel(l); ok {
		l = label // IBM's help desk sample: "1 - Unsatisfied", "3 - Highly satisfied"
	}
	yes, no := data.VerdictSatisfied, data.VerdictNotSatisfied
	if disputed {
		yes, no = no, yes
	}
	switch l {
	case "yes", "да", "1", "true", "y":
		return yes
	case "no", "нет", "0", "false", "n":
		return no
	}
	if disputed {
		return data.VerdictUnknown
	}
	// Registers: «Неудовл.», «Есть претензии», thumbs and faces.
	for _, w := range []string{"not good", "bad", "unhappy", "extremely unhappy", "dissatisfied", "not satisfied", "не удовлетвор", "недовол", "не довол", "плохо",
		"неудовл", "very dissatisfied", "unsatisfied", "highly dissatisfied", "highly unsatisfied", "negative", "отрицательн", "ужасн", "есть претензи", "👎", "😞", "😠", "😡", "🙁", "☹"} {
		if strings.HasPrefix(l, w) {
			return data.VerdictNotSatisfied
		}
	}
	for _, w := range []string{"good", "great", "satisfied", "happy", "extremely happy", "awesome", "excellent", "удовлетвор", "довол", "хорошо",
		"отлично", "удовл", "very satisfied", "highly satisfied", "positive", "положительн", "претензий нет", "нет претензий", "👍", "😊", "🙂", "😀", "😃"} {
		if strings.HasPrefix(l, w) {
			return data.VerdictSatisfied
		}
	}
	return data.VerdictUnknown
}

// ratingVerdict reads a 1-5 satisfaction rating (Jira Service Management,
// CSAT surveys; "5.0" as spreadsheets and the Kaggle data set write it):
// 4 and 5 are satisfied, 1 and 2 not, 3 says neither. ok=false when s is
// no such rating.
func ratingVerdict(s string) (data.Verdict, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 2 && (s[1] == '.' || s[1] == ',') && strings.Trim(s[2:], "0") == "" {
		s = s[:1]
	}
	switch s {
	case "4", "5":
		return data.VerdictSatisfied, true
	case "1", "2":
		return data.VerdictNotSatisfied, true
	case "3":
		return data.VerdictUnknown, true
	}
	return data.VerdictUnknown, false
}

// titleLike reports whether a cell reads as a title rather than a name:
// a colon or a question, or a word after the first in lower case longer
// than the particles of names ("van", "de", «оглы»).
func titleLike(s string) bool {
	if strings.ContainsAny(s, ":?!") {
		return true
	}
	words := strings.Fields(s)
	for _, w := range words[min(1, len(words)):] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && utf8.RuneCountInString(w) > 4 {
			return true
		}
	}
	return false
}

// hasLetter reports whether a cell holds a letter: a count is no text.
func hasLetter(s string) bool { return strings.ContainsFunc(s, unicode.IsLetter) }

// channelLike reports whether a cell names a channel we know, as a
// doubtful channel header's cells must ("Received by": Phone, or a
// person).
func channelLike(s string) bool {
	c := ticketChannel(s)
	return c != "" && c != data.ChannelOther
}

// verdictLike reports whether a cell reads as a client's verdict: a
// satisfied or not, a 1-5 rating or a neutral answer. A column found by
// a telling word ("How satisfied are you…") holds such answers; a
// "Satisfaction comment" does not.
func verdictLike(s string) bool {
	if parseVerdict(s, false) != data.VerdictUnknown {
		return true
	}
	if _, ok := ratingVerdict(s); ok {
		return true
	}
	if _, ok := explicitRating(s); ok {
		return true
	}
	l := strings.ToLower(strings.TrimSpace(s))
	if label, ok := numberedLabel(l); ok {
		l = label
	}
	return strings.HasPrefix(l, "neutral") || strings.HasPrefix(l, "neither") || strings.HasPrefix(l, "нейтральн") ||
		strings.HasPrefix(l, "затрудняюсь") || l == "unknown" || l == "неизвестно"
}

// numberedLabel returns the label of a numbered choice ("highly
// satisfied" of "3 - Highly satisfied", "unknown" of "0. Unknown"):
// ok=false unless l is a number of one or two digits, a separator and a
// word.
func numberedLabel(l string) (string, bool) {
	n := 0
	for n < len(l) && n < 2 && l[n] >= '0' && l[n] <= '9' {
		n++
	}
	label := strings.TrimLeft(l[n:], " -–.)")
	if n == 0 || len(label) == len(l[n:]) {
		return "", false
	}
	if r, _ := utf8.DecodeRuneInString(label); !unicode.IsLetter(r) {
		return "", false
	}
	return label, true
}

// explicitRating reads a 1-5 rating that says it is one, whatever the
// header: stars ("★★★★☆", "⭐⭐⭐"), "4/5", "4 из 5", "5 звёзд", "4 stars".
// ok=false for anything else.
func explicitRating(s string) (data.Verdict, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	stars, other := 0, false
	for _, r := range l {
		switch r {
		case '★', '⭐':
			stars++
		case '☆', '✩', '\ufe0f', ' ':
		default:
			other = true
		}
	}
	if !other && stars > 0 {
		if stars > 5 {
			return data.VerdictUnknown, false
		}
		return ratingVerdict(strconv.Itoa(stars))
	}
	for _, suffix := range []string{"/5", "/ 5", " из 5", " of 5", " out of 5", " звёзд", " звезд", " звёзды", " звезды", " звезда",
		" звёзда", " stars", " star", " балла", " баллов", " балл"} {
		if n, found := strings.CutSuffix(l, suffix); found {
			return ratingVerdict(strings.TrimSpace(n))
		}
	}
	return data.VerdictUnknown, false
}

// ratingsIn reports whether a verdict column holds 1-5 ratings: some
// value is a 2 to 5, which no yes/no flag (1/0) writes, and none is above
// 5 (a 0-10 scale). Its 1s are then the lowest rating, not a yes.
func ratingsIn(values []string) bool {
	rated := false
	for _, v := range values {
		if n, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64); err == nil && n > 5 {
			return false
		}
		if _, ok := ratingVerdict(v); ok && v[0] >= '2' {
			rated = true
		}
	}
	return rated
}

// noAmounts say in a register's compensation column that none was paid,
// or that none is known («н/д»): no words to keep with the resolution.
var noAmounts = []string{"нет", "не было", "без компенсации", "нет компенсации", "не требуется", "не положена", "не предусмотрена",
	"не выплачивалась", "отказано", "no", "none", "nil", "no compensation", "not applicable", "н/д", "нд", "не указано", "не указана"}

// currencyWords are the words an amount of money is written with besides
// its signs: "1500 руб.", "20 у.е.", "15 долларов". Any 3-letter code in
// capitals ("USD", "KZT") is one too.
var currencyWords = []string{"р", "руб", "рубль", "рубля", "рублей", "коп", "копейка", "копейки", "копеек", "у", "е", "тг", "тенге", "грн",
	"бел", "евро", "доллар", "доллара", "долларов", "rub", "rur", "usd", "eur", "dollar", "dollars", "euro", "euros"}

// currencyWord reports whether w, a run of letters, names a currency.
func currencyWord(w string) bool {
	if len(w) == 3 && strings.ToUpper(w) == w && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	return slices.Contains(currencyWords, strings.ToLower(w))
}

// parseAmount reads money as minor units: "1 234,50", "1234.5", "$12",
// "500 ₽"; the words of noAmounts are none (0). ok=false when s holds no
// amount or a negative one, or words other than a currency's: "Скидка
// 10", "Промокод SALE10" or "Voucher 500" are no sum paid, and their
// number is not one (see compensationInKind).
func parseAmount(s string) (int64, bool) {
	if slices.Contains(noAmounts, strings.ToLower(strings.TrimRight(strings.TrimSpace(s), "."))) {
		return 0, true
	}
	var b strings.Builder
	word := -1 // where the run of letters being read starts
	for i, r := range s + " " {
		if unicode.IsLetter(r) {
			if word < 0 {
				word = i
			}
			continue
		}
		if word >= 0 && !currencyWord(s[word:i]) {
			return 0, false
		}
		word = -1
		switch {
		case r >= '0' && r <= '9' || r == '.' || r == ',' || r == '-':
			b.WriteRune(r)
		case unicode.IsSpace(r) || unicode.Is(unicode.Sc, r) || r == '\'' || r == '\u202f':
			// "500 руб.", "$12", "1'234": units and grouping
		default:
			return 0, false
		}
	}
	// "руб." and "р." leave a dot behind.
	t := strings.TrimRight(b.String(), ".,")
	// The last separator followed by one or two digits is the decimal
	// point; every other separator groups thousands.
	dec := strings.LastIndexAny(t, ".,")
	if dec >= 0 && len(t)-dec-1 <= 2 {
		t = strings.NewReplacer(",", "", ".", "").Replace(t[:dec]) + "." + t[dec+1:]
	} else {
		t = strings.NewReplacer(",", "", ".", "").Replace(t)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || f > 1e13 {
		return 0, false
	}
	return int64(math.Round(f * 100)), true
}

// compensationInKind reports whether a compensation cell that is no
// amount names something given instead of money: «Скидка 10%»,
// «Промокод», «Бесплатная доставка», "Voucher", "Free shipping" (any word
// but a currency's, or a percentage). "-500", "1/2" or "-5 руб." are
// mistyped amounts instead.
func compensationInKind(s string) bool {
	if strings.Contains(s, "%") {
		return true
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !currencyWord(w) {
			return true
		}
	}
	return false
}

// withCompensation keeps a compensation given in kind with the
// complaint's resolution, labelled by its column: as the resolution when
// there is none («Компенсация: Промокод»), else on a line of its own after
// it, unless the resolution says it already. The result is cut to
// data.MaxCommentLen characters.
func withCompensation(resolution, column, text string) string {
	if strings.Contains(strings.ToLower(resolution), strings.ToLower(text)) {
		return resolution
	}
	line := column + ": " + text
	if resolution != "" {
		line = resolution + "\n" + line
	}
	if utf8.RuneCountInString(line) > data.MaxCommentLen {
		line = string([]rune(line)[:data.MaxCommentLen])
	}
	return line
}

// warnInKind tells, once for the file, how many rows had a compensation
// given in kind: their amounts are empty, not zero paid.
func (b *complaintBuilder) warnInKind() {
	if b.inKind == 0 {
		return
	}
	col := b.colName(FieldCompensation)
	b.summaries = append(b.summaries, warning(warnCompensationInKind, map[string]any{"Column": col, "Example": b.inKindExample, "Count": b.inKind},
		"compensation in %q is not an amount of money (such as %q) in rows: %d; those complaints are imported with the amount left empty and the text added to their resolution",
		col, b.inKindExample, b.inKind))
}

// warnCustomStatuses names, once for the file, the Freshdesk custom
// status numbers read as in progress.
func (b *complaintBuilder) warnCustomStatuses() {
	if len(b.customStatuses) == 0 {
		return
	}
	col, values := b.colName(FieldStatus), strings.Join(b.customStatuses, ", ")
	b.summaries = append(b.summaries, warning(warnFreshdeskCustom, map[string]any{"Column": col, "Values": values},
		"%q holds Freshdesk custom status numbers (%s), named only in the account: their tickets are imported as in progress; "+
			"export the tickets with status names to read them exactly", col, values))
}

// warnBBB tells, once for the file, how the BBB's statuses were read.
func (b *complaintBuilder) warnBBB() {
	if !b.bbb {
		return
	}
	col := b.colName(FieldStatus)
	b.summaries = append(b.summaries, warning(warnBBBStatuses, map[string]any{"Column": col},
		"%q holds the Better Business Bureau's closing statuses: every complaint is imported as closed; Resolved as resolved, "+
			"Answered and Unresolved as closed with the business's answer, Unanswered, Unpursuable and Administratively Closed as closed without a resolution", col))
}

// warnCaseNumbers tells, once for the file, why rows of a ServiceNow
// case list were refused for their state numbers: each instance lists
// its case states' numbers in its own choice list (ServiceNow's docs
// send there for them), so only their names can be read.
func (b *complaintBuilder) warnCaseNumbers() {
	if b.caseNumbers <= 0 {
		return
	}
	col := b.colName(FieldStatus)
	b.summaries = append(b.summaries, warning(warnCaseStateNumbers, map[string]any{"Column": col, "Count": b.caseNumbers},
		"%q holds ServiceNow case state numbers, which each instance defines in its own choice list: %d rows were refused; "+
			"export the case list with display values to import them", col, b.caseNumbers))
}

// parseCount reads a whole number of at least zero (reopens). Intercom's
// "Reopened" column says Yes or No: once or never.
func parseCount(s string) (int, bool) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "yes", "да", "true":
		return 1, true
	case "no", "нет", "false":
		return 0, true
	}
	if f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil && f >= 0 && f <= 1000 && f == math.Trunc(f) {
		return int(f), true
	}
	return 0, false
}

// ticketChannel maps a channel cell; paper mail and fax are not e-mail,
// a help desk's customer portal is the web.
func ticketChannel(s string) data.Channel {
	// APIs name channels in snake case (Zendesk's via.channel
	// "help_center", "web_widget", ServiceNow's "virtual_agent"), as
	// their exports do in words.
	s = strings.ReplaceAll(s, "_", " ")
	l := strings.ToLower(strings.TrimSpace(s))
	if isNoneMarker(l) {
		return ""
	}
	if strings.Contains(l, "postal") || l == "fax" || l == "факс" || strings.Contains(l, "почта россии") || strings.Contains(l, "письмо") {
		return data.ChannelOther
	}
	// A register of appeals names the form of an appeal (59-ФЗ):
	// written, on paper or by e-mail, or oral, on the phone or face to
	// face: none tells the channel. Its «Личный прием» is a visit.
	if strings.HasPrefix(l, "письменн") || strings.HasPrefix(l, "устн") {
		return data.ChannelOther
	}
	if strings.Contains(l, "личный при") || strings.Contains(l, "личном при") {
		return data.ChannelStore
	}
	// A contact centre names its calls by their direction alone
	// (Flipkart's "Inbound" beside "Outcall" and "Email").
	if l == "inbound" || l == "outbound" || l == "входящий" || l == "исходящий" {
		return data.ChannelPhone
	}
	// ServiceNow's "Virtual Agent" channel is its chat bot.
	if strings.Contains(l, "virtual agent") {
		return data.ChannelChat
	}
	// GLPI's "Helpdesk" source is its own web interface.
	if strings.Contains(l, "portal") || strings.Contains(l, "портал") || strings.Contains(l, "личный кабинет") || l == "helpdesk" {
		return data.ChannelWeb
	}
	return data.ParseChannel(s)
}

// isNoneMarker reports whether a lower-cased cell is Zoho Desk's "-None-",
// the value of a picklist nobody set.
func isNoneMarker(l string) bool {
	return l == "-none-" || l == "- none -" || l == "none"
}

// levelRank orders escalation levels, -1 for none.
func levelRank(l data.Level) int { return slices.Index(data.Levels, l) }

// levelWords name the top of the escalation ladder, then the step above
// the front line, as registers write where a complaint went.
var levelWords = []struct {
	words []string
	level data.Level
}{
	{[]string{"руковод", "начальн", "директор", "заведующ", "manager", "management", "supervisor", "head of", "третья", "третью", "третьей",
		"third"}, data.LevelManager},
	{[]string{"первая", "первую", "первой", "first"}, data.LevelFrontline},
	{[]string{"вторая", "вторую", "второй", "second", "старш", "senior", "эксперт", "expert"}, data.LevelSenior},
}

// namesLine reports whether a lower-case text names a support line or
// level, whose number follows.
func namesLine(l string) bool {
	return containsAny(l, []string{"лини", "line", "tier", "level", "уровен", "уровн"})
}

// levelIn reads the level a text names: a person or ordinal of
// levelWords, or a line's number («2 линия», «2-й линии», "L2", "Tier 3",
// "2nd line"; 3 and above is the top). ok=false when it names none.
func levelIn(l string) (data.Level, bool) {
	for _, lw := range levelWords {
		if containsAny(l, lw.words) {
			return lw.level, true
		}
	}
	lined := namesLine(l)
	words := strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		lined = lined || len(w) == 2 && w[0] == 'l' && w[1] >= '1' && w[1] <= '9'
	}
	if i := strings.IndexFunc(l, unicode.IsDigit); lined && i >= 0 {
		switch l[i] {
		case '0', '1':
			return data.LevelFrontline, true
		case '2':
			return data.LevelSenior, true
		}
		return data.LevelManager, true
	}
	return "", false
}

// parseLevel reads an escalation cell of a register: a flag (да/нет,
// yes/no, 1/0 unless numbered), the level or line it went to, or any
// other note of where it went, which is an escalation one step up.
// numbered: the header names a level or line, so a bare 1 is the front
// line, not a yes.
func parseLevel(s string, numbered bool) data.Level {
	l := strings.ToLower(strings.TrimSpace(s))
	switch l {
	case "нет", "no", "false", "n", "не было", "не эскалировано", "not escalated", "без эскалации":
		return data.LevelFrontline
	case "да", "yes", "true", "y", "+", "x", "х", "✓", "✔", "v":
		return data.LevelSenior
	}
	if l == "0" || l == "1" && !numbered {
		if l == "1" {
			return data.LevelSenior
		}
		return data.LevelFrontline
	}
	if numbered && len(l) == 1 {
		l += " level"
	}
	if lv, ok := levelIn(l); ok {
		return lv
	}
	return data.LevelSenior
}

// statusLevel reads the level a status names when it is an escalation
// («Передано на 2 линию», «Эскалировано руководителю», "Escalated"): a
// handover to another department is none. ok=false when it names none.
func statusLevel(status string) (data.Level, bool) {
	l := strings.ToLower(status)
	escalated := strings.Contains(l, "эскал") || strings.Contains(l, "escalat")
	if !escalated && !strings.Contains(l, "передан") && !strings.Contains(l, "transferred") && !strings.Contains(l, "assigned") {
		return "", false
	}
	if lv, ok := levelIn(l); ok {
		return lv, levelRank(lv) > 0
	}
	return data.LevelSenior, escalated
}

// keyTiers are the tiers, in the words of exports and registers, that are
// the app's key tier (data.KeyTier, the "key clients" view).
var keyTiers = []string{"key", "key account", "key client", "key customer", "vip", "vip client", "vip customer", "вип",
	"ключевой", "ключевые", "ключевая", "ключевой клиент", "ключевые клиенты", "vip-клиент", "vip клиент"}

// vipFlag reports whether a tier header is a flag of VIP clients («VIP»:
// да/нет), whose yes is the key tier and whose no is no tier.
func vipFlag(header string) bool {
	h := spaced(normHeader(header))
	return strings.Contains(h, "vip") || strings.Contains(h, "вип")
}

// parseTier reads a client tier cell: a key tier in any of its words
// becomes data.KeyTier, so that the "key clients" view finds it; a VIP
// flag's yes is the key tier and its no none; other tiers ("Gold",
// "Enterprise", «Стандарт») are kept as written, as a typed tier is.
func parseTier(s string, flag bool) string {
	v := cleanText(s)
	l := strings.ToLower(v)
	if flag {
		switch l {
		case "да", "yes", "true", "y", "1", "+", "x", "х", "✓", "✔", "vip", "вип":
			return data.KeyTier
		case "нет", "no", "false", "n", "0", "-", "—":
			return ""
		}
	}
	if slices.Contains(keyTiers, l) {
		return data.KeyTier
	}
	return v
}

// tierLike reports whether a cell reads as a client tier: a short word or
// two, or a flag, not an e-mail, a link, a date or a sentence.
func tierLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 30 || strings.ContainsAny(s, "@/:?!") || len(strings.Fields(s)) > 3 {
		return false
	}
	if _, err := scanDate(s, false); err == nil {
		return false
	}
	return true
}
