package team

import (
	"context"
	"errors"
	"strconv"
	"strings"
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

// kudosTab is the employee's recognition log with a form to add to it.
type kudosTab struct {
	c *card

	text      *widgets.Entry
	from      *widgets.Entry
	complaint *widgets.Entry
	feedback  *widgets.Entry
	errs      widgets.FieldErrors
	list      *widget.List
	empty     *widget.Label
	content   fyne.CanvasObject
}

func newKudosTab(c *card) *kudosTab {
	k := &kudosTab{c: c, errs: widgets.FieldErrors{}}
	submit := func(string) { k.add() }
	k.text = widgets.NewEntry()
	k.text.SetPlaceHolder(lang.L("team.kudos.text_placeholder"))
	k.from = widgets.NewEntry()
	k.from.SetPlaceHolder(lang.L("team.kudos.from_placeholder"))
	k.complaint, k.feedback = widgets.NewEntry(), widgets.NewEntry()
	k.complaint.SetPlaceHolder(lang.L("team.kudos.optional"))
	k.feedback.SetPlaceHolder(lang.L("team.kudos.optional"))
	for _, e := range []*widgets.Entry{k.text, k.from, k.complaint, k.feedback} {
		e.OnSubmitted = submit
	}
	add := widget.NewButtonWithIcon(lang.L("team.kudos.add"), theme.ContentAddIcon(), k.add)
	add.Importance = widget.HighImportance
	form := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("team.kudos.text")), k.errs.Under(k.text, "text"),
		widgets.FormLabel(lang.L("team.kudos.from")), k.from,
		widgets.FormLabel(lang.L("team.kudos.links")), container.NewHBox(
			widget.NewLabel(lang.L("team.kudos.complaint")), k.errs.Under(widgets.FixedWidth(k.complaint, 120), "complaint"),
			widget.NewLabel(lang.L("team.kudos.feedback")), k.errs.Under(widgets.FixedWidth(k.feedback, 120), "feedback"),
			layout.NewSpacer(), add))
	k.list = widget.NewList(
		func() int { return len(c.cd.kudos) },
		func() fyne.CanvasObject {
			head := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			head.Truncation = fyne.TextTruncateEllipsis
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			del.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, del, container.NewVBox(head, text))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			kd := c.cd.kudos[id]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(widgets.SingleLine(kudosHead(kd, c.s.deps.Store.Location())))
			texts.Objects[1].(*widget.Label).SetText(widgets.SingleLine(kd.Text))
			row.Objects[1].(*widget.Button).OnTapped = func() { k.confirmDelete(kd) }
		})
	k.empty = widget.NewLabel(lang.L("team.kudos.none"))
	k.content = container.NewBorder(container.NewVBox(form, widget.NewSeparator(), k.empty), nil, nil, nil, k.list)
	return k
}

// kudosHead is "12 Mar 2026 · from the manager · complaint #123".
func kudosHead(k data.Kudos, loc *time.Location) string {
	head := data.FormatDate(widgets.Lang(), k.At.In(loc))
	if k.From != "" {
		head += " · " + lang.L("team.kudos.by", map[string]any{"From": k.From})
	}
	if k.ComplaintID != 0 {
		head += " · " + lang.L("team.kudos.complaint_link", map[string]any{"ID": k.ComplaintID})
	}
	if k.FeedbackID != 0 {
		head += " · " + lang.L("team.kudos.feedback_link", map[string]any{"ID": k.FeedbackID})
	}
	return head
}

func (k *kudosTab) apply() {
	if len(k.c.cd.kudos) == 0 {
		k.empty.Show()
	} else {
		k.empty.Hide()
	}
	k.list.Refresh()
}

// readID reads an optional record number: 0 when empty.
func readID(text string) (int64, bool) {
	text = strings.TrimPrefix(strings.TrimSpace(text), "#")
	if text == "" {
		return 0, true
	}
	id, err := strconv.ParseInt(text, 10, 64)
	return id, err == nil && id > 0
}

// unsent reports a kudos typed and not added. The sender stays between
// kudos, so it alone is not one.
func (k *kudosTab) unsent() bool {
	return strings.TrimSpace(k.text.Text+k.complaint.Text+k.feedback.Text) != ""
}

func (k *kudosTab) add() {
	s := k.c.s
	kd := data.Kudos{EmployeeID: k.c.id, At: time.Now(), From: strings.TrimSpace(k.from.Text), Text: strings.TrimSpace(k.text.Text)}
	var errs data.ValidationErrors
	var ok bool
	if kd.ComplaintID, ok = readID(k.complaint.Text); !ok {
		errs = append(errs, &data.FieldError{Field: "complaint", Key: "team.error.id", Message: "enter a record number"})
	}
	if kd.FeedbackID, ok = readID(k.feedback.Text); !ok {
		errs = append(errs, &data.FieldError{Field: "feedback", Key: "team.error.id", Message: "enter a record number"})
	}
	var verrs data.ValidationErrors
	if err := kd.Validate(); errors.As(err, &verrs) {
		errs = append(errs, verrs...)
	}
	if len(errs) > 0 {
		k.errs.Show(errs, s.showError)
		return
	}
	s.write(func(ctx context.Context) error { return s.deps.Store.SaveKudos(ctx, &kd) }, func(err error) {
		var verrs data.ValidationErrors
		switch {
		case errors.As(err, &verrs):
			k.errs.Show(verrs, s.showError)
		case err != nil:
			s.showError(err) // a link to a record that does not exist names it
		default:
			k.errs.Show(nil, nil)
			k.text.SetText("")
			k.complaint.SetText("")
			k.feedback.SetText("")
		}
	})
}

func (k *kudosTab) confirmDelete(kd data.Kudos) {
	s := k.c.s
	widgets.Confirm(lang.L("team.kudos.delete_title"), lang.L("team.kudos.delete_text"), func(yes bool) {
		if yes {
			s.write(func(ctx context.Context) error { return s.deps.Store.DeleteKudos(ctx, kd.ID) }, nil)
		}
	}, s.deps.Window)
}
