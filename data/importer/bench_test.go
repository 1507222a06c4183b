package importer

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Id columns of the benchmark files: ascending like a help desk's
// numbers, random like most survey tools' response ids, or none (the
// importer then makes ids from the rows' content: random too).
const (
	ascendingIDs = "ascending-ids"
	randomIDs    = "random-ids"
	noIDColumn   = "no-id-column"
)

// writeBenchCSV writes n survey rows shaped like a real export: id (as
// ids says), ISO date-time, score, a comment on every third row, channel,
// touchpoint.
func writeBenchCSV(tb testing.TB, dir string, n int, ids string) string {
	channels := []string{"email", "phone", "web", "chat"}
	touch := []string{"Delivery", "Support", "Billing", "Onboarding"}
	start := time.Date(2023, 1, 1, 8, 0, 0, 0, time.UTC)
	header := "Response ID,Date,Score,Comment,Channel,Touchpoint"
	if ids == noIDColumn {
		header = strings.TrimPrefix(header, "Response ID,")
	}
	random := rand.New(rand.NewPCG(1, 2))
	return writeBenchFile(tb, dir, fmt.Sprintf("bench_%d_%s.csv", n, ids), header, n, func(w *bufio.Writer, i int) {
		switch ids {
		case ascendingIDs:
			fmt.Fprintf(w, "R%08d,", i)
		case randomIDs:
			fmt.Fprintf(w, "R_%016x,", random.Uint64())
		}
		comment := ""
		if i%3 == 0 {
			comment = `"Operator was polite, but I waited ` + strconv.Itoa(i%40) + ` minutes"`
		}
		at := start.Add(time.Duration(i) * 37 * time.Second)
		fmt.Fprintf(w, "%s,%d,%s,%s,%s\n", at.Format(time.RFC3339), i%11, comment, channels[i%4], touch[i%4])
	})
}

// peakRSS returns the process's peak resident set in MB (Linux), 0
// elsewhere.
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// heapPeak samples the Go heap in use while an import runs.
type heapPeak struct {
	stop chan struct{}
	wg   sync.WaitGroup
	max  uint64
}

func watchHeap() *heapPeak {
	h := &heapPeak{stop: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			h.max = max(h.max, ms.HeapInuse)
			select {
			case <-h.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

func (h *heapPeak) done() float64 {
	close(h.stop)
	h.wg.Wait()
	return float64(h.max) / (1 << 20)
}

// BenchmarkImportCSV1M imports a million-row CSV into a real SQLite store
// end to end (detection, decoding, parsing, validation, insert, commit),
// with each kind of id column. Target: >= 200,000 rows/s and peak memory
// < 200 MB (the peak RSS is the process's, over the runs so far).
func BenchmarkImportCSV1M(b *testing.B) {
	const n = 1_000_000
	for _, ids := range []string{ascendingIDs, randomIDs, noIDColumn} {
		b.Run(ids, func(b *testing.B) {
			dir := b.TempDir()
			path := writeBenchCSV(b, dir, n, ids)
			var rows int
			var heapMB float64
			var totalAlloc uint64
			var afterCommit time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := freshStore(b, dir, i)
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				h := watchHeap()
				b.StartTimer()
				res, err := ImportFeedback(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
				b.StopTimer()
				heapMB = max(heapMB, h.done())
				runtime.ReadMemStats(&after)
				totalAlloc += after.TotalAlloc - before.TotalAlloc
				if err != nil || res.Imported != n {
					b.Fatalf("imported %d: %v", res.Imported, err)
				}
				rows += res.Imported
				// A bulk import is committed and visible before the WAL is
				// copied into the file, in the background; Close waits for it.
				closing := time.Now()
				db.Close()
				afterCommit += time.Since(closing)
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(afterCommit.Seconds()/float64(b.N), "close-s")
			b.ReportMetric(heapMB, "peak-heap-MB")
			b.ReportMetric(peakRSS(), "peak-RSS-MB")
			b.ReportMetric(float64(totalAlloc)/float64(rows), "alloc-B/row")
		})
	}
}

// BenchmarkPrepareWidest detects the layout of a file at Excel's width
// limit (16,384 columns: a wide survey export with one column per
// question option), which ranks every column for every field of both
// schemas. It took 8 s of CPU while each rank allocated its header's
// forms again.
func BenchmarkPrepareWidest(b *testing.B) {
	const width = 16_384
	var header strings.Builder
	header.WriteString("Date,Score,Comment")
	for i := 3; i < width; i++ {
		fmt.Fprintf(&header, ",Q%d option %d", i/10, i%10)
	}
	path := writeBenchFile(b, b.TempDir(), "widest.csv", header.String(), 50, func(w *bufio.Writer, i int) {
		fmt.Fprintf(w, "2026-01-%02d,%d,ok", i%28+1, i%11)
		for c := 3; c < width; c++ {
			w.WriteString(",1")
		}
		w.WriteByte('\n')
	})
	b.ResetTimer()
	for b.Loop() {
		p, err := prepare(path, Options{Location: time.UTC}, feedbackSchema)
		if err != nil {
			b.Fatal(err)
		}
		if p.mapping[FieldScore] != 1 || p.mapping[FieldComment] != 2 {
			b.Fatalf("mapping %v", p.mapping)
		}
	}
}
