package kpi

import (
	"math"
	"slices"
	"time"

	"caredesk/data"
)

// Change is a figure's change against the previous period with the
// significance of that change.
type Change struct {
	Has         bool    // both periods have something to compare
	Delta       float64 // current − previous (counts, rates, or percentage points)
	Z, P        float64 // test statistic and two-sided p-value
	Significant bool    // P < 0.05
}

// twoSidedP is the two-sided p-value of a standard normal statistic.
func twoSidedP(z float64) float64 { return math.Erfc(math.Abs(z) / math.Sqrt2) }

// exactRateTestMax is the largest total count for which RateTest sums the
// exact binomial tail; above it the normal approximation is within a
// fraction of a percent and the sum would cost thousands of terms.
const exactRateTestMax = 1000

// RateTest compares two Poisson counts observed over exposures e1 and e2
// (days, or clients): x1/e1 against x2/e2. Z is the score statistic under
// the pooled rate; P is the exact conditional test (x2 given x1+x2 is
// binomial with p = e2/(e1+e2)) for totals up to exactRateTestMax, the
// normal approximation above. P is 1 when there is nothing to compare.
func RateTest(x1 int64, e1 float64, x2 int64, e2 float64) (z, p float64) {
	n := x1 + x2
	if n == 0 || !(e1 > 0) || !(e2 > 0) {
		return 0, 1
	}
	pooled := float64(n) / (e1 + e2)
	z = (float64(x2)/e2 - float64(x1)/e1) / math.Sqrt(pooled*(1/e1+1/e2))
	if n > exactRateTestMax {
		return z, twoSidedP(z)
	}
	return z, binomialTwoSided(n, x2, e2/(e1+e2))
}

// binomialTwoSided is the two-sided exact p-value of k successes in n
// trials with probability p: the total probability of outcomes no more
// likely than k.
func binomialTwoSided(n, k int64, p float64) float64 {
	logPMF := func(i int64) float64 {
		a, _ := math.Lgamma(float64(n + 1))
		b, _ := math.Lgamma(float64(i + 1))
		c, _ := math.Lgamma(float64(n - i + 1))
		return a - b - c + float64(i)*math.Log(p) + float64(n-i)*math.Log1p(-p)
	}
	observed := logPMF(k)
	sum := 0.0
	for i := int64(0); i <= n; i++ {
		if l := logPMF(i); l <= observed+1e-7 {
			sum += math.Exp(l)
		}
	}
	return math.Min(1, sum)
}

// ProportionTest is the pooled two-proportion z-test of x1/n1 against
// x2/n2; P is 1 when either share is undefined or both are 0 or 1.
func ProportionTest(x1, n1, x2, n2 int64) (z, p float64) {
	if n1 == 0 || n2 == 0 {
		return 0, 1
	}
	pooled := float64(x1+x2) / float64(n1+n2)
	se := math.Sqrt(pooled * (1 - pooled) * (1/float64(n1) + 1/float64(n2)))
	if se == 0 {
		return 0, 1
	}
	z = (float64(x2)/float64(n2) - float64(x1)/float64(n1)) / se
	return z, twoSidedP(z)
}

// Percentile is the q-quantile (0..1) of values, interpolating linearly
// between order statistics (type 7 of Hyndman and Fan, what spreadsheets
// compute); NaN when values is empty.
func Percentile(values []float64, q float64) float64 {
	if len(values) == 0 {
		return math.NaN()
	}
	v := slices.Clone(values)
	slices.Sort(v)
	h := q * float64(len(v)-1)
	lo := int(math.Floor(h))
	if lo >= len(v)-1 {
		return v[len(v)-1]
	}
	return v[lo] + (h-float64(lo))*(v[lo+1]-v[lo])
}

// Histogram counts durations in data.DurationBucket buckets, indexed by
// bucket.
type Histogram []int64

// Add counts n durations in bucket b.
func (h *Histogram) Add(b int, n int64) {
	if b < 0 || n <= 0 {
		return
	}
	if b >= len(*h) {
		*h = append(*h, make([]int64, b+1-len(*h))...)
	}
	(*h)[b] += n
}

// AddAll adds every count of o.
func (h *Histogram) AddAll(o Histogram) {
	for b, n := range o {
		h.Add(b, n)
	}
}

// N is the number of durations counted.
func (h Histogram) N() int64 {
	var n int64
	for _, v := range h {
		n += v
	}
	return n
}

// Percentile is the q-quantile (0..1) in hours: the rank q·N is found in
// its bucket and placed linearly inside the bucket's range, as if the
// bucket's durations were spread evenly over it. NaN when empty.
func (h Histogram) Percentile(q float64) float64 {
	n := h.N()
	if n == 0 {
		return math.NaN()
	}
	rank := q * float64(n)
	var below int64
	for b, c := range h {
		if c == 0 {
			continue
		}
		if float64(below+c) >= rank {
			lo, hi := data.DurationBucketRange(b)
			frac := math.Max(0, rank-float64(below)) / float64(c)
			return (float64(lo) + frac*float64(hi-lo)) / float64(time.Hour)
		}
		below += c
	}
	_, hi := data.DurationBucketRange(len(h) - 1)
	return float64(hi) / float64(time.Hour)
}

// DurationStat is the median and 90th percentile of a duration, in hours.
type DurationStat struct {
	N           int64
	Median, P90 float64 // NaN when N = 0
}

func durationStat(h Histogram) DurationStat {
	return DurationStat{N: h.N(), Median: h.Percentile(0.5), P90: h.Percentile(0.9)}
}

// Share is a part of a whole; Value is in percent, NaN when Den is 0.
type Share struct {
	Num, Den int64
	Value    float64
}

func shareOf(num, den int64) Share {
	s := Share{Num: num, Den: den, Value: math.NaN()}
	if den > 0 {
		s.Value = 100 * float64(num) / float64(den)
	}
	return s
}

// compareShares tests cur against prev with the two-proportion z-test;
// the delta is in percentage points.
func compareShares(prev, cur Share) Change {
	if prev.Den == 0 || cur.Den == 0 {
		return Change{P: 1}
	}
	z, p := ProportionTest(prev.Num, prev.Den, cur.Num, cur.Den)
	return Change{Has: true, Delta: cur.Value - prev.Value, Z: z, P: p, Significant: p < 0.05}
}

// compareCounts tests the rate of cur per exposure against prev's; the
// delta is the plain difference of the counts.
func compareCounts(prev int64, prevExposure float64, cur int64, curExposure float64) Change {
	if !(prevExposure > 0) || !(curExposure > 0) {
		return Change{P: 1}
	}
	z, p := RateTest(prev, prevExposure, cur, curExposure)
	return Change{Has: true, Delta: float64(cur - prev), Z: z, P: p, Significant: p < 0.05}
}
