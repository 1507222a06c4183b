package widgets

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// SearchDelay lets the user finish a word before a list reloads.
const SearchDelay = 300 * time.Millisecond

// SearchBox is a list's search entry: it applies the search on the UI
// goroutine once typing pauses for SearchDelay, and at once on Enter. A
// pending apply is counted in busy, so a screen (and its tests) can wait
// for it. The window's shortcuts keep working while it has the keyboard.
type SearchBox struct {
	widget.Entry
	busy  *sync.WaitGroup
	apply func()

	mu    sync.Mutex
	timer *time.Timer
}

// NewSearchBox returns a search entry that calls apply.
func NewSearchBox(placeholder string, busy *sync.WaitGroup, apply func()) *SearchBox {
	b := &SearchBox{busy: busy, apply: apply}
	b.ExtendBaseWidget(b)
	b.SetPlaceHolder(placeholder)
	b.OnChanged = func(string) { b.schedule() }
	b.OnSubmitted = func(string) { apply() }
	return b
}

func (b *SearchBox) schedule() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.stopLocked()
	b.busy.Add(1)
	b.timer = time.AfterFunc(SearchDelay, func() {
		defer b.busy.Done()
		Do(b.apply)
	})
}

// stopLocked drops a pending apply; b.mu is held.
func (b *SearchBox) stopLocked() {
	if b.timer != nil && b.timer.Stop() {
		b.busy.Done() // the stopped timer will not run
	}
}

// Clear empties the box without a delayed apply: the caller reloads once
// after resetting its other filters.
func (b *SearchBox) Clear() {
	b.SetText("")
	b.mu.Lock()
	b.stopLocked()
	b.mu.Unlock()
}

// Focus puts the keyboard focus in the box.
func (b *SearchBox) Focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
		c.Focus(b)
	}
}

// TypedShortcut passes Ctrl+letter and Ctrl+digit on to the window (see
// shortcutToWindow), so Ctrl+N typed after Ctrl+F opens the form.
func (b *SearchBox) TypedShortcut(s fyne.Shortcut) {
	if !shortcutToWindow(b, s) {
		b.Entry.TypedShortcut(s)
	}
}
