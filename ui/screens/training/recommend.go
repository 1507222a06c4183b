package training

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// lastDays is a preset of the n days up to today: recommendations look
// back over kpi.RecommendationWindow days by default.
type lastDays int

func (n lastDays) String() string { return fmt.Sprintf("%dd", int(n)) }

// Range is the n days ending today.
func (n lastDays) Range(today data.Day) (from, to data.Day) { return today - data.Day(n) + 1, today }

var recPresets = []widgets.PeriodPreset{lastDays(kpi.RecommendationWindow), kpi.PresetLast30Days, kpi.PresetThisQuarter, kpi.PresetThisYear}

// shownRecommendations caps the cards built at once: the top of the
// ranking is what a manager acts on.
const shownRecommendations = 60

// recsTab lists the skills each employee would gain from developing, with
// the reasons and the courses that develop them.
type recsTab struct {
	s *Screen

	period  *widgets.PeriodPicker
	status  *widget.Label
	list    *fyne.Container
	recs    []kpi.Recommendation // UI goroutine only
	loadGen int

	box fyne.CanvasObject
}

func (s *Screen) buildRecommendations() *recsTab {
	r := &recsTab{s: s}
	r.period = widgets.NewPeriodPicker(recPresets, 190, 130, func() { r.load() })
	r.period.Select.Selected = r.period.Select.Options[0] // no load while building
	r.status = widget.NewLabel("")
	r.status.Importance = widget.LowImportance
	r.status.Wrapping = fyne.TextWrapWord
	r.list = container.NewVBox()
	hint := widget.NewLabel(lang.L("training.rec.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	top := container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("training.rec.period")), r.period.Content()), hint)
	r.box = container.NewBorder(top, r.status, nil, nil, container.NewVScroll(r.list))
	return r
}

// load computes the recommendations of the chosen period off the UI
// goroutine.
func (r *recsTab) load() {
	s := r.s
	today := s.today()
	from, to := r.period.Range(today)
	if from != 0 && to != 0 && from > to {
		from, to = to, from
	}
	r.loadGen++
	gen := r.loadGen
	r.status.SetText(lang.L("dashboard.loading"))
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		recs, err := kpi.LoadRecommendations(context.Background(), s.deps.Store, from, to, today)
		widgets.Do(func() {
			if gen != r.loadGen {
				return
			}
			if err != nil {
				r.status.SetText("")
				s.showError(err)
				return
			}
			r.apply(recs)
		})
	})
}

func (r *recsTab) apply(recs []kpi.Recommendation) {
	r.recs = recs
	r.list.Objects = nil
	if len(recs) == 0 {
		title := widget.NewLabelWithStyle(lang.L("training.rec.empty_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		text := widget.NewLabelWithStyle(lang.L("training.rec.empty_text"), fyne.TextAlignCenter, fyne.TextStyle{})
		text.Wrapping = fyne.TextWrapWord
		r.list.Add(container.NewPadded(container.NewVBox(title, text)))
	}
	for i, rec := range recs {
		if i == shownRecommendations {
			break
		}
		r.list.Add(r.card(rec))
	}
	r.list.Refresh()
	status := lang.LocalizePluralKey("training.rec.count", fmt.Sprint(len(recs)), len(recs), map[string]any{"N": widgets.Int(int64(len(recs)))})
	if len(recs) > shownRecommendations {
		status += " · " + lang.L("training.rec.top", map[string]any{"N": shownRecommendations})
	}
	r.status.SetText(status)
}

// card is one recommendation: who and which skill, why, and the courses
// with a button each that plans it.
func (r *recsTab) card(rec kpi.Recommendation) fyne.CanvasObject {
	look := r.s.look
	head := widget.NewLabelWithStyle(look.employeeName(rec.EmployeeID)+" — "+r.skillName(rec.SkillID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	badge := widget.NewLabel(significance(rec))
	badge.SizeName = theme.SizeNameCaptionText
	if rec.Significant {
		badge.Importance = widget.DangerImportance
	} else {
		badge.Importance = widget.LowImportance
	}
	box := container.NewVBox(container.NewHBox(head, badge))
	for _, reason := range rec.Reasons() {
		l := widget.NewLabel("• " + widgets.Translated(reason.Key, reason.Args, reason.Key))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	if len(rec.Courses) == 0 {
		key := "training.rec.no_course"
		if slices.ContainsFunc(look.courses, func(c data.Course) bool { return slices.Contains(c.SkillIDs, rec.SkillID) }) {
			key = "training.rec.courses_taken" // the catalogue has some, all done or planned by the employee
		}
		none := widget.NewLabel(lang.L(key))
		none.Importance = widget.LowImportance
		box.Add(none)
	}
	for _, co := range rec.Courses {
		add := widget.NewButtonWithIcon(lang.L("training.rec.add"), theme.ContentAddIcon(), func() { r.s.AddToPlan(rec.EmployeeID, co) })
		title := widget.NewLabel(co.Title + " · " + courseSummary(co))
		title.Truncation = fyne.TextTruncateEllipsis
		box.Add(container.NewBorder(nil, nil, nil, add, title))
	}
	box.Add(widget.NewSeparator())
	return box
}

func (r *recsTab) skillName(id int64) string {
	for _, sk := range r.s.look.skills {
		if sk.ID == id {
			return sk.Name
		}
	}
	return "—"
}

// significance says how far the figures behind a recommendation can be
// trusted: a significant excess, a gap against the position, or a hint.
func significance(rec kpi.Recommendation) string {
	switch {
	case rec.Significant:
		return lang.L("training.rec.significant")
	case len(rec.Outcomes) == 0:
		return lang.L("training.rec.gap_only")
	}
	for _, o := range rec.Outcomes {
		if o.Thin {
			return lang.L("training.rec.thin")
		}
	}
	return lang.L("training.rec.not_significant")
}

// AddToPlan plans a course for an employee in one step, from the next
// Monday for the course's length, then shows the new item in the plan.
func (s *Screen) AddToPlan(employeeID int64, co data.Course) {
	start, end := data.SuggestPlanDates(co, s.today())
	it := data.TrainingItem{EmployeeID: employeeID, CourseID: co.ID, PlannedStart: start, PlannedEnd: end, Status: data.TrainingPlanned}
	s.save(func(ctx context.Context) error { return s.deps.Store.SaveTrainingItem(ctx, &it) }, func(err error) {
		if err != nil {
			s.showError(err)
			return
		}
		s.ShowItem(it.ID)
	})
}
