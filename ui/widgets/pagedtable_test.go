package widgets

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// numberSource serves the numbers 0..n-1 and records what the table asked.
type numberSource struct {
	n         int
	mu        sync.Mutex
	fetches   []int // offsets asked for
	orders    []SortOrder
	goroutine []string
}

func (s *numberSource) count(context.Context) (int, error) { return s.n, nil }

func (s *numberSource) page(_ context.Context, o SortOrder, offset, limit int) ([]int, error) {
	s.mu.Lock()
	s.fetches = append(s.fetches, offset)
	s.orders = append(s.orders, o)
	s.goroutine = append(s.goroutine, goroutineID())
	s.mu.Unlock()
	var out []int
	for i := offset; i < offset+limit && i < s.n; i++ {
		v := i
		if o.Desc {
			v = s.n - 1 - i
		}
		out = append(out, v)
	}
	return out, nil
}

func goroutineID() string {
	b := make([]byte, 64)
	b = b[:runtime.Stack(b, false)]
	return string(bytes.Fields(b)[1])
}

func newNumberTable(src *numberSource) *PagedTable[int] {
	cols := []Column{{Title: "N", Width: 80, SortKey: "n"}, {Title: "Double", Width: 80, Expand: true}}
	return NewPagedTable(cols, src.count, src.page, func(v, col int) (string, widget.Importance) {
		if col == 0 {
			return strconv.Itoa(v), widget.MediumImportance
		}
		return strconv.Itoa(2 * v), widget.MediumImportance
	})
}

// drawnCells returns the data cells the table currently shows.
func drawnCells(t *PagedTable[int]) []*tableCell {
	var out []*tableCell
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		if c, ok := o.(*tableCell); ok {
			if !c.header && c.onTap != nil {
				out = append(out, c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, ch := range test.WidgetRenderer(w).Objects() {
				walk(ch)
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, ch := range c.Objects {
				walk(ch)
			}
		}
	}
	walk(t.view)
	return out
}

// visibleCells returns the non-empty texts of the drawn cells by row.
func visibleCells(t *PagedTable[int]) map[int][]string {
	out := map[int][]string{}
	for _, c := range drawnCells(t) {
		if c.label.Text != "" {
			out[c.row] = append(out[c.row], c.label.Text)
		}
	}
	return out
}

func showTable(t *testing.T, tbl *PagedTable[int]) fyne.Window {
	t.Helper()
	w := test.NewTempWindow(t, tbl)
	Do(func() {
		w.Resize(fyne.NewSize(400, 300))
		tbl.Reload()
	})
	tbl.Wait()
	return w
}

func TestPagedTableLoadsOnlyVisiblePages(t *testing.T) {
	test.NewTempApp(t)
	src := &numberSource{n: 1_000_000}
	tbl := newNumberTable(src)
	showTable(t, tbl)

	if got := tbl.Total(); got != 1_000_000 {
		t.Fatalf("total = %d", got)
	}
	if got := tbl.status.Text; got != "1,000,000" {
		t.Errorf("status = %q", got)
	}
	cells := visibleCells(tbl)
	if got := cells[0]; len(got) == 0 || got[0] != "0" {
		t.Fatalf("row 0 cells = %v (all %v)", got, cells)
	}
	if got := cells[3]; len(got) != 2 || got[1] != "6" {
		t.Errorf("row 3 cells = %v", got)
	}
	src.mu.Lock()
	fetched := append([]int(nil), src.fetches...)
	src.mu.Unlock()
	if len(fetched) != 1 || fetched[0] != 0 {
		t.Errorf("fetched offsets %v, want only the first page", fetched)
	}

	// Jump far down: the page there is fetched, the cache stays bounded.
	for _, row := range []int{5_000, 20_000, 400_000, 999_990} {
		Do(func() { tbl.view.ScrollTo(widget.TableCellID{Row: row, Col: 0}) })
		tbl.Wait()
		near := false
		for r, texts := range visibleCells(tbl) {
			if texts[0] != strconv.Itoa(r) {
				t.Fatalf("after scrolling to %d, row %d shows %v", row, r, texts)
			}
			// Fyne keeps scroll offsets in float32: far down, ScrollTo lands
			// a few hundred rows off, which is fine for this test.
			near = near || abs(r-row) < 1000
		}
		if !near {
			t.Fatalf("after scrolling to %d, no loaded row near it is drawn: %v", row, visibleCells(tbl))
		}
	}
	tbl.mu.Lock()
	cached := len(tbl.pages.pages)
	tbl.mu.Unlock()
	if cached > cachedPages {
		t.Errorf("%d pages cached, want at most %d", cached, cachedPages)
	}
	src.mu.Lock()
	defer src.mu.Unlock()
	test := goroutineID()
	for _, g := range src.goroutine {
		if g == test {
			t.Fatal("the page func ran on the UI (test) goroutine")
		}
	}
}

func TestPagedTableHeaderSorts(t *testing.T) {
	test.NewTempApp(t)
	src := &numberSource{n: 250}
	tbl := newNumberTable(src)
	showTable(t, tbl)

	Do(func() { tbl.headerTapped(0) })
	tbl.Wait()
	if got := tbl.Sort(); got != (SortOrder{Key: "n"}) {
		t.Fatalf("sort after first tap = %+v", got)
	}
	if got := tbl.headerText(0); got != "N ▲" {
		t.Errorf("header = %q", got)
	}
	Do(func() { tbl.headerTapped(0) })
	tbl.Wait()
	if got := tbl.Sort(); got != (SortOrder{Key: "n", Desc: true}) {
		t.Fatalf("sort after second tap = %+v", got)
	}
	if got := tbl.headerText(0); got != "N ▼" {
		t.Errorf("header = %q", got)
	}
	if cells := visibleCells(tbl); len(cells[0]) == 0 || cells[0][0] != "249" {
		t.Errorf("first row after descending sort = %v", cells[0])
	}
	// The unsortable column ignores taps.
	Do(func() { tbl.headerTapped(1) })
	tbl.Wait()
	if got := tbl.Sort(); !got.Desc || got.Key != "n" {
		t.Errorf("tapping an unsortable header changed the sort to %+v", got)
	}
}

func TestPagedTableSelectAndActivate(t *testing.T) {
	test.NewTempApp(t)
	src := &numberSource{n: 50}
	tbl := newNumberTable(src)
	var selected, activated []int
	tbl.OnSelected = func(_ int, v int) { selected = append(selected, v) }
	tbl.OnActivated = func(_ int, v int) { activated = append(activated, v) }
	w := showTable(t, tbl)

	Do(func() { tbl.rowTapped(4, 0) })
	if i, v, ok := tbl.Selected(); !ok || i != 4 || v != 4 {
		t.Fatalf("Selected() = %d, %d, %v", i, v, ok)
	}
	Do(func() { tbl.rowTapped(4, 0) }) // a second tap in quick succession opens the row
	if fmt.Sprint(activated) != "[4]" {
		t.Fatalf("activated = %v", activated)
	}
	Do(func() {
		w.Canvas().Focus(tbl.view)
		tbl.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		tbl.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	if fmt.Sprint(activated) != "[4 5]" {
		t.Errorf("after Down, Enter: activated = %v", activated)
	}
	if !sort.IntsAreSorted(selected) || selected[len(selected)-1] != 5 {
		t.Errorf("selected = %v", selected)
	}
	// A reload (new query) clears the selection.
	Do(tbl.Reload)
	tbl.Wait()
	if _, _, ok := tbl.Selected(); ok {
		t.Error("selection survived a reload")
	}
}

func TestPagedTableExpandColumnFillsWidth(t *testing.T) {
	test.NewTempApp(t)
	tbl := newNumberTable(&numberSource{n: 3})
	w := showTable(t, tbl)
	Do(func() { w.Resize(fyne.NewSize(800, 300)) })
	// The second column takes what the first leaves.
	widest := float32(0)
	for _, c := range drawnCells(tbl) {
		if c.label.Text == "4" {
			widest = max(widest, c.Size().Width)
		}
	}
	if widest < 600 {
		t.Errorf("the expanding column is %v wide in an 800 wide table", widest)
	}
}

// BenchmarkPagedTableScroll measures one scroll step over a million rows:
// moving the viewport, redrawing the visible cells and, for every new page,
// fetching it in the background.
func BenchmarkPagedTableScroll(b *testing.B) {
	test.NewTempApp(b)
	src := &numberSource{n: 1_000_000}
	tbl := newNumberTable(src)
	w := test.NewTempWindow(b, tbl)
	w.Resize(fyne.NewSize(600, 700))
	Do(tbl.Reload)
	tbl.Wait()
	y := float32(0)
	for b.Loop() {
		y += 37 // a wheel notch
		Do(func() { tbl.view.ScrollToOffset(fyne.NewPos(0, y)) })
	}
	b.StopTimer()
	tbl.Wait()
}

// BenchmarkPagedTableCachedCell is the cost of drawing one cached cell.
func BenchmarkPagedTableCachedCell(b *testing.B) {
	test.NewTempApp(b)
	tbl := newNumberTable(&numberSource{n: 1000})
	w := test.NewTempWindow(b, tbl)
	w.Resize(fyne.NewSize(600, 700))
	Do(tbl.Reload)
	tbl.Wait()
	for b.Loop() {
		tbl.cellText(5, 1)
	}
}

func TestPagedTableMultipleSelection(t *testing.T) {
	test.NewTempApp(t)
	tbl := newNumberTable(&numberSource{n: 50})
	tbl.MultiSelect = true
	showTable(t, tbl)

	Do(func() {
		tbl.rowTapped(2, 0)
		tbl.rowTapped(5, fyne.KeyModifierShortcutDefault)
		tbl.rowTapped(7, fyne.KeyModifierShortcutDefault)
	})
	if got := fmt.Sprint(tbl.Marked()); got != "[2 5 7]" {
		t.Fatalf("after tap, Ctrl+tap, Ctrl+tap: marked = %s", got)
	}
	Do(func() { tbl.rowTapped(5, fyne.KeyModifierShortcutDefault) }) // toggles off
	if got := fmt.Sprint(tbl.Marked()); got != "[2 7]" {
		t.Fatalf("after un-marking 5: marked = %s", got)
	}
	Do(func() { tbl.rowTapped(10, fyne.KeyModifierShift) }) // range from the anchor (7)
	if got := fmt.Sprint(tbl.Marked()); got != "[2 7 8 9 10]" {
		t.Fatalf("after Shift+tap: marked = %s", got)
	}
	if !tbl.isSelected(8) || tbl.isSelected(3) {
		t.Error("marked rows are not the highlighted ones")
	}
	Do(func() { tbl.rowTapped(20, 0) }) // a plain tap starts over
	if got := fmt.Sprint(tbl.Marked()); got != "[20]" {
		t.Fatalf("after a plain tap: marked = %s", got)
	}
	// Without MultiSelect the modifiers do nothing special.
	tbl.MultiSelect = false
	Do(func() { tbl.rowTapped(22, fyne.KeyModifierShortcutDefault) })
	if got := fmt.Sprint(tbl.Marked()); got != "[22]" {
		t.Fatalf("single selection: marked = %s", got)
	}
	Do(tbl.Reload)
	tbl.Wait()
	if got := tbl.Marked(); len(got) != 0 {
		t.Errorf("a reload kept the selection %v", got)
	}
}
