package sqlite

import (
	"context"
	"testing"
	"time"

	"caredesk/data"
)

// BenchmarkAgentOutcomes is the store's part of the figure
// "scorecards for all agents over a million complaints in 200 ms or
// less": what the scorecards of the 40 agents of the complaint fixture
// read for a month, a quarter and the whole two years. Besides ns/op it
// reports the process's CPU time per call (cpu-ms/op, where the system
// tells it), which a machine shared with other work inflates less than
// wall time.
func BenchmarkAgentOutcomes(b *testing.B) {
	db := complaintBenchFixture(b)
	ctx := context.Background()
	start := data.DayOf(complaintBenchStart, time.UTC)
	for _, p := range []struct {
		name     string
		from, to data.Day
	}{
		{"month", data.DateDay(2024, 3, 1), data.DateDay(2024, 3, 31)},
		{"quarter", data.DateDay(2024, 4, 1), data.DateDay(2024, 6, 30)},
		{"all", start, start + 760},
	} {
		b.Run(p.name, func(b *testing.B) {
			cpu0, measured := cpuTime()
			for b.Loop() {
				out, err := db.AgentOutcomes(ctx, p.from, p.to)
				if err != nil || len(out.Outcomes) < 40 || len(out.Resolutions) == 0 {
					b.Fatalf("%d outcomes, %d resolutions, %v", len(out.Outcomes), len(out.Resolutions), err)
				}
			}
			if cpu1, _ := cpuTime(); measured {
				b.ReportMetric(float64(cpu1-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
