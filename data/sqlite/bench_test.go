package sqlite

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
)

// Benchmarks run on a 1M-row file: 24 months of realistic responses.
const (
	benchRows  = 1_000_000
	benchChunk = 10_000 // rows generated ahead, outside the timer
)

var benchStart = at(2023, 1, 1, 0, 0)

const benchSpan = 730 * 24 * time.Hour

// importBench imports benchRows generated rows into db. With b set, row
// generation is kept out of the timer.
func importBench(tb testing.TB, b *testing.B, db *DB) data.ImportBatch {
	r := rand.New(rand.NewPCG(2024, 1))
	imp, err := db.BeginFeedbackImport(context.Background(), data.ImportBatch{Source: "bench", FileName: "bench.csv"})
	if err != nil {
		tb.Fatal(err)
	}
	return importGenerated(tb, b, imp, benchRows, func(i int) data.Feedback {
		return genRow(r, i, benchRows, benchStart, benchSpan)
	})
}

// benchImport is a feedback or complaint import.
type benchImport[T any] interface {
	Add(*T) (bool, error)
	Commit() (data.ImportBatch, error)
}

// importGenerated adds n generated items to imp in chunks and commits;
// with b set, generating a chunk is kept out of the timer.
func importGenerated[T any](tb testing.TB, b *testing.B, imp benchImport[T], n int, gen func(i int) T) data.ImportBatch {
	chunk := make([]T, benchChunk)
	for start := 0; start < n; start += benchChunk {
		chunk = chunk[:min(benchChunk, n-start)]
		if b != nil {
			b.StopTimer()
		}
		for i := range chunk {
			chunk[i] = gen(start + i)
		}
		if b != nil {
			b.StartTimer()
		}
		for i := range chunk {
			if _, err := imp.Add(&chunk[i]); err != nil {
				tb.Fatal(err)
			}
		}
	}
	batch, err := imp.Commit()
	if err != nil {
		tb.Fatal(err)
	}
	if batch.Imported != n {
		tb.Fatalf("imported %d of %d", batch.Imported, n)
	}
	return batch
}

func BenchmarkImport1M(b *testing.B) {
	var peak uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := Open(context.Background(), filepath.Join(b.TempDir(), strconv.Itoa(i), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := db.SetLocation(context.Background(), time.UTC); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		importBench(b, b, db)
		b.StopTimer()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapSys)
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-go-heap")
}

// benchDB is a database built once for benchmarks and kept in
// os.TempDir between runs, as building one takes a while. The file name
// carries the version of the schema and the generator: bump it when
// either changes.
type benchDB struct {
	name  string
	build func(tb testing.TB, db *DB)

	once sync.Once
	db   *DB
	err  error
}

// open opens the cached file, building it first when it is missing.
func (f *benchDB) open(b *testing.B) *DB {
	b.Helper()
	f.once.Do(func() {
		path := filepath.Join(os.TempDir(), f.name)
		if _, err := os.Stat(path); err != nil {
			tmp := path + ".building"
			os.Remove(tmp)
			db, err := Open(context.Background(), tmp)
			if err != nil {
				f.err = err
				return
			}
			start := time.Now()
			f.build(b, db)
			b.Logf("built %s in %s", f.name, time.Since(start))
			if f.err = db.Close(); f.err != nil {
				return
			}
			if f.err = os.Rename(tmp, path); f.err != nil {
				return
			}
		}
		f.db, f.err = Open(context.Background(), path)
	})
	if f.err != nil {
		b.Fatal(f.err)
	}
	return f.db
}

func (f *benchDB) close() {
	if f.db != nil {
		f.db.Close()
	}
}

// feedbackBench is a million responses over 24 months.
var feedbackBench = benchDB{name: "caredesk-feedback-bench-v1.db", build: func(tb testing.TB, db *DB) {
	if err := db.SetLocation(context.Background(), time.UTC); err != nil {
		tb.Fatal(err)
	}
	importBench(tb, nil, db)
}}

func benchFixture(b *testing.B) *DB { return feedbackBench.open(b) }

func TestMain(m *testing.M) {
	code := m.Run()
	feedbackBench.close()
	complaintBench.close()
	os.Exit(code)
}

func BenchmarkMonthlyDaily24Months(b *testing.B) {
	db := benchFixture(b)
	ctx := context.Background()
	from := data.DayOf(benchStart, time.UTC)
	for _, c := range []struct {
		name string
		q    data.DailyQuery
	}{
		{"all", data.DailyQuery{From: from, To: from + 729}},
		{"by-channel", data.DailyQuery{From: from, To: from + 729, By: data.SegmentChannel}},
		{"touchpoint-filter", data.DailyQuery{From: from, To: from + 729, Touchpoint: "Доставка"}},
		{"by-tag", data.DailyQuery{From: from, To: from + 729, By: data.SegmentTag}},
		{"by-client-segment", data.DailyQuery{From: from, To: from + 729, By: data.SegmentClientSegment}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				days, err := db.FeedbackDaily(ctx, c.q)
				if err != nil || len(days) < 730 {
					b.Fatalf("%d days, %v", len(days), err)
				}
			}
		})
	}
}

func BenchmarkListPage(b *testing.B) {
	db := benchFixture(b)
	ctx := context.Background()
	type listCase struct {
		name   string
		f      data.FeedbackFilter
		offset func(n int, r *rand.Rand) int
	}
	// Every key sort, both ways: first, middle and last page.
	var keyCases []listCase
	for _, s := range []data.FeedbackSort{data.SortByScore, data.SortByChannel, data.SortByTouchpoint} {
		for _, desc := range []bool{false, true} {
			name := string(s)
			if desc {
				name += "-desc"
			}
			f := data.FeedbackFilter{Sort: s, Desc: desc}
			keyCases = append(keyCases,
				listCase{name + "-first", f, func(n int, _ *rand.Rand) int { return 0 }},
				listCase{name + "-middle", f, func(n int, _ *rand.Rand) int { return n / 2 }},
				listCase{name + "-last", f, func(n int, _ *rand.Rand) int { return n - 100 }})
		}
	}
	for _, c := range append(keyCases, []listCase{
		{"date-first", data.FeedbackFilter{}, func(n int, _ *rand.Rand) int { return 0 }},
		{"date-middle", data.FeedbackFilter{}, func(n int, _ *rand.Rand) int { return n / 2 }},
		{"date-last", data.FeedbackFilter{}, func(n int, _ *rand.Rand) int { return n - 100 }},
		{"date-random", data.FeedbackFilter{}, func(n int, r *rand.Rand) int { return r.IntN(n - 100) }},
		{"date-desc-last", data.FeedbackFilter{Desc: true}, func(n int, _ *rand.Rand) int { return n - 100 }},
		{"date-chat-detractors-random", data.FeedbackFilter{Channels: []data.Channel{data.ChannelChat}, Group: data.GroupDetractors},
			func(n int, r *rand.Rand) int { return r.IntN(n - 100) }},
		{"score-chat-random", data.FeedbackFilter{Sort: data.SortByScore, Channels: []data.Channel{data.ChannelChat}},
			func(n int, r *rand.Rand) int { return r.IntN(n - 100) }},
		{"channel-touchpoint-promoters-random", data.FeedbackFilter{Sort: data.SortByChannel, Touchpoint: "Доставка", Group: data.GroupPromoters},
			func(n int, r *rand.Rand) int { return r.IntN(n - 100) }},
		{"touchpoint-desc-phone-detractors-random", data.FeedbackFilter{Sort: data.SortByTouchpoint, Desc: true, Channels: []data.Channel{data.ChannelPhone}, Group: data.GroupDetractors},
			func(n int, r *rand.Rand) int { return r.IntN(n - 100) }},
		// The OFFSET fallback, for comparison.
		{"search-first", data.FeedbackFilter{Search: "оплат"}, func(n int, _ *rand.Rand) int { return 0 }},
		{"tag-score-middle", data.FeedbackFilter{Tag: "цена", Sort: data.SortByScore}, func(n int, _ *rand.Rand) int { return n / 2 }},
	}...) {
		b.Run(c.name, func(b *testing.B) {
			n, err := db.CountFeedback(ctx, c.f)
			if err != nil || n < 200 {
				b.Fatalf("count %d, %v", n, err)
			}
			r := rand.New(rand.NewPCG(1, 2))
			for b.Loop() {
				rows, err := db.ListFeedback(ctx, c.f, data.Page{Offset: c.offset(n, r), Limit: 100})
				if err != nil || len(rows) != 100 {
					b.Fatalf("%d rows, %v", len(rows), err)
				}
			}
		})
	}
}

func BenchmarkCount(b *testing.B) {
	db := benchFixture(b)
	ctx := context.Background()
	from := data.DayOf(benchStart, time.UTC)
	for _, c := range []struct {
		name string
		f    data.FeedbackFilter
	}{
		{"all", data.FeedbackFilter{}},
		{"year-phone-promoters", data.FeedbackFilter{From: from, To: from + 364, Channels: []data.Channel{data.ChannelPhone}, Group: data.GroupPromoters}},
		{"tag", data.FeedbackFilter{Tag: "цена"}},
		{"search", data.FeedbackFilter{Search: "courier"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if n, err := db.CountFeedback(ctx, c.f); err != nil || n == 0 {
					b.Fatalf("%d, %v", n, err)
				}
			}
		})
	}
}

// BenchmarkMonthlyNPS24Months is the figure end to end: monthly
// NPS with intervals and significance for 24 months of a million
// responses, through the same pipeline as the dashboard and the CLI.
func BenchmarkMonthlyNPS24Months(b *testing.B) {
	db := benchFixture(b)
	ctx := context.Background()
	q := kpi.NPSQuery{From: data.DayOf(benchStart, time.UTC), By: kpi.Month}
	q.To = q.From + 729
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, _, err := kpi.LoadNPS(ctx, db, q)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Periods) != 24 || s.Total.N == 0 {
			b.Fatalf("%d periods, n=%d", len(s.Periods), s.Total.N)
		}
	}
}
