package charts

import (
	"io"
	"testing"
)

func benchmarkPNG(b *testing.B, kind Kind, scale float64) {
	s := monthlySeries(24, 1)
	target := 40.0
	o := Options{Width: 1200, Height: 600, Scale: scale, Labels: russianLabels(), Target: &target}
	b.ReportAllocs()
	for b.Loop() {
		c, err := Build(kind, s, o)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.PNG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// The target is 60 ms for a 1200x600 PNG of 24 monthly periods.
func BenchmarkNPSTrendPNG(b *testing.B)        { benchmarkPNG(b, KindNPSTrend, 1) }
func BenchmarkNPSCompositionPNG(b *testing.B)  { benchmarkPNG(b, KindNPSComposition, 1) }
func BenchmarkNPSDistributionPNG(b *testing.B) { benchmarkPNG(b, KindNPSDistribution, 1) }
func BenchmarkNPSTrendPNGScale2(b *testing.B)  { benchmarkPNG(b, KindNPSTrend, 2) }

func BenchmarkNPSTrendSVG(b *testing.B) {
	s := monthlySeries(24, 1)
	o := Options{Labels: russianLabels()}
	for b.Loop() {
		if err := NPSTrend(s, o).SVG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
