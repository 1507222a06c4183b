package charts

import (
	"image"
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"caredesk/data"
	"caredesk/data/kpi"
)

// The Russian demo's categories, as the manager sees them.
var demoCategoriesRU = map[string]string{
	"1": "Доставка", "2": "Качество товара", "3": "Сайт и приложение",
	"4": "Оплата и счета", "5": "Обслуживание", "6": "Возвраты",
}

// slaData is a year of monthly compliance for the given standards (codes
// and goals), each around its own level, through the real kpi.SLATrend.
// Levels are achieved out of 100 finished items a day.
func slaData(codes []string, goals []float64, levels []int64) []kpi.SLASeries {
	from := data.DateDay(2025, time.January, 1)
	to := data.DateDay(2025, time.December, 31)
	var standards []data.Standard
	var days []data.SLADay
	for i, code := range codes {
		id := int64(i + 1)
		standards = append(standards, data.Standard{ID: id, Code: code, Goal: goals[i]})
		for d := from; d <= to; d++ {
			days = append(days, data.SLADay{Day: d, StandardID: id, Achieved: levels[i], Breached: 100 - levels[i]})
		}
	}
	return kpi.SLATrend(days, nil, standards, kpi.Month, from, to)
}

// lineRows returns the centre row of each horizontal line in rect: runs of
// rows in which at least share of the width matches.
func lineRows(img image.Image, rect image.Rectangle, match func(color.Color) bool, share float64) []int {
	var rows []int
	start := -1
	for y := rect.Min.Y; y <= rect.Max.Y; y++ {
		full := y < rect.Max.Y && float64(countPixels(img, image.Rect(rect.Min.X, y, rect.Max.X, y+1), match)) >= share*float64(rect.Dx())
		switch {
		case full && start < 0:
			start = y
		case !full && start >= 0:
			rows = append(rows, (start+y-1)/2)
			start = -1
		}
	}
	return rows
}

func TestSLASeriesCarryTheirStandardsGoals(t *testing.T) {
	series := slaData([]string{"CHAT-1", "RES-1", "FR-1"}, []float64{95, 0, 80}, []int64{50, 50, 50})
	var goals []float64
	for _, s := range series {
		goals = append(goals, s.Goal)
	}
	if !slices.Equal(goals, []float64{95, data.DefaultSLAGoal, 80}) {
		t.Errorf("goals %v, want [95 90 80] (an unset goal is the default)", goals)
	}
}

func TestSLAEachStandardAgainstItsOwnGoal(t *testing.T) {
	// Lines at 50% and 30% keep clear of the goals at 95% and 80%.
	series := slaData([]string{"CHAT-1", "RES-1"}, []float64{95, 80}, []int64{50, 30})
	img := renderPNG(t, SLACompliance(series, Options{Labels: complaintLabels("Стандарты")}))
	blue, green := isColor(lightPalette.standards[0], 8), isColor(lightPalette.standards[1], 8)
	// A dashed line covers a good part of the plot's width.
	blueRows, greenRows := lineRows(img, plot, blue, 0.25), lineRows(img, plot, green, 0.25)
	if len(blueRows) != 2 || len(greenRows) != 2 {
		t.Fatalf("rows with long blue %v, green %v: want each standard's goal and line", blueRows, greenRows)
	}
	// Goal 95 above goal 80 above the lines at 50 and 30.
	if !(blueRows[0] < greenRows[0] && greenRows[0] < blueRows[1] && blueRows[1] < greenRows[1]) {
		t.Errorf("blue rows %v, green rows %v: want goal 95 above goal 80 above the lines", blueRows, greenRows)
	}
	// On the linear 0..100% axis, 80 is 15/45 of the way from 95 to 50.
	want := blueRows[0] + (blueRows[1]-blueRows[0])*15/45
	if abs(greenRows[0]-want) > 3 {
		t.Errorf("goal 80 at row %d, want about %d", greenRows[0], want)
	}
	if n := len(lineRows(img, plot, isColor(lightPalette.target, 10), 0.25)); n != 0 {
		t.Errorf("%d target-coloured lines where each standard has its own goal", n)
	}
	// The legend names each goal: the Russian "Цель" appears twice.
	c := SLACompliance(series, Options{Labels: complaintLabels("")})
	f, _ := newFrame(c.opt)
	f.legend = nil
	goals := f.slaGoals(series)
	if len(goals) != 2 || goals[0].value != 95 || goals[1].value != 80 {
		t.Errorf("goal lines %+v", goals)
	}
}

func TestSLASharedGoalIsOneTargetLine(t *testing.T) {
	series := slaData([]string{"CHAT-1", "RES-1"}, []float64{0, 90}, []int64{50, 60})
	orange := isColor(lightPalette.target, 10)
	img := renderPNG(t, SLACompliance(series, Options{Labels: complaintLabels("Стандарты")}))
	shared := lineRows(img, plot, orange, 0.25)
	if len(shared) != 1 {
		t.Fatalf("a goal every standard shares: %d target lines, want 1", len(shared))
	}
	// The --target override replaces the goals: one line, lower at 85%.
	target := 85.0
	over := lineRows(renderPNG(t, SLACompliance(series, Options{Labels: complaintLabels("Стандарты"), Target: &target})), plot, orange, 0.25)
	if len(over) != 1 || over[0] <= shared[0] {
		t.Errorf("override at 85%%: rows %v, goal 90%% at %d", over, shared[0])
	}
	// Each standard differs from the goal line and from the other.
	c := SLACompliance(series, Options{})
	if len(c.graph.YAxisSecondary.Ticks) != 5 || c.graph.YAxisSecondary.Ticks[4].Label != "100%" || c.graph.YAxisSecondary.Ticks[0].Value != 0 {
		t.Errorf("ticks %v, want 0..100%% by 25", c.graph.YAxisSecondary.Ticks)
	}
}

func TestSLAStandardsAllLookDifferent(t *testing.T) {
	f, _ := newFrame(Options{}.normalized())
	type style struct {
		c    drawing.Color
		dash bool
	}
	seen := map[style]int{}
	for i := range 2 * len(f.pal.standards) {
		c, dash := f.standardStyle(i)
		s := style{c, dash != nil}
		if j, dup := seen[s]; dup {
			t.Fatalf("standards %d and %d look alike", j, i)
		}
		seen[s] = i
		if c == f.pal.target {
			t.Fatalf("standard %d has the target's colour", i)
		}
	}
	// The demo's six standards: six colours, each drawn.
	codes := []string{"CHAT-1", "CRIT-24", "DLV-1", "FR-1", "KEY-1", "RES-1"}
	series := slaData(codes, make([]float64, 6), []int64{30, 40, 50, 60, 70, 80})
	img := renderPNG(t, SLACompliance(series, Options{Labels: complaintLabels("Стандарты")}))
	for i, code := range codes {
		c, dash := f.standardStyle(i)
		if dash != nil {
			t.Errorf("%s is dashed with only six standards", code)
		}
		if n := countPixels(img, plot, isColor(c, 8)); n < 800 {
			t.Errorf("%s: %d pixels of its colour", code, n)
		}
	}
}

func TestSLAEndValuesDoNotStack(t *testing.T) {
	// Two standards end on the same 94.8: both values are written, one
	// under the other, in their lines' colours, right of the last points.
	from := data.DateDay(2025, time.January, 1)
	to := data.DateDay(2025, time.December, 31)
	var days []data.SLADay
	for d := from; d <= to; d++ {
		days = append(days, data.SLADay{Day: d, StandardID: 1, Achieved: 948, Breached: 52},
			data.SLADay{Day: d, StandardID: 2, Achieved: 948, Breached: 52})
	}
	series := kpi.SLATrend(days, nil, []data.Standard{{ID: 1, Code: "CHAT-1"}, {ID: 2, Code: "RES-1"}}, kpi.Month, from, to)
	for _, size := range [][2]int{{1200, 600}, {1050, 200}} {
		img := renderPNG(t, SLACompliance(series, Options{Width: size[0], Height: size[1], Labels: complaintLabels("")}))
		// Each value ends right of the (shared) last dot: the colour's
		// rightmost pixels are the value's last digit.
		rowsOf := func(c drawing.Color) (top, bottom int) {
			match := isColor(c, 40)
			right := -1
			for x := size[0] - 1; x > 0 && right < 0; x-- {
				if countPixels(img, image.Rect(x, 0, x+1, size[1]), match) > 0 {
					right = x
				}
			}
			top, bottom = -1, -1
			for y := range size[1] {
				if countPixels(img, image.Rect(right-10, y, right+1, y+1), match) > 0 {
					if top < 0 {
						top = y
					}
					bottom = y
				}
			}
			return top, bottom
		}
		t1, b1 := rowsOf(lightPalette.standards[0])
		t2, b2 := rowsOf(lightPalette.standards[1])
		if t1 < 0 || t2 < 0 || b1-t1 > 14 || b2-t2 > 14 {
			t.Fatalf("%v: end values missing or not text (rows %d..%d, %d..%d)", size, t1, b1, t2, b2)
		}
		if !(b1 < t2 || b2 < t1) {
			t.Errorf("%v: end values overlap: rows %d..%d and %d..%d", size, t1, b1, t2, b2)
		}
	}
}

func TestSpreadLabels(t *testing.T) {
	cases := []struct {
		want             []int
		gap, top, bottom int
		ok               bool
		centres          []int
	}{
		{[]int{100, 300}, 14, 0, 400, true, []int{100, 300}}, // apart: unmoved
		{[]int{100, 100}, 14, 0, 400, true, []int{93, 107}},  // equal: split around the point
		{[]int{395, 398}, 14, 0, 400, true, []int{379, 393}}, // at the bottom: pushed up
		{[]int{5, 5, 5}, 14, 0, 400, true, []int{7, 21, 35}}, // at the top: pushed down
		{[]int{10, 20, 30, 40}, 14, 0, 40, false, nil},       // do not fit
		{[]int{210, 200}, 14, 0, 400, true, []int{212, 198}}, // order kept
	}
	for _, c := range cases {
		got, ok := spreadLabels(c.want, c.gap, c.top, c.bottom)
		if ok != c.ok || !slices.Equal(got, c.centres) {
			t.Errorf("spreadLabels(%v) = %v %v, want %v %v", c.want, got, ok, c.centres, c.ok)
		}
	}
}

func TestLegendWrapsBeforeTruncating(t *testing.T) {
	names := []string{"Доставка", "Качество товара", "Сайт и приложение", "Оплата и счета", "Обслуживание", "Возвраты", "Прочие"}
	layout := func(width int) [][]legendItem {
		f, _ := newFrame(Options{Width: width, Height: 200}.normalized())
		for _, n := range names {
			f.legend = append(f.legend, legendItem{swatchBox, f.pal.series[0], n})
		}
		return f.layoutLegend()
	}
	labels := func(rows [][]legendItem) (out []string) {
		for _, r := range rows {
			for _, it := range r {
				out = append(out, it.label)
			}
		}
		return out
	}
	// The dashboard's width holds all seven in one row, whole.
	if rows := layout(1050); len(rows) != 1 || !slices.Equal(labels(rows), names) {
		t.Errorf("1050 px: %d rows %q", len(rows), labels(rows))
	}
	// Narrower: a second row, names still whole.
	if rows := layout(600); len(rows) != 2 || !slices.Equal(labels(rows), names) {
		t.Errorf("600 px: %d rows %q", len(rows), labels(rows))
	}
	// A button over the top-right corner (the dashboard's export): the
	// first row stops short of it, the names stay whole.
	inset := func(width int) [][]legendItem {
		f, _ := newFrame(Options{Width: width, Height: 200, LegendInset: 140}.normalized())
		for _, n := range names {
			f.legend = append(f.legend, legendItem{swatchBox, f.pal.series[0], n})
		}
		return f.layoutLegend()
	}
	if rows := inset(1050); len(rows) != 2 || !slices.Equal(labels(rows), names) {
		t.Errorf("1050 px with a 140 px inset: %d rows %q, want two, whole", len(rows), labels(rows))
	} else if f, _ := newFrame(Options{Width: 1050, Height: 200}.normalized()); rowWidth(f, rows[0]) > 1050-40-140 {
		t.Errorf("first row %d px wide, runs under the button", rowWidth(f, rows[0]))
	}
	// Too narrow for two rows: shortened, but still two rows.
	rows := layout(300)
	if len(rows) > maxLegendRows || !strings.Contains(strings.Join(labels(rows), ""), "…") {
		t.Errorf("300 px: %d rows %q", len(rows), labels(rows))
	}
	// Rendered: the whole name's last letters are drawn (the header row
	// reaches further right than with the cut name).
	d := complaintData(12, 3)
	d.CategoryNames = demoCategoriesRU
	img := renderPNG(t, ComplaintsByCategory(d, Options{Width: 1050, Height: 200, Labels: complaintLabels("")}))
	right := 0
	for x := 1049; x > 0 && right == 0; x-- {
		if countPixels(img, image.Rect(x, 0, x+1, 40), isDarkText) > 0 {
			right = x
		}
	}
	f, _ := newFrame(Options{Width: 1050, Height: 200}.normalized())
	full := 20
	for _, n := range []string{"Доставка", "Качество товара", "Сайт и приложение", "Оплата и счета", "Обслуживание", "Возвраты", "Прочие"} {
		full += 14 + 6 + f.measure(n, legendSize) + 22
	}
	if right < full-22-40 {
		t.Errorf("legend text ends at x=%d, whole names end near %d", right, full-22)
	}
}

func TestDashboardSizeAxesStayReadable(t *testing.T) {
	d := complaintData(24, 9)
	d.CategoryNames = demoCategoriesRU
	for _, k := range ComplaintKinds {
		c, _ := BuildComplaints(k, d, Options{Width: 1050, Height: 200, Labels: complaintLabels("")})
		ticks := c.graph.YAxisSecondary.Ticks
		// The plot is about 110 px high: at most four labels, 28 px apart.
		if len(ticks) < 2 || len(ticks) > 4 || ticks[0].Value != 0 {
			t.Errorf("%s at 1050x200: ticks %v", k, ticks)
		}
		if k == KindSLA || k == KindComplaintsPareto {
			if ticks[len(ticks)-1].Value != 100 {
				t.Errorf("%s: percent axis ends at %v", k, ticks[len(ticks)-1].Value)
			}
		}
		full, _ := BuildComplaints(k, d, Options{Labels: complaintLabels("Жалобы")})
		if n := len(full.graph.YAxisSecondary.Ticks); n < 5 {
			t.Errorf("%s at 1200x600: only %d ticks", k, n)
		}
	}
}

func TestParetoCountsKeepOffTheCumulativeLine(t *testing.T) {
	d := complaintData(24, 10)
	d.CategoryNames = demoCategoriesRU
	for _, size := range [][2]int{{1200, 600}, {1050, 200}} {
		c := ComplaintsPareto(d, Options{Width: size[0], Height: size[1], Labels: complaintLabels("")})
		img := renderPNG(t, c)
		b := img.Bounds()
		// Bars: runs of the bar colour along a row just above the axis.
		blue := isColor(lightPalette.series[0], 6)
		barRow := b.Dy() - 1
		for barRow > 0 && countPixels(img, image.Rect(0, barRow, b.Dx(), barRow+1), blue) < 50 {
			barRow--
		}
		barRow -= 2
		// Counts are looked for below the header (legend and subtitle).
		f, _ := newFrame(c.opt)
		f.legend = make([]legendItem, 2)
		f.layoutHeader()
		var bars [][2]int
		for x := 0; x < b.Dx(); x++ {
			if countPixels(img, image.Rect(x, barRow, x+1, barRow+1), blue) == 0 {
				continue
			}
			// White counts inside a bar split its run: join short gaps.
			if len(bars) > 0 && bars[len(bars)-1][1] >= x-12 {
				bars[len(bars)-1][1] = x
			} else {
				bars = append(bars, [2]int{x, x})
			}
		}
		if len(bars) != len(c.Table())-1 {
			t.Fatalf("%v: %d bars found on row %d", size, len(bars), barRow)
		}
		orange := isColor(lightPalette.target, 30)
		for i, bar := range bars {
			// The count's digits: dark text, or white text with the bar all
			// round, in the bar's columns; lone pixels (a dot's edge on the
			// bar) are not text.
			column := image.Rect(bar[0], f.headerHeight, bar[1]+1, barRow)
			nearBlue := func(x, y, dx, dy int) bool {
				return countPixels(img, image.Rect(x+min(dx, 0)*8, y+min(dy, 0)*8, x+max(dx, 0)*8+1, y+max(dy, 0)*8+1), blue) > 0
			}
			text := map[image.Point]bool{}
			for y := column.Min.Y; y < column.Max.Y; y++ {
				for x := column.Min.X; x < column.Max.X; x++ {
					p := img.At(x, y)
					white := luma(p) > 235 && nearBlue(x, y, -1, 0) && nearBlue(x, y, 1, 0) && nearBlue(x, y, 0, -1) && nearBlue(x, y, 0, 1)
					if isDarkText(p) || white {
						text[image.Pt(x, y)] = true
					}
				}
			}
			box := image.Rectangle{}
			for p := range text {
				if text[p.Add(image.Pt(1, 0))] || text[p.Add(image.Pt(-1, 0))] || text[p.Add(image.Pt(0, 1))] || text[p.Add(image.Pt(0, -1))] {
					box = box.Union(image.Rect(p.X, p.Y, p.X+1, p.Y+1))
				}
			}
			if box.Empty() {
				t.Errorf("%v: bar %d has no count", size, i)
				continue
			}
			if n := countPixels(img, box, orange); n > 0 {
				t.Errorf("%v: bar %d: the cumulative line crosses its count (%d px in %v)", size, i, n, box)
			}
		}
	}
}

func TestParetoNamesWrapInsteadOfCut(t *testing.T) {
	f, _ := newFrame(Options{}.normalized())
	if got := f.wrapLabel("Сайт и приложение", 400); !slices.Equal(got, []string{"Сайт и приложение"}) {
		t.Errorf("wide slot: %q", got)
	}
	narrow := f.measure("приложение", axisSize) + 4
	if got := f.wrapLabel("Сайт и приложение", narrow); !slices.Equal(got, []string{"Сайт и", "приложение"}) {
		t.Errorf("narrow slot: %q", got)
	}
	if got := f.wrapLabel("Обслуживание клиентов по телефону", narrow); len(got) != 2 || !strings.HasSuffix(got[1], "…") {
		t.Errorf("three lines' worth: %q", got)
	}
	if got := f.wrapLabel("", narrow); !slices.Equal(got, []string{""}) {
		t.Errorf("empty: %q", got)
	}
}

func TestPartialPeriodsAreFaded(t *testing.T) {
	// The demo's range starts on 28 November: November has three days of
	// complaints and must not read as a collapse next to full months.
	// Here January has 17 days and two categories share the months.
	from := data.DateDay(2024, time.January, 15)
	to := data.DateDay(2024, time.June, 30)
	var days []data.ComplaintDay
	for day := from; day <= to; day++ {
		for _, seg := range []string{"1", "2"} {
			days = append(days, data.ComplaintDay{Day: day, Segment: seg, Opened: 10, Negative: 10, Resolutions: 8})
		}
	}
	opt := kpi.ComplaintOptions{By: kpi.Month, From: from, To: to}
	cats := kpi.ComplaintTrend(kpi.ComplaintInput{Days: days}, opt)
	var all []data.ComplaintDay
	for _, c := range days {
		c.Segment = ""
		all = append(all, c)
	}
	overall := kpi.OverallComplaints(kpi.ComplaintTrend(kpi.ComplaintInput{Days: all, Backlog: map[string]int64{"": 5}}, opt), kpi.Month)
	if !partial(overall.Periods[0]) || partial(overall.Periods[1]) {
		t.Fatalf("January (3 days) partial %v, February partial %v", partial(overall.Periods[0]), partial(overall.Periods[1]))
	}
	l := complaintLabels("")
	l.Partial = "Неполный период"
	full := isColor(lightPalette.series[0], 6)
	tinted := func(c color.Color) bool { return saturation(c) > 40 }
	cd := ComplaintData{Overall: overall, Categories: cats, CategoryNames: demoCategoriesRU}
	img := renderPNG(t, ComplaintsByCategory(cd, Options{Labels: l}))
	// Six months across the plot: January is the first sixth.
	jan := image.Rect(plot.Min.X, plot.Min.Y, plot.Min.X+plot.Dx()/6, plot.Max.Y)
	feb := image.Rect(plot.Min.X+plot.Dx()/6, plot.Min.Y, plot.Min.X+plot.Dx()/3, plot.Max.Y)
	if n, m := countPixels(img, jan, full), countPixels(img, jan, tinted); n > 0 || m < 1000 {
		t.Errorf("January: %d full-colour and %d tinted pixels, want faded bars only", n, m)
	}
	if n := countPixels(img, feb, full); n < 1000 {
		t.Errorf("February: %d full-colour pixels, want a whole bar", n)
	}
	// The legend explains the faded bars, only when there are some.
	hasPartial := func(d ComplaintData) bool {
		f, _ := newFrame(Options{Labels: l}.normalized())
		f.partialLegend(d.Overall.Periods)
		return len(f.legend) == 1 && f.legend[0].label == "Неполный период"
	}
	whole := complaintData(6, 11)
	if !hasPartial(cd) || hasPartial(whole) {
		t.Errorf("partial legend: with a partial month %v, with whole months %v", hasPartial(cd), hasPartial(whole))
	}
	flow := renderPNG(t, ComplaintsFlow(overall, Options{Labels: l}))
	if n := countPixels(flow, jan, isColor(lightPalette.opened, 6)); n > 0 {
		t.Errorf("flow: January's opened bar in full colour (%d px)", n)
	}
}

// rowWidth is the width a legend row takes, as layoutLegend counts it.
func rowWidth(f *frame, row []legendItem) int {
	w := 0
	for i, it := range row {
		if i > 0 {
			w += f.opt.px(22)
		}
		w += f.opt.px(swatchWidth(it.kind)) + f.opt.px(6) + f.measure(it.label, legendSize)
	}
	return w
}
