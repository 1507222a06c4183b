package importer

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/sqlite"
)

// writeTicketCSV writes n tickets shaped like a Zendesk export: id,
// dates with a zone, status, priority, type, channel, requester,
// assignee, subject, first reply minutes, solved at.
func writeTicketCSV(tb testing.TB, dir string, n int) string {
	statuses := []string{"Solved", "Closed", "Open", "Pending", "Solved", "Closed", "New"}
	priorities := []string{"Low", "Normal", "High", "Urgent"}
	via := []string{"Mail", "Web form", "Phone call (inbound)", "Chat"}
	types := []string{"Problem", "Question", "Incident", "Task"}
	agents := []string{"Ivan Sidorov", "Maria Ivanova", "Elena Orlova", "Pavel Gor", "Anna Lee"}
	start := time.Date(2023, 1, 1, 8, 0, 0, 0, time.UTC)
	const header = "Id,Requester,Assignee,Group,Subject,Status,Priority,Via,Ticket type,Created at,Solved at,Reopens,First reply time in minutes,Satisfaction Score"
	return writeBenchFile(tb, dir, fmt.Sprintf("tickets_%d.csv", n), header, n, func(w *bufio.Writer, i int) {
		opened := start.Add(time.Duration(i) * 53 * time.Second)
		st := statuses[i%len(statuses)]
		solved := ""
		if st == "Solved" || st == "Closed" {
			solved = opened.Add(time.Duration(30+i%2000) * time.Minute).Format("2006-01-02 15:04:05 -0700")
		}
		reply := ""
		if st != "New" {
			reply = fmt.Sprint(5 + i%90)
		}
		fmt.Fprintf(w, "%d,Client %d,%s,Support,\"Parcel %d arrived late, box damaged\",%s,%s,%s,%s,%s,%s,%d,%s,%s\n",
			100000+i, i%20000, agents[i%len(agents)], i, st, priorities[i%4], via[i%4], types[i%4],
			opened.Format("2006-01-02 15:04:05 -0700"), solved, i%7/6, reply, []string{"Good", "Bad", "Offered", ""}[i%4])
	})
}

// BenchmarkImportTickets imports a generated Zendesk-like export into a
// real SQLite store end to end (detection, parsing, events, the store's
// derivation, inserts and rollups, commit): 200,000 tickets, and the
// million of the target (>= 100,000 tickets/s), also into a
// store whose two standards (first response, resolution) judge every
// ticket. The checkpoint that follows on a goroutine, as after every
// bulk import, is not timed.
func BenchmarkImportTickets(b *testing.B) {
	for _, bc := range []struct {
		n         int
		standards bool
	}{{200_000, false}, {1_000_000, false}, {1_000_000, true}} {
		name := fmt.Sprintf("%dk", bc.n/1000)
		if bc.standards {
			name += "-standards"
		}
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			path := writeTicketCSV(b, dir, bc.n)
			var tickets int
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := freshStore(b, dir, i)
				if bc.standards {
					saveBenchStandards(b, db)
				}
				b.StartTimer()
				res, err := ImportComplaints(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
				b.StopTimer()
				if err != nil || res.Imported != bc.n {
					b.Fatalf("imported %d: %v", res.Imported, err)
				}
				tickets += res.Imported
				db.Close()
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(tickets)/b.Elapsed().Seconds(), "tickets/s")
		})
	}
}

// saveBenchStandards saves a first-response and a resolution standard
// over working hours, in force for every ticket of writeTicketCSV.
func saveBenchStandards(b *testing.B, db *sqlite.DB) {
	response := map[data.Priority]time.Duration{data.PriorityCritical: time.Hour, data.PriorityHigh: 2 * time.Hour,
		data.PriorityNormal: 4 * time.Hour, data.PriorityLow: 8 * time.Hour}
	resolution := map[data.Priority]time.Duration{data.PriorityCritical: 8 * time.Hour, data.PriorityHigh: 16 * time.Hour,
		data.PriorityNormal: 27 * time.Hour, data.PriorityLow: 45 * time.Hour}
	from := data.DayOf(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.UTC)
	for _, s := range []data.Standard{
		{Code: "FRT-1", Title: "First response", Measure: data.MeasureFirstResponse,
			Versions: []data.StandardVersion{{EffectiveFrom: from, Calendar: data.DefaultCalendar(), Targets: response}}},
		{Code: "RES-1", Title: "Resolution", Measure: data.MeasureResolution,
			Versions: []data.StandardVersion{{EffectiveFrom: from, Calendar: data.DefaultCalendar(), Targets: resolution}}},
	} {
		if err := db.SaveStandard(context.Background(), &s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseTickets measures the parsing layer alone (reading,
// detection, values, events, validation), without a store.
func BenchmarkParseTickets(b *testing.B) {
	const n = 200_000
	path := writeTicketCSV(b, b.TempDir(), n)
	b.ResetTimer()
	tickets := 0
	for i := 0; i < b.N; i++ {
		p, src := openParsed(b, path, complaintSchema)
		cb := newComplaintBuilder(p, Options{})
		failOnReject(b, &cb.rowBase)
		ch := make(chan rowBatch[*data.Complaint], 4)
		go func() {
			defer close(ch)
			if err := produceRows(context.Background(), src, rowParser[*data.Complaint]{base: &cb.rowBase, parse: cb.build, flush: cb.flush}, false, ch, make(chan struct{})); err != nil {
				b.Error(err)
			}
		}()
		for bt := range ch {
			tickets += len(bt.items)
		}
		src.close()
	}
	b.ReportMetric(float64(tickets)/b.Elapsed().Seconds(), "tickets/s")
}

// Cancelling an import half-way leaves the store as it was.
func TestImportComplaintsCancelLeavesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "caredesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	path := writeTicketCSV(t, t.TempDir(), 50_000)
	res, err := ImportComplaints(ctx, db, path, Options{Location: time.UTC, RejectsPath: "-"}, func(p Progress) {
		if p.Rows > 0 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || res.Committed || res.Imported != 0 {
		t.Fatalf("cancel: %v %+v", err, res)
	}
	n, err := db.CountComplaints(context.Background(), data.ComplaintFilter{})
	batches, berr := db.ImportBatches(context.Background())
	if err != nil || berr != nil || n != 0 || len(batches) != 0 {
		t.Errorf("after cancel: %d complaints, %d batches (%v, %v)", n, len(batches), err, berr)
	}
}
