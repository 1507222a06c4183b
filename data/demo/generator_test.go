package demo

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"caredesk/data"
	"caredesk/data/kpi"
)

var moscow = time.FixedZone("MSK", 3*3600)

func testOptions() Options {
	o := DefaultOptions()
	o.End = time.Date(2025, 6, 30, 0, 0, 0, 0, moscow)
	return o
}

// drain collects what next yields until it reports false.
func drain[T any](next func(*T) bool, capacity int) []T {
	out := make([]T, 0, capacity)
	var v T
	for next(&v) {
		out = append(out, v)
	}
	return out
}

func generateAll(t testing.TB, o Options, loc *time.Location) []data.Feedback {
	t.Helper()
	return drain(newGenerator(o, loc).next, o.Responses)
}

// dailyCounts groups rows the way the store's FeedbackDaily does, split by
// segment(f) ("" for no split).
func dailyCounts(rows []data.Feedback, loc *time.Location, segment func(*data.Feedback) string) []data.DayScores {
	type key struct {
		day data.Day
		seg string
	}
	index := map[key]int{}
	var out []data.DayScores
	for i := range rows {
		k := key{data.DayOf(rows[i].RespondedAt, loc), segment(&rows[i])}
		j, ok := index[k]
		if !ok {
			j = len(out)
			index[k] = j
			out = append(out, data.DayScores{Day: k.day, Segment: k.seg})
		}
		out[j].AddScore(rows[i].Score)
	}
	slices.SortFunc(out, func(a, b data.DayScores) int { return int(a.Day - b.Day) })
	return out
}

func none(*data.Feedback) string { return "" }

func TestGeneratorIsDeterministic(t *testing.T) {
	o := testOptions()
	o.Responses = 5000
	a := generateAll(t, o, moscow)
	b := generateAll(t, o, moscow)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same options differ")
	}
	o.Seed = 2
	c := generateAll(t, o, moscow)
	same := 0
	for i := range a {
		if a[i].Comment == c[i].Comment && a[i].Score == c[i].Score && a[i].RespondedAt.Equal(c[i].RespondedAt) {
			same++
		}
	}
	if same > len(a)/10 {
		t.Errorf("seed 2 repeats %d of %d rows of seed 1", same, len(a))
	}
}

func TestGeneratorRowsAreValidAndInRange(t *testing.T) {
	o := testOptions()
	rows := generateAll(t, o, moscow)
	if len(rows) != o.Responses {
		t.Fatalf("rows = %d, want %d", len(rows), o.Responses)
	}
	first := data.DateDay(2023, 7, 1)
	last := data.DateDay(2025, 6, 30)
	ids := make(map[string]bool, len(rows))
	prev := data.Day(0)
	for i := range rows {
		f := &rows[i]
		if err := f.Validate(); err != nil {
			t.Fatalf("row %d invalid: %v", i, err)
		}
		if f.RespondedAt.Location() != time.UTC {
			t.Fatalf("row %d time not UTC: %v", i, f.RespondedAt)
		}
		d := data.DayOf(f.RespondedAt, moscow)
		if d < first || d > last {
			t.Fatalf("row %d on %s, outside %s..%s", i, d, first, last)
		}
		if d < prev {
			t.Fatalf("row %d on %s comes after %s: rows should run in date order", i, d, prev)
		}
		prev = d
		if f.Source != Source || ids[f.ExternalID] {
			t.Fatalf("row %d: source %q, external id %q repeated=%v", i, f.Source, f.ExternalID, ids[f.ExternalID])
		}
		ids[f.ExternalID] = true
	}
	if d := data.DayOf(rows[0].RespondedAt, moscow); d > first+3 {
		t.Errorf("first row on %s, want near %s", d, first)
	}
}

func TestGeneratorShares(t *testing.T) {
	o := testOptions()
	rows := generateAll(t, o, moscow)
	n := float64(len(rows))
	var unscored, linked, noComment, cyrillic, latin, weekend, officeHours int
	channels := map[data.Channel]int{}
	segments := map[string]int{}
	clients := map[string]bool{}
	for i := range rows {
		f := &rows[i]
		if f.Score == data.NoScore {
			unscored++
		}
		if f.ClientName != "" {
			linked++
			segments[f.Segment]++
			clients[f.ClientName] = true
		}
		switch {
		case f.Comment == "":
			noComment++
		case strings.ContainsFunc(f.Comment, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }):
			cyrillic++
		default:
			latin++
		}
		channels[f.Channel]++
		local := f.RespondedAt.In(moscow)
		if wd := local.Weekday(); wd == time.Saturday || wd == time.Sunday {
			weekend++
		} else if h := local.Hour(); h >= 9 && h < 18 {
			officeHours++
		}
	}
	within := func(name string, got, lo, hi float64) {
		t.Helper()
		if got < lo || got > hi {
			t.Errorf("%s = %.3f, want %.2f..%.2f", name, got, lo, hi)
		}
	}
	within("unscored share", float64(unscored)/n, 0.02, 0.04)
	within("linked share", float64(linked)/n, 0.57, 0.63)
	within("share without comment", float64(noComment)/n, 0.35, 0.45)
	within("Russian share of comments", float64(cyrillic)/float64(cyrillic+latin), 0.80, 0.90)
	// Weekends are 2/7 of days at half the volume: about 1/6 of responses.
	within("weekend share", float64(weekend)/n, 0.12, 0.22)
	within("weekday office-hours share", float64(officeHours)/float64(len(rows)-weekend), 0.45, 0.75)
	for _, c := range data.Channels {
		if channels[c] == 0 {
			t.Errorf("no %s responses", c)
		}
	}
	if channels[data.ChannelEmail] < channels[data.ChannelOther]*4 {
		t.Errorf("email %d should far outnumber other %d", channels[data.ChannelEmail], channels[data.ChannelOther])
	}
	for _, s := range []string{SegmentEnterprise, SegmentSMB, SegmentRetail} {
		if segments[s] < linked/10 {
			t.Errorf("segment %s has %d of %d linked responses", s, segments[s], linked)
		}
	}
	if len(clients) < 250 || len(clients) > clientCount {
		t.Errorf("%d distinct clients answered, want most of %d", len(clients), clientCount)
	}
	if len(channelMixes) != len(data.Channels) {
		t.Errorf("channel table has %d channels, data has %d", len(channelMixes), len(data.Channels))
	}

	en := o
	en.Lang = "en"
	var enLatin, enComments int
	for _, f := range generateAll(t, en, moscow) {
		if f.Comment != "" {
			enComments++
			if !strings.ContainsFunc(f.Comment, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
				enLatin++
			}
		}
		if f.Touchpoint == "Доставка" {
			t.Fatalf("English demo has Russian touchpoint %q", f.Touchpoint)
		}
	}
	within("English share of comments with Lang=en", float64(enLatin)/float64(enComments), 0.80, 0.90)
}

func TestGeneratorNPSStory(t *testing.T) {
	o := testOptions()
	rows := generateAll(t, o, moscow)
	months := kpi.Overall(kpi.Trend(dailyCounts(rows, moscow, none), kpi.Month, 0, 0), kpi.Month).Periods
	if len(months) != 24 {
		t.Fatalf("%d months, want 24", len(months))
	}
	firstQ := kpi.NPS(sumCounts(months[:3]))
	lastQ := kpi.NPS(sumCounts(months[len(months)-3:]))
	if firstQ.NPS < -15 || firstQ.NPS > 5 {
		t.Errorf("NPS of the first 3 months = %.1f, want about −5", firstQ.NPS)
	}
	if lastQ.NPS < 25 || lastQ.NPS > 45 {
		t.Errorf("NPS of the last 3 months = %.1f, want about +35", lastQ.NPS)
	}

	// The seasonal dip: December is clearly worse than October-November.
	for i := 2; i < len(months); i++ {
		if !strings.HasSuffix(months[i].Period.Label, "-12") {
			continue
		}
		before := kpi.NPS(sumCounts(months[i-2 : i]))
		if months[i].NPS > before.NPS-5 {
			t.Errorf("%s NPS %.1f is no dip against %.1f in the two months before", months[i].Period.Label, months[i].NPS, before.NPS)
		}
	}

	byTouchpoint := kpi.Trend(dailyCounts(rows, moscow, func(f *data.Feedback) string { return f.Touchpoint }), kpi.Year, 0, 0)
	if len(byTouchpoint) != int(touchpointCount) {
		t.Fatalf("%d touchpoints, want %d", len(byTouchpoint), touchpointCount)
	}
	worst := byTouchpoint[0]
	for _, s := range byTouchpoint {
		if s.Total.NPS < worst.Total.NPS {
			worst = s
		}
	}
	if worst.Segment != "Доставка" {
		t.Errorf("worst touchpoint is %q (%.1f), want Доставка", worst.Segment, worst.Total.NPS)
	}
}

func sumCounts(ps []kpi.NPSStat) data.ScoreCounts {
	var c data.ScoreCounts
	for _, p := range ps {
		c.Add(p.ScoreCounts)
	}
	return c
}

// TestCommentsMatchScores checks that what people write agrees with how
// they scored: detractors never praise, promoters never complain, and a
// tagged detractor names the tagged problem.
func TestCommentsMatchScores(t *testing.T) {
	o := testOptions()
	o.Responses = 20000
	contains := func(comment string, ps []phrase) bool {
		for _, p := range ps {
			if strings.Contains(comment, p[langRU]) || strings.Contains(comment, p[langEN]) {
				return true
			}
		}
		return false
	}
	var praise, complaints []phrase
	for _, tg := range tags {
		praise = append(praise, tg.pos...)
		complaints = append(complaints, tg.neg...)
	}
	for _, tp := range touchpoints {
		praise = append(praise, tp.praise)
		complaints = append(complaints, tp.complaint)
	}
	praise = append(praise, promoterOpeners...)
	complaints = append(complaints, detractorOpeners...)
	checked := 0
	for _, f := range generateAll(t, o, moscow) {
		if f.Comment == "" || f.Score == data.NoScore {
			continue
		}
		checked++
		switch f.Score.Group() {
		case data.GroupDetractors:
			if contains(f.Comment, praise) {
				t.Fatalf("detractor (%d) praises: %q", f.Score, f.Comment)
			}
			for _, name := range f.Tags {
				if !contains(f.Comment, tagNamed(t, name).neg) {
					t.Fatalf("detractor tagged %s does not mention it: %q", name, f.Comment)
				}
			}
		case data.GroupPromoters:
			if contains(f.Comment, complaints) {
				t.Fatalf("promoter (%d) complains: %q", f.Score, f.Comment)
			}
		}
	}
	if checked < 8000 {
		t.Fatalf("only %d scored comments checked", checked)
	}
}

func tagNamed(t *testing.T, name string) tag {
	for _, tg := range tags {
		if tg.name == name {
			return tg
		}
	}
	t.Fatalf("unknown tag %q", name)
	return tag{}
}

func TestLastDayStopsAtEnd(t *testing.T) {
	o := testOptions()
	o.Responses = 3000
	o.Months = 1
	o.End = time.Date(2025, 6, 30, 10, 30, 0, 0, moscow)
	rows := generateAll(t, o, moscow)
	onLastDay := 0
	for _, f := range rows {
		if f.RespondedAt.After(o.End) {
			t.Fatalf("response at %v is after the end %v", f.RespondedAt.In(moscow), o.End)
		}
		if data.DayOf(f.RespondedAt, moscow) == data.DateDay(2025, 6, 30) {
			onLastDay++
		}
	}
	if onLastDay == 0 {
		t.Error("no responses on the last day")
	}
}

func TestTinyDataSets(t *testing.T) {
	for _, o := range []Options{
		{Months: 1, Responses: 1, Seed: 3, Lang: "en", End: time.Date(2024, 3, 31, 0, 0, 0, 0, moscow)},
		{Months: 1, Responses: 7, Seed: -4, End: time.Date(2024, 2, 29, 0, 0, 0, 0, moscow)},
		{Months: MaxMonths, Responses: 100, Seed: 5, Lang: "ru", End: time.Date(2025, 1, 1, 0, 0, 0, 0, moscow)},
	} {
		rows := generateAll(t, o, moscow)
		if len(rows) != o.Responses {
			t.Errorf("%+v: %d rows", o, len(rows))
		}
		for _, f := range rows {
			if err := f.Validate(); err != nil {
				t.Errorf("%+v: %v", o, err)
			}
		}
		o.Complaints = o.Responses * 3
		_, complaints := generateComplaints(t, o)
		if len(complaints) != o.Complaints {
			t.Errorf("%+v: %d complaints", o, len(complaints))
		}
		for _, c := range complaints {
			if err := c.Validate(); err != nil {
				t.Errorf("%+v: %v", o, err)
			}
		}
		g := newComplaintGen(o, moscow)
		for _, s := range g.standards() {
			if err := s.Validate(); err != nil {
				t.Errorf("%+v: standard %s: %v", o, s.Code, err)
			}
		}
	}
}

func TestOptionsValidate(t *testing.T) {
	if err := DefaultOptions().Validate(); err != nil {
		t.Fatalf("default options: %v", err)
	}
	for _, o := range []Options{
		{Months: 0, Responses: 10, Lang: "ru"},
		{Months: 12, Responses: 0, Lang: "ru"},
		{Months: 12, Responses: 10, Lang: "de"},
		{Months: MaxMonths + 1, Responses: 10, Lang: "en"},
		{Months: 12, Responses: 10, Complaints: -1, Lang: "en"},
		{Months: 12, Responses: 10, Complaints: MaxComplaints + 1, Lang: "en"},
	} {
		if err := o.Validate(); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{
		"Курьер опоздал.":            "курьер опоздал.",
		"The app crashes.":           "the app crashes.",
		"I waited over an hour.":     "I waited over an hour.",
		"I'd like more ways to pay.": "I'd like more ways to pay.",
		"":                           "",
		"в приложении не хватает истории": "в приложении не хватает истории",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkGenerator(b *testing.B) {
	o := testOptions()
	var f data.Feedback
	for b.Loop() {
		g := newGenerator(o, moscow)
		for g.next(&f) {
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*o.Responses), "ns/row")
}
