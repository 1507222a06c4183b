package widgets

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pickerWindow shows a picker over names and an entry after it.
func pickerWindow(t *testing.T, names []string) (p *Picker, next *widget.Entry, picked *[]int, w fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	picked = new([]int)
	p = NewPicker(names, func(i int) { *picked = append(*picked, i) })
	next = widget.NewEntry()
	w = test.NewTempWindow(t, container.NewVBox(p, next))
	w.Resize(fyne.NewSize(500, 600))
	return p, next, picked, w
}

var staff = []string{"Anna Petrova", "Иван Петров", "Борис Иванов", "Ёлкина Алёна", "Maria IVANOVA"}

func TestPickerNarrowsAsYouType(t *testing.T) {
	p, _, picked, w := pickerWindow(t, staff)
	test.Type(p, "ИВАН")
	if !p.IsOpen() {
		t.Fatal("typing did not open the list")
	}
	if got, want := p.Matches(), []string{"Иван Петров", "Борис Иванов"}; !slices.Equal(got, want) {
		t.Errorf("ИВАН matches %q, want %q", got, want)
	}
	if p.Search() != "ИВАН" {
		t.Errorf("the search box reads %q", p.Search())
	}
	test.Type(p, "ов")
	if got, want := p.Matches(), []string{"Борис Иванов"}; !slices.Equal(got, want) {
		t.Errorf("ИВАНов matches %q, want %q", got, want)
	}
	// Enter picks the first match; the list closes and the keyboard is back.
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.IsOpen() || p.Selected != "Борис Иванов" || !slices.Equal(*picked, []int{2}) {
		t.Fatalf("after Enter: open %v, selected %q, picked %v", p.IsOpen(), p.Selected, *picked)
	}
	if w.Canvas().Focused() != p {
		t.Errorf("focus is on %T after picking", w.Canvas().Focused())
	}

	// е finds ё, and Down moves past the first match.
	test.Type(p, "ел")
	if got := p.Matches(); !slices.Equal(got, []string{"Ёлкина Алёна"}) {
		t.Errorf("ел matches %q", got)
	}
	p.search.SetText("Р") // Иван Петров, Борис Иванов
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if p.Selected != "Борис Иванов" {
		t.Errorf("Р, Down, Up, Down, Enter chose %q, want the second match", p.Selected)
	}
}

func TestPickerRejectsTextThatIsNoOption(t *testing.T) {
	p, next, picked, w := pickerWindow(t, staff)
	p.SetSelectedIndex(0)
	*picked = nil
	test.Type(p, "Дмитрий")
	if len(p.Matches()) != 0 || p.none.Hidden {
		t.Fatalf("no one is called Дмитрий, yet %q match (no-match note hidden %v)", p.Matches(), p.none.Hidden)
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !p.IsOpen() || p.Selected != "Anna Petrova" || len(*picked) != 0 {
		t.Fatalf("Enter on no match: open %v, selected %q, picked %v", p.IsOpen(), p.Selected, *picked)
	}
	// Escape closes and keeps the old choice.
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.IsOpen() || p.Selected != "Anna Petrova" || len(*picked) != 0 {
		t.Fatalf("Escape: open %v, selected %q, picked %v", p.IsOpen(), p.Selected, *picked)
	}
	// Tab on an ambiguous search keeps the choice and moves on.
	test.Type(p, "ов")
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if p.IsOpen() || p.Selected != "Anna Petrova" || len(*picked) != 0 {
		t.Fatalf("Tab on two matches: open %v, selected %q, picked %v", p.IsOpen(), p.Selected, *picked)
	}
	if w.Canvas().Focused() != next {
		t.Errorf("Tab left the focus on %T", w.Canvas().Focused())
	}
	// Tab on a single match takes it.
	w.Canvas().Focus(p)
	test.Type(p, "петров ")
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if p.Selected != "Иван Петров" || w.Canvas().Focused() != next {
		t.Errorf("Tab on one match: selected %q, focus on %T", p.Selected, w.Canvas().Focused())
	}
}

func TestPickerTapListsEverythingAndPicksARow(t *testing.T) {
	p, _, picked, w := pickerWindow(t, staff)
	p.SetSelectedIndex(3)
	*picked = nil
	test.Tap(p)
	if !p.IsOpen() || len(p.Matches()) != len(staff) || p.current != 3 {
		t.Fatalf("tap: open %v, %d listed, highlight %d (want all, at the choice)", p.IsOpen(), len(p.Matches()), p.current)
	}
	if w.Canvas().Focused() != p.search {
		t.Errorf("the search box does not have the keyboard: %T", w.Canvas().Focused())
	}
	p.list.Select(1)
	if p.IsOpen() || p.Selected != "Иван Петров" || !slices.Equal(*picked, []int{1}) {
		t.Errorf("row tap: open %v, selected %q, picked %v", p.IsOpen(), p.Selected, *picked)
	}
	p.Disable()
	test.Tap(p)
	test.Type(p, "a")
	if p.IsOpen() {
		t.Error("a disabled picker opened")
	}
}

// BenchmarkPickerFilter500 is one keystroke over 500 employees.
func BenchmarkPickerFilter500(b *testing.B) {
	test.NewTempApp(b)
	names := make([]string, 500)
	for i := range names {
		names[i] = fmt.Sprintf("Сотрудник %03d Employee", i)
	}
	p := NewPicker(names, nil)
	test.NewTempWindow(b, p)
	test.Type(p, "1")
	queries := []string{"сотрудник 1", "EMPLOYEE"} // each keystroke changes the text
	n := 0
	for b.Loop() {
		p.search.SetText(queries[n%2])
		n++
	}
	if len(p.Matches()) != 500 && len(p.Matches()) != 100 {
		b.Fatalf("%d matches", len(p.Matches()))
	}
}

// The list stays inside the window: under the picker when it fits, over
// it when there is more room there, shortened to what fits.
func TestPickerListStaysInTheWindow(t *testing.T) {
	test.NewTempApp(t)
	names := make([]string, 50)
	for i := range names {
		names[i] = fmt.Sprintf("Employee %02d", i)
	}
	p := NewPicker(names, nil)
	w := test.NewTempWindow(t, container.NewBorder(nil, p, nil, nil, widget.NewLabel("")))
	w.Resize(fyne.NewSize(400, 300))
	test.Tap(p)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p)
	top, bottom := p.placed.Position.Y, p.placed.Position.Y+p.placed.Size.Height
	if top < 0 || bottom > at.Y+0.5 {
		t.Errorf("a picker at the window's foot lists over %v..%v, want above its top %v", top, bottom, at.Y)
	}
	if len(p.Matches()) != 50 {
		t.Errorf("%d listed", len(p.Matches()))
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})

	w.SetContent(container.NewBorder(p, nil, nil, nil, widget.NewLabel("")))
	w.Resize(fyne.NewSize(400, 700))
	test.Tap(p)
	if got, want := p.placed.Position.Y, p.Size().Height; got < want-0.5 || p.placed.Position.Y+p.placed.Size.Height > 700 {
		t.Errorf("a picker at the top lists from %v (height %v), want under it from %v", got, p.placed.Size.Height, want)
	}
}
