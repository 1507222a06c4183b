package dashboard

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"caredesk/data"
	"caredesk/data/demo"
	"caredesk/data/kpi"
	"caredesk/data/sqlite"
	"caredesk/ui/widgets"
)

// BenchmarkDashboardRefresh1M measures what the manager waits for after
// the window appears: the dashboard's figures and breakdown loaded and
// applied over a million responses (charts render afterwards, separately
// measured in package charts).
func BenchmarkDashboardRefresh1M(b *testing.B) {
	dir, err := os.MkdirTemp("", "caredesk-dash-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "big.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	opt := demo.DefaultOptions()
	opt.Responses = 1_000_000
	opt.End = time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)
	if _, err := demo.Generate(ctx, st, opt, nil); err != nil {
		b.Fatal(err)
	}
	test.NewTempApp(b)
	s := New(Deps{Store: st, Window: test.NewWindow(nil), ShowError: func(err error) { b.Error(err) },
		Now: func() time.Time { return opt.End }})
	test.NewWindow(s.Content()).Resize(fyne.NewSize(1280, 800))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		widgets.Do(func() { s.series = kpi.Series{}; s.split.rows = nil })
		widgets.Do(s.Refresh)
		for {
			var done bool
			widgets.Do(func() { done = s.series.Total.N > 0 && len(s.split.rows) > 0 })
			if done {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
}

// BenchmarkComplaintSectionLoad100k measures the complaints and SLA tab's
// load over 100,000 demo complaints in 24 months: the KPIs by category,
// SLA compliance of every standard with the items running now, and the
// category names (what refreshComplaints does off the UI goroutine).
func BenchmarkComplaintSectionLoad100k(b *testing.B) {
	dir := b.TempDir()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "big.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	opt := demo.DefaultOptions()
	opt.Responses, opt.Complaints = 1_000, 100_000
	opt.End = time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)
	if _, err := demo.Fill(ctx, st, opt, nil); err != nil {
		b.Fatal(err)
	}
	q := kpi.ComplaintQuery{By: kpi.Month}
	q.From, q.To = kpi.PresetLast24Months.Range(data.DayOf(opt.End, time.UTC))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l, err := loadComplaints(ctx, st, q, opt.End)
		if err != nil || len(l.data.Overall.Periods) != 24 || len(l.data.SLA) == 0 {
			b.Fatalf("load: %v, %d periods, %d standards", err, len(l.data.Overall.Periods), len(l.data.SLA))
		}
	}
}
