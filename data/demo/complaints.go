package demo

import (
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"caredesk/data"
)

// Shape of the complaints. Times are working hours of the department
// calendar (24/7 for critical complaints, which an on-call agent takes).
const (
	linkedComplaints = 0.75 // complaints from a known client
	withdrawnShare   = 0.04 // requests and questions the client withdraws
	otherLangAppeals = 0.10 // appeals written in the other language
	improveStart     = 1.5  // handling-time multiplier at the start of the period...
	improveEnd       = 0.65 // ...and at its end: the team gets faster
	peakLoad         = 1.5  // handling-time multiplier in December/January
	keyClientLoad    = 0.7  // key clients jump the queue
)

// Working hours to the first response and to the resolution, medians by
// priority (critical, high, normal, low) before the multipliers.
var (
	responseMedian   = [4]float64{0.4, 1.2, 2.5, 5}
	resolutionMedian = [4]float64{4, 10, 16, 24}
)

// Priority weights (critical, high, normal, low) by appeal type; key
// clients raise theirs.
var (
	complaintPriorities = []float64{3, 17, 60, 20}
	keyPriorities       = []float64{8, 37, 50, 5}
	requestPriorities   = []float64{0, 8, 62, 30}
	praisePriorities    = []float64{0, 0, 30, 70}
)

// refIDs are the store ids of the reference data the complaints point at,
// by index into team and categories.
type refIDs struct {
	employees     []int64
	categories    []int64
	subcategories [][]int64
	clients       []int64 // by index into generator.clients
}

// complaintGen draws demo complaints with their histories. It shares the
// feedback generator's calendar and clients (built from the same seed, so
// they are the same clients) and draws from a stream of its own, so adding
// complaints leaves the feedback rows as they were.
type complaintGen struct {
	*generator
	ids      refIDs
	counts   []int // complaints per day plan
	tiers    []string
	cal      data.Calendar // the department calendar with public holidays
	allDay   data.Calendar
	now      time.Time // nothing happens at or after now
	holidays map[data.Day]bool
	months   int
}

func newComplaintGen(o Options, loc *time.Location) *complaintGen {
	g := &complaintGen{generator: newGenerator(o, loc), allDay: data.AllDayCalendar(), months: o.Months}
	g.rng = rand.New(rand.NewPCG(uint64(o.Seed), 0xc0ffee5eed))
	g.total = o.Complaints
	g.now = g.cutoff
	if g.now.IsZero() {
		last := &g.days[len(g.days)-1]
		g.now = time.Date(last.year, last.month, last.day+1, 0, 0, 0, 0, loc)
	}
	g.cal = data.DefaultCalendar()
	first, last := g.dayOf(0), g.dayOf(len(g.days)-1)
	g.cal.Holidays = publicHolidays(g.lang, first, last+60)
	g.holidays = make(map[data.Day]bool, len(g.cal.Holidays))
	for _, d := range g.cal.Holidays {
		g.holidays[d] = true
	}
	g.tiers = clientTiers(g.clients)
	g.planComplaints()
	// Ids for tests and pure use: index + 1. Fill replaces them with the
	// store's.
	g.setIDs(sequentialIDs())
	return g
}

func (g *complaintGen) dayOf(i int) data.Day {
	p := &g.days[i]
	return data.DateDay(p.year, p.month, p.day)
}

func (g *complaintGen) progress(i int) float64 {
	if len(g.days) < 2 {
		return 0
	}
	return float64(i) / float64(len(g.days)-1)
}

// planComplaints shares the complaints out over the days: volume grows
// with the business while the rate per order falls, weekends and public
// holidays are quiet, and the December rush brings more.
func (g *complaintGen) planComplaints() {
	weights := make([]float64, len(g.days))
	for i := range g.days {
		p := &g.days[i]
		pr := g.progress(i)
		w := (0.8 + 0.4*pr) * (1.25 - 0.5*pr)
		if p.weekend || g.holidays[g.dayOf(i)] {
			w *= 0.45
		}
		switch {
		case p.month == time.December && p.day >= 10:
			w *= 1.4
		case p.month == time.January && p.day <= 20:
			w *= 1.25
		}
		weights[i] = w * (0.85 + 0.3*g.rng.Float64())
	}
	g.counts = apportion(g.total, weights)
}

// clientTiers makes the first few Enterprise clients (the largest
// accounts) key clients; other companies are business clients and people
// standard ones.
func clientTiers(clients []client) []string {
	tiers := make([]string, len(clients))
	key := 0
	for i, c := range clients {
		switch {
		case c.segment == SegmentEnterprise && key < keyClients:
			tiers[i] = data.KeyTier
			key++
		case c.segment == SegmentRetail:
			tiers[i] = TierStandard
		default:
			tiers[i] = TierBusiness
		}
	}
	return tiers
}

func sequentialIDs() refIDs {
	var ids refIDs
	next := int64(0)
	id := func() int64 { next++; return next }
	for range team {
		ids.employees = append(ids.employees, id())
	}
	for _, c := range categories {
		ids.categories = append(ids.categories, id())
		subs := make([]int64, len(c.subs))
		for i := range subs {
			subs[i] = id()
		}
		ids.subcategories = append(ids.subcategories, subs)
	}
	return ids
}

func (g *complaintGen) setIDs(ids refIDs) { g.ids = ids }

// employees is the demo team in the generator's language.
func (g *complaintGen) employees() []data.Employee {
	out := make([]data.Employee, len(team))
	for i, m := range team {
		pos := positions[m.role]
		if m.trainee {
			pos = traineePosition
		}
		out[i] = data.Employee{Name: m.name[g.lang], Position: pos[g.lang], Active: m.to >= 1}
	}
	return out
}

// demoClients is the client list with segments and tiers.
func (g *complaintGen) demoClients() []data.Client {
	out := make([]data.Client, len(g.clients))
	for i, c := range g.clients {
		out[i] = data.Client{Name: c.name, Segment: c.segment, Tier: g.tiers[i]}
	}
	return out
}

// standards is the department's service standards register. The first
// response standard was tightened halfway through the period; critical
// complaints have a 24/7 standard of their own.
func (g *complaintGen) standards() []data.Standard {
	first := g.dayOf(0)
	fy, fm, _ := first.Date()
	tightened := data.DateDay(fy, fm+time.Month(g.months/2), 1)
	l := g.lang
	h := time.Hour
	text := func(ru, en string) string { return phrase{ru, en}[l] }
	title := text
	fr := data.Standard{Code: "FR-1", Title: title("Первый ответ клиенту", "First response to the client"), Measure: data.MeasureFirstResponse,
		Versions: []data.StandardVersion{{
			EffectiveFrom: first,
			Text:          text("Первый ответ на обращение — в течение рабочего дня (8 ч), срочные — за 4 ч.", "Answer every appeal within one working day (8 h), urgent ones within 4 h."),
			Targets:       map[data.Priority]time.Duration{data.PriorityHigh: 4 * h, data.PriorityNormal: 8 * h, data.PriorityLow: 16 * h},
			Calendar:      g.cal,
		}}}
	if tightened > first {
		fr.Versions = append(fr.Versions, data.StandardVersion{
			EffectiveFrom: tightened,
			Text:          text("Стандарт ужесточён: первый ответ — за 4 рабочих часа, срочные — за 2 ч.", "Tightened: first answer within 4 working hours, urgent ones within 2 h."),
			Targets:       map[data.Priority]time.Duration{data.PriorityHigh: 2 * h, data.PriorityNormal: 4 * h, data.PriorityLow: 8 * h},
			Calendar:      g.cal,
		})
	}
	return []data.Standard{
		{Code: "CHAT-1", Title: title("Ответ в чате", "Chat response"), Measure: data.MeasureFirstResponse,
			Versions: []data.StandardVersion{{
				EffectiveFrom: first,
				Text:          text("В чате клиент получает ответ в течение 15 минут рабочего времени.", "A chat gets an answer within 15 working minutes."),
				Targets:       map[data.Priority]time.Duration{data.PriorityHigh: 10 * time.Minute, data.PriorityNormal: 15 * time.Minute, data.PriorityLow: 30 * time.Minute},
				Calendar:      g.cal,
				Channels:      []data.Channel{data.ChannelChat},
			}}},
		{Code: "CRIT-24", Title: title("Критичные обращения 24/7", "Critical appeals 24/7"), Measure: data.MeasureFirstResponse,
			Versions: []data.StandardVersion{{
				EffectiveFrom: first,
				Text:          text("Критичное обращение берёт в работу дежурный специалист в течение часа, круглосуточно.", "The on-call agent takes up a critical appeal within an hour, around the clock."),
				Targets:       map[data.Priority]time.Duration{data.PriorityCritical: h},
				Calendar:      g.allDay,
			}}},
		{Code: "DLV-1", Title: title("Решение жалоб на доставку", "Delivery complaints resolved"), Measure: data.MeasureResolution,
			Versions: []data.StandardVersion{{
				EffectiveFrom: first,
				Text:          text("Жалоба на доставку решается за два рабочих дня.", "A delivery complaint is resolved within two working days."),
				Targets:       map[data.Priority]time.Duration{data.PriorityHigh: 9 * h, data.PriorityNormal: 18 * h, data.PriorityLow: 27 * h},
				Calendar:      g.cal,
				CategoryIDs:   []int64{g.ids.categories[categoryDelivery]},
			}}},
		fr,
		{Code: "KEY-1", Title: title("Решение для ключевых клиентов", "Key client resolution"), Measure: data.MeasureResolution,
			Versions: []data.StandardVersion{{
				EffectiveFrom: first,
				Text:          text("Обращения ключевых клиентов решаются вдвое быстрее общего стандарта.", "Key clients' appeals are resolved twice as fast as the general standard."),
				Targets:       map[data.Priority]time.Duration{data.PriorityCritical: 4 * h, data.PriorityHigh: 9 * h, data.PriorityNormal: 14 * h, data.PriorityLow: 27 * h},
				Calendar:      g.cal,
				Tiers:         []string{data.KeyTier},
			}}},
		{Code: "RES-1", Title: title("Решение обращения", "Appeal resolution"), Measure: data.MeasureResolution,
			Versions: []data.StandardVersion{{
				EffectiveFrom: first,
				Text:          text("Обращение решается за три рабочих дня, срочное — за два, критичное — за один.", "An appeal is resolved within three working days, an urgent one within two, a critical one within one."),
				Targets:       map[data.Priority]time.Duration{data.PriorityCritical: 9 * h, data.PriorityHigh: 18 * h, data.PriorityNormal: 27 * h, data.PriorityLow: 45 * h},
				Calendar:      g.cal,
			}}},
	}
}

// denominators are the clients served and orders taken each month, in
// step with the business growth and the December rush; a month the period
// covers only in part counts only the covered days.
func (g *complaintGen) denominators() []data.Denominator {
	var out []data.Denominator
	for i := 0; i < len(g.days); {
		p := &g.days[i]
		month := data.DateDay(p.year, p.month, 1)
		days := time.Date(p.year, p.month+1, 0, 0, 0, 0, 0, time.UTC).Day()
		j := i
		for j < len(g.days) && g.days[j].month == p.month {
			j++
		}
		covered := float64(j-i) / float64(days)
		pr := g.progress(i)
		orders := 21000 * (0.8 + 0.4*pr) * (0.97 + 0.06*g.rng.Float64()) * covered
		switch p.month {
		case time.December:
			orders *= 1.35
		case time.January:
			orders *= 0.85
		}
		out = append(out, data.Denominator{Month: month, Orders: int64(math.Round(orders)), Clients: int64(math.Round(orders * 0.62))})
		i = j
	}
	return out
}

// next fills c with the next complaint and its history and reports false
// when all are done.
func (g *complaintGen) next(c *data.Complaint) bool {
	if !g.step(func(d int) int { return g.counts[d] }) {
		return false
	}
	p := &g.days[g.dayIndex]
	pr := g.progress(g.dayIndex)
	peak := p.season != offSeason

	var chw [channelCount]float64
	for i, ch := range complaintChannels {
		chw[i] = ch.weight * (1 + (ch.trend-1)*pr)
	}
	ci := g.pick(cumulative(chw[:]))
	catw := make([]float64, len(categories))
	for i, cat := range categories {
		catw[i] = cat.share * (1 + (cat.trend-1)*pr)
		if peak {
			catw[i] *= cat.peak
		}
	}
	cat := g.pick(cumulative(catw))
	def := &categories[cat]
	typ := appealTypes[typeWeights[g.pick(cumulativeOf(typeWeights))].id]

	*c = data.Complaint{
		Source:     Source,
		ExternalID: g.seed + "-c" + strconv.Itoa(g.done),
		OpenedAt:   g.instant(p, ci),
		Channel:    channelMixes[ci].channel,
		Type:       typ,
		CategoryID: g.ids.categories[cat],
		Category:   def.name[g.lang],
	}
	key := false
	if g.chance(linkedComplaints) {
		k := g.pick(g.clientCum)
		c.ClientName, c.ClientTier = g.clients[k].name, g.tiers[k]
		if len(g.ids.clients) > k {
			c.ClientID = g.ids.clients[k]
		}
		key = c.ClientTier == data.KeyTier
	}
	weights := requestPriorities
	switch {
	case typ == data.TypePraise:
		weights = praisePriorities
	case typ == data.TypeComplaint && key:
		weights = keyPriorities
	case typ == data.TypeComplaint:
		weights = complaintPriorities
	}
	prio := g.pick(cumulative(weights))
	c.Priority = data.Priorities[prio]

	lang := g.lang
	if g.chance(otherLangAppeals) {
		lang = 1 - lang
	}
	switch typ {
	case data.TypeComplaint:
		si := g.rng.IntN(len(def.subs))
		sub := &def.subs[si]
		c.SubcategoryID = g.ids.subcategories[cat][si]
		c.Subcategory = sub.name[g.lang]
		c.Subject = sub.name[lang]
		c.Description = sub.texts[g.rng.IntN(len(sub.texts))][lang]
		if g.chance(0.4) {
			c.Description += " " + orderNumber[lang] + strconv.Itoa(100000+g.rng.IntN(900000)) + "."
		}
	case data.TypeRequest, data.TypeQuestion, data.TypePraise:
		from := def.requests
		if typ == data.TypeQuestion {
			from = def.questions
		} else if typ == data.TypePraise {
			from = def.praise
		}
		a := from[g.rng.IntN(len(from))]
		c.Subject, c.Description = a.subject[lang], a.text[lang]
	}
	g.history(c, def, pr, peak, key, prio, lang)
	return true
}

// history writes the complaint's events up to now and the outcome that
// follows from them.
func (g *complaintGen) history(c *data.Complaint, def *categoryDef, pr float64, peak, key bool, prio, lang int) {
	h := events{c: c, now: g.now}
	cal := &g.cal
	if c.Priority == data.PriorityCritical {
		cal = &g.allDay
	}
	// Handling time multiplier: the team improves over the period and is
	// overloaded in the December rush.
	load := improveStart + (improveEnd-improveStart)*pr
	if peak {
		load *= peakLoad
	}
	if key {
		load *= keyClientLoad
	}
	agent := g.agent(pr, roleAgent, -1)
	load *= team[agent].speed
	work := func(from time.Time, hours float64) time.Time {
		return cal.AddWorking(from, time.Duration(hours*float64(time.Hour)), g.loc, nil)
	}
	lognormal := func(median, sigma float64) float64 { return median * math.Exp(sigma*g.rng.NormFloat64()) }

	h.status(c.OpenedAt, data.StatusNew, "")
	t := c.OpenedAt.Add(time.Duration(1+g.rng.IntN(15)) * time.Minute)
	h.assign(t, g.ids.employees[agent], "")

	// First response: a call is answered live, a chat within minutes,
	// written appeals within working hours.
	switch c.Channel {
	case data.ChannelPhone, data.ChannelStore:
		t = t.Add(time.Duration(1+g.rng.IntN(10)) * time.Minute)
	case data.ChannelChat:
		t = work(t, lognormal(0.12*load, 0.6))
	default:
		t = work(t, lognormal(responseMedian[prio]*load, 0.9))
	}
	h.status(t, data.StatusInProgress, "")
	h.reply(t, noteReply[lang])
	// A few requests and questions are withdrawn: the client sorted it out
	// or no longer needs it. The rest of the story is still drawn, not
	// told, so that a withdrawal moves no later draw.
	withdrawnAt := work(t, lognormal(3*load, 0.8))
	if c.Type != data.TypeComplaint && g.chance(withdrawnShare) {
		h.add(data.ComplaintEvent{At: withdrawnAt.UTC(), Kind: data.EventStatus, Status: data.StatusClosed, Cancelled: true, Note: noteWithdrawn[lang]})
		h.stopped = true
	}

	resolve := lognormal(resolutionMedian[prio]*load, 0.8)
	complaint := c.Type == data.TypeComplaint
	if !complaint {
		resolve *= 0.4
	}
	escalate := 0.01
	if complaint {
		escalate = 0.07
	}
	if key {
		escalate *= 3
	}
	switch c.Priority {
	case data.PriorityCritical:
		escalate *= 3
	case data.PriorityHigh:
		escalate *= 1.5
	}
	if peak {
		escalate *= 1.4
	}
	escalate *= 1.2 - 0.4*pr
	escalated, toManager := g.chance(escalate), false
	if escalated {
		resolve *= 1.6
		managerRate := 0.2
		if key {
			managerRate = 0.45
		}
		toManager = g.chance(managerRate)
	}
	left := resolve

	waitRate := 0.15
	switch c.Type {
	case data.TypeComplaint:
		waitRate = 0.25
	case data.TypeRequest:
		waitRate = 0.35
	}
	if g.chance(waitRate) {
		t = work(t, 0.2*resolve)
		left -= 0.2 * resolve
		h.status(t, data.StatusWaiting, noteWaiting[lang])
		t = t.Add(time.Duration(lognormal(18, 0.8) * float64(time.Hour)))
		h.status(t, data.StatusInProgress, noteClientBack[lang])
	}
	if escalated {
		t = work(t, 0.25*resolve)
		left -= 0.25 * resolve
		h.escalate(t, data.LevelSenior, noteEscalation[lang])
		h.assign(t, g.ids.employees[g.agent(pr, roleSenior, -1)], "")
		if toManager {
			t = work(t, 0.15*resolve)
			left -= 0.15 * resolve
			h.escalate(t, data.LevelManager, noteManager[lang])
			h.assign(t, g.ids.employees[g.agent(pr, roleHead, -1)], "")
		}
	} else if g.chance(0.05) {
		t = work(t, 0.1*resolve)
		left -= 0.1 * resolve
		h.assign(t, g.ids.employees[g.agent(pr, roleAgent, agent)], noteHandover[lang])
	}
	t = work(t, left)
	h.status(t, data.StatusResolved, "")

	reopenRate := 0.005
	if complaint {
		reopenRate = 0.12 - 0.07*pr
		if peak {
			reopenRate *= 1.3
		}
	}
	reopened := g.chance(reopenRate)
	if reopened {
		t = t.Add(time.Duration(lognormal(30, 0.7) * float64(time.Hour)))
		h.status(t, data.StatusInProgress, noteReopen[lang])
		t = work(t, lognormal(0.4*resolutionMedian[prio]*load, 0.6))
		h.status(t, data.StatusResolved, "")
	}
	t = t.Add(time.Duration(72+g.rng.IntN(96)) * time.Hour)
	h.status(t, data.StatusClosed, "")

	// The outcome is drawn before looking at where the history stops, so
	// how far a complaint got never shifts the draws of the next one.
	satisfied := 0.5 + 0.3*pr
	if reopened {
		satisfied -= 0.25
	}
	if escalated {
		satisfied -= 0.1
	}
	if peak {
		satisfied -= 0.05
	}
	gaveVerdict, wasSatisfied := g.chance(0.7), g.chance(satisfied)
	compRate := def.compensationRate
	if key {
		compRate *= 1.5
	}
	compensate := complaint && def.compensation[1] > 0 && g.chance(compRate)
	amount := def.compensation[0] + g.rng.Int64N((def.compensation[1]-def.compensation[0])/10+1)*10
	resolution := def.resolutions[g.rng.IntN(len(def.resolutions))][lang]

	f := data.DeriveFacts(c.Events)
	c.Status, c.AssigneeID, c.Level = f.Status, f.AssigneeID, f.Level
	if c.Level == "" {
		c.Level = data.LevelFrontline
	}
	if f.Status.Open() || f.ResolvedAt.IsZero() { // open, or withdrawn
		return
	}
	c.Resolution = answered[lang]
	if complaint {
		c.Resolution = resolution
		if compensate {
			c.Compensation = amount * 100
		}
	}
	if gaveVerdict && (complaint || g.lang == lang) {
		c.Verdict = data.VerdictNotSatisfied
		if wasSatisfied {
			c.Verdict = data.VerdictSatisfied
		}
	}
}

// agent picks an employee of role working at pr (a share of the period),
// other than not (-1: anyone).
func (g *complaintGen) agent(pr float64, r role, not int) int {
	var cands []int
	for i, m := range team {
		if m.role == r && m.from <= pr && pr < m.to+1e-9 && i != not {
			cands = append(cands, i)
		}
	}
	return cands[g.rng.IntN(len(cands))]
}

// events appends a complaint's history up to now: the first event at or
// after now and everything after it are left out, so the complaint stays
// in the state it has now.
type events struct {
	c       *data.Complaint
	now     time.Time
	stopped bool
}

func (h *events) add(e data.ComplaintEvent) {
	if h.stopped || !e.At.Before(h.now) {
		h.stopped = true
		return
	}
	h.c.Events = append(h.c.Events, e)
}

func (h *events) status(at time.Time, s data.Status, note string) {
	h.add(data.ComplaintEvent{At: at.UTC(), Kind: data.EventStatus, Status: s, Note: note})
}

func (h *events) reply(at time.Time, note string) {
	h.add(data.ComplaintEvent{At: at.UTC(), Kind: data.EventReply, Note: note})
}

func (h *events) assign(at time.Time, id int64, note string) {
	h.add(data.ComplaintEvent{At: at.UTC(), Kind: data.EventAssign, AssigneeID: id, Note: note})
}

func (h *events) escalate(at time.Time, l data.Level, note string) {
	h.add(data.ComplaintEvent{At: at.UTC(), Kind: data.EventEscalation, Level: l, Note: note})
}

// publicHolidays lists the days off between first and last: the Russian
// calendar for Russian data, the UK bank holidays for English data.
func publicHolidays(lang int, first, last data.Day) []data.Day {
	fy, _, _ := first.Date()
	ly, _, _ := last.Date()
	var out []data.Day
	for y := fy; y <= ly; y++ {
		var days []data.Day
		if lang == langRU {
			for d := 1; d <= 8; d++ {
				days = append(days, data.DateDay(y, time.January, d))
			}
			days = append(days,
				data.DateDay(y, time.February, 23), data.DateDay(y, time.March, 8),
				data.DateDay(y, time.May, 1), data.DateDay(y, time.May, 9),
				data.DateDay(y, time.June, 12), data.DateDay(y, time.November, 4))
		} else {
			easter := easterSunday(y)
			days = append(days,
				weekdayOnOrAfter(data.DateDay(y, time.January, 1)),
				easter-2, easter+1,
				firstMonday(y, time.May), lastMonday(y, time.May), lastMonday(y, time.August))
			christmas, boxing := data.DateDay(y, time.December, 25), data.DateDay(y, time.December, 26)
			// A Christmas or Boxing Day at a weekend moves to the next free weekday.
			christmas = weekdayOnOrAfter(christmas)
			if boxing <= christmas {
				boxing = christmas + 1
			}
			days = append(days, christmas, weekdayOnOrAfter(boxing))
		}
		for _, d := range days {
			if d >= first && d <= last {
				out = append(out, d)
			}
		}
	}
	return out
}

func weekdayOnOrAfter(d data.Day) data.Day {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d++
	}
	return d
}

func firstMonday(y int, m time.Month) data.Day {
	d := data.DateDay(y, m, 1)
	for d.Weekday() != time.Monday {
		d++
	}
	return d
}

func lastMonday(y int, m time.Month) data.Day {
	d := data.DateDay(y, m+1, 0)
	for d.Weekday() != time.Monday {
		d--
	}
	return d
}

// easterSunday is the Gregorian Easter (the anonymous algorithm).
func easterSunday(y int) data.Day {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return data.DateDay(y, time.Month(month), day)
}
