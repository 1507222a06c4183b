package widgets

import (
	"image"
	"image/color"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"caredesk/charts"
	"caredesk/data/kpi"
)

// variantTheme is Fyne's default theme drawn always in one variant.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

func forced(v fyne.ThemeVariant) fyne.Theme { return variantTheme{theme.DefaultTheme(), v} }

// tileColours reads the card and figure colours the tile draws with.
func tileColours(t *testing.T, tile *KPITile) (card, figure color.Color) {
	t.Helper()
	var bg *canvas.Rectangle
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *canvas.Rectangle:
			if bg == nil {
				bg = o
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		}
	}
	for _, o := range test.WidgetRenderer(tile).Objects() {
		walk(o)
	}
	if bg == nil {
		t.Fatal("the tile draws no card")
	}
	return bg.FillColor, tile.value.Color
}

// A theme switch refreshes the widgets on screen; the tile must then take
// the new variant's colours (it kept a dark card on a light window).
func TestKPITileFollowsTheThemeVariant(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(forced(theme.VariantLight))
	tile := NewKPITile("NPS")
	tile.Set("+33.0", "", ToneNeutral, "")
	w := test.NewWindow(container.NewStack(tile))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 200))

	light := forced(theme.VariantLight)
	if card, figure := tileColours(t, tile); card != light.Color(theme.ColorNameInputBackground, theme.VariantLight) ||
		figure != light.Color(theme.ColorNameForeground, theme.VariantLight) {
		t.Fatalf("light theme: card %v, figure %v", card, figure)
	}
	a.Settings().SetTheme(forced(theme.VariantDark))
	dark := forced(theme.VariantDark)
	wantCard, wantFigure := dark.Color(theme.ColorNameInputBackground, theme.VariantDark), dark.Color(theme.ColorNameForeground, theme.VariantDark)
	deadline := time.Now().Add(5 * time.Second)
	for {
		var card, figure color.Color
		Do(func() { card, figure = tileColours(t, tile) })
		if card == wantCard && figure == wantFigure {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the switch to dark: card %v (want %v), figure %v (want %v)", card, wantCard, figure, wantFigure)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// When the system's variant changes under a running app, Fyne refreshes
// the widgets on screen: a chart drawn in the old variant is drawn again.
func TestChartViewRedrawsWhenTheVariantChanges(t *testing.T) {
	test.NewTempApp(t)
	var dark atomic.Bool
	var drawnDark []bool
	var draws atomic.Int32
	v := NewChartView(dark.Load)
	w := test.NewWindow(v)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	v.SetBuilder(func(opt charts.Options) (*charts.Chart, error) {
		Do(func() { drawnDark = append(drawnDark, opt.Dark) })
		draws.Add(1)
		return charts.NPSDistribution(kpi.NPSStat{}, opt), nil // a message chart: cheap
	})
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s", what)
			}
			time.Sleep(10 * time.Millisecond)
		}
		WaitIdle()
	}
	waitFor("the first drawing", func() bool {
		var img image.Image
		Do(func() { img = v.Image() })
		return img != nil
	})
	first := draws.Load()
	Do(v.Refresh)
	WaitIdle()
	if draws.Load() != first {
		t.Fatalf("a refresh without a variant change drew the chart again (%d draws, then %d)", first, draws.Load())
	}
	dark.Store(true)
	Do(v.Refresh)
	waitFor("the drawing in dark", func() bool {
		var last bool
		Do(func() { last = len(drawnDark) > 0 && drawnDark[len(drawnDark)-1] })
		return last
	})
	Do(v.Refresh)
	WaitIdle()
	if n := draws.Load(); n != first+1 {
		t.Errorf("%d draws after the switch, want one more than the %d before", n, first)
	}
}
