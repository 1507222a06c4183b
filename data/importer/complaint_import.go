package importer

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"caredesk/data"
)

// ImportComplaints imports a ticket or complaint export (Zendesk,
// Freshdesk, ServiceNow, the CFPB database, or any register mapped with
// opt.Mapping) into the store in one transaction, with the guarantees of
// ImportFeedback: bad rows reported (Strict: any bad row stores nothing),
// duplicates of stored tickets skipped, nothing kept on error or
// cancellation. An event log (several rows per ticket) is recognised from
// repeated ids and imported as one complaint per ticket.
func ImportComplaints(ctx context.Context, store data.ComplaintStore, path string, opt Options, progress func(Progress)) (res Result, err error) {
	defaultLocation(store, &opt)
	p, err := prepare(path, opt, complaintSchema)
	if err != nil {
		return res, err
	}
	res.Warnings = p.warnings
	wrap := func(err error) error { return fmt.Errorf("%s: %w", p.base, err) }
	dc, ok := p.mapping[FieldOpened]
	if !ok && opt.FileDate.IsZero() {
		// One date for every ticket would invent when each was opened:
		// name the columns so the user can map the right one.
		return res, wrap(fmt.Errorf("%w; no column was recognised as the opening date: map it with --map opened=COLUMN (columns: %s)",
			ErrNeedFileDate, quotedList(p.columnNames())))
	}
	if !p.orderOK {
		if !ok {
			dc = p.dateColumns()[0]
		}
		return res, wrap(fmt.Errorf("column %q: %w", p.columnNames()[dc], ErrAmbiguousDates))
	}
	b := newComplaintBuilder(p, opt)
	begin := func(bt data.ImportBatch) (importTx[*data.Complaint], error) {
		return store.BeginComplaintImport(ctx, bt)
	}
	return runImport(ctx, p, opt, progress, rowParser[*data.Complaint]{base: &b.rowBase, parse: b.build, flush: b.flush}, begin)
}

// InspectComplaints detects how a ticket export would be imported, for
// the import wizard to show and let the user correct.
func InspectComplaints(path string, opt Options) (*Preview, error) {
	p, err := prepare(path, opt, complaintSchema)
	if err != nil {
		return nil, err
	}
	pv := p.preview()
	pv.EventLog = repeatsIDs(p)
	return pv, nil
}

// quotedList joins names as "A", "B", "C".
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}
