package feedback

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// Field names of data.Feedback.Validate plus the form's own time field.
const (
	fieldDate       = "responded_at"
	fieldTime       = "time"
	fieldScore      = "score"
	fieldComment    = "comment"
	fieldChannel    = "channel"
	fieldTouchpoint = "touchpoint"
	fieldClient     = "client"
	fieldTags       = "tags"
)

// feedbackForm is the add/edit dialog of one response.
type feedbackForm struct {
	s           *Screen
	original    data.Feedback // ID 0 when adding
	restoreKeys func()        // puts back the window's keys from before the form
	state       *widgets.FormState
	cancel      func() // Cancel and Escape: asks first when something was changed

	date       *widgets.DateEntry
	clock      *widgets.Entry
	score      data.Score
	scoreBtns  []*widget.Button // 0..10, then "no score"
	comment    *widgets.Entry
	channel    *widget.Select
	touchpoint *widgets.SelectEntry
	client     *widgets.SelectEntry
	tags       *widgets.Entry
	errs       widgets.FieldErrors
	saveBtn    *widget.Button
	dlg        *dialog.CustomDialog
}

// NewResponse opens the form for a new response, dated now.
func (s *Screen) NewResponse() {
	s.openForm(data.Feedback{RespondedAt: time.Now(), Score: data.NoScore})
}

func (s *Screen) openForm(f data.Feedback) {
	fm := &feedbackForm{s: s, original: f, score: f.Score, errs: widgets.FieldErrors{}}
	content := fm.build()
	title := lang.L("feedback.form.add_title")
	if f.ID != 0 {
		title = lang.L("feedback.form.edit_title")
	}
	fm.state = widgets.NewFormState(fm.date, fm.clock, fm.comment, fm.channel, fm.touchpoint, fm.client, fm.tags,
		func() string { return strconv.Itoa(int(fm.score)) })
	fm.cancel = widgets.AskToDiscard(s.deps.Window, fm.state.Changed, fm.close)
	fm.dlg = dialog.NewCustomWithoutButtons(title, content, s.deps.Window)
	cancel := widget.NewButton(lang.L("feedback.form.cancel"), fm.cancel)
	fm.saveBtn = widget.NewButton(lang.L("feedback.form.save"), fm.save)
	fm.saveBtn.Importance = widget.HighImportance
	fm.dlg.SetButtons([]fyne.CanvasObject{cancel, fm.saveBtn})
	fm.dlg.Resize(fyne.NewSize(640, content.MinSize().Height+140))
	s.form = fm
	fm.restoreKeys = widgets.FormKeys(s.deps.Window, fm.cancel, fm.saveBtn)
	fm.dlg.Show()
	// The date is filled and the score is a row of buttons: the keyboard
	// starts in the comment, the field typed in.
	s.deps.Window.Canvas().Focus(fm.comment)
}

func (fm *feedbackForm) close() {
	if fm.restoreKeys != nil {
		fm.restoreKeys()
		fm.restoreKeys = nil
	}
	fm.dlg.Hide()
	if fm.s.form == fm {
		fm.s.form = nil
	}
}

func (fm *feedbackForm) build() fyne.CanvasObject {
	s, f := fm.s, fm.original
	loc := s.deps.Store.Location()

	fm.date = widgets.NewDateEntry()
	fm.clock = widgets.NewEntry()
	fm.clock.SetPlaceHolder("HH:MM")
	if !f.RespondedAt.IsZero() {
		t := f.RespondedAt.In(loc)
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		fm.date.SetDate(&day)
		fm.clock.SetText(t.Format("15:04"))
	}

	scoreRow := container.NewHBox()
	for i := 0; i <= 10; i++ {
		score := data.Score(i)
		b := widget.NewButton(strconv.Itoa(i), func() { fm.setScore(score) })
		fm.scoreBtns = append(fm.scoreBtns, b)
		scoreRow.Add(b)
	}
	noScore := widget.NewButton(lang.L("feedback.form.no_score"), func() { fm.setScore(data.NoScore) })
	fm.scoreBtns = append(fm.scoreBtns, noScore)
	scoreRow.Add(noScore)
	fm.setScore(f.Score)

	fm.comment = widgets.NewMultiLineEntry()
	fm.comment.Wrapping = fyne.TextWrapWord
	fm.comment.SetMinRowsVisible(4)
	fm.comment.SetText(f.Comment)

	channels := []string{"—"}
	for _, c := range data.Channels {
		channels = append(channels, widgets.ChannelName(c))
	}
	fm.channel = widget.NewSelect(channels, nil)
	fm.channel.SetSelectedIndex(0)
	for i, c := range data.Channels {
		if c == f.Channel {
			fm.channel.SetSelectedIndex(i + 1)
		}
	}

	s.mu.Lock()
	touchpoints := append([]string(nil), s.touchpoints...)
	var clientNames []string
	for _, c := range s.clients {
		clientNames = append(clientNames, c.Name)
	}
	s.mu.Unlock()
	fm.touchpoint = widgets.NewSelectEntry(touchpoints)
	fm.touchpoint.SetText(f.Touchpoint)
	fm.client = widgets.NewSelectEntry(clientNames)
	fm.client.SetText(f.ClientName)
	fm.tags = widgets.NewEntry()
	fm.tags.SetPlaceHolder(lang.L("feedback.form.tags_hint"))
	fm.tags.SetText(strings.Join(f.Tags, ", "))

	when := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(90, fm.clock.MinSize().Height), fm.clock), fm.date)
	grid := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("feedback.form.date")), fm.errs.Under(when, fieldDate, fieldTime),
		widgets.FormLabel(lang.L("feedback.form.score")), fm.errs.Under(scoreRow, fieldScore),
		widgets.FormLabel(lang.L("feedback.form.comment")), fm.errs.Under(fm.comment, fieldComment),
		widgets.FormLabel(lang.L("feedback.form.channel")), fm.errs.Under(fm.channel, fieldChannel),
		widgets.FormLabel(lang.L("feedback.form.touchpoint")), fm.errs.Under(fm.touchpoint, fieldTouchpoint),
		widgets.FormLabel(lang.L("feedback.form.client")), fm.errs.Under(fm.client, fieldClient),
		widgets.FormLabel(lang.L("feedback.form.tags")), fm.errs.Under(fm.tags, fieldTags),
	)
	return grid
}

func (fm *feedbackForm) setScore(score data.Score) {
	fm.score = score
	for i, b := range fm.scoreBtns {
		b.Importance = widget.MediumImportance
		if i == int(score) || (i == 11 && score == data.NoScore) {
			b.Importance = widget.HighImportance
			if score.Valid() {
				b.Importance = scoreImportance(score)
			}
		}
		b.Refresh()
	}
}

// collect builds the response from the fields and checks it; the errors
// are keyed by the form's field names.
func (fm *feedbackForm) collect() (data.Feedback, data.ValidationErrors) {
	s := fm.s
	f := fm.original
	f.Tags = nil
	errs := widgets.ReadDateTime(fm.date, fm.clock.Text, s.deps.Store.Location(), &f.RespondedAt, fieldDate, fieldTime)

	f.Score = fm.score
	f.Comment = strings.TrimSpace(fm.comment.Text)
	f.Channel = ""
	if i := fm.channel.SelectedIndex(); i > 0 {
		f.Channel = data.Channels[i-1]
	}
	f.Touchpoint = strings.TrimSpace(fm.touchpoint.Text)
	name := strings.TrimSpace(fm.client.Text)
	if !strings.EqualFold(name, fm.original.ClientName) {
		// The store links the response to the named client, creating it
		// when it is new.
		f.ClientID, f.ClientName, f.Segment = 0, name, ""
	}
	f.Tags = data.ParseTags(fm.tags.Text)

	var verrs data.ValidationErrors
	if err := f.Validate(); errors.As(err, &verrs) {
		for _, e := range verrs {
			// an unparseable date already has its own message
			if e.Field != fieldDate || errs.For(fieldDate) == nil {
				errs = append(errs, e)
			}
		}
	}
	return f, errs
}

func (fm *feedbackForm) save() {
	f, errs := fm.collect()
	fm.errs.Show(errs, fm.s.showError)
	if len(errs) > 0 {
		return
	}
	fm.saveBtn.Disable()
	s := fm.s
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		var err error
		if f.ID == 0 {
			err = s.deps.Store.CreateFeedback(context.Background(), &f)
		} else {
			err = s.deps.Store.UpdateFeedback(context.Background(), &f)
		}
		widgets.Do(func() {
			fm.saveBtn.Enable()
			var verrs data.ValidationErrors
			switch {
			case errors.As(err, &verrs):
				fm.errs.Show(verrs, fm.s.showError)
			case err != nil:
				s.showError(err)
			default:
				fm.close()
				s.afterChange()
			}
		})
	})
}

// afterChange tells the other screens and reloads this one.
func (s *Screen) afterChange() {
	if s.deps.Changed != nil {
		s.deps.Changed()
	}
	s.Refresh()
}

func (s *Screen) onDelete() {
	_, f, ok := s.table.Selected()
	if !ok {
		return
	}
	when := data.FormatDateTime(widgets.Lang(), f.RespondedAt.In(s.deps.Store.Location()))
	widgets.Confirm(lang.L("feedback.delete.title"),
		lang.L("feedback.delete.text", map[string]any{"Date": when}),
		func(yes bool) {
			if yes {
				s.deleteFeedback(f.ID)
			}
		}, s.deps.Window)
}

func (s *Screen) deleteFeedback(id int64) {
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		err := s.deps.Store.DeleteFeedback(context.Background(), id)
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			s.afterChange()
		})
	})
}
