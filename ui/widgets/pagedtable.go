package widgets

import (
	"context"
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PageSize is how many rows a PagedTable asks its source for at a time.
const PageSize = 100

// cachedPages bounds memory: pages far from the visible rows are dropped.
const cachedPages = 8

// doubleTapInterval is how close two taps on one row must be to open it.
const doubleTapInterval = 450 * time.Millisecond

// Column describes one column of a PagedTable.
type Column struct {
	Title   string
	Width   float32
	SortKey string // passed to the page func when the header is tapped; "" = not sortable
	Expand  bool   // takes the width left over by the other columns
}

// SortOrder is the sort a PagedTable asks its source for.
type SortOrder struct {
	Key  string
	Desc bool
}

// CountFunc counts the rows of the current query. It runs off the UI goroutine.
type CountFunc func(ctx context.Context) (int, error)

// PageFunc fetches rows [offset, offset+limit) of the current query in the
// given order. It runs off the UI goroutine.
type PageFunc[T any] func(ctx context.Context, order SortOrder, offset, limit int) ([]T, error)

// CellFunc gives the text of one cell and how to emphasise it.
type CellFunc[T any] func(item T, col int) (string, widget.Importance)

// PagedTable shows a query of any size: it knows the row count and fetches
// pages on demand in the background while the user scrolls, keeping only a
// few pages in memory. The source is never called on the UI goroutine.
type PagedTable[T any] struct {
	widget.BaseWidget

	// OnSelected is called when the user selects a row.
	OnSelected func(index int, item T)
	// OnActivated is called on double-tap or Enter on a row.
	OnActivated func(index int, item T)
	// OnLoaded is called after every count, with the new total.
	OnLoaded func(total int)
	// OnError receives errors of the count and page funcs.
	OnError func(error)
	// Status formats the status line; the default shows the bare count.
	Status func(total int) string
	// MultiSelect lets Ctrl+tap add rows to the selection and Shift+tap
	// select a range (see Marked).
	MultiSelect bool

	columns []Column
	count   CountFunc
	page    PageFunc[T]
	cell    CellFunc[T]

	view   *tableView
	status *widget.Label

	busy sync.WaitGroup // running loaders; Wait lets tests sync with them

	mu          sync.Mutex // guards the fields below
	order       SortOrder
	pages       *pageSet[T]
	reloadToken int
	selected    int
	marked      map[int]T // rows of a multiple selection; empty = just selected
	lastTapRow  int
	lastTapAt   time.Time
}

// pageSet is the cache of one query result: a reload replaces it whole so
// that late answers to an old query can never mix with the new one.
type pageSet[T any] struct {
	ctx     context.Context
	cancel  context.CancelFunc
	total   int
	order   SortOrder
	pages   map[int][]T
	queue   []int // requested pages, most recent last
	queued  map[int]bool
	loading bool
	nearRow int // the row last drawn: pages far from it are not worth fetching
}

// NewPagedTable creates a table over a query. Call Reload to load it.
func NewPagedTable[T any](columns []Column, count CountFunc, page PageFunc[T], cell CellFunc[T]) *PagedTable[T] {
	t := &PagedTable[T]{columns: columns, count: count, page: page, cell: cell, selected: -1, lastTapRow: -1}
	t.pages = t.newPageSet(0, SortOrder{})
	t.status = widget.NewLabel("")
	t.view = newTableView(t)
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer lays the table above its status line.
func (t *PagedTable[T]) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, t.status, nil, nil, t.view))
}

// Resize gives the expanding column whatever width the others leave.
func (t *PagedTable[T]) Resize(size fyne.Size) {
	t.BaseWidget.Resize(size)
	t.fitColumns(size.Width)
}

func (t *PagedTable[T]) fitColumns(width float32) {
	pad := theme.Padding()
	used := float32(0)
	expand := -1
	for i, c := range t.columns {
		if c.Expand && expand < 0 {
			expand = i
			continue
		}
		used += c.Width + pad
	}
	for i, c := range t.columns {
		w := c.Width
		if i == expand {
			// leave room for the vertical scroll bar
			w = max(c.Width, width-used-pad-theme.ScrollBarSize()*2)
		}
		t.view.SetColumnWidth(i, w)
	}
}

// SetSort changes the order and reloads.
func (t *PagedTable[T]) SetSort(key string, desc bool) {
	t.mu.Lock()
	t.order = SortOrder{Key: key, Desc: desc}
	t.mu.Unlock()
	t.Reload()
}

// Sort returns the current order.
func (t *PagedTable[T]) Sort() SortOrder {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.order
}

// Total is the row count of the last completed load.
func (t *PagedTable[T]) Total() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pages.total
}

// Item returns row index if its page is loaded.
func (t *PagedTable[T]) Item(index int) (T, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.itemLocked(index)
}

func (t *PagedTable[T]) itemLocked(index int) (T, bool) {
	var zero T
	if index < 0 {
		return zero, false
	}
	rows, ok := t.pages.pages[index/PageSize]
	if !ok || index%PageSize >= len(rows) {
		return zero, false
	}
	return rows[index%PageSize], true
}

// Selected returns the selected row, if any and loaded.
func (t *PagedTable[T]) Selected() (int, T, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	item, ok := t.itemLocked(t.selected)
	return t.selected, item, ok && t.selected >= 0
}

// Select selects a row (or clears the selection with -1) and scrolls to it.
func (t *PagedTable[T]) Select(index int) {
	t.mu.Lock()
	if index >= t.pages.total {
		index = t.pages.total - 1
	}
	t.selected = index
	t.marked = nil
	item, ok := t.itemLocked(index)
	t.mu.Unlock()
	t.view.Refresh()
	if index < 0 {
		return
	}
	t.view.ScrollTo(widget.TableCellID{Row: index, Col: 0})
	if ok && t.OnSelected != nil {
		t.OnSelected(index, item)
	}
}

// Activate opens a row as a double-tap would.
func (t *PagedTable[T]) Activate(index int) {
	item, ok := t.Item(index)
	if ok && t.OnActivated != nil {
		t.OnActivated(index, item)
	}
}

// Reload counts the rows again and drops every cached page. Rows already on
// screen stay until the new count arrives, so a reload does not flicker.
func (t *PagedTable[T]) Reload() {
	t.mu.Lock()
	t.reloadToken++
	token := t.reloadToken
	order := t.order
	t.mu.Unlock()

	t.busy.Add(1)
	Go(func() {
		defer t.busy.Done()
		n, err := t.count(context.Background())
		Do(func() {
			t.mu.Lock()
			if token != t.reloadToken {
				t.mu.Unlock()
				return // a newer reload is on its way
			}
			if err != nil {
				t.mu.Unlock()
				if t.OnError != nil {
					t.OnError(err)
				}
				return
			}
			t.pages.cancel()
			t.pages = t.newPageSet(n, order)
			t.selected = -1
			t.marked = nil
			t.mu.Unlock()
			t.status.SetText(t.statusText(n))
			t.view.Refresh()
			if t.OnLoaded != nil {
				t.OnLoaded(n)
			}
		})
	})
}

// Redraw draws the visible cells again without reloading, for cells whose
// text depends on more than the row (names looked up, time left).
func (t *PagedTable[T]) Redraw() { t.view.Refresh() }

// Wait blocks until no count or page load is running. Tests use it to see
// the table settle; the UI never needs it.
func (t *PagedTable[T]) Wait() { t.busy.Wait() }

func (t *PagedTable[T]) statusText(n int) string {
	if t.Status != nil {
		return t.Status(n)
	}
	return Int(int64(n))
}

func (t *PagedTable[T]) newPageSet(total int, order SortOrder) *pageSet[T] {
	ctx, cancel := context.WithCancel(context.Background())
	return &pageSet[T]{ctx: ctx, cancel: cancel, total: total, order: order,
		pages: make(map[int][]T), queued: make(map[int]bool)}
}

// cellText returns the text of a cell, asking for its page when it is not
// cached. Called on the UI goroutine while the table draws.
func (t *PagedTable[T]) cellText(row, col int) (string, widget.Importance, bool) {
	t.mu.Lock()
	ps := t.pages
	ps.nearRow = row
	item, ok := t.itemLocked(row)
	if !ok {
		t.requestLocked(ps, row/PageSize)
		t.mu.Unlock()
		return "", widget.MediumImportance, false
	}
	t.mu.Unlock()
	text, imp := t.cell(item, col)
	return text, imp, true
}

func (t *PagedTable[T]) requestLocked(ps *pageSet[T], page int) {
	if ps.queued[page] {
		return
	}
	ps.queued[page] = true
	ps.queue = append(ps.queue, page)
	if !ps.loading {
		ps.loading = true
		t.busy.Add(1)
		go t.loadPages(ps)
	}
}

// loadPages fetches the queued pages of one page set, newest request first
// so that the rows the user scrolled to arrive before the ones passed by.
func (t *PagedTable[T]) loadPages(ps *pageSet[T]) {
	defer t.busy.Done()
	for {
		t.mu.Lock()
		if len(ps.queue) == 0 || ps.ctx.Err() != nil {
			ps.loading = false
			t.mu.Unlock()
			return
		}
		page := ps.queue[len(ps.queue)-1]
		ps.queue = ps.queue[:len(ps.queue)-1]
		if abs(page-ps.nearRow/PageSize) > cachedPages/2 {
			delete(ps.queued, page) // scrolled past; ask again if it comes back
			t.mu.Unlock()
			continue
		}
		t.mu.Unlock()

		rows, err := t.page(ps.ctx, ps.order, page*PageSize, PageSize)
		if ps.ctx.Err() != nil {
			continue // reloaded meanwhile: the loop ends on the next turn
		}
		Do(func() {
			t.mu.Lock()
			delete(ps.queued, page)
			if err != nil {
				t.mu.Unlock()
				if t.OnError != nil {
					t.OnError(err)
				}
				return
			}
			ps.pages[page] = rows
			ps.evict()
			current := ps == t.pages
			t.mu.Unlock()
			if current {
				t.view.Refresh()
			}
		})
		if err != nil {
			t.mu.Lock()
			ps.loading = false
			t.mu.Unlock()
			return // don't hammer a failing store; the next draw asks again
		}
	}
}

// evict drops the pages farthest from the rows on screen.
func (ps *pageSet[T]) evict() {
	for len(ps.pages) > cachedPages {
		near := ps.nearRow / PageSize
		far, dist := -1, -1
		for p := range ps.pages {
			if d := abs(p - near); d > dist {
				far, dist = p, d
			}
		}
		delete(ps.pages, far)
	}
}

// uiMu serialises the callbacks of Do. In the app they already run one at a
// time on the UI goroutine; headless tests run fyne.Do inline on the calling
// goroutine, where the lock keeps two loaders from touching widgets at once.
var uiMu sync.Mutex

// Do runs f on the UI goroutine and waits for it. Call it from background
// goroutines only (never from inside another Do): it is how screens apply
// data they loaded off the UI goroutine.
func Do(f func()) {
	fyne.DoAndWait(func() {
		uiMu.Lock()
		defer uiMu.Unlock()
		f()
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func (t *PagedTable[T]) headerTapped(col int) {
	key := t.columns[col].SortKey
	if key == "" {
		return
	}
	t.mu.Lock()
	desc := false
	if t.order.Key == key {
		desc = !t.order.Desc
	}
	t.mu.Unlock()
	t.SetSort(key, desc)
}

func (t *PagedTable[T]) headerText(col int) string {
	c := t.columns[col]
	order := t.Sort()
	if c.SortKey == "" || c.SortKey != order.Key {
		return c.Title
	}
	if order.Desc {
		return c.Title + " ▼"
	}
	return c.Title + " ▲"
}

func (t *PagedTable[T]) rowTapped(row int, mod fyne.KeyModifier) {
	if t.MultiSelect && mod&(fyne.KeyModifierShift|fyne.KeyModifierShortcutDefault) != 0 {
		t.focusView()
		t.extendSelection(row, mod&fyne.KeyModifierShift != 0)
		return
	}
	now := time.Now()
	t.mu.Lock()
	double := row == t.lastTapRow && now.Sub(t.lastTapAt) < doubleTapInterval
	t.lastTapRow, t.lastTapAt = row, now
	if double {
		t.lastTapRow = -1
	}
	t.mu.Unlock()
	t.focusView()
	t.Select(row)
	if double {
		t.Activate(row)
	}
}

func (t *PagedTable[T]) moveSelection(delta int) {
	t.mu.Lock()
	row := t.selected + delta
	total := t.pages.total
	t.mu.Unlock()
	if total == 0 {
		return
	}
	t.Select(min(max(row, 0), total-1))
}

func (t *PagedTable[T]) isSelected(row int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.marked) > 0 {
		_, ok := t.marked[row]
		return ok
	}
	return row == t.selected
}

// tableView is the Fyne table with whole-row selection and Enter to open.
type tableView struct {
	widget.Table
	owner interface {
		rowTapped(row int, mod fyne.KeyModifier)
		moveSelection(delta int)
		activateSelected()
	}
}

func (t *PagedTable[T]) activateSelected() {
	t.mu.Lock()
	row := t.selected
	t.mu.Unlock()
	if row >= 0 {
		t.Activate(row)
	}
}

func newTableView[T any](t *PagedTable[T]) *tableView {
	v := &tableView{owner: t}
	v.Length = func() (int, int) {
		t.mu.Lock()
		defer t.mu.Unlock()
		return t.pages.total, len(t.columns)
	}
	v.CreateCell = func() fyne.CanvasObject { return newTableCell() }
	v.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*tableCell)
		text, imp, loaded := t.cellText(id.Row, id.Col)
		if !loaded && id.Col == 0 {
			text = "…" // placeholder until the page arrives
		}
		c.row = id.Row
		c.onTap = t.rowTapped
		c.set(text, imp, t.isSelected(id.Row))
	}
	v.ShowHeaderRow = true
	v.CreateHeader = func() fyne.CanvasObject {
		c := newTableCell()
		c.header = true
		c.label.TextStyle.Bold = true
		return c
	}
	v.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*tableCell)
		if id.Col < 0 {
			return
		}
		col := id.Col
		c.onTap = func(int, fyne.KeyModifier) { t.headerTapped(col) }
		c.set(t.headerText(col), widget.MediumImportance, false)
	}
	v.ExtendBaseWidget(v)
	for i, c := range t.columns {
		v.SetColumnWidth(i, c.Width)
	}
	return v
}

// TypedKey moves the row selection with the arrows and opens a row on Enter.
func (v *tableView) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		v.owner.activateSelected()
	case fyne.KeyUp:
		v.owner.moveSelection(-1)
	case fyne.KeyDown:
		v.owner.moveSelection(1)
	case fyne.KeyPageUp:
		v.owner.moveSelection(-20)
	case fyne.KeyPageDown:
		v.owner.moveSelection(20)
	default:
		v.Table.TypedKey(e)
	}
}

// tableCell is one cell: a single-line label over a background that marks
// the selected row. It takes taps itself so that a whole row is selected.
type tableCell struct {
	widget.BaseWidget
	bg     *canvas.Rectangle
	label  *widget.Label
	row    int
	header bool
	onTap  func(row int, mod fyne.KeyModifier)
	mod    fyne.KeyModifier // held at the last mouse press: Tapped carries none
}

var (
	_ fyne.Tappable      = (*tableCell)(nil)
	_ desktop.Cursorable = (*tableCell)(nil)
	_ desktop.Mouseable  = (*tableCell)(nil)
)

func newTableCell() *tableCell {
	c := &tableCell{bg: canvas.NewRectangle(color.Transparent), label: widget.NewLabel("")}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

func (c *tableCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.label))
}

func (c *tableCell) set(text string, imp widget.Importance, selected bool) {
	var fill color.Color = color.Transparent // the table's own background shows
	if selected {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != fill {
		c.bg.FillColor = fill
		c.bg.Refresh()
	}
	if c.label.Text != text || c.label.Importance != imp {
		c.label.Importance = imp
		c.label.SetText(text)
	}
}

// Tapped selects the row of the cell (or sorts, for a header).
func (c *tableCell) Tapped(*fyne.PointEvent) {
	mod := c.mod
	c.mod = 0
	if c.onTap != nil {
		c.onTap(c.row, mod)
	}
}

// MouseDown remembers the modifiers for the tap that follows.
func (c *tableCell) MouseDown(e *desktop.MouseEvent) { c.mod = e.Modifier }

// MouseUp is part of desktop.Mouseable; the tap does the work.
func (c *tableCell) MouseUp(*desktop.MouseEvent) {}

// Cursor shows a pointer over clickable cells.
func (c *tableCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CountFiltered counts the rows f selects and tells whether the store
// holds none at all (so a list can say "nothing yet" rather than "nothing
// matches"); a filter that narrows nothing needs one count, not two.
func CountFiltered[F interface{ Narrowed() bool }](ctx context.Context, f F, count func(context.Context, F) (int, error)) (n int, storeEmpty bool, err error) {
	if n, err = count(ctx, f); err != nil || n > 0 {
		return n, false, err
	}
	if !f.Narrowed() {
		return 0, true, nil
	}
	var all F
	total, err := count(ctx, all)
	return 0, total == 0, err
}
