// Package demo fills a store with realistic, reproducible NPS feedback and
// complaints so the application can be tried, shown and benchmarked
// without real data.
//
// The data follows one story: a department whose NPS climbs from about −5
// to about +35 over the period, dips every December/January when delivery
// is overloaded, with Delivery the weakest touchpoint. Comments are written
// in Russian and English, mostly in Options.Lang, and agree with the score,
// the touchpoint and the tags. Complaints tell the same story: delivery
// complaints peak in December/January, when every queue is slower; the
// team resolves faster and better over the period; key clients escalate
// more. Their texts are the sentences detractors write in the survey.
//
// The same Options always give the same rows: every draw comes from a PCG
// stream seeded with Options.Seed (one for feedback, one for complaints),
// in a fixed order.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caredesk/data"
)

// Source is the import source of demo rows. External ids are
// "<seed>-<n>" for responses and "<seed>-c<n>" for complaints, so importing the same seed again finds every row a
// duplicate and adds nothing.
const Source = "demo"

// Limits keep a typo from filling the disk.
const (
	MaxMonths     = 120
	MaxResponses  = 10_000_000
	MaxComplaints = 10_000_000
)

// Options shape the demo data set.
type Options struct {
	Months     int       // length of the period, ending on End
	Responses  int       // exact number of responses
	Complaints int       // exact number of complaints (appeals of every type)
	Seed       int64     // same seed, same data
	End        time.Time // last day (its calendar date); zero means today
	Lang       string    // "ru" (also "") or "en": the language of most comments and names
}

// DefaultOptions is two years of 50,000 responses and 12,000 complaints,
// seed 1, in Russian.
func DefaultOptions() Options {
	return Options{Months: 24, Responses: 50_000, Complaints: 12_000, Seed: 1, Lang: "ru"}
}

// Validate checks the options; errors match data.ErrInvalid.
func (o Options) Validate() error {
	switch {
	case o.Months < 1 || o.Months > MaxMonths:
		return fmt.Errorf("demo: months must be 1 to %d, got %d: %w", MaxMonths, o.Months, data.ErrInvalid)
	case o.Responses < 1 || o.Responses > MaxResponses:
		return fmt.Errorf("demo: responses must be 1 to %d, got %d: %w", MaxResponses, o.Responses, data.ErrInvalid)
	case o.Complaints < 0 || o.Complaints > MaxComplaints:
		return fmt.Errorf("demo: complaints must be 0 to %d, got %d: %w", MaxComplaints, o.Complaints, data.ErrInvalid)
	case o.Lang != "" && o.Lang != "ru" && o.Lang != "en":
		return fmt.Errorf("demo: language must be ru or en, got %q: %w", o.Lang, data.ErrInvalid)
	}
	return nil
}

// Rows between two looks at ctx and two progress reports.
const (
	cancelCheckEvery = 2048
	progressEvery    = 1000
)

// Result is what one demo run added. Reference counts are the rows this
// run created; a re-run finds them and creates none.
type Result struct {
	Feedback     data.ImportBatch
	Complaints   data.ImportBatch
	Employees    int
	Categories   int // categories and subcategories
	Clients      int
	Standards    int
	Denominators int
	Team         TeamResult
}

// Generate fills st like Fill and returns the feedback import batch.
func Generate(ctx context.Context, st data.Store, o Options, progress func(done, total int)) (data.ImportBatch, error) {
	r, err := Fill(ctx, st, o, progress)
	return r.Feedback, err
}

// settingDemoLang keeps the language the demo data was first written in.
const settingDemoLang = "demo.lang"

// langOrDefault is the demo language, Russian when unset.
func langOrDefault(lang string) string {
	if lang == "" {
		return "ru"
	}
	return lang
}

// Fill writes the demo data set into st: first the reference data the
// rows point at (team, categories, clients with tiers, service standards,
// monthly denominators), each item only when it is missing; then the
// feedback responses in one import transaction and the complaints with
// their histories in another; last the team's details, skills, courses,
// training plan, goals and kudos, which follow the complaints stored
// (fillTeam). Each import is all-or-nothing; a run that
// fails or is cancelled part way leaves whole steps behind, and running
// it again completes the data set without adding anything twice.
// progress, when not nil, is called on the calling goroutine with the
// number of rows (responses, then complaints) written so far, every
// thousand rows and once more after the last commit.
func Fill(ctx context.Context, st data.Store, o Options, progress func(done, total int)) (Result, error) {
	var r Result
	if err := o.Validate(); err != nil {
		return r, err
	}
	if err := ctx.Err(); err != nil {
		return r, err
	}
	// Names (employees, skills, courses) are written in one language: a
	// later run in the other language would add the whole team again
	// under its other names, so the first run's language sticks.
	stored, err := st.Setting(ctx, settingDemoLang)
	if err != nil {
		return r, err
	}
	if stored != "" {
		o.Lang = stored
	} else if err := st.SetSetting(ctx, settingDemoLang, langOrDefault(o.Lang)); err != nil {
		return r, err
	}
	total := o.Responses + o.Complaints
	report := func(done int) {
		if progress != nil {
			progress(done, total)
		}
	}
	report(0)
	cg := newComplaintGen(o, st.Location())
	if err := saveReference(ctx, st, cg, &r); err != nil {
		return r, err
	}

	gen := newGenerator(o, st.Location())
	batch, err := importRows(ctx, st.BeginFeedbackImport, "feedback", o, o.Responses, func(f *data.Feedback) bool { return gen.next(f) },
		func(imp data.FeedbackImport, f *data.Feedback) (bool, error) { return imp.Add(f) },
		func(f *data.Feedback) string { return f.ExternalID }, func(done int) { report(done) })
	if err != nil {
		return r, err
	}
	r.Feedback = batch
	if o.Complaints > 0 {
		batch, err = importRows(ctx, st.BeginComplaintImport, "complaints", o, o.Complaints, func(c *data.Complaint) bool { return cg.next(c) },
			func(imp data.ComplaintImport, c *data.Complaint) (bool, error) { return imp.Add(c) },
			func(c *data.Complaint) string { return c.ExternalID }, func(done int) { report(o.Responses + done) })
		if err != nil {
			return r, err
		}
		r.Complaints = batch
	}
	// The team's skill levels follow the complaints just stored.
	if err := fillTeam(ctx, st, o, cg, &r); err != nil {
		return r, err
	}
	// The last report waits for the commit: the rollup update there takes
	// a noticeable share of a large import.
	report(total)
	return r, nil
}

// rowImport is what FeedbackImport and ComplaintImport share.
type rowImport interface {
	Commit() (data.ImportBatch, error)
	Rollback() error
}

// importRows writes count rows drawn by next through one import
// transaction, committing only when every row went in.
func importRows[I rowImport, R any](ctx context.Context, begin func(context.Context, data.ImportBatch) (I, error), kind string, o Options, count int,
	next func(*R) bool, add func(I, *R) (bool, error), id func(*R) string, progress func(done int)) (data.ImportBatch, error) {
	imp, err := begin(ctx, data.ImportBatch{
		Kind:     kind,
		Source:   Source,
		FileName: fmt.Sprintf("demo seed %d, %d months, %d %s, %s", o.Seed, o.Months, count, kind, o.Lang),
	})
	if err != nil {
		return data.ImportBatch{}, fmt.Errorf("demo: begin %s import: %w", kind, err)
	}
	committed := false
	defer func() {
		if !committed {
			_ = imp.Rollback() // the error that brought us here matters more
		}
	}()
	var row R
	done := 0
	for next(&row) {
		if _, err := add(imp, &row); err != nil {
			return data.ImportBatch{}, fmt.Errorf("demo: %s %s: %w", kind, id(&row), err)
		}
		done++
		if done%cancelCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return data.ImportBatch{}, err
			}
		}
		if done%progressEvery == 0 && done < count {
			progress(done)
		}
	}
	if err := ctx.Err(); err != nil {
		return data.ImportBatch{}, err
	}
	if done != count {
		return data.ImportBatch{}, errors.New("demo: generator produced the wrong number of rows") // a bug, not user input
	}
	batch, err := imp.Commit()
	if err != nil {
		return data.ImportBatch{}, fmt.Errorf("demo: commit %s: %w", kind, err)
	}
	committed = true
	return batch, nil
}
