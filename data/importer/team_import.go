package importer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caredesk/data"
)

// ErrNoColumn is returned when a column a team file cannot do without
// (the name, the course title and format, a plan item's employee, course
// and dates) is not found: the user maps it.
var ErrNoColumn = errors.New("a required column was not recognised")

// TeamResult sums up a team import: Result counts rows (Imported =
// created + updated, Duplicates = rows that changed nothing), the embedded
// data.TeamImportResult what the store did.
type TeamResult struct {
	Result
	data.TeamImportResult
	Kind TeamKind
	Rows int // data rows read
}

// teamRequired are the fields each kind needs a column for.
var teamRequired = map[TeamKind][]Field{
	TeamEmployees:    {FieldName},
	TeamCourses:      {FieldTitle, FieldFormat},
	TeamTrainingPlan: {FieldEmployee, FieldCourse},
}

// InspectTeam detects how a team file would be imported, for the import
// wizard to show and let the user correct.
func InspectTeam(kind TeamKind, path string, opt Options) (*Preview, error) {
	p, err := prepareTeam(kind, path, opt)
	if err != nil {
		return nil, err
	}
	defer p.close()
	pv := p.preview()
	pv.NeedsFileDate = false // team rows carry their own dates, if any
	if len(p.dateColumns()) == 0 {
		pv.DateLayout, pv.DateAmbiguous = "", false
	}
	for _, f := range teamRequired[kind] {
		if _, ok := p.mapping[f]; !ok {
			pv.Warnings = append(pv.Warnings, warnNoColumn(f))
		}
	}
	return pv, nil
}

// warnNoColumn says a required field has no column yet.
func warnNoColumn(f Field) Message {
	return warning("teamimport.warning.no_column", map[string]any{"Field": string(f)},
		"no column was recognised as %s: choose it, or nothing can be imported", f)
}

func prepareTeam(kind TeamKind, path string, opt Options) (*plan, error) {
	if !kind.Valid() {
		return nil, fmt.Errorf("unknown team import %q", kind)
	}
	return prepare(path, opt, teamSchema(kind))
}

// ParseTeam reads a team file of the given kind into a data.TeamImport,
// reporting bad rows (also to the rejects file, see Options.RejectsPath).
// Plan items may only name the employees and courses in known. Nothing is
// stored. progress may be nil; ctx cancels the read.
func ParseTeam(ctx context.Context, kind TeamKind, path string, opt Options, known TeamNames, progress func(Progress)) (in data.TeamImport, res TeamResult, err error) {
	res.Kind = kind
	p, err := prepareTeam(kind, path, opt)
	if err != nil {
		return in, res, err
	}
	defer p.close()
	res.Warnings = p.warnings
	wrap := func(err error) error { return inFile(p.base, err) }
	names := p.columnNames()
	for _, f := range teamRequired[kind] {
		if _, ok := p.mapping[f]; !ok {
			return in, res, wrap(fmt.Errorf("%w: no column was recognised as %s: map it with --map %s=COLUMN (columns: %s)",
				ErrNoColumn, f, f, quotedList(names)))
		}
	}
	if kind == TeamTrainingPlan {
		_, start := p.mapping[FieldPlannedStart]
		if _, end := p.mapping[FieldPlannedEnd]; !start && !end {
			return in, res, wrap(fmt.Errorf("%w: no column was recognised as %s or %s: map one with --map %s=COLUMN (columns: %s)",
				ErrNoColumn, FieldPlannedStart, FieldPlannedEnd, FieldPlannedStart, quotedList(names)))
		}
	}
	if dcs := p.dateColumns(); len(dcs) > 0 && !p.orderOK {
		return in, res, wrap(fmt.Errorf("column %q: %w", names[dcs[0]], ErrAmbiguousDates))
	}

	b := newTeamBuilder(p, opt, kind, known)
	rw := newRejectWriter(p, opt)
	defer func() { rw.finish(&res.Warnings, &res.RejectsFile, err) }()
	rw.collect(p, &b.rowBase, &res.Rejects)

	src, err := p.openRows()
	if err != nil {
		return in, res, wrap(err)
	}
	defer src.close()
	last := time.Now()
	tick := func() {
		if progress != nil && time.Since(last) >= progressEvery {
			progress(Progress{Rows: b.read, Bytes: src.bytesRead(), TotalBytes: p.size})
			last = time.Now()
		}
	}
	if err := forEachRecord(ctx, src, &b.rowBase, tick, func(rec []string, row int) bool {
		b.build(rec, row)
		return true
	}); err != nil {
		return in, res, wrap(err)
	}
	if progress != nil {
		progress(Progress{Rows: b.read, Bytes: src.bytesRead(), TotalBytes: p.size})
	}
	res.Rows, res.Rejected = b.read, b.rejects
	res.Warnings = append(res.Warnings, b.summaries...)
	return b.out, res, nil
}

// ImportTeam imports a file of employees, courses or training plan items
// into the store in one transaction: valid rows are stored (employees
// matched by name and courses by title are updated), bad rows reported;
// with opt.Strict any bad row stores nothing. Plan items may name the
// employees and courses already stored. On any error or cancellation the
// store is left as it was.
func ImportTeam(ctx context.Context, store interface {
	data.EmployeeStore
	data.TeamStore
}, kind TeamKind, path string, opt Options, progress func(Progress)) (TeamResult, error) {
	defaultLocation(store, &opt)
	var known TeamNames
	if kind == TeamTrainingPlan {
		emps, err := store.Employees(ctx)
		if err != nil {
			return TeamResult{Kind: kind}, err
		}
		courses, err := store.Courses(ctx)
		if err != nil {
			return TeamResult{Kind: kind}, err
		}
		for _, e := range emps {
			known.Employees = append(known.Employees, e.Name)
		}
		for _, c := range courses {
			known.Courses = append(known.Courses, c.Title)
		}
	}
	in, res, err := ParseTeam(ctx, kind, path, opt, known, progress)
	if err != nil {
		return res, err
	}
	if opt.Strict && res.Rejected > 0 {
		return res, inFile(in.FileName, fmt.Errorf("%w (%d invalid rows)", ErrStrict, res.Rejected))
	}
	done, err := store.ImportTeam(ctx, in)
	if err != nil {
		return res, inFile(in.FileName, err)
	}
	res.TeamImportResult = done
	res.Imported, res.Duplicates = done.Created+done.Updated, done.Unchanged
	res.Committed = true
	return res, nil
}
