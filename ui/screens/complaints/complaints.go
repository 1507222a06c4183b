// Package complaints is the Complaints screen: the register of client
// appeals with filters, saved views and bulk assignment, the complaint card
// with its workflow, escalation, history and live SLA clock, and the
// editors of categories and employees.
package complaints

import (
	"context"
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
	ShowError func(error)
	Changed   func() // data changed, so other screens refresh
	// Me is the employee the user said they are (0 = not said yet), for
	// the "mine" view; SetMe stores the choice (a per-user preference).
	Me    func() int64
	SetMe func(id int64)
}

// periodPresets are the period choices before the custom range.
var periodPresets = []widgets.PeriodPreset{kpi.PresetAll, kpi.PresetLast30Days, kpi.PresetThisMonth,
	kpi.PresetLastMonth, kpi.PresetThisQuarter, kpi.PresetThisYear}

// lookups are the lists the filters, cells and forms name things from.
type lookups struct {
	categories []data.Category
	employees  []data.Employee
	standards  []data.Standard
	clients    []data.Client
}

func (l lookups) category(id int64) (data.Category, bool) {
	for _, c := range l.categories {
		if c.ID == id {
			return c, true
		}
	}
	return data.Category{}, false
}

func (l lookups) employee(id int64) (data.Employee, bool) {
	for _, e := range l.employees {
		if e.ID == id {
			return e, true
		}
	}
	return data.Employee{}, false
}

// Screen is the Complaints screen.
type Screen struct {
	deps Deps

	search     *widgets.SearchBox
	viewBtns   []*widget.Button
	view       data.ComplaintView
	period     *widgets.PeriodPicker
	status     *widget.Select
	kind       *widget.Select
	category   *widget.Select
	channel    *widget.Select
	priority   *widget.Select
	assignee   *widgets.Picker
	addBtn     *widget.Button
	importBtn  *widget.Button
	openBtn    *widget.Button
	assignBtn  *widget.Button
	listsBtn   *widget.Button
	meLabel    *widget.Label
	table      *widgets.PagedTable[data.Complaint]
	emptyPanel *fyne.Container
	noMatch    *fyne.Container
	content    fyne.CanvasObject

	resetting bool // filter widgets are being reset: reload once at the end

	card   *card                 // the open complaint card, if any
	lists  *listsDialog          // the open categories/employees editor, if any
	assign *assignDialog         // the open bulk-assign dialog, if any
	wizard *widgets.ImportWizard // the open import wizard, if any

	busy sync.WaitGroup // background work besides the table's own

	mu      sync.Mutex // guards the fields below, read by loaders
	filter  data.ComplaintFilter
	dbEmpty bool
	look    lookups
}

// New builds the screen and starts loading its data.
func New(d Deps) *Screen {
	s := &Screen{deps: d}
	s.build()
	s.table.SetSort(string(data.SortComplaintOpened), true)
	s.loadLookups()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Unsaved reports whether the open complaint card holds edits not saved
// (or a note not yet added).
func (s *Screen) Unsaved() bool { return s.card != nil && s.card.dirty() }

// Refresh reloads the list and the lookups off the UI goroutine.
func (s *Screen) Refresh() {
	s.table.Reload()
	s.loadLookups()
}

// FocusSearch puts the keyboard focus in the search entry.
func (s *Screen) FocusSearch() {
	s.search.Focus()
}

func (s *Screen) build() {
	s.search = widgets.NewSearchBox(lang.L("complaints.search.placeholder"), &s.busy, s.applyFilters)

	views := container.NewHBox()
	for _, v := range data.ComplaintViews {
		b := widget.NewButton(viewName(v), func() { s.SetView(v) })
		s.viewBtns = append(s.viewBtns, b)
		views.Add(b)
	}
	s.meLabel = widget.NewLabel("")
	s.meLabel.Importance = widget.LowImportance
	s.meLabel.Truncation = fyne.TextTruncateEllipsis

	s.period = widgets.NewPeriodPicker(periodPresets, 150, 150, s.applyFilters)

	apply := func(string) { s.applyFilters() }
	statuses := []string{lang.L("complaints.filter.any_status"), lang.L("complaints.filter.open")}
	for _, st := range data.Statuses {
		statuses = append(statuses, widgets.StatusName(st))
	}
	s.status = widget.NewSelect(statuses, apply)
	kinds := []string{lang.L("complaints.filter.any_type")}
	for _, t := range data.ComplaintTypes {
		kinds = append(kinds, widgets.TypeName(t))
	}
	s.kind = widget.NewSelect(kinds, apply)
	s.category = widget.NewSelect([]string{lang.L("complaints.filter.any_category")}, apply)
	channels := []string{lang.L("feedback.channel.all")}
	for _, c := range data.Channels {
		channels = append(channels, widgets.ChannelName(c))
	}
	s.channel = widget.NewSelect(channels, apply)
	priorities := []string{lang.L("complaints.filter.any_priority")}
	for _, p := range data.Priorities {
		priorities = append(priorities, widgets.PriorityName(p))
	}
	s.priority = widget.NewSelect(priorities, apply)
	s.assignee = widgets.NewPicker([]string{lang.L("complaints.filter.any_assignee"), lang.L("complaints.unassigned")}, func(int) { s.applyFilters() })
	s.resetFilterWidgets()

	s.addBtn = widget.NewButtonWithIcon(lang.L("complaints.add"), theme.ContentAddIcon(), s.NewComplaint)
	s.addBtn.Importance = widget.HighImportance
	s.importBtn = widget.NewButtonWithIcon(lang.L("complaints.import"), theme.UploadIcon(), s.Import)
	s.openBtn = widget.NewButtonWithIcon(lang.L("complaints.open"), theme.DocumentCreateIcon(), s.onOpen)
	s.assignBtn = widget.NewButtonWithIcon(lang.L("complaints.assign"), theme.AccountIcon(), s.onAssign)
	s.listsBtn = widget.NewButtonWithIcon(lang.L("complaints.lists"), theme.ListIcon(), s.ShowLists)
	s.listsBtn.Importance = widget.LowImportance
	s.openBtn.Disable()
	s.assignBtn.Disable()

	s.table = widgets.NewPagedTable(s.columns(), s.count, s.page, s.cell)
	s.table.MultiSelect = true
	s.table.Status = s.statusText
	s.table.OnLoaded = s.onLoaded
	s.table.OnError = s.showError
	s.table.OnSelected = func(int, data.Complaint) {
		s.openBtn.Enable()
		s.assignBtn.Enable()
	}
	s.table.OnActivated = func(_ int, c data.Complaint) { s.OpenComplaint(c.ID) }

	buttons := container.NewHBox(s.addBtn, s.importBtn, widget.NewSeparator(), s.openBtn, s.assignBtn)
	filters := container.NewHBox(widgets.FixedWidth(s.status, 140), widgets.FixedWidth(s.kind, 120),
		widgets.FixedWidth(s.category, 160), widgets.FixedWidth(s.channel, 120),
		widgets.FixedWidth(s.priority, 160), widgets.FixedWidth(s.assignee, 160))
	toolbar := container.NewVBox(
		container.NewBorder(nil, nil, nil, buttons, s.search),
		container.NewBorder(nil, nil, views, s.listsBtn, s.meLabel),
		container.NewHBox(s.period.Content(), filters),
	)

	s.emptyPanel = s.buildEmptyPanel()
	s.emptyPanel.Hide()
	s.noMatch = container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("complaints.nomatch.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		container.NewCenter(widget.NewButtonWithIcon(lang.L("feedback.nomatch.clear"), theme.ContentClearIcon(), s.ClearFilters)),
	))
	s.noMatch.Hide()
	s.content = container.NewBorder(toolbar, nil, nil, nil, container.NewStack(s.table, s.noMatch, s.emptyPanel))
	s.showView()
}

func (s *Screen) buildEmptyPanel() *fyne.Container {
	title := widget.NewLabelWithStyle(lang.L("complaints.empty.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	text := widget.NewLabelWithStyle(lang.L("complaints.empty.text"), fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	importBtn := widget.NewButtonWithIcon(lang.L("complaints.import"), theme.UploadIcon(), s.Import)
	importBtn.Importance = widget.HighImportance
	addBtn := widget.NewButtonWithIcon(lang.L("complaints.add"), theme.ContentAddIcon(), s.NewComplaint)
	icon := widget.NewIcon(theme.WarningIcon())
	iconBox := container.NewCenter(container.NewGridWrap(fyne.NewSize(64, 64), icon))
	panel := container.NewVBox(iconBox, title, text, container.NewCenter(container.NewHBox(importBtn, addBtn)))
	return container.NewCenter(container.New(layout.NewGridWrapLayout(fyne.NewSize(460, panel.MinSize().Height+40)), panel))
}

func viewName(v data.ComplaintView) string {
	if v == data.ViewAll {
		return lang.L("complaints.view.all")
	}
	return lang.L("complaints.view." + string(v))
}

func (s *Screen) columns() []widgets.Column {
	return []widgets.Column{
		{Title: lang.L("complaints.col.opened"), Width: 145, SortKey: string(data.SortComplaintOpened)},
		{Title: lang.L("complaints.col.subject"), Width: 130, Expand: true},
		{Title: lang.L("complaints.col.client"), Width: 110},
		{Title: lang.L("complaints.col.category"), Width: 120},
		{Title: lang.L("complaints.col.priority"), Width: 100, SortKey: string(data.SortComplaintPriority)},
		{Title: lang.L("complaints.col.status"), Width: 110, SortKey: string(data.SortComplaintStatus)},
		{Title: lang.L("complaints.col.assignee"), Width: 120},
		{Title: lang.L("complaints.col.sla"), Width: 175, SortKey: string(data.SortComplaintDue)},
	}
}

func (s *Screen) cell(c data.Complaint, col int) (string, widget.Importance) {
	switch col {
	case 0:
		return data.FormatDateTime(widgets.Lang(), c.OpenedAt.In(s.deps.Store.Location())), widget.MediumImportance
	case 1:
		subject := c.Subject
		if subject == "" {
			subject = c.Description
		}
		if c.Type != data.TypeComplaint {
			subject = "[" + widgets.TypeName(c.Type) + "] " + subject
		}
		return widgets.SingleLine(subject), widget.MediumImportance
	case 2:
		return c.ClientName, widget.MediumImportance
	case 3:
		return s.categoryText(c), widget.MediumImportance
	case 4:
		return widgets.PriorityName(c.Priority), widgets.PriorityImportance(c.Priority)
	case 5:
		imp := widget.MediumImportance
		if !c.Status.Open() {
			imp = widget.LowImportance
		}
		return widgets.ComplaintStatus(&c), imp
	case 6:
		if c.AssigneeID == 0 && c.Assignee == "" {
			return "—", widget.LowImportance
		}
		return c.Assignee, widget.MediumImportance
	case 7:
		s.mu.Lock()
		standards := s.look.standards
		s.mu.Unlock()
		return slaCell(&c, standards, s.deps.Store.Location(), time.Now())
	}
	return "", widget.MediumImportance
}

// categoryText names the category (and subcategory) in the UI language,
// falling back to the joined names the store returned.
func (s *Screen) categoryText(c data.Complaint) string {
	s.mu.Lock()
	look := s.look
	s.mu.Unlock()
	name := c.Category
	if cat, ok := look.category(c.CategoryID); ok {
		name = cat.Name(widgets.Lang())
	}
	sub := c.Subcategory
	if cat, ok := look.category(c.SubcategoryID); ok {
		sub = cat.Name(widgets.Lang())
	}
	if sub != "" {
		return name + " / " + sub
	}
	if name == "" {
		return "—"
	}
	return name
}

// slaCell sums up a complaint's standards in one cell: the worst state
// first (overdue, breached, at risk), else the nearest due time.
func slaCell(c *data.Complaint, standards []data.Standard, loc *time.Location, now time.Time) (string, widget.Importance) {
	r, ok := data.WorstSLA(data.EvaluateSLA(c, c.Facts, standards, loc, now), now)
	if !ok {
		return "—", widget.LowImportance
	}
	switch {
	case r.Overdue(now):
		return lang.L("complaints.sla.cell_overdue", map[string]any{"Duration": widgets.DurationShort(r.Elapsed - r.Target)}), widget.DangerImportance
	case r.Outcome == data.SLABreached:
		return lang.L("complaints.sla.cell_breached"), widget.DangerImportance
	case r.Outcome == data.SLARunning:
		imp := widget.MediumImportance
		if r.AtRisk(now) {
			imp = widget.WarningImportance
		}
		return lang.L("complaints.sla.cell_left", map[string]any{"Duration": widgets.DurationShort(r.Target - r.Elapsed)}), imp
	case r.Outcome == data.SLAPaused:
		return lang.L("complaints.sla.cell_paused"), widget.LowImportance
	}
	return lang.L("complaints.sla.cell_met"), widget.SuccessImportance
}

func (s *Screen) currentFilter() data.ComplaintFilter {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.filter
	f.Now = time.Now()
	return f
}

func (s *Screen) count(ctx context.Context) (int, error) {
	n, empty, err := widgets.CountFiltered(ctx, s.currentFilter(), s.deps.Store.CountComplaints)
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	s.dbEmpty = empty
	s.mu.Unlock()
	return n, nil
}

func (s *Screen) page(ctx context.Context, order widgets.SortOrder, offset, limit int) ([]data.Complaint, error) {
	f := s.currentFilter()
	f.Sort, f.Desc = data.ComplaintSort(order.Key), order.Desc
	return s.deps.Store.ListComplaints(ctx, f, data.Page{Offset: offset, Limit: limit})
}

func (s *Screen) statusText(n int) string {
	text := lang.LocalizePluralKey("complaints.count", "{{.Count}} complaints", n, map[string]any{"Count": widgets.Int(int64(n))})
	if s.currentFilter().Narrowed() {
		text += " · " + lang.L("feedback.count.filtered")
	}
	return text + " · " + lang.L("complaints.multiselect_hint")
}

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
	s.openBtn.Disable()
	s.assignBtn.Disable()
}

func (s *Screen) showError(err error) {
	if s.deps.ShowError != nil {
		s.deps.ShowError(err)
	}
}

// loadLookups loads categories, employees, standards and clients, then
// refills the filter choices that depend on them.
func (s *Screen) loadLookups() {
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		look, err := s.fetchLookups(context.Background())
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			s.mu.Lock()
			s.look = look
			s.mu.Unlock()
			s.fillLookupChoices(look)
			s.showView()
			s.table.Redraw() // names and SLA cells may have changed
		})
	})
}

func (s *Screen) fetchLookups(ctx context.Context) (lookups, error) {
	var l lookups
	var err error
	if l.categories, err = s.deps.Store.Categories(ctx); err != nil {
		return l, err
	}
	if l.employees, err = s.deps.Store.Employees(ctx); err != nil {
		return l, err
	}
	if l.standards, err = s.deps.Store.Standards(ctx); err != nil {
		return l, err
	}
	l.clients, err = s.deps.Store.Clients(ctx)
	return l, err
}

// categoryChoices lists categories with their subcategories under them.
func categoryChoices(cats []data.Category) []data.Category {
	var out []data.Category
	for _, p := range cats {
		if p.ParentID != 0 {
			continue
		}
		out = append(out, p)
		for _, c := range cats {
			if c.ParentID == p.ID {
				out = append(out, c)
			}
		}
	}
	return out
}

func categoryLabel(c data.Category) string {
	if c.ParentID != 0 {
		return "  · " + c.Name(widgets.Lang())
	}
	return c.Name(widgets.Lang())
}

// fillLookupChoices refills the category and assignee filters, keeping
// the chosen entry when it still exists.
func (s *Screen) fillLookupChoices(look lookups) {
	s.resetting = true
	defer func() { s.resetting = false }()
	catID, assigneeID := s.selectedCategory(), s.selectedAssignee()

	s.category.Options = []string{lang.L("complaints.filter.any_category")}
	for _, c := range categoryChoices(look.categories) {
		s.category.Options = append(s.category.Options, categoryLabel(c))
	}
	s.category.SetSelectedIndex(0)
	for i, c := range categoryChoices(look.categories) {
		if c.ID == catID {
			s.category.SetSelectedIndex(i + 1)
		}
	}
	s.assignee.Options = []string{lang.L("complaints.filter.any_assignee"), lang.L("complaints.unassigned")}
	for _, e := range look.employees {
		s.assignee.Options = append(s.assignee.Options, e.Name)
	}
	s.assignee.SetSelectedIndex(0)
	switch {
	case assigneeID < 0:
		s.assignee.SetSelectedIndex(1)
	case assigneeID > 0:
		for i, e := range look.employees {
			if e.ID == assigneeID {
				s.assignee.SetSelectedIndex(i + 2)
			}
		}
	}
}

func (s *Screen) selectedCategory() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.filter.CategoryID
}

func (s *Screen) selectedAssignee() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.filter.AssigneeID
}

// SetView switches to a saved view. "Mine" first asks who the user is
// when they have not said yet.
func (s *Screen) SetView(v data.ComplaintView) {
	if v == data.ViewMine && s.me() == 0 {
		s.askWhoAmI(func() { s.SetView(data.ViewMine) })
		return
	}
	s.view = v
	s.showView()
	s.applyFilters()
}

func (s *Screen) me() int64 {
	if s.deps.Me == nil {
		return 0
	}
	return s.deps.Me()
}

// showView highlights the active view and says whose "mine" is.
func (s *Screen) showView() {
	for i, b := range s.viewBtns {
		imp := widget.MediumImportance
		if data.ComplaintViews[i] == s.view {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	s.mu.Lock()
	e, ok := s.look.employee(s.me())
	s.mu.Unlock()
	text := ""
	if ok {
		text = lang.L("complaints.me", map[string]any{"Name": e.Name})
	}
	s.meLabel.SetText(text)
}

// applyFilters reads the filter widgets and reloads the list.
func (s *Screen) applyFilters() {
	if s.table == nil || s.resetting {
		return
	}
	f := data.ComplaintFilter{Search: strings.TrimSpace(s.search.Text), View: s.view, Me: s.me()}
	f.From, f.To = s.period.Range(data.DayOf(time.Now(), s.deps.Store.Location()))
	switch i := s.status.SelectedIndex(); {
	case i == 1:
		f.OpenOnly = true
	case i > 1:
		f.Statuses = []data.Status{data.Statuses[i-2]}
	}
	if i := s.kind.SelectedIndex(); i > 0 {
		f.Types = []data.ComplaintType{data.ComplaintTypes[i-1]}
	}
	s.mu.Lock()
	look := s.look
	s.mu.Unlock()
	if i := s.category.SelectedIndex(); i > 0 {
		if cats := categoryChoices(look.categories); i-1 < len(cats) {
			f.CategoryID = cats[i-1].ID
		}
	}
	if i := s.channel.SelectedIndex(); i > 0 {
		f.Channel = data.Channels[i-1]
	}
	if i := s.priority.SelectedIndex(); i > 0 {
		f.Priority = data.Priorities[i-1]
	}
	switch i := s.assignee.SelectedIndex(); {
	case i == 1:
		f.AssigneeID = -1
	case i > 1 && i-2 < len(look.employees):
		f.AssigneeID = look.employees[i-2].ID
	}
	s.mu.Lock()
	changed := !f.Selects(s.filter)
	s.filter = f
	s.mu.Unlock()
	if changed {
		s.table.Reload()
	}
}

// ClearFilters resets search, view and filters to show every complaint.
func (s *Screen) ClearFilters() {
	s.resetFilterWidgets()
	s.view = data.ViewAll
	s.showView()
	s.applyFilters()
}

func (s *Screen) resetFilterWidgets() {
	s.resetting = true
	defer func() { s.resetting = false }()
	s.search.Clear()
	s.period.Reset()
	for _, sel := range []*widget.Select{s.status, s.kind, s.category, s.channel, s.priority, &s.assignee.Select} {
		sel.SetSelectedIndex(0)
	}
}

// wait blocks until the screen's background work has settled (tests).
func (s *Screen) wait() {
	s.busy.Wait()
	s.table.Wait()
	s.busy.Wait()
}

func (s *Screen) onOpen() {
	if _, c, ok := s.table.Selected(); ok {
		s.OpenComplaint(c.ID)
	}
}

// afterChange tells the other screens and reloads this one.
func (s *Screen) afterChange() {
	if s.deps.Changed != nil {
		s.deps.Changed()
	}
	s.Refresh()
}
