package demo

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"caredesk/data"
)

// Client segments. The names read the same in Russian and English CRMs.
const (
	SegmentEnterprise = "Enterprise"
	SegmentSMB        = "SMB"
	SegmentRetail     = "Retail"
)

// Shape of the data set. Levels are NPS fractions (0.35 = +35).
const (
	startLevel      = -0.05
	endLevel        = 0.35
	seasonDip       = 0.09 // every touchpoint, December and early January
	dayNoise        = 0.03 // standard deviation of a day's level
	monthNoise      = 0.02 // standard deviation of a month's level
	clientNoise     = 0.10 // standard deviation of one client's level
	linkedShare     = 0.60 // responses linked to a client
	unscoredShare   = 0.03 // responses without a score
	otherLangShare  = 0.15 // comments written in the other language
	clientCount     = 300
	foreignClients  = 0.15 // client names in the other language
	orderNumberRate = 0.12 // detractor comments that quote an order number
)

// Comment rates by NPS group: detractors explain, many passives don't.
const (
	detractorCommentRate = 0.85
	passiveCommentRate   = 0.35
	promoterCommentRate  = 0.55
	unscoredCommentRate  = 0.70
)

type season int

const (
	offSeason season = iota
	december
	january
	seasonCount
)

// dayPlan is what the generator decided for one calendar day before
// drawing its responses.
type dayPlan struct {
	year     int
	month    time.Month
	day      int
	count    int
	level    float64
	season   season
	weekend  bool
	channels []float64 // cumulative channel weights of the day
}

type client struct {
	name, segment string
	effect        float64
}

// generator draws demo responses one by one. Every random draw comes from
// one PCG stream in a fixed order, so the same options give the same rows.
type generator struct {
	rng     *rand.Rand
	lang    int
	loc     *time.Location
	seed    string
	total   int
	lastDay int       // index of the last plan
	cutoff  time.Time // answers on the last day stay before it (zero: whole day)

	days            []dayPlan
	clients         []client
	clientCum       []float64
	touchCum        [channelCount][seasonCount][]float64
	hourCum         [channelCount][2][]float64 // [weekday, weekend]
	detractorCum    []float64
	passiveCum      []float64
	promoterCum     []float64
	complaintTagCum [touchpointCount][]float64
	praiseTagCum    [touchpointCount][]float64
	offset          float64 // removes the mean effect of the mix so levels hit their targets
	dayIndex        int
	doneInDay       int
	done            int
	commentBuf      strings.Builder
	topicBuf        [2]tagID
}

func newGenerator(o Options, loc *time.Location) *generator {
	g := &generator{
		rng:   rand.New(rand.NewPCG(uint64(o.Seed), 0x9e3779b97f4a7c15)),
		lang:  langRU,
		loc:   loc,
		seed:  strconv.FormatInt(o.Seed, 10),
		total: o.Responses,
	}
	if o.Lang == "en" {
		g.lang = langEN
	}
	end := o.End
	if end.IsZero() {
		end = time.Now().In(loc)
	}
	y, m, d := end.Date()
	if end.Hour() != 0 || end.Minute() != 0 || end.Second() != 0 || end.Nanosecond() != 0 {
		g.cutoff = end
	}
	g.buildTables()
	g.planDays(data.DateDay(y, m, d), o.Months)
	g.buildClients()
	return g
}

// cumulative turns weights into running sums for pick.
func cumulative(weights []float64) []float64 {
	out := make([]float64, len(weights))
	var sum float64
	for i, w := range weights {
		sum += w
		out[i] = sum
	}
	return out
}

func cumulativeOf[T ~int | ~int8](ws []weighted[T]) []float64 {
	raw := make([]float64, len(ws))
	for i, w := range ws {
		raw[i] = w.weight
	}
	return cumulative(raw)
}

// pick returns an index drawn in proportion to the weights behind cum.
func (g *generator) pick(cum []float64) int {
	u := g.rng.Float64() * cum[len(cum)-1]
	for i, c := range cum {
		if u < c {
			return i
		}
	}
	return len(cum) - 1
}

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

func (g *generator) buildTables() {
	for ci, ch := range channelMixes {
		for s := range seasonCount {
			w := make([]float64, touchpointCount)
			for ti, tp := range touchpoints {
				w[ti] = tp.share * ch.affinity[ti]
				if s != offSeason {
					w[ti] *= tp.peakShare
				}
			}
			g.touchCum[ci][s] = cumulative(w)
		}
		var weekday [24]float64
		for h := range weekday {
			switch {
			case ch.store:
				weekday[h] = shopHours[h]
			default:
				weekday[h] = ch.office*officeHours[h]/sum(officeHours[:]) + (1-ch.office)*eveningHours[h]/sum(eveningHours[:])
			}
		}
		weekend := weekendHours
		if ch.store {
			weekend = shopHours
		}
		g.hourCum[ci][0] = cumulative(weekday[:])
		g.hourCum[ci][1] = cumulative(weekend[:])
	}
	g.detractorCum = cumulativeOf(detractorScores)
	g.passiveCum = cumulativeOf(passiveScores)
	g.promoterCum = cumulativeOf(promoterScores)
	for ti, tp := range touchpoints {
		g.complaintTagCum[ti] = cumulativeOf(tp.neg)
		g.praiseTagCum[ti] = cumulativeOf(tp.pos)
	}

	// The expected effect of the channel/touchpoint mix, so that the
	// department's NPS follows startLevel..endLevel rather than drifting
	// by whatever the tables add up to.
	var mean, total float64
	for ci, ch := range channelMixes {
		cum := g.touchCum[ci][offSeason]
		prev := 0.0
		for ti, c := range cum {
			w := ch.share * (c - prev) / cum[len(cum)-1]
			prev = c
			mean += w * (ch.effect + touchpoints[ti].effect)
			total += w
		}
	}
	g.offset = -mean / total
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

// apportion shares total out over weights exactly, by rounding the
// running total: the parts add up to total whatever the weights.
func apportion(total int, weights []float64) []int {
	out := make([]int, len(weights))
	all := sum(weights)
	var run float64
	assigned := 0
	for i, w := range weights {
		run += w
		upto := int(math.Round(float64(total) * run / all))
		if i == len(weights)-1 {
			upto = total
		}
		out[i] = upto - assigned
		assigned = upto
	}
	return out
}

// planDays lays out the calendar: a day's volume grows over the period,
// halves at weekends, rises before the New Year and falls over the long
// January holidays; its level climbs from startLevel to endLevel with
// monthly and daily noise and dips in the season.
func (g *generator) planDays(last data.Day, months int) {
	ly, lm, ld := last.Date()
	first := data.DateDay(ly, lm-time.Month(months), ld+1)
	n := int(last-first) + 1
	g.days = make([]dayPlan, n)
	weights := make([]float64, n)
	monthLevel := 0.0
	prevMonth := time.Month(0)
	for i := range g.days {
		d := first + data.Day(i)
		y, m, dd := d.Date()
		if m != prevMonth {
			monthLevel = g.rng.NormFloat64() * monthNoise
			prevMonth = m
		}
		p := &g.days[i]
		p.year, p.month, p.day = y, m, dd
		wd := d.Weekday()
		p.weekend = wd == time.Saturday || wd == time.Sunday
		switch {
		case m == time.December:
			p.season = december
		case m == time.January && dd <= 20:
			p.season = january
		}
		progress := 0.0
		if n > 1 {
			progress = float64(i) / float64(n-1)
		}
		p.level = startLevel + (endLevel-startLevel)*progress + monthLevel + g.rng.NormFloat64()*dayNoise
		if p.season != offSeason {
			p.level -= seasonDip
		}

		w := 0.8 + 0.4*progress
		if p.weekend {
			w *= 0.5
		}
		switch {
		case m == time.December && dd >= 10:
			w *= 1.3
		case m == time.January && dd <= 8:
			w *= 0.5
		}
		weights[i] = w * (0.85 + 0.3*g.rng.Float64())

		ch := make([]float64, len(channelMixes))
		for ci, mix := range channelMixes {
			ch[ci] = mix.share * (1 + (mix.trend-1)*progress)
			if p.weekend {
				ch[ci] *= mix.weekend
			}
		}
		p.channels = cumulative(ch)
	}
	for i, c := range apportion(g.total, weights) {
		g.days[i].count = c
	}
	g.lastDay = n - 1
}

// buildClients makes the client list: few large Enterprise accounts that
// answer often, more SMB and many Retail customers. Most names are in the
// main language.
func (g *generator) buildClients() {
	taken := make(map[string]bool, clientCount) // membership only, never iterated
	segments := []struct {
		name   string
		share  float64
		weight float64 // how often one client of the segment answers
		effect float64
	}{
		{SegmentEnterprise, 0.10, 6, 0.06},
		{SegmentSMB, 0.35, 2, 0.02},
		{SegmentRetail, 0.55, 1, -0.02},
	}
	weights := make([]float64, 0, clientCount)
	for si, seg := range segments {
		count := int(math.Round(seg.share * clientCount))
		if si == len(segments)-1 {
			count = clientCount - len(g.clients)
		}
		for range count {
			lang := g.lang
			if g.chance(foreignClients) {
				lang = 1 - lang
			}
			var name string
			for {
				name = g.clientName(seg.name, lang)
				if !taken[name] {
					break
				}
			}
			taken[name] = true
			g.clients = append(g.clients, client{name: name, segment: seg.name, effect: seg.effect + g.rng.NormFloat64()*clientNoise})
			weights = append(weights, seg.weight*(0.5+g.rng.Float64()))
		}
	}
	g.clientCum = cumulative(weights)

	// Linked responses carry their client's effect; take its expected
	// value out as well so the department level stays on target.
	var mean float64
	for i, c := range g.clients {
		mean += c.effect * weights[i]
	}
	g.offset -= linkedShare * mean / sum(weights)
}

func (g *generator) clientName(segment string, lang int) string {
	one := func(xs []string) string { return xs[g.rng.IntN(len(xs))] }
	switch segment {
	case SegmentRetail:
		fi := g.rng.IntN(len(firstNames[lang]))
		last := one(lastNames[lang])
		if lang == langRU {
			if fi < len(firstNames[lang])/2 { // the first half are women's names
				last += "а"
			}
			return last + " " + firstNames[lang][fi]
		}
		return firstNames[lang][fi] + " " + last
	case SegmentEnterprise:
		return companyName(lang, one(enterpriseForms[lang]), one(companyRoots[lang]), one(companySuffixes[lang]))
	default:
		return companyName(lang, one(smbForms[lang]), one(companyRoots[lang]), one(companySuffixes[lang]))
	}
}

func companyName(lang int, form, root, suffix string) string {
	if lang == langRU {
		return form + " «" + root + "-" + suffix + "»"
	}
	return root + " " + suffix + " " + form
}

// step moves to the day of the next item, count(d) items on day d of the
// plan, and reports false when every day is done.
func (g *generator) step(count func(day int) int) bool {
	for g.dayIndex < len(g.days) && g.doneInDay >= count(g.dayIndex) {
		g.dayIndex++
		g.doneInDay = 0
	}
	if g.dayIndex >= len(g.days) {
		return false
	}
	g.doneInDay++
	g.done++
	return true
}

// next fills f with the next response and reports false when all are done.
func (g *generator) next(f *data.Feedback) bool {
	if !g.step(func(d int) int { return g.days[d].count }) {
		return false
	}
	p := &g.days[g.dayIndex]

	ci := g.pick(p.channels)
	mix := &channelMixes[ci]
	ti := touchpointID(g.pick(g.touchCum[ci][p.season]))
	tp := &touchpoints[ti]

	level := p.level + g.offset + mix.effect + tp.effect
	if p.season != offSeason {
		level -= tp.seasonDip
	}
	*f = data.Feedback{
		Channel:    mix.channel,
		Touchpoint: tp.name[g.lang],
		Source:     Source,
		ExternalID: g.seed + "-" + strconv.Itoa(g.done),
	}
	if g.chance(linkedShare) {
		c := &g.clients[g.pick(g.clientCum)]
		f.ClientName, f.Segment = c.name, c.segment
		level += c.effect
	}
	level = max(-0.9, min(0.9, level))

	// Passives thin out as opinions polarise; the rest splits so that
	// promoters − detractors equals the level.
	passive := 0.3 * (1 - math.Abs(level))
	promoter := (1 - passive + level) / 2
	u := g.rng.Float64()
	var group data.ScoreGroup
	switch {
	case u < promoter:
		group = data.GroupPromoters
		f.Score = promoterScores[g.pick(g.promoterCum)].id
	case u < promoter+passive:
		group = data.GroupPassives
		f.Score = passiveScores[g.pick(g.passiveCum)].id
	default:
		group = data.GroupDetractors
		f.Score = detractorScores[g.pick(g.detractorCum)].id
	}
	unscored := g.chance(unscoredShare)
	if unscored {
		f.Score = data.NoScore
	}

	topics := g.topics(ti, group)
	if len(topics) > 0 {
		f.Tags = make([]string, len(topics))
		for i, t := range topics {
			f.Tags[i] = tags[t].name
		}
	}
	rate := detractorCommentRate
	switch {
	case unscored:
		rate = unscoredCommentRate
	case group == data.GroupPassives:
		rate = passiveCommentRate
	case group == data.GroupPromoters:
		rate = promoterCommentRate
	}
	if g.chance(rate) {
		lang := g.lang
		if g.chance(otherLangShare) {
			lang = 1 - lang
		}
		f.Comment = g.comment(tp, group, topics, lang)
	}
	f.RespondedAt = g.instant(p, ci)
	return true
}

// topics picks the tags of a response from its touchpoint: what detractors
// and passives complain about, what promoters praise. The slice is reused
// by the next call.
func (g *generator) topics(ti touchpointID, group data.ScoreGroup) []tagID {
	tp := &touchpoints[ti]
	var from []weighted[tagID]
	var cum []float64
	var rate, second float64
	switch group {
	case data.GroupDetractors:
		from, cum, rate, second = tp.neg, g.complaintTagCum[ti], 0.75, 0.25
	case data.GroupPassives:
		from, cum, rate = tp.neg, g.complaintTagCum[ti], 0.30
	default:
		from, cum, rate = tp.pos, g.praiseTagCum[ti], 0.40
	}
	if len(from) == 0 || !g.chance(rate) {
		return nil
	}
	first := from[g.pick(cum)].id
	out := append(g.topicBuf[:0], first)
	if g.chance(second) {
		if t := from[g.pick(cum)].id; t != first {
			out = append(out, t)
		}
	}
	return out
}

// comment writes what the respondent would say: detractors name the
// problem behind each tag, passives have a reservation, promoters praise.
func (g *generator) comment(tp *touchpoint, group data.ScoreGroup, topics []tagID, lang int) string {
	b := &g.commentBuf
	b.Reset()
	one := func(ps []phrase) string { return ps[g.rng.IntN(len(ps))][lang] }
	space := func() {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
	}
	switch group {
	case data.GroupDetractors:
		if g.chance(0.4) {
			b.WriteString(one(detractorOpeners))
		}
		if len(topics) == 0 {
			space()
			b.WriteString(tp.complaint[lang])
		}
		for _, t := range topics {
			space()
			b.WriteString(one(tags[t].neg))
		}
		if g.chance(orderNumberRate) {
			space()
			b.WriteString(orderNumber[lang])
			b.WriteString(strconv.Itoa(100000 + g.rng.IntN(900000)))
			b.WriteByte('.')
		}
		if g.chance(0.3) {
			space()
			b.WriteString(one(detractorClosers))
		}
	case data.GroupPassives:
		switch {
		case len(topics) > 0:
			b.WriteString(one(passiveButs))
			b.WriteString(lowerFirst(one(tags[topics[0]].neg)))
		case g.chance(0.6):
			b.WriteString(one(passiveButs))
			b.WriteString(tp.mild[lang])
		default:
			b.WriteString(one(passiveShort))
		}
	default:
		if g.chance(0.5) {
			b.WriteString(one(promoterOpeners))
		}
		if len(topics) == 0 {
			space()
			b.WriteString(tp.praise[lang])
		}
		for _, t := range topics {
			space()
			b.WriteString(one(tags[t].pos))
		}
		if g.chance(0.3) {
			space()
			b.WriteString(one(promoterClosers))
		}
	}
	return b.String()
}

// lowerFirst lowercases the first letter so a sentence can follow "but".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsUpper(r) {
		return s
	}
	// Keep names and abbreviations ("Anna", "I") as they are.
	if r == 'I' && (len(s) == n || s[n] == ' ' || s[n] == '\'') {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// instant draws the answer time within the day: office hours for phone,
// shop hours for the store, evenings for email and web, later at weekends.
func (g *generator) instant(p *dayPlan, ci int) time.Time {
	wk := 0
	if p.weekend {
		wk = 1
	}
	hour := g.pick(g.hourCum[ci][wk])
	sec := g.rng.IntN(3600)
	t := time.Date(p.year, p.month, p.day, hour, sec/60, sec%60, 0, g.loc)
	if g.dayIndex == g.lastDay && !g.cutoff.IsZero() && !t.Before(g.cutoff) {
		// Squeeze the last day into the hours before the cutoff instead of
		// redrawing, which would shift every later draw.
		start := time.Date(p.year, p.month, p.day, 0, 0, 0, 0, g.loc)
		span := g.cutoff.Sub(start)
		if span <= 0 {
			return start
		}
		t = start.Add(time.Duration(float64(t.Sub(start)) / float64(24*time.Hour) * float64(span)))
	}
	return t.UTC()
}
