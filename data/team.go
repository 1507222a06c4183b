package data

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// EmployeeStatus is where an employee stands with the department.
type EmployeeStatus string

// Employee statuses. Only employees who have left drop out of the roster
// views and the assignee pickers; someone on leave still has a plan.
const (
	EmployeeActive  EmployeeStatus = "active"
	EmployeeOnLeave EmployeeStatus = "on_leave"
	EmployeeLeft    EmployeeStatus = "left"
)

// EmployeeStatuses lists the statuses in display order.
var EmployeeStatuses = []EmployeeStatus{EmployeeActive, EmployeeOnLeave, EmployeeLeft}

// Valid reports whether s is a known status.
func (s EmployeeStatus) Valid() bool {
	return s == EmployeeActive || s == EmployeeOnLeave || s == EmployeeLeft
}

// OnboardingCheckpoint is one step of a new employee's 30/60/90-day plan.
type OnboardingCheckpoint struct {
	ID         int64
	EmployeeID int64
	Mark       int // days after hire the checkpoint belongs to: 30, 60 or 90
	Goal       string
	Due        Day
	Met        *bool // nil until assessed
	Comment    string
}

// OnboardingMarks are the checkpoints of an onboarding plan.
var OnboardingMarks = []int{30, 60, 90}

// Overdue reports whether the checkpoint is past due and not yet assessed.
func (c OnboardingCheckpoint) Overdue(today Day) bool { return c.Met == nil && c.Due < today }

// Validate checks the checkpoint before it is stored.
func (c *OnboardingCheckpoint) Validate() error {
	var errs ValidationErrors
	if c.EmployeeID == 0 {
		errs = append(errs, fieldErr("employee", "error.required", "employee is required"))
	}
	if strings.TrimSpace(c.Goal) == "" {
		errs = append(errs, fieldErr("goal", "error.required", "goal is required"))
	}
	if c.Due == 0 {
		errs = append(errs, fieldErr("due", "error.required", "due date is required"))
	}
	if c.Mark < 0 {
		errs = append(errs, fieldErr("mark", "error.onboarding_mark", "the checkpoint day must not be negative"))
	}
	return errs.orNil()
}

// SkillLevel is an employee's command of a skill, 0-4.
type SkillLevel int

// Skill levels.
const (
	SkillNone        SkillLevel = 0
	SkillLearning    SkillLevel = 1
	SkillWithHelp    SkillLevel = 2
	SkillIndependent SkillLevel = 3
	SkillCanTeach    SkillLevel = 4
)

// MaxSkillLevel is the top of the scale.
const MaxSkillLevel = SkillCanTeach

// Valid reports whether l is on the 0-4 scale.
func (l SkillLevel) Valid() bool { return l >= SkillNone && l <= SkillCanTeach }

// Key is the translation key of the level's name ("skill.level.3").
func (l SkillLevel) Key() string { return "skill.level." + string(rune('0'+int(l))) }

// Skill is an entry of the skills catalogue.
type Skill struct {
	ID    int64
	Name  string
	Group string // free text: "Product", "Communication"…
}

// Validate checks the skill before it is stored.
func (s *Skill) Validate() error {
	var errs ValidationErrors
	if strings.TrimSpace(s.Name) == "" {
		errs = append(errs, fieldErr("name", "error.required", "name is required"))
	}
	return errs.orNil()
}

// SkillAssessment records an employee's level in a skill on a day. The
// newest assessment per employee and skill is the current level; older
// ones are the history.
type SkillAssessment struct {
	ID         int64
	EmployeeID int64
	SkillID    int64
	Level      SkillLevel
	AssessedOn Day
	Note       string
}

// Validate checks the assessment before it is stored.
func (a *SkillAssessment) Validate() error {
	var errs ValidationErrors
	if a.EmployeeID == 0 {
		errs = append(errs, fieldErr("employee", "error.required", "employee is required"))
	}
	if a.SkillID == 0 {
		errs = append(errs, fieldErr("skill", "error.required", "skill is required"))
	}
	if !a.Level.Valid() {
		errs = append(errs, fieldErr("level", "error.skill_level", "the level must be from 0 to 4"))
	}
	if a.AssessedOn == 0 {
		errs = append(errs, fieldErr("assessed", "error.required", "assessment date is required"))
	}
	return errs.orNil()
}

// SkillRequirement is the level a position requires in a skill.
type SkillRequirement struct {
	Position string
	SkillID  int64
	Level    SkillLevel
}

// SkillGap is a required skill an employee is below the level of.
type SkillGap struct {
	EmployeeID int64
	SkillID    int64
	Required   SkillLevel
	Current    SkillLevel
}

// Size is how many levels are missing.
func (g SkillGap) Size() int { return int(g.Required - g.Current) }

// SkillGaps compares current levels (the newest assessment per employee
// and skill; a skill never assessed counts as SkillNone) with what each
// employee's position requires. Employees who have left have no gaps. The
// result is sorted by employee, then skill.
func SkillGaps(employees []Employee, current []SkillAssessment, reqs []SkillRequirement) []SkillGap {
	type key struct{ emp, skill int64 }
	level := make(map[key]SkillLevel, len(current))
	for _, a := range current {
		level[key{a.EmployeeID, a.SkillID}] = a.Level
	}
	byPosition := map[string][]SkillRequirement{}
	for _, r := range reqs {
		p := strings.ToLower(strings.TrimSpace(r.Position))
		byPosition[p] = append(byPosition[p], r)
	}
	var gaps []SkillGap
	for _, e := range employees {
		if e.Status == EmployeeLeft {
			continue
		}
		for _, r := range byPosition[strings.ToLower(strings.TrimSpace(e.Position))] {
			if cur := level[key{e.ID, r.SkillID}]; cur < r.Level {
				gaps = append(gaps, SkillGap{EmployeeID: e.ID, SkillID: r.SkillID, Required: r.Level, Current: cur})
			}
		}
	}
	sortGaps(gaps)
	return gaps
}

// CourseFormat is how a course is delivered.
type CourseFormat string

// Course formats.
const (
	FormatClassroom CourseFormat = "classroom"
	FormatOnline    CourseFormat = "online"
	FormatMentoring CourseFormat = "mentoring"
	FormatShadowing CourseFormat = "shadowing"
)

// CourseFormats lists the formats in display order.
var CourseFormats = []CourseFormat{FormatClassroom, FormatOnline, FormatMentoring, FormatShadowing}

// Valid reports whether f is a known format.
func (f CourseFormat) Valid() bool {
	return f == FormatClassroom || f == FormatOnline || f == FormatMentoring || f == FormatShadowing
}

// Course is an entry of the course catalogue.
type Course struct {
	ID       int64
	Title    string
	SkillIDs []int64 // the skills it develops
	Format   CourseFormat
	Hours    float64
	Provider string
	Cost     int64 // per participant, minor units (kopecks, cents)
}

// Validate checks the course before it is stored.
func (c *Course) Validate() error {
	var errs ValidationErrors
	if strings.TrimSpace(c.Title) == "" {
		errs = append(errs, fieldErr("title", "error.required", "title is required"))
	}
	if !c.Format.Valid() {
		errs = append(errs, fieldErr("format", "error.course_format", "unknown course format %q", string(c.Format)))
	}
	if c.Hours < 0 || c.Hours > 10000 {
		errs = append(errs, fieldErr("hours", "error.course_hours", "hours must be from 0 to 10000"))
	}
	if c.Cost < 0 {
		errs = append(errs, fieldErr("cost", "error.negative_cost", "cost must not be negative"))
	}
	return errs.orNil()
}

// TrainingStatus is where a training plan item stands.
type TrainingStatus string

// Training statuses. Overdue is not a status: it follows from the dates
// (see TrainingItem.Overdue).
const (
	TrainingPlanned    TrainingStatus = "planned"
	TrainingInProgress TrainingStatus = "in_progress"
	TrainingDone       TrainingStatus = "done"
	TrainingCancelled  TrainingStatus = "cancelled"
)

// TrainingStatuses lists the statuses in display order.
var TrainingStatuses = []TrainingStatus{TrainingPlanned, TrainingInProgress, TrainingDone, TrainingCancelled}

// Valid reports whether s is a known status.
func (s TrainingStatus) Valid() bool {
	return s == TrainingPlanned || s == TrainingInProgress || s == TrainingDone || s == TrainingCancelled
}

// Open reports whether the item is still to be done.
func (s TrainingStatus) Open() bool { return s == TrainingPlanned || s == TrainingInProgress }

// TrainingItem is one course planned for one employee.
type TrainingItem struct {
	ID           int64
	EmployeeID   int64
	CourseID     int64
	PlannedStart Day
	PlannedEnd   Day
	Status       TrainingStatus
	StartedOn    Day // 0 = not recorded
	CompletedOn  Day // set when done
	Result       string
	Certificate  string // path of the certificate file, as the user chose it
}

// Overdue reports whether the item is still open after its planned end.
func (t TrainingItem) Overdue(today Day) bool { return t.Status.Open() && t.PlannedEnd < today }

// Validate checks the item before it is stored.
func (t *TrainingItem) Validate() error {
	var errs ValidationErrors
	if t.EmployeeID == 0 {
		errs = append(errs, fieldErr("employee", "error.required", "employee is required"))
	}
	if t.CourseID == 0 {
		errs = append(errs, fieldErr("course", "error.required", "course is required"))
	}
	if t.PlannedStart == 0 || t.PlannedEnd == 0 {
		errs = append(errs, fieldErr("planned", "error.required", "planned start and end are required"))
	} else if t.PlannedEnd < t.PlannedStart {
		errs = append(errs, fieldErr("planned", "error.planned_order", "the planned end is before the start"))
	}
	if !t.Status.Valid() {
		errs = append(errs, fieldErr("status", "error.training_status", "unknown training status %q", string(t.Status)))
	}
	if t.Status == TrainingDone && t.CompletedOn == 0 {
		errs = append(errs, fieldErr("completed", "error.completed_required", "a finished training needs its completion date"))
	}
	if t.Status != TrainingDone && t.CompletedOn != 0 {
		errs = append(errs, fieldErr("completed", "error.completed_not_done", "only a finished training has a completion date"))
	}
	return errs.orNil()
}

// TrainingBudget is a training plan's period (a quarter or a year) with
// the money set aside for it. Items belong to the budget whose period
// holds their planned start.
type TrainingBudget struct {
	ID     int64
	Title  string
	From   Day   // inclusive
	To     Day   // inclusive
	Amount int64 // minor units
}

// Validate checks the budget before it is stored.
func (b *TrainingBudget) Validate() error {
	var errs ValidationErrors
	if b.From == 0 || b.To == 0 {
		errs = append(errs, fieldErr("period", "error.required", "the period is required"))
	} else if b.To < b.From {
		errs = append(errs, fieldErr("period", "error.period_order", "the period ends before it starts"))
	}
	if b.Amount < 0 {
		errs = append(errs, fieldErr("amount", "error.negative_cost", "cost must not be negative"))
	}
	return errs.orNil()
}

// GoalMetric is what an employee goal measures.
type GoalMetric string

// Goal metrics: the scorecard's figures, or a course to finish.
const (
	GoalComplaintsHandled GoalMetric = "complaints_handled"  // at least Target
	GoalMedianResolution  GoalMetric = "median_resolution_h" // at most Target working hours
	GoalReopenRate        GoalMetric = "reopen_rate"         // at most Target percent
	GoalSLACompliance     GoalMetric = "sla_compliance"      // at least Target percent
	GoalSatisfiedShare    GoalMetric = "satisfied_share"     // at least Target percent
	GoalNPS               GoalMetric = "nps"                 // at least Target
	GoalKudos             GoalMetric = "kudos"               // at least Target
	GoalCourse            GoalMetric = "course"              // finish CourseID within the period
)

// GoalMetrics lists the metrics in display order.
var GoalMetrics = []GoalMetric{GoalComplaintsHandled, GoalMedianResolution, GoalReopenRate, GoalSLACompliance,
	GoalSatisfiedShare, GoalNPS, GoalKudos, GoalCourse}

// Valid reports whether m is a known metric.
func (m GoalMetric) Valid() bool {
	for _, k := range GoalMetrics {
		if m == k {
			return true
		}
	}
	return false
}

// LowerIsBetter reports whether the goal is met at or below its target.
func (m GoalMetric) LowerIsBetter() bool { return m == GoalMedianResolution || m == GoalReopenRate }

// Goal is a target an employee works towards in a period.
type Goal struct {
	ID         int64
	EmployeeID int64
	From, To   Day // inclusive
	Metric     GoalMetric
	Target     float64 // unused for GoalCourse
	CourseID   int64   // GoalCourse only
	Note       string
}

// Validate checks the goal before it is stored.
func (g *Goal) Validate() error {
	var errs ValidationErrors
	if g.EmployeeID == 0 {
		errs = append(errs, fieldErr("employee", "error.required", "employee is required"))
	}
	if g.From == 0 || g.To == 0 {
		errs = append(errs, fieldErr("period", "error.required", "the period is required"))
	} else if g.To < g.From {
		errs = append(errs, fieldErr("period", "error.period_order", "the period ends before it starts"))
	}
	if !g.Metric.Valid() {
		errs = append(errs, fieldErr("metric", "error.goal_metric", "unknown goal metric %q", string(g.Metric)))
	}
	if g.Metric == GoalCourse && g.CourseID == 0 {
		errs = append(errs, fieldErr("course", "error.required", "course is required"))
	}
	if g.Metric != GoalCourse && g.Target < 0 && g.Metric != GoalNPS {
		errs = append(errs, fieldErr("target", "error.goal_target", "the target must not be negative"))
	}
	return errs.orNil()
}

// Kudos is one entry of the recognition log.
type Kudos struct {
	ID          int64
	EmployeeID  int64
	At          time.Time
	From        string // who gave it: the manager, a colleague, a client
	Text        string
	ComplaintID int64 // optional: a complaint resolved well
	FeedbackID  int64 // optional: a feedback response that names the employee
}

// Validate checks the entry before it is stored.
func (k *Kudos) Validate() error {
	var errs ValidationErrors
	if k.EmployeeID == 0 {
		errs = append(errs, fieldErr("employee", "error.required", "employee is required"))
	}
	if strings.TrimSpace(k.Text) == "" {
		errs = append(errs, fieldErr("text", "error.required", "text is required"))
	}
	if k.At.IsZero() {
		errs = append(errs, fieldErr("at", "error.required", "date is required"))
	}
	return errs.orNil()
}

// TrainingFilter selects training plan items. Zero fields select all.
type TrainingFilter struct {
	EmployeeID int64
	CourseID   int64
	// From and To select items whose planned period or completion date
	// falls in the range (inclusive).
	From, To Day
	// KeepOpen also selects items planned to end before From that are
	// still open: an overdue course from last year is still to do this
	// year.
	KeepOpen bool
}

// AgentOutcome is what one employee's complaints finally resolved in a
// period came to, for one top-level category (0 = none). Scorecards sum
// the categories; recommendations compare them.
type AgentOutcome struct {
	EmployeeID  int64
	CategoryID  int64
	Handled     int64 // complaints finally resolved in the period with this assignee
	Reopened    int64 // ... reopened at least once
	Satisfied   int64 // ... whose client was satisfied
	WithVerdict int64 // ... whose client gave a verdict
	SLAAchieved int64 // finished SLA items of those complaints that met their target
	SLABreached int64 // ... that missed it
}

// AgentResolution is one resolved complaint's working-hour resolution time
// (seconds), for per-agent medians.
type AgentResolution struct {
	EmployeeID int64
	Seconds    int64
}

// AgentOutcomes is everything the per-agent scorecards read for a period.
type AgentOutcomes struct {
	Outcomes    []AgentOutcome
	Resolutions []AgentResolution // complaints with a known working-hour resolution time
	// Feedback counts the scores of feedback responses given in the period
	// by clients whose complaints the employee resolved in the period.
	Feedback map[int64]ScoreCounts
}

func sortGaps(gaps []SkillGap) {
	slices.SortFunc(gaps, func(a, b SkillGap) int {
		return cmp.Or(cmp.Compare(a.EmployeeID, b.EmployeeID), cmp.Compare(a.SkillID, b.SkillID))
	})
}
