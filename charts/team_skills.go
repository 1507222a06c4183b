package charts

import (
	"image"
	"math"
	"slices"
	"strconv"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"caredesk/data"
)

// SkillsMatrixData is the skills matrix: employees as rows, skills as
// columns (sorted by group, so that a group's skills stand together).
type SkillsMatrixData struct {
	Employees []string
	Skills    []SkillColumn
	Cells     [][]SkillCell // [employee][skill]; missing cells are not assessed
}

// SkillColumn is a skill of the catalogue.
type SkillColumn struct {
	Name, Group string
}

// SkillCell is an employee's current level in a skill and what their
// position requires.
type SkillCell struct {
	Level    data.SkillLevel
	Assessed bool            // false: never assessed
	Required data.SkillLevel // 0 = not required
}

// Gap reports whether the employee is below the required level; a skill
// never assessed counts as level 0, as in data.SkillGaps.
func (c SkillCell) Gap() bool {
	level := c.Level
	if !c.Assessed {
		level = data.SkillNone
	}
	return c.Required > 0 && level < c.Required
}

func (d SkillsMatrixData) cell(i, j int) SkillCell {
	if i < len(d.Cells) && j < len(d.Cells[i]) {
		return d.Cells[i][j]
	}
	return SkillCell{}
}

// skillsLayout is the heat map's pixel geometry.
type skillsLayout struct {
	grid          image.Rectangle // the cells
	rows          rows
	colW          float64
	step          int // every step-th row is labelled
	labelW        int
	vertical      bool // skill names written upwards
	namesBottom   int  // baseline (or foot, when vertical) of the skill names
	groupsY       int  // baseline of the group names (0 = none)
	nameRoom      int
	digits, grid1 bool // level digits in the cells; cells apart by a pixel
}

func (g skillsLayout) col(j int) (x0, x1 int) {
	x0 = g.grid.Min.X + int(float64(j)*g.colW)
	x1 = g.grid.Min.X + int(float64(j+1)*g.colW)
	return x0, max(x1, x0+1)
}

// SkillsMatrix draws the skills matrix as a heat map: a cell per employee
// and skill coloured by level 0-4 with the digit in it, a red outline where
// the employee is below what the position requires (a red right quarter
// when cells are too small to outline), not assessed cells grey; group names above
// the skill names when there is room.
func SkillsMatrix(d SkillsMatrixData, o Options) *Chart {
	o = o.normalized()
	// A copy: the chart must not change with the caller's slices.
	d.Employees, d.Skills = slices.Clone(d.Employees), slices.Clone(d.Skills)
	cells := make([][]SkillCell, len(d.Cells))
	for i, row := range d.Cells {
		cells[i] = slices.Clone(row)
	}
	d.Cells = cells
	c := &Chart{
		kind: KindSkillsMatrix, opt: o, tableOf: func() [][]string { return skillsTable(d, o.Labels) },
		build: func(o Options) *Chart { return SkillsMatrix(d, o) },
	}
	f, g, ok := skillsGeometry(d, o)
	if !ok {
		return c
	}
	c.graph = f.canvasGraph("skills", func(r chart.Renderer) { f.paintSkills(r, d, g) })
	return c
}

func skillsGeometry(d SkillsMatrixData, o Options) (*frame, skillsLayout, bool) {
	var g skillsLayout
	if len(d.Employees) == 0 || len(d.Skills) == 0 {
		return nil, g, false
	}
	f, err := newFrame(o)
	if err != nil {
		return nil, g, false
	}
	l := o.Labels
	for level := data.SkillNone; level <= data.MaxSkillLevel; level++ {
		name := l.SkillLevels[level]
		label := strconv.Itoa(int(level))
		if name != "" {
			label += " " + name
		}
		f.legend = append(f.legend, legendItem{swatchBox, f.levelColor(level), label})
	}
	f.legend = append(f.legend, legendItem{swatchBox, f.pal.grid, orDefault(l.NotAssessed, "Not assessed")},
		legendItem{swatchBox, f.pal.detractors, orDefault(l.Gap, "Below required")})
	f.layoutHeader()
	width, height := o.px(float64(o.Width)), o.px(float64(o.Height))
	g.labelW = f.labelWidth(d.Employees, 0.22)
	left := o.px(20) + g.labelW + o.px(10)
	right := width - o.px(20)
	g.colW = math.Min(float64(right-left)/float64(len(d.Skills)), float64(o.px(110)))
	// Skill names across when they fit their column, else upwards in at
	// most a quarter of the height.
	widest := 0
	for _, s := range d.Skills {
		widest = max(widest, f.measure(truncate(s.Name, maxLegendRune), axisSize))
	}
	lineHeight := o.px(15)
	names := 2 * lineHeight
	if widest > int(2*g.colW)-o.px(6) {
		g.vertical = true
		names = min(widest, height/4) + o.px(6)
	}
	g.nameRoom = names
	top := f.headerHeight
	hasGroups := false
	for _, s := range d.Skills {
		hasGroups = hasGroups || s.Group != ""
	}
	if hasGroups && g.colW >= float64(o.px(12)) {
		top += lineHeight
		g.groupsY = top - o.px(4)
		top += o.px(4)
	}
	g.namesBottom = top + names
	gridTop := g.namesBottom + o.px(6)
	gridW := int(g.colW * float64(len(d.Skills)))
	rowH := math.Min(float64(height-o.px(14)-gridTop)/float64(len(d.Employees)), float64(o.px(34)))
	g.grid = image.Rect(left, gridTop, left+gridW, gridTop+int(rowH*float64(len(d.Employees))))
	if g.grid.Dy() < len(d.Employees)/4 || g.grid.Dx() < len(d.Skills) {
		return nil, g, false // no room for a mark per cell
	}
	g.rows = rows{top: g.grid.Min.Y, bottom: g.grid.Max.Y, n: len(d.Employees)}
	g.step = f.labelStep(g.rows)
	g.digits = g.colW >= float64(o.px(16)) && g.rows.height() >= float64(o.px(15))
	g.grid1 = g.colW >= float64(o.px(6)) && g.rows.height() >= float64(o.px(6))
	return f, g, true
}

// levelColor is a sequential blue from a pale tint (0) to deep blue (4).
func (f *frame) levelColor(level data.SkillLevel) drawing.Color {
	light := []string{"e3e9f2", "b7cbe8", "7da5dc", "3f77c6", "1c4a96"}
	dark := []string{"2b313b", "2f4a73", "3f69ab", "5c90e0", "9cc2ff"}
	scale := light
	if f.opt.Dark {
		scale = dark
	}
	return rgb(scale[min(max(int(level), 0), len(scale)-1)])
}

func (f *frame) paintSkills(r chart.Renderer, d SkillsMatrixData, g skillsLayout) {
	o := f.opt
	pal := f.pal
	sep := 0
	if g.grid1 {
		sep = 1
	}
	t := max(2, o.px(2)) // gap outline width
	outline := g.colW >= float64(o.px(10)) && g.rows.height() >= float64(o.px(10))
	var cells, gaps rectBatch
	for i := range d.Employees {
		y0, y1 := g.rows.band(i)
		y1 -= sep
		for j := range d.Skills {
			x0, x1 := g.col(j)
			x1 -= sep
			cl := d.cell(i, j)
			color := pal.grid
			if cl.Assessed {
				color = f.levelColor(cl.Level)
			}
			switch {
			case !cl.Gap():
				cells.add(color, x0, y0, x1, y1)
			case outline:
				cells.add(color, x0, y0, x1, y1)
				gaps.add(pal.detractors, x0, y0, x1, y0+t)
				gaps.add(pal.detractors, x0, y1-t, x1, y1)
				gaps.add(pal.detractors, x0, y0+t, x0+t, y1-t)
				gaps.add(pal.detractors, x1-t, y0+t, x1, y1-t)
			default:
				// Too small to outline: a red right quarter keeps the level's colour visible.
				mark := max(x0+1, x1-max(2, (x1-x0)/4))
				cells.add(color, x0, y0, mark, y1)
				gaps.add(pal.detractors, mark, y0, x1, y1)
			}
		}
	}
	cells.fill(r)
	gaps.fill(r)
	r.SetFont(f.regular)
	r.SetFontSize(axisSize)
	capHeight := r.MeasureText("0").Height()
	if g.digits {
		for i := range d.Employees {
			y0, y1 := g.rows.band(i)
			for j := range d.Skills {
				x0, x1 := g.col(j)
				cl := d.cell(i, j)
				text, color := "–", pal.muted
				if cl.Assessed {
					text = strconv.Itoa(int(cl.Level))
					color = pal.text
					if lightness(f.levelColor(cl.Level)) < 140 {
						color = rgb("ffffff")
					}
				}
				f.centredText(r, text, (x0+x1-sep)/2, (y0+y1-sep)/2+capHeight/2, axisSize, color)
			}
		}
	}
	f.skillNames(r, d, g, capHeight)
	f.rowLabels(r, d.Employees, g.rows, g.step, g.grid.Min.X-o.px(10), g.labelW)
}

// skillNames writes the group names (a line under each group's span) and
// the skill names above the columns.
func (f *frame) skillNames(r chart.Renderer, d SkillsMatrixData, g skillsLayout, capHeight int) {
	o := f.opt
	pal := f.pal
	if g.groupsY > 0 {
		for start := 0; start < len(d.Skills); {
			end := start
			for end+1 < len(d.Skills) && d.Skills[end+1].Group == d.Skills[start].Group {
				end++
			}
			x0, _ := g.col(start)
			_, x1 := g.col(end)
			if name := f.fit(truncate(d.Skills[start].Group, maxLegendRune), f.bold, axisSize, x1-x0-o.px(4)); name != "" {
				f.text(r, name, x0+o.px(2), g.groupsY, f.bold, axisSize, pal.text)
			}
			f.line(r, x0+o.px(2), g.groupsY+o.px(4), x1-o.px(2), g.groupsY+o.px(4), pal.axis, 1, nil)
			start = end + 1
		}
	}
	// Upright names of narrow columns would collide: thin them like rows.
	step := 1
	if g.vertical {
		step = max(1, int(math.Ceil(float64(capHeight+o.px(4))/g.colW)))
	}
	for j := 0; j < len(d.Skills); j += step {
		x0, x1 := g.col(j)
		if !g.vertical {
			lines := f.wrapLabel(d.Skills[j].Name, x1-x0-o.px(6))
			for k, line := range lines {
				y := g.namesBottom - (len(lines)-1-k)*o.px(15)
				f.centredText(r, line, (x0+x1)/2, y, axisSize, pal.muted)
			}
			continue
		}
		name := f.fit(truncate(d.Skills[j].Name, maxLegendRune), f.regular, axisSize, g.nameRoom-o.px(6))
		r.SetTextRotation(-math.Pi / 2)
		f.text(r, name, (x0+x1)/2+capHeight/2, g.namesBottom, f.regular, axisSize, pal.muted)
		r.ClearTextRotation()
	}
}

// lightness is a colour's perceived brightness, 0-255.
func lightness(c drawing.Color) float64 {
	return 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)
}

// skillsTable: employee, then the level per skill ("–" not assessed, "1 < 3"
// below the required 3).
func skillsTable(d SkillsMatrixData, l Labels) [][]string {
	head := []string{orDefault(l.Employee, "Employee")}
	for _, s := range d.Skills {
		head = append(head, s.Name)
	}
	out := [][]string{head}
	for i, e := range d.Employees {
		row := []string{e}
		for j := range d.Skills {
			cl := d.cell(i, j)
			v := "–"
			if cl.Assessed {
				v = strconv.Itoa(int(cl.Level))
			}
			if cl.Gap() {
				v += " < " + strconv.Itoa(int(cl.Required))
			}
			row = append(row, v)
		}
		out = append(out, row)
	}
	return out
}
