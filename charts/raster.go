package charts

import (
	"errors"
	"image"
	"image/png"
	"io"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// invisible is a fill that go-chart does not replace by its default (it
// only replaces the all-zero colour) but that rasterRenderer drops.
var invisible = drawing.Color{R: 1}

// rasterRenderer wraps go-chart's PNG renderer for speed. go-chart fills
// the whole background and canvas through the anti-aliasing rasteriser,
// which was a third of a render; here the charts draw on a transparent
// image, paths with nothing visible are dropped before they reach the
// rasteriser, and the background colour is composited under the finished
// image in one pass.
type rasterRenderer struct {
	chart.Renderer
	background   drawing.Color
	fill, stroke drawing.Color
	strokeWidth  float64
	path         []pathOp
	collected    *image.RGBA
}

type pathOp struct {
	kind                 byte // 'M', 'L', 'Q', 'A', 'Z', 'C'
	x, y, cx, cy         int
	rx, ry, start, delta float64
}

func rasterProvider(background drawing.Color) chart.RendererProvider {
	return func(width, height int) (chart.Renderer, error) {
		r, err := chart.PNG(width, height)
		if err != nil {
			return nil, err
		}
		return &rasterRenderer{Renderer: r, background: background}, nil
	}
}

func (r *rasterRenderer) ResetStyle() {
	r.fill, r.stroke, r.strokeWidth = drawing.Color{}, drawing.Color{}, 0
	r.Renderer.ResetStyle()
}
func (r *rasterRenderer) SetFillColor(c drawing.Color)   { r.fill = c; r.Renderer.SetFillColor(c) }
func (r *rasterRenderer) SetStrokeColor(c drawing.Color) { r.stroke = c; r.Renderer.SetStrokeColor(c) }
func (r *rasterRenderer) SetStrokeWidth(w float64)       { r.strokeWidth = w; r.Renderer.SetStrokeWidth(w) }

func (r *rasterRenderer) MoveTo(x, y int) { r.path = append(r.path, pathOp{kind: 'M', x: x, y: y}) }
func (r *rasterRenderer) LineTo(x, y int) { r.path = append(r.path, pathOp{kind: 'L', x: x, y: y}) }
func (r *rasterRenderer) QuadCurveTo(cx, cy, x, y int) {
	r.path = append(r.path, pathOp{kind: 'Q', x: x, y: y, cx: cx, cy: cy})
}
func (r *rasterRenderer) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	r.path = append(r.path, pathOp{kind: 'A', cx: cx, cy: cy, rx: rx, ry: ry, start: start, delta: delta})
}
func (r *rasterRenderer) Close() { r.path = append(r.path, pathOp{kind: 'Z'}) }
func (r *rasterRenderer) Circle(radius float64, x, y int) {
	r.path = append(r.path, pathOp{kind: 'C', x: x, y: y, rx: radius})
}

func (r *rasterRenderer) Fill()       { r.flush(r.fill.A > 0, false, r.Renderer.Fill) }
func (r *rasterRenderer) Stroke()     { r.flush(false, r.strokes(), r.Renderer.Stroke) }
func (r *rasterRenderer) FillStroke() { r.flush(r.fill.A > 0, r.strokes(), r.Renderer.FillStroke) }

func (r *rasterRenderer) strokes() bool { return r.stroke.A > 0 && r.strokeWidth > 0 }

// flush replays the recorded path into go-chart only when it would paint.
func (r *rasterRenderer) flush(fills, strokes bool, paint func()) {
	path := r.path
	r.path = r.path[:0]
	if !fills && !strokes {
		return
	}
	for _, op := range path {
		switch op.kind {
		case 'M':
			r.Renderer.MoveTo(op.x, op.y)
		case 'L':
			r.Renderer.LineTo(op.x, op.y)
		case 'Q':
			r.Renderer.QuadCurveTo(op.cx, op.cy, op.x, op.y)
		case 'A':
			r.Renderer.ArcTo(op.cx, op.cy, op.rx, op.ry, op.start, op.delta)
		case 'Z':
			r.Renderer.Close()
		case 'C':
			r.Renderer.Circle(op.rx, op.x, op.y)
		}
	}
	paint()
}

func (r *rasterRenderer) SetRGBA(img *image.RGBA) { r.collected = img }

// Save composites the background under the drawing, then hands the image
// to an RGBACollector (Image) or writes it as PNG.
func (r *rasterRenderer) Save(w io.Writer) error {
	r.collected = nil
	if err := r.Renderer.Save(r); err != nil {
		return err
	}
	img := r.collected
	if img == nil {
		return errors.New("chart renderer produced no image")
	}
	underlay(img, r.background)
	if c, ok := w.(chart.RGBACollector); ok {
		c.SetRGBA(img)
		return nil
	}
	// Charts are large flat areas: the fastest deflate level keeps files
	// small and a 1200×600 chart well under its 60 ms budget.
	return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
}

// Write lets the wrapper stand in as go-chart's Save target; go-chart only
// writes bytes when the target is not an RGBACollector, which it is.
func (r *rasterRenderer) Write(p []byte) (int, error) {
	return 0, errors.New("unexpected encoded chart output")
}

// underlay puts an opaque colour under a premultiplied RGBA image.
func underlay(img *image.RGBA, bg drawing.Color) {
	br, bgc, bb := uint32(bg.R), uint32(bg.G), uint32(bg.B)
	p := img.Pix
	for i := 0; i+3 < len(p); i += 4 {
		a := uint32(p[i+3])
		if a == 255 {
			continue
		}
		inv := 255 - a
		p[i] = uint8(uint32(p[i]) + (br*inv+127)/255)
		p[i+1] = uint8(uint32(p[i+1]) + (bgc*inv+127)/255)
		p[i+2] = uint8(uint32(p[i+2]) + (bb*inv+127)/255)
		p[i+3] = 255
	}
}
