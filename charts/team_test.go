package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"io"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"caredesk/data"
)

func TestTeamChartsRenderWithCyrillicLabels(t *testing.T) {
	d := teamData()
	for _, k := range TeamKinds {
		c, err := BuildTeam(k, d, Options{Labels: teamLabels("Команда и обучение: " + string(k))})
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
		l := teamLabels("")
		l.Subtitle = ""
		untitled, _ := BuildTeam(k, d, Options{Labels: l})
		titleArea := image.Rect(15, 10, 600, 42)
		ru := countPixels(img, titleArea, isDarkText)
		none := countPixels(renderPNG(t, untitled), titleArea, isDarkText)
		if ru < 1500 || ru < none+1000 {
			t.Errorf("%s: title pixels Russian %d (want many), none %d", k, ru, none)
		}
		if n := countPixels(img, image.Rect(20, 100, 1190, 590), func(c color.Color) bool { return saturation(c) > 60 }); n < 2000 {
			t.Errorf("%s: only %d coloured pixels", k, n)
		}
		var svg bytes.Buffer
		if err := c.SVG(&svg); err != nil {
			t.Fatalf("%s: SVG: %v", k, err)
		}
		if !strings.Contains(svg.String(), "Команда и обучение") {
			t.Errorf("%s: SVG lacks the title", k)
		}
		dec := xml.NewDecoder(&svg)
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: SVG is not well-formed: %v", k, err)
			}
		}
		dark, _ := BuildTeam(k, d, Options{Dark: true})
		if l := luma(renderPNG(t, dark).At(3, 3)); l > 60 {
			t.Errorf("%s: dark background luma %.0f", k, l)
		}
		if len(c.Table()) < 2 {
			t.Errorf("%s: table has no rows: %v", k, c.Table())
		}
	}
}

func TestTeamChartsEmptyRenderMessage(t *testing.T) {
	empties := map[Kind]TeamData{
		KindTrainingPlan:       {Timeline: TimelineData{Rows: []TimelineRow{{Label: "Анна"}}, Today: teamToday}},
		KindTrainingCompletion: {Completion: CompletionData{Months: []CompletionMonth{{Label: "янв 2025"}}}},
		KindSkillsMatrix:       {Skills: SkillsMatrixData{Employees: []string{"Анна"}}},
		KindScorecard:          {Scorecard: ScorecardData{Metrics: []ScorecardMetric{{Label: "NPS", Agent: math.NaN(), Team: math.NaN()}}}},
		KindTrainingBudget:     {Budget: TrainingBudgetData{Quarters: []BudgetQuarter{{Label: "I кв."}}}},
	}
	for k, d := range empties {
		for _, data := range []TeamData{{}, d} {
			c, err := BuildTeam(k, data, Options{Labels: teamLabels("Пусто")})
			if err != nil {
				t.Fatal(err)
			}
			if !c.Empty() {
				t.Fatalf("%s: Empty() = false for %+v", k, data)
			}
			img := renderPNG(t, c)
			if n := countPixels(img, image.Rect(350, 270, 850, 330), func(c color.Color) bool { return luma(c) < 200 }); n < 300 {
				t.Errorf("%s: the centred message is missing (%d text pixels)", k, n)
			}
			var svg bytes.Buffer
			if err := c.SVG(&svg); err != nil || !strings.Contains(svg.String(), "Нет данных за этот период") {
				t.Errorf("%s: SVG of the empty chart lacks the message (err %v)", k, err)
			}
		}
	}
}

// pixelAt reads a pixel of a rendered chart.
func pixelAt(img image.Image, x, y int) color.Color { return img.At(x, y) }

// timelineCase: a done item, an overdue item in progress, an overdue item
// never started, and an employee with nothing planned.
func timelineCase() TimelineData {
	day := func(m time.Month, d int) data.Day { return data.DateDay(2025, m, d) }
	return TimelineData{Today: teamToday, Rows: []TimelineRow{
		{Label: "Анна", Bars: []TimelineBar{{Label: "Переписка", PlannedStart: day(3, 1), PlannedEnd: day(3, 20),
			ActualStart: day(3, 3), ActualEnd: day(3, 18), Status: data.TrainingDone}}},
		{Label: "Борис", Bars: []TimelineBar{{Label: "Тарифы", PlannedStart: day(4, 1), PlannedEnd: day(4, 30),
			ActualStart: day(4, 5), Status: data.TrainingInProgress, Overdue: true}}},
		{Label: "Вера", Bars: []TimelineBar{{Label: "CRM", PlannedStart: day(5, 1), PlannedEnd: day(5, 20),
			Status: data.TrainingPlanned, Overdue: true}}},
		{Label: "Григорий"},
		{Label: "Дарья", Bars: []TimelineBar{{Label: "Эмпатия", PlannedStart: day(8, 1), PlannedEnd: day(8, 31),
			Status: data.TrainingPlanned}}},
	}}
}

func TestTimelineTodayLineOverdueRedAndStatusColours(t *testing.T) {
	d := timelineCase()
	o := Options{Labels: teamLabels("План обучения")}.normalized()
	c := TrainingTimeline(d, o)
	img := renderPNG(t, c)
	_, g, ok := timelineGeometry(d, o)
	if !ok {
		t.Fatal("no layout")
	}
	mid := func(row int) int { y0, y1 := g.rows.band(row); return (y0 + y1) / 2 }
	day := func(m time.Month, dd int) int { return g.x(data.DateDay(2025, m, dd)) + 2 }
	pal := lightPalette
	// The today line crosses the empty row.
	x := g.todayX(d.Today)
	if !isColor(pal.target, 8)(pixelAt(img, x, mid(3))) && !isColor(pal.target, 8)(pixelAt(img, x-1, mid(3))) {
		t.Errorf("today line: pixel at x=%d is %v, want %v", x, pixelAt(img, x, mid(3)), pal.target)
	}
	// Well away from today, the empty row is not the today colour.
	if isColor(pal.target, 40)(pixelAt(img, day(2, 10), mid(3))) {
		t.Error("the today colour appears away from today")
	}
	checks := []struct {
		name string
		x, y int
		want color.Color
	}{
		{"done actual bar", day(3, 10), mid(0), pal.promoters},
		{"overdue running bar", day(5, 15), mid(1), pal.detractors},
		{"overdue not started: late stretch", day(6, 1), mid(2), pal.detractors},
	}
	for _, ch := range checks {
		if got := pixelAt(img, ch.x, ch.y); !isColor(ch.want, 6)(got) {
			t.Errorf("%s: pixel %v, want %v", ch.name, got, ch.want)
		}
	}
	// A planned item ahead is a light (planned) bar: violet tinted, not solid.
	got := pixelAt(img, day(8, 15), mid(4))
	if isColor(pal.standards[5], 6)(got) || saturation(got) < 15 {
		t.Errorf("planned bar: pixel %v, want a light violet", got)
	}
	// The same overdue item, had it been on time, would be blue, not red.
	d.Rows[1].Bars[0].Overdue = false
	if got := pixelAt(renderPNG(t, TrainingTimeline(d, o)), day(5, 15), mid(1)); !isColor(pal.nps, 6)(got) {
		t.Errorf("running bar on time: pixel %v, want %v", got, pal.nps)
	}
	table := c.Table()
	if len(table) != 5 || !strings.Contains(table[2][6], "Просрочено") || table[1][4] != "03.03.2025" {
		t.Errorf("table: %v", table)
	}
}

func TestTimelineOneItemAndClip(t *testing.T) {
	one := TimelineData{Today: teamToday, Rows: []TimelineRow{{Label: "Анна", Bars: []TimelineBar{
		{PlannedStart: teamToday, PlannedEnd: teamToday, Status: data.TrainingPlanned}}}}}
	c := TrainingTimeline(one, Options{Labels: teamLabels("Один")})
	if c.Empty() {
		t.Fatal("one item reported empty")
	}
	img := renderPNG(t, c)
	if n := countPixels(img, image.Rect(20, 100, 1190, 590), func(c color.Color) bool { return saturation(c) > 20 }); n < 200 {
		t.Errorf("one item drew %d coloured pixels", n)
	}
	// A range that misses every item is empty, not a crash.
	one.From, one.To = data.DateDay(2030, 1, 1), data.DateDay(2030, 1, 31)
	if c := TrainingTimeline(one, Options{}); c.Empty() {
		renderPNG(t, c)
	}
	one.From, one.To = data.DateDay(2030, 2, 1), data.DateDay(2030, 1, 1)
	if c := TrainingTimeline(one, Options{}); !c.Empty() {
		t.Error("a reversed range is not empty")
	}
}

// 500 employees in 600 pixels: rows compress and labels thin out, the
// bars still show; at TimelineHeight every row has its label.
func TestTimelineLargeTeamCompressesOrGrows(t *testing.T) {
	d := timelineData(500, 10000, 2)
	o := Options{Labels: teamLabels("План обучения")}.normalized()
	_, g, _ := timelineGeometry(d, o)
	if g.step < 10 {
		t.Errorf("label step %d for 500 rows in %dpx", g.step, g.plot.Dy())
	}
	img := renderPNG(t, TrainingTimeline(d, o))
	if n := countPixels(img, g.plot, func(c color.Color) bool { return saturation(c) > 60 }); n < g.plot.Dx()*g.plot.Dy()/4 {
		t.Errorf("compressed bars cover only %d pixels", n)
	}
	o.Height = TimelineHeight(500)
	_, g, _ = timelineGeometry(d, o)
	if g.step != 1 || g.rows.height() < 16 {
		t.Errorf("at TimelineHeight: step %d, row %.1fpx", g.step, g.rows.height())
	}
}

func TestSkillsMatrixGapOutlinedAndLevels(t *testing.T) {
	d := SkillsMatrixData{
		Employees: []string{"Анна Смирнова", "Борис Кузнецов"},
		Skills:    []SkillColumn{{"Тарифы", "Продукт"}, {"Переписка", "Коммуникация"}},
		Cells: [][]SkillCell{
			{{Level: 1, Assessed: true, Required: 3}, {Level: 4, Assessed: true, Required: 2}},
			{{Required: 0}, {Level: 2, Assessed: true}},
		},
	}
	o := Options{Labels: teamLabels("Матрица навыков")}.normalized()
	img := renderPNG(t, SkillsMatrix(d, o))
	f, g, ok := skillsGeometry(d, o)
	if !ok || !g.digits {
		t.Fatalf("layout ok=%v digits=%v", ok, g.digits)
	}
	cell := func(i, j int) image.Rectangle {
		x0, x1 := g.col(j)
		y0, y1 := g.rows.band(i)
		return image.Rect(x0, y0, x1-1, y1-1)
	}
	red := isColor(lightPalette.detractors, 6)
	gap, fine := cell(0, 0), cell(0, 1)
	if !red(pixelAt(img, gap.Min.X+1, gap.Min.Y+gap.Dy()/4)) || !red(pixelAt(img, gap.Max.X-2, gap.Max.Y-2)) {
		t.Errorf("gap cell %v is not outlined red", gap)
	}
	if red(pixelAt(img, fine.Min.X+1, fine.Min.Y+fine.Dy()/4)) {
		t.Error("a cell above the required level is outlined")
	}
	// Inside the outline the gap cell keeps its level's colour.
	if got := pixelAt(img, gap.Min.X+8, gap.Min.Y+8); !isColor(f.levelColor(1), 4)(got) {
		t.Errorf("gap cell fill %v, want level 1", got)
	}
	if got := pixelAt(img, fine.Min.X+8, fine.Min.Y+8); !isColor(f.levelColor(4), 4)(got) {
		t.Errorf("level 4 cell fill %v", got)
	}
	if got := pixelAt(img, cell(1, 0).Min.X+8, cell(1, 0).Min.Y+8); !isColor(lightPalette.grid, 4)(got) {
		t.Errorf("not assessed cell fill %v", got)
	}
	// The digit is written in the cell: white text on the dark level 4.
	white := countPixels(img, fine.Inset(4), func(c color.Color) bool { return luma(c) > 200 })
	if white < 10 {
		t.Errorf("level 4 cell has %d white digit pixels", white)
	}
	table := SkillsMatrix(d, o).Table()
	if table[1][1] != "1 < 3" || table[1][2] != "4" || table[2][1] != "–" {
		t.Errorf("table: %v", table)
	}
}

// A team too large to outline cells still marks its gaps.
func TestSkillsMatrixSmallCellsMarkGaps(t *testing.T) {
	d := skillsData(200)
	img := renderPNG(t, SkillsMatrix(d, Options{Labels: teamLabels("Матрица")}))
	if n := countPixels(img, image.Rect(200, 150, 1190, 590), isColor(lightPalette.detractors, 6)); n < 2000 {
		t.Errorf("only %d red gap pixels", n)
	}
}

func TestScorecardColoursByDirection(t *testing.T) {
	green, red := isColor(lightPalette.promoters, 6), isColor(lightPalette.detractors, 6)
	for _, tc := range []struct {
		name        string
		m           ScorecardMetric
		wantGreen   bool
		wantVerdict string
	}{
		{"more handled", ScorecardMetric{Label: "Жалоб решено", Agent: 80, Team: 60}, true, "Лучше команды"},
		{"slower", ScorecardMetric{Label: "Время решения, ч", Agent: 12, Team: 8, LowerIsBetter: true}, false, "Хуже команды"},
		{"fewer reopens", ScorecardMetric{Label: "Повторные, %", Agent: 2, Team: 5, LowerIsBetter: true}, true, "Лучше команды"},
		{"lower NPS", ScorecardMetric{Label: "NPS", Agent: -10, Team: 20}, false, "Хуже команды"},
	} {
		c := Scorecard(ScorecardData{Employee: "Анна", Metrics: []ScorecardMetric{tc.m}}, Options{Labels: teamLabels("Показатели")})
		img := renderPNG(t, c)
		plotArea := image.Rect(150, 110, 1190, 590)
		g, r := countPixels(img, plotArea, green), countPixels(img, plotArea, red)
		if tc.wantGreen && (g < 1000 || r > 0) || !tc.wantGreen && (r < 1000 || g > 0) {
			t.Errorf("%s: green %d red %d", tc.name, g, r)
		}
		if v := c.Table()[1][3]; v != tc.wantVerdict {
			t.Errorf("%s: verdict %q", tc.name, v)
		}
	}
}

func TestCompletionAndBudgetBars(t *testing.T) {
	c := TrainingCompletion(completionData(6), Options{Labels: teamLabels("Завершение")})
	img := renderPNG(t, c)
	plotArea := image.Rect(60, 120, 1190, 560)
	if n := countPixels(img, plotArea, isColor(lightPalette.promoters, 6)); n < 2000 {
		t.Errorf("completion: %d done pixels", n)
	}
	if n := countPixels(img, plotArea, isColor(lightPalette.standards[5], 6)); n < 2000 {
		t.Errorf("completion: %d planned pixels", n)
	}
	if got := c.Table()[1]; got[0] != "янв 2025" || got[1] != "10" || got[2] != "8" || got[3] != "80,0" {
		t.Errorf("completion table row %v", got)
	}
	b := TrainingBudget(budgetData(), Options{Labels: teamLabels("Бюджет")})
	img = renderPNG(t, b)
	if n := countPixels(img, plotArea, isColor(lightPalette.target, 30)); n < 100 {
		t.Errorf("budget: %d budget line pixels", n)
	}
	if n := countPixels(img, plotArea, isColor(lightPalette.promoters, 6)); n < 2000 {
		t.Errorf("budget: %d spent pixels", n)
	}
	row := b.Table()[2]
	if row[2] != "88,5" || row[4] != "130\u202f500,50" || row[5] != "200\u202f000" {
		t.Errorf("budget table row %q", row)
	}
}

// A built chart renders from several goroutines while its table is read
// (the screen renders, an export reads the table): run with -race.
func TestTimelineRendersConcurrently(t *testing.T) {
	c := TrainingTimeline(timelineData(20, 100, 4), Options{Width: 600, Height: 300, Labels: teamLabels("План")})
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if err := c.PNG(io.Discard); err != nil {
				t.Error(err)
			}
		}()
		go func() {
			defer wg.Done()
			if n := len(c.Table()); n != 101 {
				t.Errorf("table of %d rows", n)
			}
		}()
	}
	wg.Wait()
}
