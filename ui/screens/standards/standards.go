// Package standards is the Standards screen: the register of the
// department's written service standards, each with per-priority targets,
// a working calendar with holidays, what it applies to, and versions with
// the dates they took effect.
package standards

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
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
	"caredesk/ui/widgets"
)

// Deps is what the screen needs from the shell.
type Deps struct {
	Store     data.Store
	Window    fyne.Window
	ShowError func(error)
	Changed   func() // a standard changed: SLA figures elsewhere are stale
}

// Screen is the Standards screen.
type Screen struct {
	deps Deps

	list      *widget.List
	standards []data.Standard // UI goroutine only, like the fields below
	cats      []data.Category
	tiers     []string
	selected  int // index in standards; -1 = none or a new one

	std    data.Standard      // the standard being edited (a deep copy)
	ver    int                // the version being edited
	state  *widgets.FormState // the fields as the version was loaded
	edited bool               // versions added, removed or changed since the standard was loaded

	code, title *widgets.Entry
	goal        *widgets.Entry // compliance goal in percent; empty = data.DefaultSLAGoal
	measure     *widget.Select
	versionList *widget.List
	newFrom     *widgets.DateEntry
	removeVer   *widget.Button
	text        *widgets.Entry
	targets     map[data.Priority]*widgets.Entry
	calendar    *widgets.CalendarEditor
	channels    *widgets.CheckGrid
	categories  *widgets.CheckGrid
	tierEntry   *widgets.Entry
	message     *widget.Label
	saveBtn     *widget.Button
	saved       *widget.Label // "Saved", until another standard is opened
	deleteBtn   *widget.Button
	form        fyne.CanvasObject
	placeholder fyne.CanvasObject
	emptyTitle  *widget.Label  // the placeholder's: none yet, or pick one
	firstBtn    *widget.Button // the placeholder's, while the register is empty
	content     fyne.CanvasObject

	busy sync.WaitGroup
}

// New builds the screen and starts loading the register.
func New(d Deps) *Screen {
	s := &Screen{deps: d, selected: -1}
	s.build()
	s.Refresh()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// SaveButton is the Save of the standard being edited, nil when none is:
// Ctrl+S taps it.
func (s *Screen) SaveButton() *widget.Button {
	if !s.form.Visible() {
		return nil
	}
	return s.saveBtn
}

// Refresh reloads the register, categories and client tiers.
func (s *Screen) Refresh() {
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		ctx := context.Background()
		stds, err := s.deps.Store.Standards(ctx)
		var cats []data.Category
		var clients []data.Client
		if err == nil {
			cats, err = s.deps.Store.Categories(ctx)
		}
		if err == nil {
			clients, err = s.deps.Store.Clients(ctx)
		}
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			s.apply(stds, cats, clients)
		})
	})
}

func (s *Screen) apply(stds []data.Standard, cats []data.Category, clients []data.Client) {
	s.standards, s.cats = stds, cats
	tiers := map[string]bool{data.KeyTier: true}
	for _, c := range clients {
		if c.Tier != "" {
			tiers[c.Tier] = true
		}
	}
	s.tiers = slices.Sorted(maps.Keys(tiers))
	var names []string
	for _, c := range s.orderedCategories() {
		names = append(names, categoryLabel(c))
	}
	s.categories.SetOptions(names)
	s.tierEntry.SetPlaceHolder(strings.Join(s.tiers, ", "))
	s.list.Refresh()
	// "Pick a standard" over an empty list asks for the impossible.
	if len(stds) == 0 {
		s.emptyTitle.SetText(lang.L("standards.none.title"))
		s.firstBtn.Show()
	} else {
		s.emptyTitle.SetText(lang.L("standards.empty.title"))
		s.firstBtn.Hide()
	}
	// Keep editing the same standard when it is still there.
	id := s.std.ID
	s.selected = -1
	for i, st := range stds {
		if id != 0 && st.ID == id {
			s.selected = i
		}
	}
	if s.selected >= 0 {
		s.list.Select(s.selected)
		if !s.dirty() { // a change elsewhere must not undo what is being typed
			s.edit(stds[s.selected])
		}
	} else if id != 0 {
		s.showForm(false) // deleted
	} else if !s.form.Visible() && len(stds) > 0 {
		s.list.Select(0) // open on the first standard rather than an empty pane
	}
}

func (s *Screen) showError(err error) {
	if s.deps.ShowError != nil {
		s.deps.ShowError(err)
	}
}

func (s *Screen) build() {
	s.list = widget.NewList(
		func() int { return len(s.standards) },
		func() fyne.CanvasObject {
			head := widget.NewLabelWithStyle("CODE · Title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			head.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("measure · targets")
			sub.SizeName = theme.SizeNameCaptionText // smaller, not dimmer: dim text vanishes on the selected row
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(head, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			st := s.standards[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(st.Code + " · " + st.Title)
			box.Objects[1].(*widget.Label).SetText(widgets.MeasureName(st.Measure) + " · " + targetsSummary(st, s.today()))
		})
	widgets.LeaveOnSelect(s.deps.Window, s.list, s.dirty, func() widget.ListItemID { return s.selected }, func(id widget.ListItemID) {
		s.selected = id
		s.edit(s.standards[id])
	})
	newBtn := widget.NewButtonWithIcon(lang.L("standards.new"), theme.ContentAddIcon(), s.leaveForNew)
	newBtn.Importance = widget.HighImportance
	left := container.NewBorder(container.NewHBox(newBtn), nil, nil, nil, s.list)

	s.code, s.title = widgets.NewEntry(), widgets.NewEntry()
	s.code.SetPlaceHolder("FRT-1")
	s.goal = widgets.NewEntry()
	s.goal.SetPlaceHolder(data.FormatNumber(widgets.Lang(), data.DefaultSLAGoal, 0))
	s.measure = widget.NewSelect([]string{widgets.MeasureName(data.MeasureFirstResponse), widgets.MeasureName(data.MeasureResolution)}, nil)

	s.versionList = widget.NewList(
		func() int { return len(s.std.Versions) },
		func() fyne.CanvasObject { return widget.NewLabel("in force from Jan 31, 2025 (current)") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(s.versionText(id))
		})
	s.versionList.OnSelected = func(id widget.ListItemID) {
		if id != s.ver {
			s.flush()
			s.loadVersion(id)
		}
	}
	s.newFrom = widgets.NewDateEntry()
	newVer := widget.NewButtonWithIcon(lang.L("standards.version.new"), theme.ContentCopyIcon(), s.onNewVersion)
	s.removeVer = widget.NewButtonWithIcon(lang.L("standards.version.remove"), theme.DeleteIcon(), s.onRemoveVersion)

	s.text = widgets.NewMultiLineEntry()
	s.text.Wrapping = fyne.TextWrapWord
	s.text.SetMinRowsVisible(3)
	s.text.SetPlaceHolder(lang.L("standards.text.placeholder"))

	s.targets = map[data.Priority]*widgets.Entry{}
	targetGrid := container.New(layout.NewGridLayoutWithColumns(4))
	for _, p := range data.Priorities {
		e := widgets.NewEntry()
		e.SetPlaceHolder("h:mm")
		s.targets[p] = e
		targetGrid.Add(container.NewBorder(nil, nil, widget.NewLabel(widgets.PriorityName(p)), nil, e))
	}

	s.calendar = widgets.NewCalendarEditor()

	var chNames []string
	for _, c := range data.Channels {
		chNames = append(chNames, widgets.ChannelName(c))
	}
	s.channels = widgets.NewCheckGrid(105, chNames)
	s.categories = widgets.NewCheckGrid(210, nil)
	s.tierEntry = widgets.NewEntry()

	s.message = widget.NewLabel("")
	s.message.Importance = widget.DangerImportance
	s.message.Wrapping = fyne.TextWrapWord
	s.message.Hide()
	s.saveBtn = widget.NewButtonWithIcon(lang.L("standards.save"), theme.DocumentSaveIcon(), s.Save)
	s.saveBtn.Importance = widget.HighImportance
	s.deleteBtn = widget.NewButtonWithIcon(lang.L("feedback.delete"), theme.DeleteIcon(), s.onDelete)

	hint := func(key string) *widget.Label {
		l := widget.NewLabel(lang.L(key))
		l.Importance = widget.LowImportance
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	section := func(key string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	head := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("standards.code")), container.NewGridWithColumns(2, s.code, s.measure),
		widgets.FormLabel(lang.L("standards.title")), s.title,
		widgets.FormLabel(lang.L("standards.goal")), container.NewBorder(nil, nil, nil,
			widget.NewLabel(lang.L("standards.goal.hint")), widgets.FixedWidth(s.goal, 90)))
	versions := container.NewBorder(nil, container.NewHBox(widgets.FixedWidth(s.newFrom, 170), newVer, s.removeVer), nil, nil,
		container.NewGridWrap(fyne.NewSize(420, 110), s.versionList))
	body := container.NewVBox(
		head,
		section("standards.versions"), versions,
		widget.NewSeparator(),
		section("standards.text"), s.text,
		section("standards.targets"), targetGrid, hint("standards.targets.hint"),
		section("standards.calendar"), s.calendar,
		section("standards.applies"),
		container.New(layout.NewFormLayout(),
			widgets.FormLabel(lang.L("standards.applies.channels")), s.channels.Content(),
			widgets.FormLabel(lang.L("standards.applies.categories")), s.categories.Content(),
			widgets.FormLabel(lang.L("standards.applies.tiers")), s.tierEntry),
		hint("standards.applies.hint"),
	)
	fields := []any{s.code, s.title, s.goal, s.measure, s.text, s.channels, s.categories, s.tierEntry,
		func() string { c, _ := s.calendar.Calendar(); return fmt.Sprint(c) }}
	for _, p := range data.Priorities {
		fields = append(fields, s.targets[p])
	}
	s.state = widgets.NewFormState(fields...)
	s.saved = widget.NewLabel("")
	s.saved.Importance = widget.SuccessImportance
	bottom := container.NewVBox(s.message, container.NewHBox(layout.NewSpacer(), s.saved, s.deleteBtn, s.saveBtn))
	s.form = container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(body))

	s.emptyTitle = widget.NewLabelWithStyle(lang.L("standards.empty.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := hint("standards.empty.text")
	text.Alignment = fyne.TextAlignCenter
	s.firstBtn = widget.NewButtonWithIcon(lang.L("standards.new"), theme.ContentAddIcon(), s.leaveForNew)
	s.firstBtn.Importance = widget.HighImportance
	s.firstBtn.Hide()
	s.placeholder = container.NewCenter(container.NewVBox(
		container.NewGridWrap(fyne.NewSize(440, 110), container.NewVBox(s.emptyTitle, text)),
		container.NewCenter(s.firstBtn)))
	s.showForm(false)

	split := container.NewHSplit(left, container.NewStack(s.form, s.placeholder))
	split.Offset = 0.28
	s.content = split
}

// leaveForNew starts a new standard, asking first over unsaved edits.
func (s *Screen) leaveForNew() { widgets.Leave(s.deps.Window, s.dirty, s.NewStandard, nil) }

func (s *Screen) showForm(on bool) {
	if on {
		s.form.Show()
		s.placeholder.Hide()
	} else {
		s.form.Hide()
		s.placeholder.Show()
	}
}

func (s *Screen) today() data.Day { return data.DayOf(time.Now(), s.deps.Store.Location()) }

// targetsSummary lists the targets in force on day: "Critical 1:00 · High 4:00".
func targetsSummary(st data.Standard, day data.Day) string {
	v, ok := st.VersionAt(day)
	if !ok && len(st.Versions) > 0 {
		v = st.Versions[0] // not in force yet: show the first version
	}
	var parts []string
	for _, p := range data.Priorities {
		if d, ok := v.Targets[p]; ok {
			parts = append(parts, widgets.PriorityName(p)+" "+widgets.Clock(d))
		}
	}
	return strings.Join(parts, " · ")
}

func (s *Screen) versionText(i int) string {
	v := s.std.Versions[i]
	text := lang.L("standards.version.from", map[string]any{"Date": data.FormatDate(widgets.Lang(), v.EffectiveFrom.Time())})
	if cur, ok := s.std.VersionAt(s.today()); ok && cur.EffectiveFrom == v.EffectiveFrom {
		text += " · " + lang.L("standards.version.current")
	}
	return text
}

func categoryLabel(c data.Category) string {
	if c.ParentID != 0 {
		return "· " + c.Name(widgets.Lang())
	}
	return c.Name(widgets.Lang())
}

// orderedCategories lists categories with each parent's children after it.
func (s *Screen) orderedCategories() []data.Category {
	var out []data.Category
	for _, p := range s.cats {
		if p.ParentID == 0 {
			out = append(out, p)
			for _, c := range s.cats {
				if c.ParentID == p.ID {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// cloneStandard copies a standard deeply so edits never touch the list.
func cloneStandard(st data.Standard) data.Standard {
	st.Versions = slices.Clone(st.Versions)
	for i := range st.Versions {
		v := &st.Versions[i]
		targets := make(map[data.Priority]time.Duration, len(v.Targets))
		for p, d := range v.Targets {
			targets[p] = d
		}
		v.Targets = targets
		v.Calendar.Holidays = slices.Clone(v.Calendar.Holidays)
		v.Channels = slices.Clone(v.Channels)
		v.CategoryIDs = slices.Clone(v.CategoryIDs)
		v.Tiers = slices.Clone(v.Tiers)
	}
	return st
}

// NewStandard starts a new standard: resolution within the default
// working calendar, in force from the first day of this month.
func (s *Screen) NewStandard() {
	s.list.UnselectAll()
	s.selected = -1
	y, m, _ := s.today().Date()
	s.edit(data.Standard{Measure: data.MeasureResolution, Versions: []data.StandardVersion{{
		EffectiveFrom: data.DateDay(y, m, 1),
		Targets:       map[data.Priority]time.Duration{},
		Calendar:      data.DefaultCalendar(),
	}}})
	s.deleteBtn.Disable()
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.code); c != nil {
		c.Focus(s.code) // a new standard starts from its code
	}
}

// edit shows a standard in the form, on its version in force today.
func (s *Screen) edit(st data.Standard) {
	if st.ID == 0 || st.ID != s.std.ID {
		s.saved.SetText("") // the reload after a save shows the same standard, saved
	}
	s.std = cloneStandard(st)
	s.std.SortVersions()
	s.code.SetText(st.Code)
	s.title.SetText(st.Title)
	s.goal.SetText("")
	if st.Goal > 0 {
		s.goal.SetText(data.FormatNumber(widgets.Lang(), st.Goal, -1))
	}
	s.measure.SetSelectedIndex(max(0, slices.Index([]data.SLAMeasure{data.MeasureFirstResponse, data.MeasureResolution}, st.Measure)))
	ver := len(s.std.Versions) - 1
	for i, v := range s.std.Versions {
		if v.EffectiveFrom <= s.today() {
			ver = i
		}
	}
	s.message.Hide()
	s.deleteBtn.Enable()
	s.showForm(true)
	s.loadVersion(max(ver, 0))
	s.edited = false
}

// dirty reports edits to the shown standard not saved yet.
// Unsaved reports whether the standard in the form has edits not saved.
func (s *Screen) Unsaved() bool { return s.dirty() }

func (s *Screen) dirty() bool {
	return s.form.Visible() && (s.edited || s.state.Changed())
}

func (s *Screen) currentVersion() *data.StandardVersion {
	if s.ver < 0 || s.ver >= len(s.std.Versions) {
		return &data.StandardVersion{}
	}
	return &s.std.Versions[s.ver]
}

// loadVersion puts version i into the version fields.
func (s *Screen) loadVersion(i int) {
	if s.state.Changed() {
		s.edited = true // flushed into s.std before loading another version
	}
	s.ver = i
	v := s.currentVersion()
	s.versionList.Refresh()
	s.versionList.Select(i)
	if len(s.std.Versions) > 1 {
		s.removeVer.Enable()
	} else {
		s.removeVer.Disable()
	}
	s.text.SetText(v.Text)
	for p, e := range s.targets {
		e.SetText("")
		if d, ok := v.Targets[p]; ok {
			e.SetText(widgets.Clock(d))
		}
	}
	s.calendar.Set(v.Calendar)
	var chosen []string
	for _, c := range v.Channels {
		chosen = append(chosen, widgets.ChannelName(c))
	}
	s.channels.SetSelected(chosen)
	chosen = nil
	for _, c := range s.orderedCategories() {
		if slices.Contains(v.CategoryIDs, c.ID) {
			chosen = append(chosen, categoryLabel(c))
		}
	}
	s.categories.SetSelected(chosen)
	s.tierEntry.SetText(strings.Join(v.Tiers, ", "))
	s.state.Mark()
}

// flush reads the version fields back into the edited version; it
// returns the problems of fields that could not be read.
func (s *Screen) flush() []string {
	var problems []string
	v := s.currentVersion()
	v.Text = strings.TrimSpace(s.text.Text)
	v.Targets = map[data.Priority]time.Duration{}
	for _, p := range data.Priorities {
		text := strings.TrimSpace(s.targets[p].Text)
		if text == "" {
			continue
		}
		d, ok := parseTarget(text)
		if !ok {
			problems = append(problems, lang.L("standards.error.target", map[string]any{"Priority": widgets.PriorityName(p), "Value": text}))
			continue
		}
		v.Targets[p] = d
	}
	cal, calProblems := s.calendar.Calendar()
	v.Calendar = cal
	problems = append(problems, calProblems...)
	v.Channels = nil
	for _, c := range data.Channels {
		if slices.Contains(s.channels.Selected(), widgets.ChannelName(c)) {
			v.Channels = append(v.Channels, c)
		}
	}
	v.CategoryIDs = nil
	for _, c := range s.orderedCategories() {
		if slices.Contains(s.categories.Selected(), categoryLabel(c)) {
			v.CategoryIDs = append(v.CategoryIDs, c.ID)
		}
	}
	v.Tiers = nil
	for _, t := range strings.Split(s.tierEntry.Text, ",") {
		if t = strings.TrimSpace(t); t != "" {
			v.Tiers = append(v.Tiers, t)
		}
	}
	return problems
}

// parseTarget reads hours ("4", "4,5") or hours:minutes ("36:30").
func parseTarget(s string) (time.Duration, bool) {
	if h, m, ok := strings.Cut(s, ":"); ok {
		hours, err1 := strconv.Atoi(strings.TrimSpace(h))
		minutes, err2 := strconv.Atoi(strings.TrimSpace(m))
		if err1 != nil || err2 != nil || hours < 0 || minutes < 0 || minutes > 59 || hours+minutes == 0 {
			return 0, false
		}
		return time.Duration(hours)*time.Hour + time.Duration(minutes)*time.Minute, true
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil || v <= 0 || v > 10000 {
		return 0, false
	}
	return time.Duration(v * float64(time.Hour)).Round(time.Minute), true
}

// onNewVersion copies the version in force on the chosen date into a new
// version that takes effect that day.
func (s *Screen) onNewVersion() {
	if s.newFrom.Date == nil {
		s.say(lang.L("standards.error.version_date"))
		return
	}
	s.flush()
	day := data.DateDay(s.newFrom.Date.Date())
	for _, v := range s.std.Versions {
		if v.EffectiveFrom == day {
			s.say(lang.L("error.version_date"))
			return
		}
	}
	base, ok := s.std.VersionAt(day)
	if !ok {
		base = s.std.Versions[0]
	}
	nv := cloneStandard(data.Standard{Versions: []data.StandardVersion{base}}).Versions[0]
	nv.ID, nv.EffectiveFrom = 0, day
	s.edited = true
	s.std.Versions = append(s.std.Versions, nv)
	s.std.SortVersions()
	s.message.Hide()
	s.newFrom.SetDate(nil)
	for i, v := range s.std.Versions {
		if v.EffectiveFrom == day {
			s.loadVersion(i)
		}
	}
}

func (s *Screen) onRemoveVersion() {
	if len(s.std.Versions) < 2 {
		return
	}
	s.edited = true
	s.std.Versions = slices.Delete(s.std.Versions, s.ver, s.ver+1)
	s.loadVersion(min(s.ver, len(s.std.Versions)-1))
}

func (s *Screen) say(text string) {
	s.message.SetText(text)
	s.message.Show()
}

// collect returns the edited standard, or what is wrong with it.
func (s *Screen) collect() (data.Standard, []string) {
	problems := s.flush()
	st := cloneStandard(s.std)
	st.Code = strings.TrimSpace(s.code.Text)
	st.Title = strings.TrimSpace(s.title.Text)
	st.Goal = 0
	if g := strings.TrimSpace(strings.NewReplacer(",", ".", "%", "").Replace(s.goal.Text)); g != "" {
		v, err := strconv.ParseFloat(strings.TrimSpace(g), 64)
		if err != nil {
			v = -1 // Validate names the problem
		}
		st.Goal = v
	}
	st.Measure = []data.SLAMeasure{data.MeasureFirstResponse, data.MeasureResolution}[max(0, s.measure.SelectedIndex())]
	var verrs data.ValidationErrors
	if err := st.Validate(); errors.As(err, &verrs) {
		for _, e := range verrs {
			problems = append(problems, lang.L("field."+e.Field)+": "+widgets.Translated(e.Key, nil, e.Message))
		}
	}
	return st, problems
}

// Save stores the standard. The store re-judges every complaint it
// covers, so this runs behind a progress dialog.
func (s *Screen) Save() {
	st, problems := s.collect()
	if len(problems) > 0 {
		s.say(strings.Join(problems, "\n"))
		return
	}
	s.message.Hide()
	s.saved.SetText("")
	s.busy.Add(1)
	widgets.RunBusy(s.deps.Window, lang.L("standards.saving.title"), lang.L("standards.saving.text"),
		func(ctx context.Context) error { return s.deps.Store.SaveStandard(ctx, &st) },
		func(err error) {
			defer s.busy.Done()
			var verrs data.ValidationErrors
			switch {
			case errors.As(err, &verrs):
				var lines []string
				for _, e := range verrs {
					lines = append(lines, lang.L("field."+e.Field)+": "+widgets.Translated(e.Key, nil, e.Message))
				}
				s.say(strings.Join(lines, "\n"))
				return
			case err != nil:
				s.showError(err)
				return
			}
			s.std.ID = st.ID
			s.saved.SetText(lang.L("standards.saved"))
			s.state.Mark() // saved: the reload shows it as stored
			s.edited = false
			s.afterChange()
		})
}

func (s *Screen) onDelete() {
	if s.std.ID == 0 {
		return
	}
	id := s.std.ID
	widgets.Confirm(lang.L("standards.delete.title"), lang.L("standards.delete.text", map[string]any{"Code": s.std.Code}),
		func(yes bool) {
			if !yes {
				return
			}
			s.busy.Add(1)
			widgets.Go(func() {
				defer s.busy.Done()
				err := s.deps.Store.DeleteStandard(context.Background(), id)
				widgets.Do(func() {
					if err != nil {
						s.showError(err)
						return
					}
					s.afterChange()
				})
			})
		}, s.deps.Window)
}

func (s *Screen) afterChange() {
	if s.deps.Changed != nil {
		s.deps.Changed()
	}
	s.Refresh()
}

// wait blocks until background work has settled (tests).
func (s *Screen) wait() { s.busy.Wait() }
