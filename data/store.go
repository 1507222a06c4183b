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
}

// Store is everything CareDesk keeps.
type Store interface {
	FeedbackStore
	ClientStore
	SettingsStore
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
