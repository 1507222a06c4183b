package widgets

import (
	"maps"
	"slices"

	"fyne.io/fyne/v2"
)

// extendSelection adds row to a multiple selection: a range from the
// selected row when shift is held, otherwise the row alone is toggled.
// Only loaded rows can be marked (the ones on screen always are).
func (t *PagedTable[T]) extendSelection(row int, shift bool) {
	t.mu.Lock()
	if t.marked == nil {
		t.marked = map[int]T{}
		if item, ok := t.itemLocked(t.selected); ok {
			t.marked[t.selected] = item
		}
	}
	if shift && t.selected >= 0 {
		lo, hi := min(t.selected, row), max(t.selected, row)
		for r := lo; r <= hi; r++ {
			if item, ok := t.itemLocked(r); ok {
				t.marked[r] = item
			}
		}
	} else if _, on := t.marked[row]; on {
		delete(t.marked, row)
	} else if item, ok := t.itemLocked(row); ok {
		t.marked[row] = item
		t.selected = row // the anchor of the next shift+tap
	}
	t.mu.Unlock()
	t.view.Refresh()
}

// Mark adds row to the multiple selection as Ctrl+tap does (Shift+tap
// when shift is true); tests and keyboard helpers use it.
func (t *PagedTable[T]) Mark(row int, shift bool) {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod = fyne.KeyModifierShift
	}
	t.rowTapped(row, mod)
}

// Marked returns the selected items in row order: every row of a
// multiple selection, else the selected row (if loaded).
func (t *PagedTable[T]) Marked() []T {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.marked) == 0 {
		if item, ok := t.itemLocked(t.selected); ok {
			return []T{item}
		}
		return nil
	}
	out := make([]T, 0, len(t.marked))
	for _, r := range slices.Sorted(maps.Keys(t.marked)) {
		out = append(out, t.marked[r])
	}
	return out
}

func (t *PagedTable[T]) focusView() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t.view); c != nil {
		c.Focus(t.view)
	}
}
