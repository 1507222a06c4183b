package widgets

import (
	"image"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
)

// ChartBuilder builds a chart for the given options (size, labels, theme).
type ChartBuilder func(o charts.Options) (*charts.Chart, error)

// ChartView shows a chart and renders it again, off the UI goroutine, when
// its size or its data changes. Renders are debounced so dragging a window
// edge does not queue dozens of them.
type ChartView struct {
	widget.BaseWidget
	img     *canvas.Image
	busy    *widget.ProgressBarInfinite
	mu      sync.Mutex
	build   ChartBuilder
	size    fyne.Size
	gen     int // bumps with each request; stale renders are dropped
	timer   *time.Timer
	dark    func() bool
	OnError func(error)

	drawnDark bool // the variant of the image shown; UI goroutine only
}

// NewChartView creates an empty chart view; dark reports the theme variant.
func NewChartView(dark func() bool) *ChartView {
	v := &ChartView{img: canvas.NewImageFromImage(nil), busy: widget.NewProgressBarInfinite(), dark: dark}
	v.img.FillMode = canvas.ImageFillContain
	v.img.ScaleMode = canvas.ImageScaleSmooth
	v.busy.Hide()
	v.ExtendBaseWidget(v)
	return v
}

// SetBuilder replaces what the view draws and renders it.
func (v *ChartView) SetBuilder(b ChartBuilder) {
	v.mu.Lock()
	v.build = b
	v.mu.Unlock()
	v.schedule(0)
}

// Image returns the image currently shown (for tests).
func (v *ChartView) Image() image.Image { return v.img.Image }

// MinSize keeps charts legible in small windows.
func (v *ChartView) MinSize() fyne.Size { return fyne.NewSize(300, 100) }

func (v *ChartView) resized(s fyne.Size) {
	v.mu.Lock()
	changed := s != v.size
	v.size = s
	v.mu.Unlock()
	if changed {
		v.schedule(150 * time.Millisecond)
	}
}

// schedule asks for a render after delay; it runs on the UI goroutine,
// where the theme is read (the shell swaps its theme there).
func (v *ChartView) schedule(delay time.Duration) {
	dark := v.dark != nil && v.dark()
	v.mu.Lock()
	defer v.mu.Unlock()
	v.gen++
	gen := v.gen
	if v.timer != nil && v.timer.Stop() {
		background.Done() // the render it would have run
	}
	background.Add(1)
	v.timer = time.AfterFunc(delay, func() {
		defer background.Done()
		v.render(gen, dark)
	})
}

func (v *ChartView) render(gen int, dark bool) {
	v.mu.Lock()
	build, size := v.build, v.size
	v.mu.Unlock()
	if build == nil || size.Width < 10 || size.Height < 10 {
		return
	}
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	Do(v.busy.Show)
	opt := charts.Options{Width: int(size.Width), Height: int(size.Height), Scale: float64(scale), Dark: dark}
	ch, err := build(opt)
	var img image.Image
	if err == nil {
		img, err = ch.Image()
	}
	Do(func() {
		v.busy.Hide()
		v.mu.Lock()
		stale := gen != v.gen
		v.mu.Unlock()
		if stale {
			return
		}
		if err != nil {
			if v.OnError != nil {
				v.OnError(err)
			}
			return
		}
		v.img.Image = img
		v.drawnDark = opt.Dark
		v.img.Refresh()
	})
}

// CreateRenderer stacks the image and a thin progress bar.
func (v *ChartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartViewRenderer{v: v, objects: []fyne.CanvasObject{v.img, container.NewVBox(v.busy)}}
}

type chartViewRenderer struct {
	v       *ChartView
	objects []fyne.CanvasObject
}

func (r *chartViewRenderer) Layout(s fyne.Size) {
	for _, o := range r.objects {
		o.Resize(s)
		o.Move(fyne.NewPos(0, 0))
	}
	r.v.resized(s)
}
func (r *chartViewRenderer) MinSize() fyne.Size { return r.v.MinSize() }

// Refresh draws the chart again when the theme's variant is no longer the
// one it was drawn in: the system can switch to dark while the app runs,
// and Fyne then refreshes every widget on screen.
func (r *chartViewRenderer) Refresh() {
	v := r.v
	if v.dark != nil && v.img.Image != nil && v.dark() != v.drawnDark {
		v.drawnDark = !v.drawnDark // one redraw per switch, however many refreshes come
		v.schedule(0)
	}
	canvas.Refresh(v.img)
}
func (r *chartViewRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartViewRenderer) Destroy()                     {}
