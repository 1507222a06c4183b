package charts

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
)

func renderPNG(t testing.TB, c *Chart) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if err := c.PNG(&buf); err != nil {
		t.Fatalf("PNG: %v", err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	return img
}

func luma(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 257
}

// countPixels counts pixels in rect for which keep is true. Decoded PNGs
// are read through their pixel slices: At per pixel is slow under -race.
func countPixels(img image.Image, rect image.Rectangle, keep func(color.Color) bool) int {
	n := 0
	rect = rect.Intersect(img.Bounds())
	at := img.At
	switch m := img.(type) {
	case *image.RGBA:
		at = func(x, y int) color.Color { return m.RGBAAt(x, y) }
	case *image.NRGBA:
		at = func(x, y int) color.Color { return m.NRGBAAt(x, y) }
	}
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			if keep(at(x, y)) {
				n++
			}
		}
	}
	return n
}

func saturation(c color.Color) uint32 {
	r, g, b, _ := c.RGBA()
	return (max(r, g, b) - min(r, g, b)) >> 8
}

// isDarkText matches the near-black, unsaturated text colour (not the
// coloured legend swatches).
func isDarkText(c color.Color) bool { return luma(c) < 110 && saturation(c) < 30 }

// isBlue matches the NPS line, dots and band (blue clearly above red).
func isBlue(c color.Color) bool {
	r, _, b, _ := c.RGBA()
	return int(b>>8)-int(r>>8) > 25
}

// seriesOf builds a monthly series from per-month score counts (nil = a
// month without responses), through the real kpi.Trend.
func seriesOf(months ...*data.ScoreCounts) kpi.Series {
	start := data.DateDay(2025, time.January, 1)
	end := data.DateDay(2025, time.Month(1+len(months)), 1) - 1
	var days []data.DayScores
	for i, m := range months {
		if m != nil {
			days = append(days, data.DayScores{Day: data.DateDay(2025, time.Month(1+i), 10), ScoreCounts: *m})
		}
	}
	if len(days) == 0 {
		return kpi.Series{By: kpi.Month}
	}
	return kpi.Overall(kpi.Trend(days, kpi.Month, start, end), kpi.Month)
}

func counts(det, pas, pro int64) *data.ScoreCounts {
	var c data.ScoreCounts
	c.Scores[3], c.Scores[8], c.Scores[10] = det, pas, pro
	return &c
}

func TestPNGSizeHonoursWidthHeightScale(t *testing.T) {
	s := monthlySeries(24, 1)
	for _, tc := range []struct {
		o          Options
		wantW, wTH int
	}{
		{Options{}, 1200, 600},
		{Options{Width: 800, Height: 400}, 800, 400},
		{Options{Scale: 2}, 2400, 1200},
		{Options{Width: 640, Height: 360, Scale: 3}, 1920, 1080},
	} {
		k := Kinds[(tc.wantW+tc.wTH)%len(Kinds)] // vary the kind, keep the test quick
		c, err := Build(k, s, tc.o)
		if err != nil {
			t.Fatal(err)
		}
		b := renderPNG(t, c).Bounds()
		if b.Dx() != tc.wantW || b.Dy() != tc.wTH {
			t.Errorf("%s %+v: got %dx%d, want %dx%d", k, tc.o, b.Dx(), b.Dy(), tc.wantW, tc.wTH)
		}
	}
}

// The PNG writer is our own (Up filter): what image/png decodes must be
// exactly the rendered image, opaque.
func TestPNGMatchesImage(t *testing.T) {
	for _, dark := range []bool{false, true} {
		c := NPSComposition(monthlySeries(24, 2), Options{Width: 700, Height: 350, Labels: russianLabels(), Dark: dark})
		want, err := c.Image()
		if err != nil {
			t.Fatal(err)
		}
		got := renderPNG(t, c)
		if got.Bounds() != want.Bounds() {
			t.Fatalf("bounds %v, want %v", got.Bounds(), want.Bounds())
		}
		w := want.(*image.RGBA)
		for y := 0; y < w.Rect.Dy(); y++ {
			for x := 0; x < w.Rect.Dx(); x++ {
				r1, g1, b1, a1 := got.At(x, y).RGBA()
				p := w.RGBAAt(x, y)
				if p.A != 255 || a1 != 0xffff || uint8(r1>>8) != p.R || uint8(g1>>8) != p.G || uint8(b1>>8) != p.B {
					t.Fatalf("pixel %d,%d: png %v, image %v", x, y, got.At(x, y), p)
				}
			}
		}
	}
}

// Scale doubles pixels but keeps the layout: the title sits at the same
// relative place, so dark pixels in the title band scale by about four.
func TestScaleKeepsLayout(t *testing.T) {
	s := monthlySeries(24, 1)
	l := russianLabels()
	one := renderPNG(t, NPSTrend(s, Options{Labels: l}))
	two := renderPNG(t, NPSTrend(s, Options{Labels: l, Scale: 2}))
	a := countPixels(one, image.Rect(0, 0, 1200, 45), isDarkText)
	b := countPixels(two, image.Rect(0, 0, 2400, 90), isDarkText)
	if a == 0 || math.Abs(float64(b)/float64(a)-4) > 1 {
		t.Fatalf("title dark pixels: scale 1 %d, scale 2 %d (want about 4x)", a, b)
	}
}

func TestCyrillicLabelsAreDrawn(t *testing.T) {
	s := monthlySeries(24, 1)
	titleArea := image.Rect(15, 10, 600, 42)
	for _, k := range Kinds {
		withText, err := Build(k, s, Options{Labels: russianLabels()})
		if err != nil {
			t.Fatal(err)
		}
		noText, _ := Build(k, s, Options{})
		ru := countPixels(renderPNG(t, withText), titleArea, isDarkText)
		none := countPixels(renderPNG(t, noText), titleArea, isDarkText)
		if ru < 1500 || none != 0 {
			t.Errorf("%s: dark pixels in the title area: Russian %d (want many), no title %d (want 0)", k, ru, none)
		}
	}
}

func TestEmptyDataRendersMessage(t *testing.T) {
	empties := map[Kind]kpi.Series{
		KindNPSTrend:        seriesOf(nil, nil, nil),
		KindNPSComposition:  {},
		KindNPSDistribution: {},
	}
	for k, s := range empties {
		c, err := Build(k, s, Options{Labels: russianLabels()})
		if err != nil {
			t.Fatal(err)
		}
		if !c.Empty() {
			t.Fatalf("%s: Empty() = false for a series without responses", k)
		}
		img := renderPNG(t, c)
		centre := image.Rect(350, 270, 850, 330)
		if n := countPixels(img, centre, func(c color.Color) bool { return luma(c) < 200 }); n < 300 {
			t.Errorf("%s: the centred message is missing (%d text pixels)", k, n)
		}
		blank, _ := Build(k, s, Options{})
		if n := countPixels(renderPNG(t, blank), blank.bounds(), func(c color.Color) bool { return luma(c) < 250 }); n != 0 {
			t.Errorf("%s: an empty chart without labels drew %d pixels", k, n)
		}
		var svg bytes.Buffer
		if err := c.SVG(&svg); err != nil || !strings.Contains(svg.String(), "Нет ответов за этот период") {
			t.Errorf("%s: SVG of the empty chart lacks the message (err %v)", k, err)
		}
	}
}

func (c *Chart) bounds() image.Rectangle {
	w, h := c.Size()
	return image.Rect(0, 0, w, h)
}

func TestSinglePeriodLooksIntentional(t *testing.T) {
	s := seriesOf(counts(10, 20, 40))
	for _, k := range Kinds {
		c, err := Build(k, s, Options{Labels: russianLabels()})
		if err != nil {
			t.Fatal(err)
		}
		if c.Empty() {
			t.Fatalf("%s: one period reported empty", k)
		}
		img := renderPNG(t, c)
		marks := countPixels(img, image.Rect(60, 100, 1180, 570), func(c color.Color) bool {
			return saturation(c) > 40 || isBlue(c) // data, not axes or text
		})
		if marks < 400 {
			t.Errorf("%s: a single period drew only %d coloured pixels", k, marks)
		}
	}
	// The trend shows the interval as an error bar: blue pixels well above
	// and below the point, in one narrow column.
	img := renderPNG(t, NPSTrend(s, Options{}))
	p := s.Periods[0]
	if p.High-p.Low < 20 {
		t.Fatalf("fixture interval too narrow: %v..%v", p.Low, p.High)
	}
	column := image.Rect(560, 100, 680, 570)
	rows := map[int]bool{}
	for y := column.Min.Y; y < column.Max.Y; y++ {
		for x := column.Min.X; x < column.Max.X; x++ {
			if isBlue(img.At(x, y)) {
				rows[y] = true
			}
		}
	}
	if len(rows) < 40 {
		t.Fatalf("error bar spans %d rows, want a visible vertical bar", len(rows))
	}
}

func TestTrendGapIsNotBridged(t *testing.T) {
	s := seriesOf(counts(10, 20, 40), nil, counts(30, 20, 20))
	img := renderPNG(t, NPSTrend(s, Options{Width: 1200, Height: 600}))
	// The middle third of the plot is the month without responses.
	if n := countPixels(img, image.Rect(560, 100, 640, 570), isBlue); n != 0 {
		t.Fatalf("%d blue pixels in the gap: line or band bridged an empty period", n)
	}
	if n := countPixels(img, image.Rect(60, 100, 400, 570), isBlue); n == 0 {
		t.Fatal("no blue pixels for the first period")
	}
}

func TestThinPeriodsHaveHollowMarker(t *testing.T) {
	s := seriesOf(counts(100, 100, 200), counts(2, 3, 5), counts(100, 100, 200))
	if !s.Periods[1].Thin || s.Periods[0].Thin {
		t.Fatal("fixture: want only the middle month thin")
	}
	img := renderPNG(t, NPSTrend(s, Options{Labels: Labels{Thin: "n < 30"}}))
	// Find the middle dot: the centre of the hollow marker is background.
	found := false
	for y := 100; y < 570 && !found; y++ {
		for x := 560; x < 660; x++ {
			c := img.At(x, y)
			grey := saturation(c) < 12 && luma(c) > 110 && luma(c) < 170
			if grey {
				found = true
				break
			}
		}
	}
	if !found {
		t.Fatal("no grey marker for the thin month")
	}
}

func TestAxesAreFixedAndStartAtZero(t *testing.T) {
	s := monthlySeries(24, 1)
	trend := NPSTrend(s, Options{})
	ticks := trend.graph.YAxisSecondary.Ticks
	if ticks[0].Value != -100 || ticks[len(ticks)-1].Value != 100 || ticks[0].Label != "−100" {
		t.Fatalf("NPS axis ticks %v, want −100..100", ticks)
	}
	for _, tk := range ticks {
		if math.Mod(tk.Value, 25) != 0 {
			t.Fatalf("NPS tick %v is not round", tk.Value)
		}
	}
	comp := NPSComposition(s, Options{}).graph.YAxisSecondary.Ticks
	if comp[0].Value != 0 || comp[len(comp)-1].Value != 100 {
		t.Fatalf("composition ticks %v, want 0..100", comp)
	}
	dist := NPSDistribution(s.Total, Options{}).graph.YAxisSecondary.Ticks
	var most int64
	for _, n := range s.Total.Scores {
		most = max(most, n)
	}
	if dist[0].Value != 0 || dist[len(dist)-1].Value < float64(most) {
		t.Fatalf("distribution ticks %v, want 0..≥%d", dist, most)
	}
}

func TestManyPeriodsThinLabelsAndTruncate(t *testing.T) {
	s := monthlySeries(24, 3)
	long := strings.Repeat("очень длинная подпись периода ", 20)
	for i := range s.Periods {
		s.Periods[i].Period.Label = long
	}
	done := make(chan *Chart)
	go func() {
		c := NPSComposition(s, Options{Labels: Labels{Title: long, Subtitle: long, Promoters: long}})
		renderPNG(t, c)
		done <- c
	}()
	select {
	case c := <-done:
		labelled := 0
		for _, tk := range c.graph.XAxis.Ticks {
			if tk.Label != "" {
				labelled++
				if n := len([]rune(tk.Label)); n > maxTickRunes {
					t.Errorf("tick label of %d runes not truncated", n)
				}
			}
		}
		if labelled == 0 || labelled >= len(s.Periods) {
			t.Errorf("%d of %d period labels shown, want them thinned", labelled, len(s.Periods))
		}
	case <-time.After(20 * time.Second):
		t.Fatal("rendering long labels hung")
	}
	if got := truncate("Удовлетворённость", 8); got != "Удовлет…" {
		t.Errorf("truncate = %q", got)
	}
}

func TestSVGIsValidXMLWithTitle(t *testing.T) {
	s := monthlySeries(24, 1)
	target := 40.0
	for _, k := range Kinds {
		c, _ := Build(k, s, Options{Labels: russianLabels(), Target: &target, Scale: 2})
		var buf bytes.Buffer
		if err := c.SVG(&buf); err != nil {
			t.Fatal(err)
		}
		doc := buf.String()
		if !strings.HasPrefix(doc, "<svg ") || !strings.Contains(doc, `width="2400" height="1200"`) {
			t.Fatalf("%s: SVG header %.120q", k, doc)
		}
		if !strings.Contains(doc, "Индекс потребительской лояльности") {
			t.Errorf("%s: SVG lacks the title text", k)
		}
		dec := xml.NewDecoder(&buf)
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: SVG is not well-formed XML: %v", k, err)
			}
		}
	}
}

func TestDarkVariantHasDarkBackground(t *testing.T) {
	s := monthlySeries(24, 1)
	for _, k := range Kinds {
		c, _ := Build(k, s, Options{Dark: true, Labels: russianLabels()})
		img := renderPNG(t, c)
		for _, p := range []image.Point{{2, 2}, {1197, 597}, {600, 5}} {
			if l := luma(img.At(p.X, p.Y)); l > 60 {
				t.Errorf("%s: background at %v has luma %.0f, want dark", k, p, l)
			}
		}
		// Title text is light on dark.
		if n := countPixels(img, image.Rect(15, 10, 600, 42), func(c color.Color) bool { return luma(c) > 180 }); n < 1000 {
			t.Errorf("%s: only %d light title pixels on the dark background", k, n)
		}
	}
}

func TestTables(t *testing.T) {
	s := monthlySeries(24, 1)
	l := russianLabels()
	trend := NPSTrend(s, Options{Labels: l}).Table()
	if len(trend) != len(s.Periods)+1 || trend[0][0] != "Период" {
		t.Fatalf("trend table: %d rows, header %v", len(trend), trend[0])
	}
	for i, p := range s.Periods {
		row := trend[i+1]
		if row[0] != p.Period.Label || row[1] != data.FormatInt(l.Lang, p.N) {
			t.Fatalf("trend row %d = %v", i, row)
		}
		if p.N == 0 {
			if row[2] != "" {
				t.Fatalf("empty period shows NPS %q", row[2])
			}
			continue
		}
		// Russian numbers: "−16,6".
		plain := strings.NewReplacer("−", "-", ",", ".").Replace(row[2])
		if got, _ := strconv.ParseFloat(plain, 64); math.Abs(got-p.NPS) > 0.051 {
			t.Fatalf("row %d NPS %q, want %.2f", i, row[2], p.NPS)
		}
	}
	thin := slices.ContainsFunc(s.Periods, func(p kpi.NPSStat) bool { return p.N > 0 && p.Thin })
	if got := slices.Contains(trend[0], l.Thin); got != thin {
		t.Errorf("trend table has the thin-sample column %v, some period thin %v", got, thin)
	}
	solid := s
	solid.Periods = slices.Clone(s.Periods)
	for i := range solid.Periods {
		solid.Periods[i].Thin = false
	}
	if head := NPSTrend(solid, Options{Labels: l}).Table()[0]; len(head) != 5 {
		t.Errorf("no thin period, yet the trend table's columns are %q", head)
	}
	comp := NPSComposition(s, Options{Labels: l}).Table()
	for _, row := range comp[1:] {
		if row[1] == "0" {
			continue
		}
		sum := 0.0
		for _, v := range row[2:5] {
			f, _ := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
			sum += f
		}
		if math.Abs(sum-100) > 0.2 {
			t.Fatalf("composition shares of %v sum to %.1f", row, sum)
		}
	}
	dist := NPSDistribution(s.Total, Options{Labels: l}).Table()
	if len(dist) != 12 || dist[0][0] != "Оценка" || dist[11][0] != "10" {
		t.Fatalf("distribution table %v", dist)
	}
	// Table returns a copy.
	trend[1][0] = "changed"
	if NPSTrend(s, Options{Labels: l}).Table()[1][0] == "changed" {
		t.Fatal("Table exposes internal state")
	}
}

func TestBuildUnknownKind(t *testing.T) {
	if _, err := Build("pie", kpi.Series{}, Options{}); err == nil || !strings.Contains(err.Error(), "pie") {
		t.Fatalf("Build(pie) error = %v", err)
	}
}

func TestConcurrentRenders(t *testing.T) {
	c := NPSTrend(monthlySeries(24, 1), Options{Labels: russianLabels()})
	want, _ := c.Image()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := c.Image()
			if err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(got.(*image.RGBA).Pix, want.(*image.RGBA).Pix) {
				t.Error("concurrent render differs")
			}
		}()
	}
	wg.Wait()
}

// The distribution of a real survey: 13,954 responses of a French
// garden-centre chain (see shared/data/SOURCES.md).
func TestDistributionOfRealSurvey(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "nps_botanic_fr_13954.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("real data file missing (%v): CI provides ../shared/data beside the checkout", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range header {
		if h == "nps" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no nps column in %v", header)
	}
	var c data.ScoreCounts
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		v, err := strconv.Atoi(strings.TrimSpace(rec[col]))
		if err != nil {
			c.AddScore(data.NoScore)
			continue
		}
		c.AddScore(data.Score(v))
	}
	total := kpi.NPS(c)
	if total.N < 10000 {
		t.Fatalf("only %d scored responses read", total.N)
	}
	ch := NPSDistribution(total, Options{Labels: russianLabels()})
	var sum int64
	for i, row := range ch.Table()[1:] {
		// Russian tables group thousands with a narrow no-break space.
		n, _ := strconv.ParseInt(strings.ReplaceAll(row[1], "\u202f", ""), 10, 64)
		if n != c.Scores[i] {
			t.Fatalf("score %d: table %d, counted %d", i, n, c.Scores[i])
		}
		sum += n
	}
	if sum != total.N {
		t.Fatalf("table sums to %d, want %d", sum, total.N)
	}
	img := renderPNG(t, ch)
	// Bars of all three groups are drawn.
	var red, amber, green int
	countPixels(img, img.Bounds(), func(col color.Color) bool {
		r, g, b, _ := col.RGBA()
		r, g, b = r>>8, g>>8, b>>8
		switch {
		case r > 180 && g < 100 && b < 100:
			red++
		case r > 200 && g > 160 && b < 120:
			amber++
		case g > 130 && r < 80 && b < 120:
			green++
		}
		return false
	})
	if red < 1000 || amber < 1000 || green < 1000 {
		t.Fatalf("group bar pixels: red %d, amber %d, green %d", red, amber, green)
	}
}

func TestSignedWritesNoNegativeZero(t *testing.T) {
	for v, want := range map[float64]string{math.Round(-0.3): "0", -12: "−12", 7: "7"} {
		if got := signed(v); got != want {
			t.Errorf("signed(%v) = %q, want %q", v, got, want)
		}
	}
}
