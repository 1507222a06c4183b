package charts

import (
	"caredesk/data"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// palette holds every colour a chart uses, so the dark variant is one value.
type palette struct {
	background, text, muted, grid, zero, axis drawing.Color
	nps, band, whisker, target, thin          drawing.Color
	detractors, passives, promoters           drawing.Color
	onDetractors, onPassives, onPromoters     drawing.Color // text drawn inside bars
	// Complaint charts: one colour per category or standard (then repeated),
	// "other" in grey, the flow's bars and line.
	series                  []drawing.Color
	standards               []drawing.Color // SLA lines: no amber or orange, which read as the target
	other                   drawing.Color
	opened, resolved, stock drawing.Color
}

func rgb(hex string) drawing.Color { return drawing.ColorFromHex(hex) }

func withAlpha(c drawing.Color, a uint8) drawing.Color { c.A = a; return c }

// Red, amber and green differ in lightness as well as hue so that the
// groups stay apart for red-green colour-blind readers and in greyscale.
var lightPalette = palette{
	background: rgb("ffffff"), text: rgb("1f2328"), muted: rgb("5f6670"),
	grid: rgb("e7e9ec"), zero: rgb("aab0b8"), axis: rgb("9aa0a8"),
	nps: rgb("1f5fbf"), band: withAlpha(rgb("1f5fbf"), 46), whisker: withAlpha(rgb("1f5fbf"), 150),
	target: rgb("d9730d"), thin: rgb("8a9098"),
	detractors: rgb("d64541"), passives: rgb("f2c14e"), promoters: rgb("2e9e5b"),
	onDetractors: rgb("ffffff"), onPassives: rgb("3b3000"), onPromoters: rgb("ffffff"),
	// Okabe-Ito based: told apart with colour-blindness and in print.
	series:    []drawing.Color{rgb("1f5fbf"), rgb("e69f00"), rgb("009e73"), rgb("cc79a7"), rgb("56b4e9"), rgb("d55e00"), rgb("8c6d1f")},
	standards: []drawing.Color{rgb("1f5fbf"), rgb("009e73"), rgb("cc79a7"), rgb("56b4e9"), rgb("8c6d1f"), rgb("6a4c93"), rgb("4a4f57")},
	other:     rgb("b4b9c0"), opened: rgb("d64541"), resolved: rgb("2e9e5b"), stock: rgb("1f2328"),
}

var darkPalette = palette{
	background: rgb("1e1f22"), text: rgb("e9eaec"), muted: rgb("a9aeb6"),
	grid: rgb("34363b"), zero: rgb("6b7078"), axis: rgb("6b7078"),
	nps: rgb("6fa8ff"), band: withAlpha(rgb("6fa8ff"), 56), whisker: withAlpha(rgb("6fa8ff"), 170),
	target: rgb("f5a04a"), thin: rgb("9aa0a8"),
	detractors: rgb("e8625e"), passives: rgb("e3b448"), promoters: rgb("45b872"),
	onDetractors: rgb("ffffff"), onPassives: rgb("2b2300"), onPromoters: rgb("0f2a19"),
	series:    []drawing.Color{rgb("6fa8ff"), rgb("f0b429"), rgb("3cc59a"), rgb("e59ac8"), rgb("7cc8f2"), rgb("f0773a"), rgb("c9a75a")},
	standards: []drawing.Color{rgb("6fa8ff"), rgb("3cc59a"), rgb("e59ac8"), rgb("7cc8f2"), rgb("c9a75a"), rgb("b89ae6"), rgb("c4c8ce")},
	other:     rgb("6b7078"), opened: rgb("e8625e"), resolved: rgb("45b872"), stock: rgb("e9eaec"),
}

// Font sizes in points; go-chart draws 1pt as 1.5px at 96 DPI (scale 1),
// so the axis text is 13.5px and the title 21px.
const (
	baseDPI       = 96.0
	titleSize     = 14.0
	subtitleSize  = 9.5
	axisSize      = 9.0
	legendSize    = 9.5
	valueSize     = 8.5
	emptySize     = 12.0
	maxTitleRunes = 90
	maxTickRunes  = 12
	maxLegendRune = 32
)

// truncate shortens s to at most n runes, ending in an ellipsis: go-chart
// measures and wraps whole strings, and very long labels once hung it.
func truncate(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// signed formats an axis value with a true minus sign.
func signed(v float64) string {
	if v == 0 {
		return "0" // math.Round(-0.3) is negative zero, which FormatFloat writes "-0"
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if v < 0 {
		return "−" + s[1:]
	}
	return s
}

// fixed1 formats a table number with one decimal in the labels' language
// ("" for NaN).
func (l Labels) fixed1(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return data.FormatNumber(l.Lang, v, 1)
}

// count formats a count in the labels' language (1,234 or 1 234).
func (l Labels) count(n int64) string { return data.FormatInt(l.Lang, n) }

// share is part/whole as a percentage (0 when whole is 0).
func share(part, whole int64) float64 {
	if whole == 0 {
		return 0
	}
	return 100 * float64(part) / float64(whole)
}

// niceCountTicks returns ticks 0..top for a count axis with whole steps,
// at most steps intervals.
func niceCountTicks(most int64, steps int) []float64 { return niceTicks(float64(most), true, steps) }

// niceTicks returns ticks 0..top with a 1-2-2.5-5 step for a value axis,
// leaving headroom above most for labels; whole steps only when whole. It
// makes at most steps intervals (up to five): a short plot gets fewer, so
// the tick labels stay apart.
func niceTicks(most float64, whole bool, steps int) []float64 {
	if !(most > 0) || math.IsInf(most, 0) {
		most = 1
	}
	target := most * 1.1
	raw := target / float64(min(5, max(steps, 1)))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if whole {
		step = math.Max(1, math.Round(step))
	}
	top := math.Ceil(target/step-1e-9) * step
	ticks := make([]float64, 0, int(top/step)+1)
	for i := 0; float64(i)*step <= top+step/2; i++ {
		ticks = append(ticks, float64(i)*step)
	}
	return ticks
}
