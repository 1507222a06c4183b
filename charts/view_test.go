package charts

import (
	"os"
	"testing"
)

func TestWriteViews(t *testing.T) {
	dir := os.Getenv("CHART_VIEW_DIR")
	if dir == "" {
		return
	}
	s := monthlySeries(24, 1)
	target := 40.0
	o := Options{Labels: russianLabels(), Target: &target}
	one := seriesOf(counts(10, 20, 40))
	write := func(name string, c *Chart) {
		f, _ := os.Create(dir + "/" + name + ".png")
		defer f.Close()
		if err := c.PNG(f); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range Kinds {
		c, _ := Build(k, s, o)
		write(string(k), c)
		c, _ = Build(k, one, o)
		write("one-"+string(k), c)
		d := o
		d.Dark = true
		c, _ = Build(k, s, d)
		write("dark-"+string(k), c)
	}
	write("empty", NPSTrend(seriesOf(nil), o))
	write("small", NPSTrend(monthlySeries(24, 1), Options{Width: 500, Height: 300, Labels: russianLabels()}))
}
