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

// Generate imports the demo responses into st in one transaction: either
// all of them are stored or, on error or cancellation, none. Clients are
// created by the import from the responses' client names. progress, when
// not nil, is called on the calling goroutine with the number of rows
// written so far, every thousand rows and once more after the commit.
func Generate(ctx context.Context, st data.Store, o Options, progress func(done, total int)) (data.ImportBatch, error) {
	if err := o.Validate(); err != nil {
		return data.ImportBatch{}, err
	}
	if err := ctx.Err(); err != nil {
		return data.ImportBatch{}, err
	}
	gen := newGenerator(o, st.Location())
	imp, err := st.BeginFeedbackImport(ctx, data.ImportBatch{
		Kind:     "feedback",
		Source:   Source,
		FileName: fmt.Sprintf("demo seed %d, %d months, %d responses, %s", o.Seed, o.Months, o.Responses, o.Lang),
	})
	if err != nil {
		return data.ImportBatch{}, fmt.Errorf("demo: begin import: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			_ = imp.Rollback() // the error that brought us here matters more
		}
	}()

	if progress != nil {
		progress(0, o.Responses)
	}
	var f data.Feedback
	for gen.next(&f) {
		if _, err := imp.Add(&f); err != nil {
			return data.ImportBatch{}, fmt.Errorf("demo: row %s: %w", f.ExternalID, err)
		}
		if gen.done%cancelCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return data.ImportBatch{}, err
			}
		}
		if progress != nil && gen.done%progressEvery == 0 && gen.done < o.Responses {
			progress(gen.done, o.Responses)
		}
	}
	if err := ctx.Err(); err != nil {
		return data.ImportBatch{}, err
	}
	if gen.done != o.Responses {
		return data.ImportBatch{}, errors.New("demo: generator produced the wrong number of rows") // a bug, not user input
	}
	batch, err := imp.Commit()
	if err != nil {
		return data.ImportBatch{}, fmt.Errorf("demo: commit: %w", err)
	}
	committed = true
	// The last report waits for the commit: the rollup update there takes
	// a noticeable share of a large import.
	if progress != nil {
		progress(o.Responses, o.Responses)
	}
	return batch, nil
}
