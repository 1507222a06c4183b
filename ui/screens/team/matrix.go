package team

import (
	"context"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/ui/widgets"
)

// matrix is the skills matrix: employees (active and on leave) by skills,
// each cell the current level, cells below the position's requirement
// marked. Choosing a cell records a new assessment dated today.
type matrix struct {
	s *Screen

	people []data.Employee // rows
	levels map[[2]int64]data.SkillLevel
	reqs   map[string]map[int64]data.SkillLevel // by position (as typed)

	table   *widget.Table
	legend  *widget.Label
	empty   fyne.CanvasObject
	content fyne.CanvasObject

	rowHeight float32
	choose    dialog.Dialog // the open level dialog (tests)
}

const (
	matrixCellWidth = 128
	matrixNameWidth = 280
)

func newMatrix(s *Screen) *matrix {
	m := &matrix{s: s, levels: map[[2]int64]data.SkillLevel{}, rowHeight: widget.NewLabel("Wg").MinSize().Height}
	m.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(m.people), len(s.snap.skills) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			l := widget.NewLabel("")
			l.Alignment = fyne.TextAlignCenter
			return container.NewStack(bg, l)
		},
		m.updateCell)
	m.table.CreateHeader = func() fyne.CanvasObject {
		group := widget.NewLabel("")
		group.SizeName = theme.SizeNameCaptionText
		group.Truncation = fyne.TextTruncateEllipsis
		name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Wrapping = fyne.TextWrapWord // "Service standards and SLA" takes two lines, not "Service st…"
		return container.NewBorder(group, nil, nil, nil, name)
	}
	m.table.UpdateHeader = m.updateHeader
	m.table.SetColumnWidth(-1, matrixNameWidth)
	m.table.SetRowHeight(-1, m.headerHeight())
	m.table.OnSelected = func(id widget.TableCellID) {
		m.table.UnselectAll()
		if id.Row >= 0 && id.Col >= 0 && id.Row < len(m.people) && id.Col < len(s.snap.skills) {
			m.chooseLevel(id.Row, id.Col)
		}
	}

	reqBtn := widget.NewButtonWithIcon(lang.L("team.matrix.requirements"), theme.ListIcon(), s.editRequirements)
	skillsBtn := widget.NewButtonWithIcon(lang.L("team.matrix.catalogue"), theme.DocumentCreateIcon(), s.editCatalogue)
	linksBtn := widget.NewButtonWithIcon(lang.L("team.matrix.links"), theme.MailAttachmentIcon(), s.editCategoryLinks)
	m.legend = widget.NewLabel(lang.L("team.matrix.legend"))
	m.legend.Wrapping = fyne.TextWrapWord
	m.legend.SizeName = theme.SizeNameCaptionText
	toolbar := container.NewHBox(reqBtn, skillsBtn, linksBtn, layout.NewSpacer())
	if s.deps.SaveChart != nil {
		toolbar.Add(widget.NewButtonWithIcon(lang.L("team.matrix.export"), theme.DownloadIcon(), func() {
			s.exportChart(lang.L("team.matrix.file"), m.chartBuilder())
		}))
	}

	emptyText := widget.NewLabelWithStyle(lang.L("team.matrix.empty"), fyne.TextAlignCenter, fyne.TextStyle{})
	emptyText.Wrapping = fyne.TextWrapWord
	m.empty = container.NewCenter(container.NewGridWrap(fyne.NewSize(480, 120), emptyText))
	m.empty.Hide()
	m.content = container.NewBorder(container.NewVBox(toolbar, m.legend), nil, nil, nil, container.NewStack(m.table, m.empty))
	return m
}

// headerHeight fits a group caption and a skill name of two lines.
func (m *matrix) headerHeight() float32 {
	group := widget.NewLabel("Wg")
	group.SizeName = theme.SizeNameCaptionText
	name := widget.NewLabelWithStyle("Wg\nWg", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return group.MinSize().Height + name.MinSize().Height - theme.Padding()
}

// apply takes the loaded snapshot.
func (m *matrix) apply() {
	sn := &m.s.snap
	m.people = m.people[:0]
	for _, e := range sn.employees {
		if e.Status != data.EmployeeLeft {
			m.people = append(m.people, e)
		}
	}
	m.levels = map[[2]int64]data.SkillLevel{}
	for _, a := range sn.levels {
		m.levels[[2]int64{a.EmployeeID, a.SkillID}] = a.Level
	}
	m.reqs = map[string]map[int64]data.SkillLevel{}
	for _, e := range m.people {
		if _, ok := m.reqs[e.Position]; !ok {
			m.reqs[e.Position] = sn.required(e.Position)
		}
	}
	for i := range sn.skills {
		m.table.SetColumnWidth(i, matrixCellWidth)
	}
	// Rows as high as one line: the template's height is the two-line
	// column header's.
	for i := range m.people {
		m.table.SetRowHeight(i, m.rowHeight)
	}
	if len(m.people) == 0 || len(sn.skills) == 0 {
		m.table.Hide()
		m.empty.Show()
	} else {
		m.empty.Hide()
		m.table.Show()
	}
	m.table.Refresh()
}

// cell is what one cell shows: the level, and for a gap the required
// level after a marker ("1 ▲3"), so the gap does not rest on colour alone.
func (m *matrix) cell(row, col int) (text string, gap bool) {
	e, k := m.people[row], m.s.snap.skills[col]
	cur := m.levels[[2]int64{e.ID, k.ID}]
	req, required := m.reqs[e.Position][k.ID]
	text = widgets.Int(int64(cur))
	if required && cur < req {
		return text + " ▲" + widgets.Int(int64(req)), true
	}
	return text, false
}

func (m *matrix) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	bg, l := box.Objects[0].(*canvas.Rectangle), box.Objects[1].(*widget.Label)
	if id.Row >= len(m.people) || id.Col >= len(m.s.snap.skills) {
		l.SetText("")
		bg.FillColor = color.Transparent
		bg.Refresh()
		return
	}
	text, gap := m.cell(id.Row, id.Col)
	cur := m.levels[[2]int64{m.people[id.Row].ID, m.s.snap.skills[id.Col].ID}]
	bg.FillColor = levelColour(cur, gap)
	l.TextStyle.Bold = gap
	l.SetText(text)
	bg.Refresh()
}

// levelColour shades a cell by level; a gap takes the error colour.
func levelColour(l data.SkillLevel, gap bool) color.Color {
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	if gap {
		return withAlpha(th.Color(theme.ColorNameError, v), 0x66)
	}
	if l == data.SkillNone {
		return color.Transparent
	}
	return withAlpha(th.Color(theme.ColorNameSuccess, v), uint8(0x18+0x20*int(l)))
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

func (m *matrix) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	name, group := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label) // a border lists its centre first
	sn := &m.s.snap
	group.Show()
	name.Wrapping, name.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
	switch {
	case id.Row < 0 && id.Col >= 0 && id.Col < len(sn.skills):
		k := sn.skills[id.Col]
		// The group heads its first column only, so columns read as groups.
		if id.Col == 0 || sn.skills[id.Col-1].Group != k.Group {
			group.SetText(k.Group)
		} else {
			group.SetText("")
		}
		name.SetText(k.Name)
	case id.Col < 0 && id.Row >= 0 && id.Row < len(m.people):
		// One line: the position decides what is required, so it is in view.
		e := m.people[id.Row]
		group.Hide()
		name.Wrapping, name.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
		name.SetText(e.Name)
		if e.Position != "" {
			name.SetText(e.Name + " · " + e.Position)
		}
		return
	default:
		group.SetText("")
		name.SetText("")
	}
}

// chartData is the matrix as the heat map draws it (as the CLI does).
func (m *matrix) chartData() charts.SkillsMatrixData {
	sn := &m.s.snap
	return charts.SkillsFromLevels(sn.employees, sn.skills, sn.levels, sn.reqs)
}

func (m *matrix) chartBuilder() widgets.ChartBuilder {
	d := m.chartData()
	labels := widgets.ChartLabels(charts.KindSkillsMatrix, data.FormatDate(widgets.Lang(), m.s.today().Time()))
	return func(o charts.Options) (*charts.Chart, error) {
		o.Labels = labels
		return charts.SkillsMatrix(d, o), nil
	}
}

// chooseLevel asks for the level of one employee in one skill and records
// it as an assessment dated today (the history keeps the old one).
func (m *matrix) chooseLevel(row, col int) {
	s := m.s
	e, k := m.people[row], s.snap.skills[col]
	cur := m.levels[[2]int64{e.ID, k.ID}]
	req, required := m.reqs[e.Position][k.ID]
	intro := widget.NewLabel(levelVsRequired(cur, req, required))
	intro.Wrapping = fyne.TextWrapWord
	buttons := container.NewVBox(intro)
	var d dialog.Dialog
	for l := data.SkillNone; l <= data.MaxSkillLevel; l++ {
		b := widget.NewButton(levelText(l), func() {
			d.Hide()
			m.choose = nil
			m.record(e.ID, k.ID, l)
		})
		if l == cur {
			b.Importance = widget.HighImportance
		}
		buttons.Add(b)
	}
	d = dialog.NewCustom(e.Name+" · "+k.Name, lang.L("dialog.cancel"), buttons, s.deps.Window)
	d.SetOnClosed(func() { m.choose = nil })
	d.Resize(fyne.NewSize(380, d.MinSize().Height))
	m.choose = d
	s.show(d)
}

func (m *matrix) record(employeeID, skillID int64, l data.SkillLevel) {
	s := m.s
	a := data.SkillAssessment{EmployeeID: employeeID, SkillID: skillID, Level: l, AssessedOn: s.today()}
	s.write(func(ctx context.Context) error { return s.deps.Store.AddAssessment(ctx, &a) }, nil)
}
