package complaints

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// slaTick is how often the card's SLA clock asks the store again.
const slaTick = 30 * time.Second

// Field names of data.Complaint.Validate plus the form's own fields.
const (
	fieldOpened       = "opened_at"
	fieldTime         = "time"
	fieldType         = "type"
	fieldPriority     = "priority"
	fieldSubject      = "subject"
	fieldDescription  = "description"
	fieldCompensation = "compensation"
)

// card is the dialog of one complaint: the form and, for a stored
// complaint, its workflow buttons, escalation, SLA clock and history.
type card struct {
	s    *Screen
	c    data.Complaint // as last loaded; ID 0 while adding
	look lookups

	dlg         *dialog.CustomDialog
	restoreKeys func() // puts back the window's keys from before the card
	state       *widgets.FormState
	cancel      func() // Close and Escape: asks first when an edit is unsaved

	date         *widgets.DateEntry
	clock        *widgets.Entry
	client       *widgets.SelectEntry
	channel      *widget.Select
	kind         *widget.Select
	category     *widget.Select
	subcategory  *widget.Select
	subcats      []data.Category // the choices of subcategory after "—"
	priority     *widget.Select
	assignee     *widgets.Picker
	subject      *widgets.Entry
	description  *widgets.Entry
	resolution   *widgets.Entry
	compensation *widgets.Entry
	verdict      *widget.Select
	errs         widgets.FieldErrors
	saveBtn      *widget.Button

	header      *widget.Label
	moves       *fyne.Container // one button per workflow move
	escalateBtn *widget.Button
	note        *widgets.Entry
	slaBox      *fyne.Container
	slaLines    []*widget.Label
	events      []data.ComplaintEvent // newest first
	timeline    *widget.List

	stop chan struct{} // closed when the card closes: ends the SLA clock
}

// NewComplaint opens an empty card, opened now, normal priority.
func (s *Screen) NewComplaint() {
	s.openCard(data.Complaint{OpenedAt: time.Now(), Type: data.TypeComplaint, Priority: data.PriorityNormal,
		Channel: data.ChannelPhone, Source: "manual"})
}

// OpenComplaint loads a complaint with its history and opens its card.
func (s *Screen) OpenComplaint(id int64) {
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		c, err := s.deps.Store.Complaint(context.Background(), id)
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			s.openCard(c)
		})
	})
}

func (s *Screen) openCard(c data.Complaint) {
	if s.card != nil {
		s.card.close()
	}
	s.mu.Lock()
	look := s.look
	s.mu.Unlock()
	cd := &card{s: s, c: c, look: look, errs: widgets.FieldErrors{}, stop: make(chan struct{})}
	content := cd.build()
	cd.state = widgets.NewFormState(cd.date, cd.clock, cd.client, cd.channel, cd.kind, cd.priority, cd.category,
		cd.subcategory, cd.assignee, cd.subject, cd.description, cd.resolution, cd.compensation, cd.verdict)
	cd.cancel = widgets.AskToDiscard(s.deps.Window, cd.dirty, cd.close)
	title := lang.L("complaints.card.add_title")
	if c.ID != 0 {
		title = lang.L("complaints.card.title", map[string]any{"ID": c.ID})
	}
	cd.dlg = dialog.NewCustomWithoutButtons(title, content, s.deps.Window)
	closeBtn := widget.NewButton(lang.L("complaints.card.close"), cd.cancel)
	cd.saveBtn = widget.NewButtonWithIcon(lang.L("complaints.card.save"), theme.DocumentSaveIcon(), cd.save)
	cd.saveBtn.Importance = widget.HighImportance
	cd.dlg.SetButtons([]fyne.CanvasObject{closeBtn, cd.saveBtn})
	win := s.deps.Window.Canvas().Size()
	width := float32(660)
	if c.ID != 0 {
		width = 1180
	}
	cd.dlg.Resize(fyne.NewSize(min(width, win.Width-20), min(700, win.Height-20)))
	s.card = cd
	cd.restoreKeys = widgets.FormKeys(s.deps.Window, cd.cancel, cd.saveBtn)
	cd.dlg.Show()
	if c.ID != 0 {
		cd.startClock()
	} else {
		// A new complaint is typed in at once, from who complains.
		s.deps.Window.Canvas().Focus(cd.client)
	}
}

// dirty reports a form edit not saved yet, or a note not yet added.
func (cd *card) dirty() bool {
	return cd.state.Changed() || cd.note != nil && strings.TrimSpace(cd.note.Text) != ""
}

func (cd *card) close() {
	select {
	case <-cd.stop:
	default:
		close(cd.stop)
		cd.restoreKeys()
	}
	cd.dlg.Hide()
	if cd.s.card == cd {
		cd.s.card = nil
	}
}

func (cd *card) build() fyne.CanvasObject {
	form := cd.buildForm()
	if cd.c.ID == 0 {
		return container.NewVScroll(form)
	}
	cd.header = widget.NewLabel("")
	cd.header.TextStyle.Bold = true
	cd.header.Wrapping = fyne.TextWrapWord
	cd.moves = container.NewHBox()
	cd.escalateBtn = widget.NewButtonWithIcon("", theme.MoveUpIcon(), cd.escalate)
	cd.slaBox = container.NewVBox()
	cd.note = widgets.NewEntry()
	cd.note.SetPlaceHolder(lang.L("complaints.card.note_placeholder"))
	reply := widget.NewButtonWithIcon(lang.L("complaints.card.reply"), theme.MailReplyIcon(), func() { cd.addNote(data.EventReply) })
	note := widget.NewButtonWithIcon(lang.L("complaints.card.note"), theme.DocumentCreateIcon(), func() { cd.addNote(data.EventNote) })
	cd.timeline = widget.NewList(
		func() int { return len(cd.events) },
		func() fyne.CanvasObject {
			when := widget.NewLabel("Jan 31, 2025 23:59")
			what := widget.NewLabel("")
			what.Truncation = fyne.TextTruncateEllipsis
			remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			remove.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, when, remove, what)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			e := cd.events[id]
			row.Objects[1].(*widget.Label).SetText(cd.eventTime(e))
			row.Objects[0].(*widget.Label).SetText(cd.eventText(e))
			remove := row.Objects[2].(*widget.Button)
			remove.OnTapped = func() { cd.confirmRemoveEvent(e) }
			// The first "new" status is the opening itself, not an entry to take back.
			if e.ID == 0 || e.Kind == data.EventStatus && e.Status == data.StatusNew {
				remove.Hide()
			} else {
				remove.Show()
			}
		})
	slaTitle := widget.NewLabelWithStyle(lang.L("complaints.card.sla"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	historyTitle := widget.NewLabelWithStyle(lang.L("complaints.card.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(cd.header, cd.moves, container.NewHBox(cd.escalateBtn), widget.NewSeparator(),
		slaTitle, cd.slaBox, widget.NewSeparator(), historyTitle,
		container.NewBorder(nil, nil, nil, container.NewHBox(reply, note), cd.note))
	side := container.NewBorder(top, nil, nil, nil, cd.timeline)
	cd.showWorkflow()
	split := container.NewHSplit(container.NewVScroll(form), side)
	split.Offset = 0.52
	return split
}

func (cd *card) buildForm() fyne.CanvasObject {
	c := cd.c
	loc := cd.s.deps.Store.Location()
	cd.date = widgets.NewDateEntry()
	cd.clock = widgets.NewEntry()
	cd.clock.SetPlaceHolder("HH:MM")
	if !c.OpenedAt.IsZero() {
		t := c.OpenedAt.In(loc)
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		cd.date.SetDate(&day)
		cd.clock.SetText(t.Format("15:04"))
	}
	var clients []string
	for _, cl := range cd.look.clients {
		clients = append(clients, cl.Name)
	}
	cd.client = widgets.NewSelectEntry(clients)
	cd.client.SetText(c.ClientName)

	channels := []string{"—"}
	for _, ch := range data.Channels {
		channels = append(channels, widgets.ChannelName(ch))
	}
	cd.channel = widget.NewSelect(channels, nil)
	cd.channel.SetSelectedIndex(slices.Index(data.Channels, c.Channel) + 1)

	var kinds []string
	for _, t := range data.ComplaintTypes {
		kinds = append(kinds, widgets.TypeName(t))
	}
	cd.kind = widget.NewSelect(kinds, nil)
	cd.kind.SetSelectedIndex(slices.Index(data.ComplaintTypes, c.Type))

	var priorities []string
	for _, p := range data.Priorities {
		priorities = append(priorities, widgets.PriorityName(p))
	}
	cd.priority = widget.NewSelect(priorities, nil)
	cd.priority.SetSelectedIndex(slices.Index(data.Priorities, c.Priority))

	cats := []string{"—"}
	parents := cd.parents()
	for _, p := range parents {
		cats = append(cats, p.Name(widgets.Lang()))
	}
	cd.subcategory = widget.NewSelect(nil, nil)
	cd.category = widget.NewSelect(cats, func(string) { cd.fillSubcategories(0) })
	cd.category.SetSelectedIndex(0)
	for i, p := range parents {
		if p.ID == c.CategoryID {
			cd.category.SetSelectedIndex(i + 1)
		}
	}
	cd.fillSubcategories(c.SubcategoryID)

	assignees := []string{lang.L("complaints.unassigned")}
	selected := 0
	for _, e := range cd.look.employees {
		if e.Active || e.ID == c.AssigneeID {
			assignees = append(assignees, e.Name)
			if e.ID == c.AssigneeID {
				selected = len(assignees) - 1
			}
		}
	}
	cd.assignee = widgets.NewPicker(assignees, nil) // type to find one of many
	cd.assignee.SetSelectedIndex(selected)

	cd.subject = widgets.NewEntry()
	cd.subject.SetText(c.Subject)
	cd.description = widgets.NewMultiLineEntry()
	cd.description.Wrapping = fyne.TextWrapWord
	cd.description.SetMinRowsVisible(4)
	cd.description.SetText(c.Description)
	cd.resolution = widgets.NewMultiLineEntry()
	cd.resolution.Wrapping = fyne.TextWrapWord
	cd.resolution.SetMinRowsVisible(2)
	cd.resolution.SetText(c.Resolution)
	cd.compensation = widgets.NewEntry()
	cd.compensation.SetPlaceHolder(widgets.Num(0, 2))
	if c.Compensation != 0 {
		cd.compensation.SetText(widgets.Num(float64(c.Compensation)/100, 2))
	}
	verdicts := []string{widgets.VerdictName(data.VerdictUnknown), widgets.VerdictName(data.VerdictSatisfied), widgets.VerdictName(data.VerdictNotSatisfied)}
	cd.verdict = widget.NewSelect(verdicts, nil)
	cd.verdict.SetSelectedIndex(slices.Index([]data.Verdict{data.VerdictUnknown, data.VerdictSatisfied, data.VerdictNotSatisfied}, c.Verdict))

	when := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(80, cd.clock.MinSize().Height), cd.clock), cd.date)
	return container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("complaints.field.opened")), cd.errs.Under(when, fieldOpened, fieldTime),
		widgets.FormLabel(lang.L("complaints.field.client")), cd.client,
		widgets.FormLabel(lang.L("complaints.field.channel")), cd.channel,
		widgets.FormLabel(lang.L("complaints.field.type")), cd.errs.Under(container.NewGridWithColumns(2, cd.kind, cd.priority), fieldType, fieldPriority),
		widgets.FormLabel(lang.L("complaints.field.category")), container.NewGridWithColumns(2, cd.category, cd.subcategory),
		widgets.FormLabel(lang.L("complaints.field.assignee")), cd.assignee,
		widgets.FormLabel(lang.L("complaints.field.subject")), cd.errs.Under(cd.subject, fieldSubject),
		widgets.FormLabel(lang.L("complaints.field.description")), cd.errs.Under(cd.description, fieldDescription),
		widgets.FormLabel(lang.L("complaints.field.resolution")), cd.resolution,
		widgets.FormLabel(lang.L("complaints.field.compensation")), cd.errs.Under(cd.compensation, fieldCompensation),
		widgets.FormLabel(lang.L("complaints.field.verdict")), cd.verdict,
	)
}

func (cd *card) parents() []data.Category {
	var out []data.Category
	for _, c := range cd.look.categories {
		if c.ParentID == 0 {
			out = append(out, c)
		}
	}
	return out
}

// fillSubcategories offers the children of the chosen category.
func (cd *card) fillSubcategories(selectID int64) {
	cd.subcats = nil
	opts := []string{"—"}
	if i := cd.category.SelectedIndex(); i > 0 {
		parent := cd.parents()[i-1]
		for _, c := range cd.look.categories {
			if c.ParentID == parent.ID {
				cd.subcats = append(cd.subcats, c)
				opts = append(opts, c.Name(widgets.Lang()))
			}
		}
	}
	cd.subcategory.Options = opts
	cd.subcategory.SetSelectedIndex(0)
	for i, c := range cd.subcats {
		if c.ID == selectID {
			cd.subcategory.SetSelectedIndex(i + 1)
		}
	}
	if len(cd.subcats) == 0 {
		cd.subcategory.Disable()
	} else {
		cd.subcategory.Enable()
	}
}

// moveKey is the label of the button that moves a complaint to status to.
func moveKey(from, to data.Status) string {
	if to == data.StatusInProgress && !from.Open() {
		return "complaints.move.reopen"
	}
	if to == data.StatusInProgress && from == data.StatusWaiting {
		return "complaints.move.resume"
	}
	return "complaints.move." + string(to)
}

// showWorkflow redraws the header, move buttons, escalation and history
// from cd.c.
func (cd *card) showWorkflow() {
	c := cd.c
	who := lang.L("complaints.unassigned")
	if e, ok := cd.look.employee(c.AssigneeID); ok {
		who = e.Name
	} else if c.Assignee != "" {
		who = c.Assignee
	}
	cd.header.SetText(lang.L("complaints.card.header", map[string]any{
		"Status": widgets.ComplaintStatus(&c), "Level": widgets.LevelName(c.Level), "Assignee": who}))
	cd.moves.Objects = nil
	for _, to := range c.Status.Next() {
		b := widget.NewButton(lang.L(moveKey(c.Status, to)), func() { cd.move(to) })
		if to == data.StatusResolved {
			b.Importance = widget.SuccessImportance
		}
		cd.moves.Add(b)
	}
	if c.Status.Allows(withdrawal) {
		cd.moves.Add(widget.NewButton(lang.L("complaints.move.withdrawn"), cd.withdraw))
	}
	cd.moves.Refresh()
	if next, ok := c.Level.Next(); ok {
		cd.escalateBtn.SetText(lang.L("complaints.card.escalate", map[string]any{"Level": widgets.LevelName(next)}))
		cd.escalateBtn.Enable()
	} else {
		cd.escalateBtn.SetText(lang.L("complaints.card.top_level"))
		cd.escalateBtn.Disable()
	}
	cd.events = slices.Clone(c.Events)
	// Newest first; events within one second keep the order they were added.
	slices.SortStableFunc(cd.events, func(a, b data.ComplaintEvent) int {
		if c := b.At.Compare(a.At); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	cd.timeline.Refresh()
}

// eventTime is when a history entry happened. A source that reports an
// event without its time (Zendesk's reopen count, a CFPB closing) leaves
// only the earliest it can have happened: the history says so rather than
// show an exact time it does not know.
func (cd *card) eventTime(e data.ComplaintEvent) string {
	at := e.At.In(cd.s.deps.Store.Location())
	if e.Undated {
		return lang.L("complaints.event.undated_at", map[string]any{"Date": data.FormatDate(widgets.Lang(), at)})
	}
	return data.FormatDateTime(widgets.Lang(), at)
}

// eventText describes one history entry.
func (cd *card) eventText(e data.ComplaintEvent) string {
	var text string
	switch e.Kind {
	case data.EventStatus:
		text = lang.L("complaints.event.status", map[string]any{"Status": widgets.StatusName(e.Status)})
		if e.Cancelled {
			text = lang.L("complaints.event.cancelled")
		}
	case data.EventEscalation:
		text = lang.L("complaints.event.escalation", map[string]any{"Level": widgets.LevelName(e.Level)})
	case data.EventAssign:
		if e.Undated && e.AssigneeID == 0 {
			// An agent an import counted (a reassignment count), no one
			// to name.
			text = lang.L("complaints.event.assign_counted")
			break
		}
		who := lang.L("complaints.unassigned")
		if emp, ok := cd.look.employee(e.AssigneeID); ok {
			who = emp.Name
		}
		text = lang.L("complaints.event.assign", map[string]any{"Name": who})
	case data.EventReply:
		text = lang.L("complaints.event.reply")
	default:
		text = lang.L("complaints.event.note")
	}
	if e.Note != "" {
		text += ": " + widgets.SingleLine(e.Note)
	}
	return text
}

// addEvent stores an event dated now and shows the complaint it returns.
func (cd *card) addEvent(e data.ComplaintEvent, after func()) {
	s := cd.s
	id := cd.c.ID
	e.At = time.Now()
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		c, err := s.deps.Store.AddComplaintEvent(context.Background(), id, e)
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			cd.c = c
			cd.showWorkflow()
			if after != nil {
				after()
			}
			s.afterChange()
			cd.refreshSLA()
		})
	})
}

// confirmRemoveEvent asks before taking a mistaken entry out of the
// history; the store re-derives the complaint's times and SLA from the rest.
func (cd *card) confirmRemoveEvent(e data.ComplaintEvent) {
	widgets.Confirm(lang.L("complaints.event.remove.title"),
		lang.L("complaints.event.remove.text", map[string]any{"Entry": cd.eventText(e)}),
		func(ok bool) {
			if ok {
				cd.removeEvent(e.ID)
			}
		}, cd.s.deps.Window)
}

// removeEvent deletes one event and shows the complaint the store returns.
func (cd *card) removeEvent(eventID int64) {
	s := cd.s
	id := cd.c.ID
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		c, err := s.deps.Store.DeleteComplaintEvent(context.Background(), id, eventID)
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			cd.c = c
			cd.showWorkflow()
			s.afterChange()
			cd.refreshSLA()
		})
	})
}

func (cd *card) move(to data.Status) {
	cd.addEvent(data.ComplaintEvent{Kind: data.EventStatus, Status: to}, nil)
}

// withdrawal is the event of a client withdrawing a complaint: closed,
// resolving nothing.
var withdrawal = data.ComplaintEvent{Kind: data.EventStatus, Status: data.StatusClosed, Cancelled: true}

func (cd *card) withdraw() { cd.addEvent(withdrawal, nil) }

func (cd *card) escalate() {
	if next, ok := cd.c.Level.Next(); ok {
		cd.addEvent(data.ComplaintEvent{Kind: data.EventEscalation, Level: next}, nil)
	}
}

func (cd *card) addNote(kind data.EventKind) {
	text := strings.TrimSpace(cd.note.Text)
	if kind == data.EventNote && text == "" {
		return
	}
	cd.addEvent(data.ComplaintEvent{Kind: kind, Note: text}, func() { cd.note.SetText("") })
}

// startClock refreshes the SLA lines now and every slaTick until the card
// closes. The ticking goroutine is not one of widgets.Go's: it lives as
// long as the card, and each refresh it starts is.
func (cd *card) startClock() {
	cd.refreshSLA()
	stop := cd.stop
	go func() {
		t := time.NewTicker(slaTick)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				widgets.Do(func() {
					select {
					case <-stop:
					default:
						cd.refreshSLA()
					}
				})
			}
		}
	}()
}

// refreshSLA asks the store for the SLA results at this moment.
func (cd *card) refreshSLA() {
	s, id, stop := cd.s, cd.c.ID, cd.stop
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		now := time.Now()
		results, err := s.deps.Store.SLA(context.Background(), id, now)
		widgets.Do(func() {
			select {
			case <-stop:
				return // the card closed meanwhile
			default:
			}
			if err != nil {
				s.showError(err)
				return
			}
			cd.showSLA(results, now)
		})
	})
}

func (cd *card) showSLA(results []data.SLAResult, now time.Time) {
	cd.slaLines = nil
	cd.slaBox.Objects = nil
	if len(results) == 0 {
		l := widget.NewLabel(lang.L("complaints.sla.none"))
		l.Importance = widget.LowImportance
		cd.slaLines = append(cd.slaLines, l)
		cd.slaBox.Add(l)
	}
	for _, r := range results {
		text, imp := slaLine(r, now)
		l := widget.NewLabel(text)
		l.Importance = imp
		l.Wrapping = fyne.TextWrapWord
		cd.slaLines = append(cd.slaLines, l)
		cd.slaBox.Add(l)
	}
	cd.slaBox.Refresh()
}

// slaLine is the clock of one standard: time left or overdue in working
// hours, paused while waiting for the client, or how it ended.
func slaLine(r data.SLAResult, now time.Time) (string, widget.Importance) {
	head := r.Code + " · " + widgets.MeasureName(r.Measure) + " · " + lang.L("complaints.sla.target", map[string]any{"Target": widgets.DurationText(r.Target)}) + " — "
	args := map[string]any{"Duration": widgets.DurationText(r.Target - r.Elapsed)}
	switch {
	case r.Overdue(now) || r.Outcome == data.SLARunning && r.Elapsed >= r.Target:
		return head + lang.L("complaints.sla.overdue", map[string]any{"Duration": widgets.DurationText(r.Elapsed - r.Target)}), widget.DangerImportance
	case r.Outcome == data.SLARunning:
		imp := widget.MediumImportance
		if r.AtRisk(now) {
			imp = widget.WarningImportance
		}
		return head + lang.L("complaints.sla.left", args), imp
	case r.Outcome == data.SLAPaused:
		return head + lang.L("complaints.sla.paused", args), widget.MediumImportance
	case r.Outcome == data.SLABreached:
		return head + lang.L("complaints.sla.breached", map[string]any{"Duration": widgets.DurationText(r.Elapsed)}), widget.DangerImportance
	}
	return head + lang.L("complaints.sla.achieved", map[string]any{"Duration": widgets.DurationText(r.Elapsed)}), widget.SuccessImportance
}

// collect builds the complaint from the form and checks it.
func (cd *card) collect() (data.Complaint, data.ValidationErrors) {
	c := cd.c
	loc := cd.s.deps.Store.Location()
	errs := widgets.ReadDateTime(cd.date, cd.clock.Text, loc, &c.OpenedAt, fieldOpened, fieldTime)
	name := strings.TrimSpace(cd.client.Text)
	if !strings.EqualFold(name, cd.c.ClientName) || c.ClientID == 0 {
		c.ClientID, c.ClientName, c.ClientTier = 0, name, ""
		for _, cl := range cd.look.clients {
			if strings.EqualFold(cl.Name, name) {
				c.ClientID, c.ClientName, c.ClientTier = cl.ID, cl.Name, cl.Tier
			}
		}
	}
	c.Channel = ""
	if i := cd.channel.SelectedIndex(); i > 0 {
		c.Channel = data.Channels[i-1]
	}
	if i := cd.kind.SelectedIndex(); i >= 0 {
		c.Type = data.ComplaintTypes[i]
	}
	if i := cd.priority.SelectedIndex(); i >= 0 {
		c.Priority = data.Priorities[i]
	}
	c.CategoryID, c.SubcategoryID = 0, 0
	if i := cd.category.SelectedIndex(); i > 0 {
		c.CategoryID = cd.parents()[i-1].ID
		if j := cd.subcategory.SelectedIndex(); j > 0 {
			c.SubcategoryID = cd.subcats[j-1].ID
		}
	}
	c.Subject = strings.TrimSpace(cd.subject.Text)
	c.Description = strings.TrimSpace(cd.description.Text)
	c.Resolution = strings.TrimSpace(cd.resolution.Text)
	if amount, ok := data.ParseMoney(widgets.Lang(), cd.compensation.Text); ok {
		c.Compensation = amount
	} else {
		errs = append(errs, &data.FieldError{Field: fieldCompensation, Key: "complaints.error.compensation", Message: "not an amount"})
	}
	c.Verdict = []data.Verdict{data.VerdictUnknown, data.VerdictSatisfied, data.VerdictNotSatisfied}[max(0, cd.verdict.SelectedIndex())]
	var verrs data.ValidationErrors
	if err := c.Validate(); errors.As(err, &verrs) {
		for _, e := range verrs {
			if errs.For(e.Field) == nil {
				errs = append(errs, e)
			}
		}
	}
	return c, errs
}

// chosenAssignee is the employee picked in the form (0 = unassigned).
func (cd *card) chosenAssignee() int64 {
	i := cd.assignee.SelectedIndex()
	if i <= 0 {
		return 0
	}
	n := 0
	for _, e := range cd.look.employees {
		if e.Active || e.ID == cd.c.AssigneeID {
			n++
			if n == i {
				return e.ID
			}
		}
	}
	return 0
}

// save stores the form: a new complaint with its first assignment, or the
// changed fields of a stored one (a new assignee is an assignment event).
func (cd *card) save() {
	c, errs := cd.collect()
	cd.errs.Show(errs, cd.s.showError)
	if len(errs) > 0 {
		return
	}
	assignee := cd.chosenAssignee()
	cd.saveBtn.Disable()
	s := cd.s
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		ctx := context.Background()
		saved, err := s.storeComplaint(ctx, c, assignee)
		widgets.Do(func() {
			cd.saveBtn.Enable()
			var verrs data.ValidationErrors
			switch {
			case errors.As(err, &verrs):
				cd.errs.Show(verrs, cd.s.showError)
			case err != nil:
				s.showError(err)
			case cd.c.ID == 0:
				cd.close()
				s.afterChange()
			default:
				cd.c = saved
				cd.state.Mark()
				cd.showWorkflow()
				cd.refreshSLA()
				s.afterChange()
			}
		})
	})
}

// storeComplaint writes c and returns it as stored; a client named but
// not linked is found or created by the store in the same transaction.
// Runs off the UI goroutine.
func (s *Screen) storeComplaint(ctx context.Context, c data.Complaint, assignee int64) (data.Complaint, error) {
	if c.ID == 0 {
		c.AssigneeID = assignee
		if assignee != 0 {
			c.Events = append(c.Events, data.ComplaintEvent{At: c.OpenedAt, Kind: data.EventAssign, AssigneeID: assignee})
		}
		err := s.deps.Store.CreateComplaint(ctx, &c)
		return c, err
	}
	if err := s.deps.Store.UpdateComplaint(ctx, &c); err != nil {
		return c, err
	}
	if assignee != c.AssigneeID {
		return s.deps.Store.AddComplaintEvent(ctx, c.ID, data.ComplaintEvent{At: time.Now(), Kind: data.EventAssign, AssigneeID: assignee})
	}
	return s.deps.Store.Complaint(ctx, c.ID)
}
