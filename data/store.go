package data

import (
	"context"
	"math"
	"strconv"
	"strings"
	"time"
)

// ScoreCounts counts responses by score; Unscored counts responses without
// a score.
type ScoreCounts struct {
	Scores   [11]int64
	Unscored int64
}

// Add adds o to c.
func (c *ScoreCounts) Add(o ScoreCounts) {
	for i := range c.Scores {
		c.Scores[i] += o.Scores[i]
	}
	c.Unscored += o.Unscored
}

// AddScore counts one response.
func (c *ScoreCounts) AddScore(s Score) {
	if s.Valid() {
		c.Scores[s]++
	} else {
		c.Unscored++
	}
}

// N is the number of scored responses.
func (c ScoreCounts) N() int64 {
	var n int64
	for _, v := range c.Scores {
		n += v
	}
	return n
}

// Promoters counts scores 9-10.
func (c ScoreCounts) Promoters() int64 { return c.Scores[9] + c.Scores[10] }

// Passives counts scores 7-8.
func (c ScoreCounts) Passives() int64 { return c.Scores[7] + c.Scores[8] }

// Detractors counts scores 0-6.
func (c ScoreCounts) Detractors() int64 {
	var n int64
	for _, v := range c.Scores[:7] {
		n += v
	}
	return n
}

// Segmentation names what daily counts are split by.
type Segmentation string

// Segmentations of feedback counts.
const (
	SegmentNone          Segmentation = ""
	SegmentChannel       Segmentation = "channel"
	SegmentTouchpoint    Segmentation = "touchpoint"
	SegmentTag           Segmentation = "tag"
	SegmentClientSegment Segmentation = "client-segment"
)

// DayScores is the score counts of one day, for one segment value when the
// query is segmented ("" otherwise).
type DayScores struct {
	Day     Day
	Segment string
	ScoreCounts
}

// DailyQuery asks for per-day score counts.
type DailyQuery struct {
	From, To   Day // inclusive; 0 = unbounded
	By         Segmentation
	Channels   []Channel // optional filter
	Touchpoint string    // optional filter
}

// ImportBatch records one import of a file.
type ImportBatch struct {
	ID         int64
	Kind       string // "feedback"
	Source     string // layout or source name; external ids are unique per source
	FileName   string
	ImportedAt time.Time
	Imported   int
	Duplicates int
	Rejected   int
}

// FeedbackImport is an import in progress: one transaction that either
// commits every added row or none.
type FeedbackImport interface {
	// Add stores one valid response. It returns false when the row is a
	// duplicate of one already stored (same source and external id).
	Add(f *Feedback) (inserted bool, err error)
	// Commit records the batch with its counts and makes the rows visible.
	Commit() (ImportBatch, error)
	// Rollback discards everything added; safe after Commit.
	Rollback() error
}

// FeedbackStore keeps feedback responses.
type FeedbackStore interface {
	Feedback(ctx context.Context, id int64) (Feedback, error)
	ListFeedback(ctx context.Context, f FeedbackFilter, p Page) ([]Feedback, error)
	CountFeedback(ctx context.Context, f FeedbackFilter) (int, error)
	CreateFeedback(ctx context.Context, f *Feedback) error
	UpdateFeedback(ctx context.Context, f *Feedback) error
	DeleteFeedback(ctx context.Context, id int64) error
	// FeedbackDaily returns score counts per day (and segment), sorted by day.
	FeedbackDaily(ctx context.Context, q DailyQuery) ([]DayScores, error)
	// FeedbackRange returns the first and last day with responses (ok=false when empty).
	FeedbackRange(ctx context.Context) (first, last Day, ok bool, err error)
	Touchpoints(ctx context.Context) ([]string, error)
	Tags(ctx context.Context) ([]string, error)
	BeginFeedbackImport(ctx context.Context, b ImportBatch) (FeedbackImport, error)
	ImportBatches(ctx context.Context) ([]ImportBatch, error)
	// DeleteImportBatch removes an import and every response it added, in
	// one transaction (a file imported with the wrong date or mapping can
	// be taken back whole). It returns how many responses went.
	DeleteImportBatch(ctx context.Context, id int64) (int, error)
}

// ClientStore keeps clients.
type ClientStore interface {
	Clients(ctx context.Context) ([]Client, error)
	CreateClient(ctx context.Context, c *Client) error
}

// SettingsStore keeps department-wide settings that the GUI and the CLI
// share (per-user preferences such as the theme live in the UI instead).
type SettingsStore interface {
	Setting(ctx context.Context, key string) (string, error) // "" when unset
	SetSetting(ctx context.Context, key, value string) error
	// Location is the department's time zone.
	Location() *time.Location
	// SetLocation changes the department's time zone and recomputes the
	// day of every stored row in the same transaction.
	SetLocation(ctx context.Context, loc *time.Location) error
	// WorkCalendar is the department's working calendar for working-hour
	// KPIs; SetWorkCalendar recomputes those durations in one transaction.
	WorkCalendar(ctx context.Context) (Calendar, error)
	SetWorkCalendar(ctx context.Context, c Calendar) error
}

// ComplaintSegmentation names what complaint rollups are split by.
type ComplaintSegmentation string

// Segmentations of complaint rollups.
const (
	ComplaintsBy           ComplaintSegmentation = ""
	ComplaintsByCategory   ComplaintSegmentation = "category" // top-level category id as text ("" = none)
	ComplaintsByChannel    ComplaintSegmentation = "channel"
	ComplaintsByPriority   ComplaintSegmentation = "priority"
	ComplaintsByAssignee   ComplaintSegmentation = "assignee" // employee id as text ("" = unassigned)
	ComplaintsByClientTier ComplaintSegmentation = "client-tier"
)

// ComplaintQuery asks for per-day complaint rollups.
type ComplaintQuery struct {
	From, To Day // inclusive; 0 = unbounded
	By       ComplaintSegmentation
}

// ComplaintDay is one day's complaint counts (for one segment value when
// segmented). Three clocks meet here: the opened cohort is counted on the
// day a complaint was opened, the resolved cohort on the day of its final
// resolution (complaints open now are not in it), and the flow on the day
// each event happened.
type ComplaintDay struct {
	Day     Day
	Segment string
	// Opened cohort.
	Opened    int64 // every type
	Negative  int64 // TypeComplaint
	Escalated int64 // escalated above frontline at some point
	Responded int64 // with a first response
	// Flow: resolutions, reopens and cancellations (closings without a
	// resolution) that happened on Day. Backlog at the end of a day =
	// opened - resolutions - cancellations + reopens, summed from the start.
	Resolutions   int64
	Reopens       int64
	Cancellations int64
	// Resolved cohort.
	Resolved    int64 // final resolution on Day
	Reopened    int64 // ... of which were reopened at least once
	FCR         int64 // ... first contact resolution (no reopen, no escalation, at most one agent)
	FCRReopen   int64 // ... resolved with no reopen (the looser FCR definition)
	Satisfied   int64 // ... whose client was satisfied
	WithVerdict int64 // ... whose client gave a verdict (satisfied or not)
}

// DurationMeasure names a duration kept in the histograms.
type DurationMeasure string

// Duration measures: calendar (wall-clock) and working hours (department
// calendar, minus time waiting for the client).
const (
	FirstResponseCalendar DurationMeasure = "first_response_calendar"
	FirstResponseWorking  DurationMeasure = "first_response_working"
	ResolutionCalendar    DurationMeasure = "resolution_calendar"
	ResolutionWorking     DurationMeasure = "resolution_working"
)

// DurationCount is how many complaints of one day fell in one histogram
// bucket (see DurationBucket). First-response durations count on the day
// the complaint was opened, resolution durations on the day of its final
// resolution.
type DurationCount struct {
	Day     Day
	Segment string
	Measure DurationMeasure
	Bucket  int
	N       int64
}

// SLAQuery asks for SLA outcomes per day.
type SLAQuery struct {
	From, To   Day   // the day the measured event happened; 0 = unbounded
	StandardID int64 // 0 = every standard
}

// SLADay counts finished items of one standard on one day.
type SLADay struct {
	Day        Day
	StandardID int64
	Achieved   int64
	Breached   int64
}

// SLAOpen counts a standard's running items at a moment.
type SLAOpen struct {
	StandardID int64
	Running    int64
	AtRisk     int64 // past AtRiskShare of the target, not yet due
	Breached   int64 // past due
	Paused     int64
}

// Denominator is the size of the base complaints are counted against in
// one month (first day of the month): clients served and orders taken.
type Denominator struct {
	Month   Day
	Clients int64
	Orders  int64
}

// ComplaintImport is a complaint import in progress: one transaction.
type ComplaintImport interface {
	// Add stores one valid complaint with its events, creating the named
	// client, category, subcategory and assignee when they are new. It
	// returns false when the complaint is already stored (same source and
	// external id).
	Add(c *Complaint) (inserted bool, err error)
	Commit() (ImportBatch, error)
	Rollback() error
}

// ComplaintStore keeps complaints with their events, derived facts, SLA
// outcomes and rollups, all written in one transaction per change.
type ComplaintStore interface {
	// Complaint returns one complaint with its events and facts.
	Complaint(ctx context.Context, id int64) (Complaint, error)
	ListComplaints(ctx context.Context, f ComplaintFilter, p Page) ([]Complaint, error)
	CountComplaints(ctx context.Context, f ComplaintFilter) (int, error)
	// CreateComplaint stores c and its Events (a "new" status event at
	// OpenedAt is added when there is none) and sets c.ID.
	CreateComplaint(ctx context.Context, c *Complaint) error
	// UpdateComplaint saves c's fields; status, level and assignee change
	// only through events.
	UpdateComplaint(ctx context.Context, c *Complaint) error
	DeleteComplaint(ctx context.Context, id int64) error
	// AddComplaintEvent appends an event (a status move must follow the
	// workflow: data.ErrInvalid otherwise) and returns the saved complaint.
	AddComplaintEvent(ctx context.Context, id int64, e ComplaintEvent) (Complaint, error)
	// DeleteComplaintEvent removes a mistaken event; facts are re-derived.
	DeleteComplaintEvent(ctx context.Context, complaintID, eventID int64) (Complaint, error)
	// AssignComplaints assigns every listed complaint in one transaction.
	AssignComplaints(ctx context.Context, ids []int64, assigneeID int64, at time.Time) error
	// SLA returns a complaint's SLA results at now (the live clock).
	SLA(ctx context.Context, id int64, now time.Time) ([]SLAResult, error)

	ComplaintDaily(ctx context.Context, q ComplaintQuery) ([]ComplaintDay, error)
	ComplaintDurations(ctx context.Context, q ComplaintQuery) ([]DurationCount, error)
	// ComplaintBacklogBefore is the number of complaints open at the start
	// of day d (for segmented queries, per segment value).
	ComplaintBacklogBefore(ctx context.Context, d Day, by ComplaintSegmentation) (map[string]int64, error)
	ComplaintRange(ctx context.Context) (first, last Day, ok bool, err error)
	SLADaily(ctx context.Context, q SLAQuery) ([]SLADay, error)
	OpenSLA(ctx context.Context, now time.Time) ([]SLAOpen, error)

	Denominators(ctx context.Context) ([]Denominator, error)
	SetDenominator(ctx context.Context, d Denominator) error

	BeginComplaintImport(ctx context.Context, b ImportBatch) (ComplaintImport, error)
}

// CategoryStore keeps the complaint categories the manager edits.
type CategoryStore interface {
	Categories(ctx context.Context) ([]Category, error)  // parents first, by English name
	SaveCategory(ctx context.Context, c *Category) error // creates when ID is 0
	// DeleteCategory fails with ErrConflict while complaints use it.
	DeleteCategory(ctx context.Context, id int64) error
}

// EmployeeStore keeps the department's employees.
type EmployeeStore interface {
	Employees(ctx context.Context) ([]Employee, error) // by name
	Employee(ctx context.Context, id int64) (Employee, error)
	// SaveEmployee creates e (ID 0) or updates it; e is normalized first.
	SaveEmployee(ctx context.Context, e *Employee) error
	// DeleteEmployee fails with ErrConflict while complaints, plan items
	// or kudos refer to the employee (set the status to left instead).
	DeleteEmployee(ctx context.Context, id int64) error
}

// TeamStore keeps what the team part of CareDesk plans and records:
// onboarding, skills, courses, the training plan, goals and kudos. Each
// method runs in one transaction.
type TeamStore interface {
	Checkpoints(ctx context.Context, employeeID int64) ([]OnboardingCheckpoint, error) // by due date
	SaveCheckpoint(ctx context.Context, c *OnboardingCheckpoint) error
	DeleteCheckpoint(ctx context.Context, id int64) error
	// PlanOnboarding adds the 30/60/90-day checkpoints with the given
	// goals, due that many days after the employee's hire date.
	PlanOnboarding(ctx context.Context, employeeID int64, goals [3]string) ([]OnboardingCheckpoint, error)

	Skills(ctx context.Context) ([]Skill, error) // by group, then name
	SaveSkill(ctx context.Context, s *Skill) error
	// DeleteSkill also removes its assessments, requirements, course and
	// category links.
	DeleteSkill(ctx context.Context, id int64) error
	// AddAssessment records a level; the history keeps every assessment.
	AddAssessment(ctx context.Context, a *SkillAssessment) error
	DeleteAssessment(ctx context.Context, id int64) error
	// Assessments returns one employee's history, newest first (0 = all
	// employees).
	Assessments(ctx context.Context, employeeID int64) ([]SkillAssessment, error)
	// CurrentLevels returns the newest assessment per employee and skill.
	CurrentLevels(ctx context.Context) ([]SkillAssessment, error)
	Requirements(ctx context.Context) ([]SkillRequirement, error)
	// SetRequirement sets what a position requires; level 0 removes it.
	SetRequirement(ctx context.Context, r SkillRequirement) error
	// CategorySkills maps a complaint category to the skills that resolving
	// it well takes.
	CategorySkills(ctx context.Context) (map[int64][]int64, error)
	SetCategorySkills(ctx context.Context, categoryID int64, skillIDs []int64) error

	Courses(ctx context.Context) ([]Course, error) // by title
	SaveCourse(ctx context.Context, c *Course) error
	// DeleteCourse fails with ErrConflict while plan items or goals use it.
	DeleteCourse(ctx context.Context, id int64) error

	TrainingItems(ctx context.Context, f TrainingFilter) ([]TrainingItem, error) // by planned start
	SaveTrainingItem(ctx context.Context, t *TrainingItem) error
	DeleteTrainingItem(ctx context.Context, id int64) error
	TrainingBudgets(ctx context.Context) ([]TrainingBudget, error) // by start
	SaveTrainingBudget(ctx context.Context, b *TrainingBudget) error
	DeleteTrainingBudget(ctx context.Context, id int64) error

	Goals(ctx context.Context, employeeID int64) ([]Goal, error) // 0 = all; by period start
	SaveGoal(ctx context.Context, g *Goal) error
	DeleteGoal(ctx context.Context, id int64) error

	// Kudos returns the recognition log, newest first; employeeID 0 = all,
	// from/to (inclusive days, 0 = unbounded) select by date.
	Kudos(ctx context.Context, employeeID int64, from, to Day) ([]Kudos, error)
	SaveKudos(ctx context.Context, k *Kudos) error
	DeleteKudos(ctx context.Context, id int64) error

	// AgentOutcomes reads what the scorecards and recommendations need for
	// complaints finally resolved from..to (inclusive days).
	AgentOutcomes(ctx context.Context, from, to Day) (AgentOutcomes, error)

	// ImportTeam stores a whole import file in one transaction: employees
	// (matched by name: existing ones are updated), courses (matched by
	// title) and plan items (matched by employee, course and planned
	// start). Items refer to employees and courses by name and title,
	// which must exist in the store or in the same import.
	ImportTeam(ctx context.Context, in TeamImport) (TeamImportResult, error)
}

// TeamImport is one team import file, parsed and validated.
type TeamImport struct {
	FileName  string
	Employees []Employee
	Courses   []CourseImport
	Items     []TrainingItemImport
}

// CourseImport is a course with its skills named (created when new).
type CourseImport struct {
	Course
	Skills []string
}

// TrainingItemImport is a plan item naming its employee and course.
type TrainingItemImport struct {
	TrainingItem
	Employee string
	Course   string
	Row      int // the file's row, for error messages
}

// TeamImportResult counts what an import did.
type TeamImportResult struct {
	Created, Updated, Unchanged int
}

// StandardStore keeps the service standards register.
type StandardStore interface {
	Standards(ctx context.Context) ([]Standard, error) // by code, versions sorted
	// SaveStandard creates or replaces a standard with all its versions and
	// re-judges every complaint it covers in the same transaction.
	SaveStandard(ctx context.Context, s *Standard) error
	DeleteStandard(ctx context.Context, id int64) error
}

// Store is everything CareDesk keeps.
type Store interface {
	FeedbackStore
	ClientStore
	SettingsStore
	ComplaintStore
	CategoryStore
	EmployeeStore
	TeamStore
	StandardStore
	// Path is the database file.
	Path() string
	// Backup writes a consistent copy of the database to dst.
	Backup(ctx context.Context, dst string) error
	Close() error
}

// Setting keys shared by the GUI and the CLI.
const (
	SettingTimeZone  = "department.timezone" // IANA name
	SettingNPSTarget = "nps.target"          // number, optional
	// SettingWorkCalendar is the department's working calendar (JSON of
	// Calendar) that working-hour KPIs use; default DefaultCalendar.
	SettingWorkCalendar = "department.calendar"
	// SettingFCRDefinition is the first-contact-resolution definition the
	// dashboard uses (kpi.FCRDefinition names; default strict).
	SettingFCRDefinition = "complaints.fcr"
	// SettingComplaintBase is what complaints are counted per 1,000 of:
	// "clients" (default) or "orders".
	SettingComplaintBase = "complaints.base"
)

// ParseNPSTarget reads an NPS target as typed by a user ("40", "+35,5",
// "−10"); empty means no target (nil). Targets lie within −100..100.
func ParseNPSTarget(s string) (*float64, error) {
	s = strings.TrimSpace(strings.NewReplacer("−", "-", ",", ".", "+", "").Replace(s))
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < -100 || v > 100 || math.IsNaN(v) {
		return nil, fieldErr("target", "settings.target.invalid", "the NPS target must be a number from -100 to 100")
	}
	return &v, nil
}
