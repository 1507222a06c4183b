// Package feedback is the Feedback screen: the list of NPS responses with
// search and filters, the add/edit form and the import wizard.
package feedback

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// Deps is what the screen needs from the shell.
type Deps struct {
	Store     data.Store
	Window    fyne.Window
	ShowError func(error) // the shell's error-to-dialog mapping
	Changed   func()      // called after data changed (save, delete, import) so other screens refresh
}

// periodPresets are the period choices before the custom range.
var periodPresets = []widgets.PeriodPreset{kpi.PresetAll, kpi.PresetLast30Days, kpi.PresetThisMonth,
	kpi.PresetLastMonth, kpi.PresetThisQuarter, kpi.PresetThisYear}

var groupChoices = []data.ScoreGroup{data.GroupAll, data.GroupPromoters, data.GroupPassives, data.GroupDetractors, data.GroupUnscored}

// Screen is the Feedback screen.
type Screen struct {
	deps    Deps
	history *importHistory // the open import history, for tests

	search     *widgets.SearchBox
	period     *widgets.PeriodPicker
	channel    *widget.Select
	touchpoint *widget.Select
	group      *widget.Select
	addBtn     *widget.Button
	importBtn  *widget.Button
	editBtn    *widget.Button
	deleteBtn  *widget.Button
	table      *widgets.PagedTable[data.Feedback]
	emptyPanel *fyne.Container
	noMatch    *fyne.Container
	content    fyne.CanvasObject

	resetting bool // filter widgets are being reset: reload once at the end

	form   *feedbackForm         // the open add/edit form, if any
	wizard *widgets.ImportWizard // the open import wizard, if any

	busy sync.WaitGroup // background work besides the table's own

	mu          sync.Mutex // guards the fields below, read by loaders
	filter      data.FeedbackFilter
	dbEmpty     bool
	touchpoints []string
	clients     []data.Client
}

// New builds the screen and starts loading its data.
func New(d Deps) *Screen {
	s := &Screen{deps: d}
	s.build()
	s.table.SetSort(string(data.SortByDate), true)
	s.loadLookups()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Unsaved reports whether the response form holds edits not saved.
func (s *Screen) Unsaved() bool { return s.form != nil && s.form.state.Changed() }

// Refresh reloads the count, the visible pages and the filter choices off
// the UI goroutine.
func (s *Screen) Refresh() {
	s.table.Reload()
	s.loadLookups()
}

// FocusSearch puts the keyboard focus in the search entry.
func (s *Screen) FocusSearch() {
	s.search.Focus()
}

func (s *Screen) build() {
	s.search = widgets.NewSearchBox(lang.L("feedback.search.placeholder"), &s.busy, s.applyFilters)

	s.period = widgets.NewPeriodPicker(periodPresets, 200, 170, s.applyFilters)

	channels := []string{lang.L("feedback.channel.all")}
	for _, c := range data.Channels {
		channels = append(channels, widgets.ChannelName(c))
	}
	s.channel = widget.NewSelect(channels, func(string) { s.applyFilters() })
	s.touchpoint = widget.NewSelect([]string{lang.L("feedback.touchpoint.all")}, func(string) { s.applyFilters() })
	groups := make([]string, len(groupChoices))
	for i, g := range groupChoices {
		groups[i] = widgets.GroupName(g)
	}
	s.group = widget.NewSelect(groups, func(string) { s.applyFilters() })
	s.resetFilterWidgets()

	s.addBtn = widget.NewButtonWithIcon(lang.L("feedback.add"), theme.ContentAddIcon(), s.NewResponse)
	s.addBtn.Importance = widget.HighImportance
	s.importBtn = widget.NewButtonWithIcon(lang.L("feedback.import"), theme.UploadIcon(), s.Import)
	s.editBtn = widget.NewButtonWithIcon(lang.L("feedback.edit"), theme.DocumentCreateIcon(), s.onEdit)
	s.deleteBtn = widget.NewButtonWithIcon(lang.L("feedback.delete"), theme.DeleteIcon(), s.onDelete)
	s.editBtn.Disable()
	s.deleteBtn.Disable()

	s.table = widgets.NewPagedTable(s.columns(), s.count, s.page, s.cell)
	s.table.Status = s.statusText
	s.table.OnLoaded = s.onLoaded
	s.table.OnError = s.showError
	s.table.OnSelected = func(int, data.Feedback) {
		s.editBtn.Enable()
		s.deleteBtn.Enable()
	}
	s.table.OnActivated = func(_ int, f data.Feedback) { s.openForm(f) }

	filters := container.NewHBox(s.period.Content(), widgets.FixedWidth(s.channel, 170),
		widgets.FixedWidth(s.touchpoint, 220), widgets.FixedWidth(s.group, 170))
	buttons := container.NewHBox(s.addBtn, s.importBtn, widget.NewSeparator(), s.editBtn, s.deleteBtn)
	history := widget.NewButtonWithIcon(lang.L("feedback.imports"), theme.HistoryIcon(), s.ShowImports)
	history.Importance = widget.LowImportance
	toolbar := container.NewVBox(
		container.NewBorder(nil, nil, nil, buttons, s.search),
		container.NewBorder(nil, nil, filters, history),
	)

	s.emptyPanel = s.buildEmptyPanel()
	s.emptyPanel.Hide()
	s.noMatch = container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("feedback.nomatch.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		container.NewCenter(widget.NewButtonWithIcon(lang.L("feedback.nomatch.clear"), theme.ContentClearIcon(), s.ClearFilters)),
	))
	s.noMatch.Hide()

	body := container.NewStack(s.table, s.noMatch, s.emptyPanel)
	s.content = container.NewBorder(toolbar, nil, nil, nil, body)
}

func (s *Screen) buildEmptyPanel() *fyne.Container {
	title := widget.NewLabelWithStyle(lang.L("feedback.empty.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	text := widget.NewLabelWithStyle(lang.L("feedback.empty.text"), fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	importBtn := widget.NewButtonWithIcon(lang.L("feedback.empty.import"), theme.UploadIcon(), s.Import)
	importBtn.Importance = widget.HighImportance
	addBtn := widget.NewButtonWithIcon(lang.L("feedback.empty.add"), theme.ContentAddIcon(), s.NewResponse)
	icon := widget.NewIcon(theme.MailComposeIcon())
	iconBox := container.NewCenter(container.NewGridWrap(fyne.NewSize(64, 64), icon))
	panel := container.NewVBox(iconBox, title, text, container.NewCenter(container.NewHBox(importBtn, addBtn)))
	// A fixed width keeps the wrapped text readable on wide windows.
	return container.NewCenter(container.New(layout.NewGridWrapLayout(fyne.NewSize(460, panel.MinSize().Height+40)), panel))
}

func (s *Screen) columns() []widgets.Column {
	return []widgets.Column{
		{Title: lang.L("feedback.col.date"), Width: 150, SortKey: string(data.SortByDate)},
		{Title: lang.L("feedback.col.score"), Width: 80, SortKey: string(data.SortByScore)},
		{Title: lang.L("feedback.col.channel"), Width: 110, SortKey: string(data.SortByChannel)},
		{Title: lang.L("feedback.col.touchpoint"), Width: 150, SortKey: string(data.SortByTouchpoint)},
		{Title: lang.L("feedback.col.client"), Width: 150},
		{Title: lang.L("feedback.col.comment"), Width: 260, Expand: true},
		{Title: lang.L("feedback.col.tags"), Width: 150},
	}
}

func (s *Screen) cell(f data.Feedback, col int) (string, widget.Importance) {
	switch col {
	case 0:
		return data.FormatDateTime(widgets.Lang(), f.RespondedAt.In(s.deps.Store.Location())), widget.MediumImportance
	case 1:
		if !f.Score.Valid() {
			return "—", widget.LowImportance
		}
		return widgets.Int(int64(f.Score)), scoreImportance(f.Score)
	case 2:
		return widgets.ChannelName(f.Channel), widget.MediumImportance
	case 3:
		return f.Touchpoint, widget.MediumImportance
	case 4:
		return f.ClientName, widget.MediumImportance
	case 5:
		return widgets.SingleLine(f.Comment), widget.MediumImportance
	case 6:
		return strings.Join(f.Tags, ", "), widget.MediumImportance
	}
	return "", widget.MediumImportance
}

// scoreImportance colours a score by its NPS group.
func scoreImportance(s data.Score) widget.Importance {
	switch s.Group() {
	case data.GroupPromoters:
		return widget.SuccessImportance
	case data.GroupPassives:
		return widget.WarningImportance
	case data.GroupDetractors:
		return widget.DangerImportance
	}
	return widget.LowImportance
}

func (s *Screen) currentFilter() data.FeedbackFilter {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.filter
}

func (s *Screen) count(ctx context.Context) (int, error) {
	n, empty, err := widgets.CountFiltered(ctx, s.currentFilter(), s.deps.Store.CountFeedback)
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	s.dbEmpty = empty
	s.mu.Unlock()
	return n, nil
}

func (s *Screen) page(ctx context.Context, order widgets.SortOrder, offset, limit int) ([]data.Feedback, error) {
	f := s.currentFilter()
	f.Sort, f.Desc = data.FeedbackSort(order.Key), order.Desc
	return s.deps.Store.ListFeedback(ctx, f, data.Page{Offset: offset, Limit: limit})
}

func (s *Screen) statusText(n int) string {
	text := lang.LocalizePluralKey("feedback.count", "{{.Count}} responses", n, map[string]any{"Count": widgets.Int(int64(n))})
	if s.currentFilter().Narrowed() {
		text += " · " + lang.L("feedback.count.filtered")
	}
	return text
}

// onLoaded switches between the table and the empty states.
func (s *Screen) onLoaded(n int) {
	s.mu.Lock()
	empty := s.dbEmpty
	s.mu.Unlock()
	s.emptyPanel.Hidden = !empty
	s.noMatch.Hidden = empty || n > 0
	s.emptyPanel.Refresh()
	s.noMatch.Refresh()
	if n == 0 || empty {
		s.table.Hide()
	} else {
		s.table.Show()
	}
	s.editBtn.Disable()
	s.deleteBtn.Disable()
}

func (s *Screen) showError(err error) {
	if s.deps.ShowError != nil {
		s.deps.ShowError(err)
	}
}

// loadLookups fills the touchpoint choices and the client suggestions.
func (s *Screen) loadLookups() {
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		ctx := context.Background()
		tps, err := s.deps.Store.Touchpoints(ctx)
		var clients []data.Client
		if err == nil {
			clients, err = s.deps.Store.Clients(ctx)
		}
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			s.mu.Lock()
			s.touchpoints, s.clients = tps, clients
			s.mu.Unlock()
			selected := s.touchpoint.Selected
			s.touchpoint.Options = append([]string{lang.L("feedback.touchpoint.all")}, tps...)
			s.touchpoint.Refresh()
			if !slices.Contains(s.touchpoint.Options, selected) {
				s.touchpoint.SetSelectedIndex(0)
			}
		})
	})
}

// applyFilters reads the filter widgets and reloads the list.
func (s *Screen) applyFilters() {
	if s.table == nil || s.resetting {
		return // still building (New loads first) or resetting (reloads once after)
	}
	f := data.FeedbackFilter{Search: strings.TrimSpace(s.search.Text)}
	f.From, f.To = s.period.Range(data.DayOf(time.Now(), s.deps.Store.Location()))
	if i := s.channel.SelectedIndex(); i > 0 {
		f.Channels = []data.Channel{data.Channels[i-1]}
	}
	if i := s.touchpoint.SelectedIndex(); i > 0 {
		f.Touchpoint = s.touchpoint.Selected
	}
	if i := s.group.SelectedIndex(); i > 0 {
		f.Group = groupChoices[i]
	}
	s.mu.Lock()
	changed := !f.Selects(s.filter)
	s.filter = f
	s.mu.Unlock()
	if changed {
		s.table.Reload()
	}
}

// ClearFilters resets search and filters to show every response.
func (s *Screen) ClearFilters() {
	s.resetFilterWidgets()
	s.applyFilters()
}

func (s *Screen) resetFilterWidgets() {
	s.resetting = true
	defer func() { s.resetting = false }()
	s.search.Clear()
	s.period.Reset()
	s.channel.SetSelectedIndex(0)
	s.touchpoint.SetSelectedIndex(0)
	s.group.SetSelectedIndex(0)
}

// wait blocks until the screen's background work has settled (tests).
func (s *Screen) wait() {
	s.busy.Wait()
	s.table.Wait()
	s.busy.Wait()
}

func (s *Screen) onEdit() {
	if _, f, ok := s.table.Selected(); ok {
		s.openForm(f)
	}
}
