package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
)

var categoryNamesRU = map[string]string{
	"1": "Доставка", "2": "Оплата", "3": "Качество товара", "4": "Возврат", "5": "Сайт",
	"6": "Вежливость", "7": "Гарантия", "8": "Упаковка", "9": "Прочее", "": "Без категории",
}

// complaintData builds months of complaints through the real kpi: nine
// categories with falling volumes (Доставка the largest), durations in
// buckets, and three standards of which one never finished an item.
func complaintData(months int, seed uint64) ComplaintData {
	rng := rand.New(rand.NewPCG(seed, 11))
	from := data.DateDay(2024, time.January, 1)
	to := data.DateDay(2024, time.Month(1+months), 1) - 1
	var all, segmented []data.ComplaintDay
	var durations []data.DurationCount
	var sla []data.SLADay
	for d := from; d <= to; d++ {
		var day data.ComplaintDay
		day.Day = d
		for cat := 1; cat <= 9; cat++ {
			n := int64(rng.IntN(12 - cat + 1))
			seg := data.ComplaintDay{Day: d, Segment: strconv.Itoa(cat), Opened: n + 1, Negative: n,
				Resolutions: n, Resolved: n, FCR: n / 2, FCRReopen: n, WithVerdict: n, Satisfied: n / 2}
			segmented = append(segmented, seg)
			day.Opened += seg.Opened
			day.Negative += seg.Negative
			day.Resolutions += seg.Resolutions + int64(rng.IntN(2))
			day.Resolved += seg.Resolved
		}
		all = append(all, day)
		for range 20 {
			h := rng.ExpFloat64() * 30
			durations = append(durations, data.DurationCount{Day: d, Measure: data.ResolutionCalendar,
				Bucket: data.DurationBucket(time.Duration(h * float64(time.Hour))), N: 1})
		}
		sla = append(sla, data.SLADay{Day: d, StandardID: 1, Achieved: int64(8 + rng.IntN(3)), Breached: int64(rng.IntN(3))},
			data.SLADay{Day: d, StandardID: 2, Achieved: int64(5 + rng.IntN(3)), Breached: int64(rng.IntN(5))})
	}
	in := kpi.ComplaintInput{Days: all, Durations: durations, Backlog: map[string]int64{"": 40}}
	opt := kpi.ComplaintOptions{By: kpi.Month, From: from, To: to}
	overall := kpi.OverallComplaints(kpi.ComplaintTrend(in, opt), kpi.Month)
	cats := kpi.ComplaintTrend(kpi.ComplaintInput{Days: segmented}, opt)
	standards := []data.Standard{{ID: 1, Code: "FRT-1"}, {ID: 2, Code: "RES-1"}, {ID: 3, Code: "VIP-1"}}
	return ComplaintData{Overall: overall, Categories: cats, CategoryNames: categoryNamesRU,
		SLA: kpi.SLATrend(sla, nil, standards, kpi.Month, from, to)}
}

func complaintLabels(title string) Labels {
	return Labels{
		Title: title, Subtitle: "Январь 2024 — декабрь 2025", Lang: "ru",
		Complaints: "Жалобы", Opened: "Открыто", Resolved: "Решено", Backlog: "Очередь",
		Other: "Прочие", Uncategorised: "Без категории", Median: "Медиана", P90: "90-й процентиль",
		Hours: "Часы", Compliance: "Соблюдение", Cumulative: "Накопленная доля", Target: "Цель",
		Empty: "Нет жалоб за этот период", Period: "Период", Category: "Категория", Total: "Итого",
	}
}

// isColor matches pixels within tol of c in every channel.
func isColor(c color.Color, tol int) func(color.Color) bool {
	r0, g0, b0, _ := c.RGBA()
	return func(p color.Color) bool {
		r, g, b, _ := p.RGBA()
		near := func(a, b uint32) bool { return abs(int(a>>8)-int(b>>8)) <= tol }
		return near(r, r0) && near(g, g0) && near(b, b0)
	}
}

func abs(v int) int { return max(v, -v) }

// plot is the region below the header where marks are drawn.
var plot = image.Rect(60, 140, 1190, 540)

func TestComplaintChartsRenderWithCyrillicTitles(t *testing.T) {
	d := complaintData(24, 1)
	target := 90.0
	for _, k := range ComplaintKinds {
		c, err := BuildComplaints(k, d, Options{Labels: complaintLabels("Жалобы и стандарты обслуживания"), Target: &target})
		if err != nil {
			t.Fatal(err)
		}
		if c.Empty() || c.Kind() != k {
			t.Fatalf("%s: empty=%v kind=%s", k, c.Empty(), c.Kind())
		}
		img := renderPNG(t, c)
		if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 600 {
			t.Errorf("%s: %v, want 1200x600", k, b)
		}
		// Without a title the header shrinks and marks may move up, so
		// compare against the same chart with an empty title.
		l := complaintLabels("")
		l.Subtitle = ""
		untitled, _ := BuildComplaints(k, d, Options{Labels: l})
		titleArea := image.Rect(15, 10, 600, 42)
		ru := countPixels(img, titleArea, isDarkText)
		none := countPixels(renderPNG(t, untitled), titleArea, isDarkText)
		if ru < 1500 || ru < none+1000 {
			t.Errorf("%s: title pixels Russian %d (want many), none %d", k, ru, none)
		}
		// Something coloured is drawn in the plot.
		if n := countPixels(img, plot, func(c color.Color) bool { return saturation(c) > 60 }); n < 2000 {
			t.Errorf("%s: only %d coloured pixels in the plot", k, n)
		}
	}
	if _, err := BuildComplaints(KindNPSTrend, d, Options{}); err == nil {
		t.Error("an NPS kind built as a complaint chart")
	}
	for _, k := range ComplaintKinds {
		if !IsComplaintKind(k) || IsComplaintKind(KindNPSTrend) {
			t.Fatal("IsComplaintKind")
		}
	}
}

func TestComplaintChartsEmpty(t *testing.T) {
	empty := ComplaintData{Overall: kpi.ComplaintSeries{By: kpi.Month}}
	// A range with periods but nothing in them is empty too.
	quiet := kpi.ComplaintTrend(kpi.ComplaintInput{Backlog: map[string]int64{"": 0}},
		kpi.ComplaintOptions{By: kpi.Month, From: data.DateDay(2025, 1, 1), To: data.DateDay(2025, 3, 31)})
	noSLA := kpi.SLATrend(nil, nil, []data.Standard{{ID: 1, Code: "FRT-1"}}, kpi.Month, data.DateDay(2025, 1, 1), data.DateDay(2025, 3, 31))
	for _, d := range []ComplaintData{empty, {Overall: quiet[0], SLA: noSLA}} {
		for _, k := range ComplaintKinds {
			c, _ := BuildComplaints(k, d, Options{Labels: complaintLabels("Жалобы")})
			if !c.Empty() {
				t.Fatalf("%s: not empty without data", k)
			}
			img := renderPNG(t, c)
			if n := countPixels(img, image.Rect(350, 270, 850, 330), func(c color.Color) bool { return luma(c) < 200 }); n < 300 {
				t.Errorf("%s: the centred message is missing (%d pixels)", k, n)
			}
			var svg bytes.Buffer
			if err := c.SVG(&svg); err != nil || !strings.Contains(svg.String(), "Нет жалоб") {
				t.Errorf("%s: empty SVG: %v", k, err)
			}
		}
	}
}

func TestComplaintChartsSinglePeriod(t *testing.T) {
	d := complaintData(1, 2)
	for _, k := range ComplaintKinds {
		c, _ := BuildComplaints(k, d, Options{Labels: complaintLabels("Один месяц")})
		if c.Empty() {
			t.Fatalf("%s: one month renders empty", k)
		}
		img := renderPNG(t, c)
		// Lines of one point are a dot: fewer pixels than bars, but there.
		if n := countPixels(img, plot, func(c color.Color) bool { return saturation(c) > 60 }); n < 40 {
			t.Errorf("%s: one month draws only %d coloured pixels", k, n)
		}
	}
}

func TestComplaintsByCategoryTopAndOther(t *testing.T) {
	d := complaintData(12, 3)
	c := ComplaintsByCategory(d, Options{Labels: complaintLabels("Жалобы по категориям")})
	table := c.Table()
	head := table[0]
	// Period, six named categories, "other", total.
	if len(head) != 1+TopCategories+1+1 || head[1] != "Доставка" || head[TopCategories+1] != "Прочие" || head[len(head)-1] != "Жалобы" {
		t.Fatalf("header %v", head)
	}
	// The stacks add up to the department's negative complaints.
	for i, p := range d.Overall.Periods {
		want := data.FormatInt("ru", p.Counts.Negative)
		if got := table[i+1][len(head)-1]; got != want {
			t.Errorf("%s: stacked total %s, department %s", p.Period.Label, got, want)
		}
	}
	img := renderPNG(t, c)
	first := countPixels(img, plot, isColor(lightPalette.series[0], 6))
	other := countPixels(img, plot, isColor(lightPalette.other, 6))
	if first < 1000 || other < 500 {
		t.Errorf("largest category %d px, other %d px: both must show", first, other)
	}
	// Bars start at zero: the axis starts at 0 and tops the largest stack.
	ticks := c.graph.YAxisSecondary.Ticks
	var most int64
	for _, p := range d.Overall.Periods {
		most = max(most, p.Counts.Negative)
	}
	if ticks[0].Value != 0 || ticks[len(ticks)-1].Value < float64(most) {
		t.Errorf("ticks %v, want 0..≥%d", ticks, most)
	}
}

func TestComplaintsFlowBarsAndBacklog(t *testing.T) {
	d := complaintData(6, 4)
	c := ComplaintsFlow(d.Overall, Options{Labels: complaintLabels("Поток жалоб")})
	img := renderPNG(t, c)
	red := countPixels(img, plot, isColor(lightPalette.opened, 6))
	green := countPixels(img, plot, isColor(lightPalette.resolved, 6))
	if red < 2000 || green < 2000 {
		t.Errorf("opened %d px, resolved %d px", red, green)
	}
	// Opened and resolved bars of a period stand on the same baseline.
	bottom := func(match func(color.Color) bool) int {
		for y := plot.Max.Y; y > plot.Min.Y; y-- {
			if countPixels(img, image.Rect(plot.Min.X, y, plot.Max.X, y+1), match) > 0 {
				return y
			}
		}
		return -1
	}
	if r, g := bottom(isColor(lightPalette.opened, 6)), bottom(isColor(lightPalette.resolved, 6)); r < 0 || abs(r-g) > 1 {
		t.Errorf("bar bottoms: opened %d, resolved %d", r, g)
	}
	table := c.Table()
	last := d.Overall.Periods[len(d.Overall.Periods)-1]
	if row := table[len(table)-1]; row[3] != data.FormatInt("", last.Backlog) || table[0][3] != "Очередь" {
		t.Errorf("last row %v, backlog %d", row, last.Backlog)
	}
}

func TestResolutionTimeLinesAndGaps(t *testing.T) {
	d := complaintData(6, 5)
	s := d.Overall
	s.Periods[2].Resolution = kpi.DurationStat{} // nothing resolved in March
	c := ResolutionTime(s, false, Options{Labels: complaintLabels("Время решения")})
	img := renderPNG(t, c)
	if n := countPixels(img, plot, isBlue); n < 500 {
		t.Errorf("median line: %d blue pixels", n)
	}
	if n := countPixels(img, plot, isColor(lightPalette.target, 10)); n < 300 {
		t.Errorf("p90 line: %d orange pixels", n)
	}
	table := c.Table()
	if table[3][1] != "0" || table[3][2] != "" || table[1][2] == "" {
		t.Errorf("rows %v / %v", table[1], table[3])
	}
	// The axis fits the largest p90 and starts at zero.
	ticks := c.graph.YAxisSecondary.Ticks
	if ticks[0].Value != 0 || ticks[len(ticks)-1].Value < s.Periods[0].Resolution.P90 {
		t.Errorf("ticks %v", ticks)
	}
	// Working hours are a separate measure: none in this data.
	if !ResolutionTime(s, true, Options{}).Empty() {
		t.Error("working-hour chart without working durations is not empty")
	}
	if got := tickNumber("ru", 2.5, 0.5); got != "2,5" {
		t.Errorf("tick 2.5 in Russian = %q", got)
	}
	if got := tickNumber("en", 20, 5); got != "20" {
		t.Errorf("tick 20 = %q", got)
	}
}

func TestSLAComplianceLinesAndTable(t *testing.T) {
	d := complaintData(12, 6)
	target := 85.0
	with := renderPNG(t, SLACompliance(d.SLA, Options{Labels: complaintLabels("Соблюдение стандартов"), Target: &target}))
	for i, code := range []string{"FRT-1", "RES-1"} {
		if n := countPixels(with, plot, isColor(lightPalette.standards[i], 8)); n < 300 {
			t.Errorf("%s line: %d pixels", code, n)
		}
	}
	c := SLACompliance(d.SLA, Options{})
	table := c.Table()
	// VIP-1 never finished an item: its column is blank, it has no line.
	if table[0][3] != "VIP-1, %" || table[1][3] != "" || table[len(table)-1][0] != "Total" {
		t.Errorf("table %v ... %v", table[0], table[len(table)-1])
	}
	if len(c.graph.YAxisSecondary.Ticks) != 5 || c.graph.YAxisSecondary.Ticks[4].Label != "100%" {
		t.Errorf("ticks %v, want 0..100%%", c.graph.YAxisSecondary.Ticks)
	}
}

func TestParetoDescendingWithCumulative(t *testing.T) {
	d := complaintData(12, 7)
	c := ComplaintsPareto(d, Options{Labels: complaintLabels("Парето категорий")})
	table := c.Table()
	if len(table) != 1+9 || table[1][0] != "Доставка" {
		t.Fatalf("table %v", table)
	}
	prev := int64(1 << 62)
	for _, row := range table[1:] {
		n, _ := strconv.ParseInt(strings.ReplaceAll(row[1], "\u202f", ""), 10, 64)
		if n > prev {
			t.Fatalf("categories not in descending order: %v", table)
		}
		prev = n
	}
	if last := table[len(table)-1][3]; last != "100,0" {
		t.Errorf("cumulative ends at %q, want 100,0", last)
	}
	img := renderPNG(t, c)
	blue := isColor(lightPalette.series[0], 6)
	left := countPixels(img, image.Rect(plot.Min.X, plot.Min.Y, 400, plot.Max.Y), blue)
	right := countPixels(img, image.Rect(800, plot.Min.Y, plot.Max.X, plot.Max.Y), blue)
	if left <= right {
		t.Errorf("bars do not fall: left %d px, right %d px", left, right)
	}
	// Over ten categories the tail is one "other" bar at the end.
	many := d
	many.Categories = append([]kpi.ComplaintSeries(nil), d.Categories...)
	for i := range 5 {
		extra := d.Categories[8]
		extra.Segment = "extra" + strconv.Itoa(i)
		many.Categories = append(many.Categories, extra)
	}
	mt := ComplaintsPareto(many, Options{Labels: complaintLabels("")}).Table()
	if len(mt) != 1+paretoCategories+1 || mt[len(mt)-1][0] != "Прочие" {
		t.Errorf("pareto of 14 categories: %d rows, last %v", len(mt), mt[len(mt)-1])
	}
}

func TestComplaintSVGAndDark(t *testing.T) {
	d := complaintData(24, 8)
	for _, k := range ComplaintKinds {
		c, _ := BuildComplaints(k, d, Options{Labels: complaintLabels("Жалобы < 30 & «категории»"), Scale: 2})
		var buf bytes.Buffer
		if err := c.SVG(&buf); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), `width="2400" height="1200"`) {
			t.Errorf("%s: SVG size", k)
		}
		dec := xml.NewDecoder(&buf)
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: SVG is not well-formed: %v", k, err)
			}
		}
		dark, _ := BuildComplaints(k, d, Options{Dark: true})
		if l := luma(renderPNG(t, dark).At(3, 3)); l > 60 {
			t.Errorf("%s: dark background luma %.0f", k, l)
		}
	}
}

func benchmarkComplaintPNG(b *testing.B, kind Kind) {
	d := complaintData(24, 1)
	target := 90.0
	o := Options{Width: 1200, Height: 600, Labels: complaintLabels("Жалобы по категориям"), Target: &target}
	b.ReportAllocs()
	for b.Loop() {
		c, err := BuildComplaints(kind, d, o)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.PNG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComplaintsByCategoryPNG(b *testing.B) {
	benchmarkComplaintPNG(b, KindComplaintsByCategory)
}
func BenchmarkComplaintsFlowPNG(b *testing.B)   { benchmarkComplaintPNG(b, KindComplaintsFlow) }
func BenchmarkResolutionTimePNG(b *testing.B)   { benchmarkComplaintPNG(b, KindResolutionTime) }
func BenchmarkSLACompliancePNG(b *testing.B)    { benchmarkComplaintPNG(b, KindSLA) }
func BenchmarkComplaintsParetoPNG(b *testing.B) { benchmarkComplaintPNG(b, KindComplaintsPareto) }

// Withdrawn complaints stack in grey on the resolved bars, with their
// legend entry and table column; without any, neither shows.
func TestComplaintsFlowStacksCancellations(t *testing.T) {
	d := complaintData(6, 4)
	labels := complaintLabels("Поток жалоб")
	labels.Cancelled = "Отозвано или отменено"
	plain := ComplaintsFlow(d.Overall, Options{Labels: labels})
	if head := plain.Table()[0]; len(head) != 4 {
		t.Errorf("without cancellations the table has columns %q", head)
	}
	greyBefore := countPixels(renderPNG(t, plain), plot, isColor(lightPalette.other, 6))
	s := d.Overall
	s.Periods = slices.Clone(s.Periods)
	for i := range s.Periods {
		s.Periods[i].Counts.Cancellations = s.Periods[i].Counts.Opened / 3
	}
	c := ComplaintsFlow(s, Options{Labels: labels})
	img := renderPNG(t, c)
	if grey := countPixels(img, plot, isColor(lightPalette.other, 6)); grey < greyBefore+1000 {
		t.Errorf("cancelled parts: %d grey px (%d without)", grey, greyBefore)
	}
	table := c.Table()
	if head := table[0]; len(head) != 5 || head[4] != labels.Cancelled || table[1][4] != data.FormatInt("", s.Periods[0].Counts.Cancellations) {
		t.Errorf("table head %q, first row %q", head, table[1])
	}
}
