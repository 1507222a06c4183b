package settings

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

func TestMonthlyBaseIsSavedOverwrittenListedAndRemoved(t *testing.T) {
	s, st, rec := newScreen(t, nil)
	r := &s.rates
	ctx := context.Background()
	stored := func() []data.Denominator {
		t.Helper()
		d, err := st.Denominators(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	typeMonth := func(month, clients, orders string) {
		widgets.Do(func() {
			r.month.SetText(month)
			r.clients.SetText(clients)
			r.orders.SetText(orders)
			s.SaveMonth()
		})
	}
	eventually(t, "the screen loaded", func() bool { return !r.fcr.Disabled() })

	// Mistakes are named under their fields and nothing is stored.
	typeMonth("March", "-5", "12.5")
	for field, want := range map[string]string{
		"month": "Enter a month as YYYY-MM, e.g. 2025-03.", "clients": "Enter a whole number, 0 or more.", "orders": "Enter a whole number, 0 or more.",
	} {
		if l := r.errs[field]; !l.Visible() || l.Text != want {
			t.Errorf("%s error %q (shown %v), want %q", field, l.Text, l.Visible(), want)
		}
	}
	typeMonth("2025-03", "", "")
	if l := r.errs["clients"]; !l.Visible() || l.Text != "Enter clients, orders or both." || r.errs["month"].Visible() {
		t.Errorf("an empty month: clients error %q, month error shown %v", l.Text, r.errs["month"].Visible())
	}
	if len(stored()) != 0 || len(rec.errs) != 0 {
		t.Fatalf("stored %v after mistakes (errors %v)", stored(), rec.errs)
	}

	// Numbers as people type them; a month may lack orders.
	typeMonth("2025-03", "12 500", "")
	eventually(t, "March saved", func() bool { return rec.changed == 1 })
	typeMonth("2025-1", "11,000", "29,000")
	eventually(t, "January saved", func() bool { return rec.changed == 2 })
	want := []data.Denominator{{Month: data.DateDay(2025, 1, 1), Clients: 11000, Orders: 29000}, {Month: data.DateDay(2025, 3, 1), Clients: 12500}}
	if got := stored(); !slices.Equal(got, want) {
		t.Fatalf("stored %v, want %v", got, want)
	}
	if r.list.Length() != 2 || s.status.Text != "Figures for Jan 2025 saved." {
		t.Errorf("list of %d months, status %q", r.list.Length(), s.status.Text)
	}
	for _, l := range r.errs {
		if l.Visible() {
			t.Errorf("an error stays after saving: %q", l.Text)
		}
	}

	// The newest month comes first. Picking March fills the fields; saving
	// it again replaces it.
	widgets.Do(func() { r.list.Select(0) })
	if r.month.Text != "2025-03" || r.clients.Text != "12500" || r.orders.Text != "" {
		t.Errorf("March in the fields: %q %q %q", r.month.Text, r.clients.Text, r.orders.Text)
	}
	typeMonth("03.2025", "13000", "31000")
	eventually(t, "March replaced", func() bool { return rec.changed == 3 })
	want[1] = data.Denominator{Month: data.DateDay(2025, 3, 1), Clients: 13000, Orders: 31000}
	if got := stored(); !slices.Equal(got, want) {
		t.Fatalf("after replacing March: %v, want %v", got, want)
	}

	widgets.Do(func() {
		r.list.Select(1)
		s.removeMonth()
	})
	eventually(t, "January removed", func() bool { return rec.changed == 4 })
	if got := stored(); !slices.Equal(got, want[1:]) || r.list.Length() != 1 || !r.remove.Disabled() {
		t.Errorf("after removing January: stored %v, listed %d", got, r.list.Length())
	}
	if len(rec.errs) != 0 {
		t.Errorf("errors: %v", rec.errs)
	}
}

func TestFCRAndBaseChoicesAreStoredAndShownAgain(t *testing.T) {
	s, st, rec := newScreen(t, nil)
	r := &s.rates
	eventually(t, "the stored choices", func() bool { return !r.fcr.Disabled() && !r.base.Disabled() })
	if r.fcr.SelectedIndex() != 0 || r.base.SelectedIndex() != 0 || rec.changed != 0 {
		t.Fatalf("defaults: FCR %d, base %d; showing them changed %d things", r.fcr.SelectedIndex(), r.base.SelectedIndex(), rec.changed)
	}
	if r.fcr.Selected != "Resolved with no reopen, no escalation, one agent" || r.base.Selected != "clients served" {
		t.Errorf("choices read %q and %q", r.fcr.Selected, r.base.Selected)
	}
	widgets.Do(func() { r.fcr.SetSelectedIndex(1) })
	eventually(t, "the FCR definition saved", func() bool { return rec.changed == 1 })
	widgets.Do(func() { r.base.SetSelectedIndex(1) })
	eventually(t, "the base saved", func() bool { return rec.changed == 2 })
	for key, want := range map[string]string{data.SettingFCRDefinition: string(kpi.FCRNoReopen), data.SettingComplaintBase: string(kpi.BaseOrders)} {
		if v, err := st.Setting(context.Background(), key); err != nil || v != want {
			t.Errorf("setting %s = %q (%v), want %q", key, v, err, want)
		}
	}

	var again *Screen
	widgets.Do(func() { again = New(s.d) })
	eventually(t, "the choices shown again", func() bool {
		return !again.rates.fcr.Disabled() && again.rates.fcr.SelectedIndex() == 1 && again.rates.base.SelectedIndex() == 1
	})
	widgets.WaitIdle()
	if rec.changed != 2 {
		t.Errorf("showing stored choices saved them again: %d changes", rec.changed)
	}
}

// Picking a listed month over figures typed and not saved asks first.
func TestPickingAMonthOverTypedFiguresAsks(t *testing.T) {
	s, _, rec := newScreen(t, nil)
	r := &s.rates
	eventually(t, "the screen loaded", func() bool { return !r.fcr.Disabled() })
	widgets.Do(func() {
		r.month.SetText("2025-03")
		r.clients.SetText("12500")
		s.SaveMonth()
	})
	eventually(t, "March saved", func() bool { return rec.changed == 1 })
	c := s.d.Window.Canvas()
	overlays := func() (n int) { widgets.Do(func() { n = len(c.Overlays().List()) }); return }
	widgets.Do(func() { r.month.SetText("2025-04"); r.clients.SetText("13000") })
	widgets.Do(func() { r.list.Select(0) })
	if overlays() != 1 {
		t.Fatal("picking a month over typed figures did not ask")
	}
	widgets.Do(func() { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }) // keep editing
	if overlays() != 0 || r.month.Text != "2025-04" || r.clients.Text != "13000" {
		t.Fatalf("keep editing: %d overlays, fields %q %q", overlays(), r.month.Text, r.clients.Text)
	}
	widgets.Do(func() { r.list.Select(0) })
	var discard fyne.Tappable
	widgets.Do(func() {
		for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
			if b, ok := o.(*widget.Button); ok && b.Text == lang.L("unsaved.discard") {
				discard = b
			}
		}
	})
	widgets.Do(func() { test.Tap(discard) })
	if r.month.Text != "2025-03" || r.clients.Text != "12500" {
		t.Errorf("discard: fields %q %q, want March", r.month.Text, r.clients.Text)
	}
}
