package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/sqlite"
	"caredesk/ui/widgets"
)

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		ok := false
		widgets.Do(func() { ok = cond() })
		if ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// findButton finds a button with the given text among everything laid out
// under o, widgets' renderers included.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

// demoSeed adds a few responses the way the real demo generator would.
func demoSeed(ctx context.Context, st data.Store, progress func(done, total int)) (data.ImportBatch, error) {
	imp, err := st.BeginFeedbackImport(ctx, data.ImportBatch{Kind: "feedback", Source: "demo"})
	if err != nil {
		return data.ImportBatch{}, err
	}
	for i := 0; i < 50; i++ {
		f := data.Feedback{RespondedAt: time.Now().AddDate(0, 0, -i), Score: data.Score(i % 11), Source: "demo", ExternalID: string(rune('A' + i))}
		if _, err := imp.Add(&f); err != nil {
			imp.Rollback()
			return data.ImportBatch{}, err
		}
		progress(i+1, 50)
	}
	return imp.Commit()
}

func newTestShell(t *testing.T) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	db := filepath.Join(t.TempDir(), "caredesk.db")
	var s *shell
	widgets.Do(func() {
		s = newShell(a, Options{
			DBPath: db,
			Open: func(ctx context.Context, path string) (data.Store, error) {
				return sqlite.Open(ctx, path)
			},
			DefaultPath: func() (string, error) { return db, nil },
			Demo:        demoSeed,
		})
		s.win.Resize(fyne.NewSize(1280, 800))
		s.open()
	})
	t.Cleanup(s.close)
	t.Cleanup(widgets.WaitIdle) // runs first: nothing may still draw when the next test starts
	eventually(t, "the store to open", func() bool { return s.store != nil && s.dash != nil })
	return s
}

func TestFirstRunOffersDemoDataThenShowsDashboard(t *testing.T) {
	s := newTestShell(t)
	eventually(t, "the welcome panel", func() bool { return s.showWelc && findButton(s.body, "Load demo data") != nil })
	var imp, add *widget.Button
	widgets.Do(func() {
		imp, add = findButton(s.body, "Import a file…"), findButton(s.body, "Add the first response")
	})
	if imp == nil || add == nil {
		t.Error("the welcome panel must offer an import and a first response")
	}
	widgets.Do(func() { test.Tap(findButton(s.body, "Load demo data")) })
	eventually(t, "the dashboard after demo data", func() bool { return !s.showWelc && s.dash.Series().Total.N > 0 })
}

// The welcome panel is for an empty file: a manager who began with
// complaints, without a survey answer, sees the dashboard.
func TestFirstComplaintEndsTheWelcome(t *testing.T) {
	s := newTestShell(t)
	eventually(t, "the welcome panel", func() bool { return s.showWelc })
	c := data.Complaint{OpenedAt: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC), Type: data.TypeComplaint, Priority: data.PriorityNormal}
	if err := s.store.CreateComplaint(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	widgets.Do(func() { s.changed(areaComplaints) })
	eventually(t, "the dashboard", func() bool { return !s.showWelc && findButton(s.body, "Load demo data") == nil })
}

// An import started on the dashboard (the welcome panel, Ctrl+I) opens
// the wizard the file's content calls for: a ticket export the complaints
// one.
func TestImportFromTheDashboardFollowsTheFile(t *testing.T) {
	s := newTestShell(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		name, content string
		want          area
	}{
		{"tickets.csv", "Id,Created at,Status,Priority,Subject,Assignee,Solved at\n101,2024-03-04 09:15,Solved,High,Charged twice,Anna,2024-03-05 11:15\n", areaComplaints},
		{"nps.csv", "Date,How likely are you to recommend us?,Why?\n2024-05-02,9,Fast\n", areaFeedback},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
			t.Fatal(err)
		}
		widgets.Do(func() { s.select_(areaDashboard); s.importPath(path) })
		eventually(t, tc.name+"'s wizard", func() bool { return s.current == tc.want && s.win.Canvas().Overlays().Top() != nil })
		widgets.Do(func() {
			top := s.win.Canvas().Overlays().Top()
			top.Hide()
			s.win.Canvas().Overlays().Remove(top)
		})
	}
}

// The real window hands a shortcut to the focused widget first: the search
// box must pass the window's own shortcuts on, a dialog must stop them, and
// Escape must close it.
func TestShortcutsFromSearchAndUnderDialogs(t *testing.T) {
	s := newTestShell(t)
	typed := func(k fyne.KeyName) {
		widgets.Do(func() {
			sc := &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
			if f, ok := s.win.Canvas().Focused().(fyne.Shortcutable); ok {
				f.TypedShortcut(sc)
				return
			}
			s.win.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
		})
	}
	overlays := func() int { return len(s.win.Canvas().Overlays().List()) } // on the UI goroutine
	typed(fyne.Key2)
	eventually(t, "feedback", func() bool { return s.current == areaFeedback })
	typed(fyne.KeyF)
	eventually(t, "feedback search focused", func() bool {
		_, ok := s.win.Canvas().Focused().(*widgets.SearchBox)
		return ok
	})
	typed(fyne.KeyN) // typed in the search box
	eventually(t, "the new-response form", func() bool { return overlays() == 1 })

	typed(fyne.KeyI)
	typed(fyne.Key3)
	var n int
	widgets.Do(func() { n = overlays() })
	if n != 1 || s.current != areaFeedback {
		t.Fatalf("under the form, Ctrl+I and Ctrl+3 gave %d dialogs on area %v; want the form alone on Feedback", n, s.current)
	}
	widgets.Do(func() { s.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	eventually(t, "the form closed by Escape", func() bool { return overlays() == 0 })
	typed(fyne.Key3)
	eventually(t, "complaints once the form is gone", func() bool { return s.current == areaComplaints })
}

func TestShortcutsSwitchAreas(t *testing.T) {
	s := newTestShell(t)
	press := func(k fyne.KeyName) {
		widgets.Do(func() {
			s.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
		})
	}
	press(fyne.Key7)
	eventually(t, "settings", func() bool { return s.current == areaSettings })
	press(fyne.Key5)
	eventually(t, "team", func() bool { return s.current == areaTeam })
	press(fyne.KeyF)
	eventually(t, "team search focused", func() bool { return s.win.Canvas().Focused() != nil })
	press(fyne.KeyN) // a new employee on Team, not a feedback response
	eventually(t, "the new-employee dialog on Team", func() bool {
		return s.current == areaTeam && s.win.Canvas().Overlays().Top() != nil
	})
	widgets.Do(func() {
		s.win.Canvas().Overlays().Top().Hide()
		s.win.Canvas().Overlays().Remove(s.win.Canvas().Overlays().Top())
	})
	press(fyne.Key6)
	eventually(t, "training", func() bool { return s.current == areaTraining })
	press(fyne.Key3)
	eventually(t, "complaints", func() bool { return s.current == areaComplaints })
	press(fyne.KeyF) // searches the area in view
	eventually(t, "complaints search focused", func() bool {
		return s.current == areaComplaints && s.win.Canvas().Focused() != nil
	})
	press(fyne.Key4)
	eventually(t, "standards", func() bool { return s.current == areaStandards })
	// Ctrl+S reaches the standard being edited, and only on Standards.
	var none, editing, elsewhere *widget.Button
	widgets.Do(func() {
		none = s.paneSaveButton()
		s.stds.NewStandard()
		editing = s.paneSaveButton()
		s.current = areaFeedback
		elsewhere = s.paneSaveButton()
		s.current = areaStandards
	})
	if none != nil || editing == nil || editing != s.stds.SaveButton() || elsewhere != nil {
		t.Errorf("Ctrl+S's button: %v with no standard open, %v editing one, %v on another area", none, editing, elsewhere)
	}
	press(fyne.Key2)
	eventually(t, "feedback", func() bool { return s.current == areaFeedback })
	press(fyne.Key1)
	eventually(t, "dashboard", func() bool { return s.current == areaDashboard })
	press(fyne.KeyF)
	eventually(t, "feedback via Ctrl+F", func() bool { return s.current == areaFeedback })
}

func TestLanguageSwitchRebuildsInRussian(t *testing.T) {
	s := newTestShell(t)
	t.Cleanup(func() { widgets.Do(func() { LoadTranslations("en") }) })
	widgets.Do(func() { s.setLanguage("ru") })
	eventually(t, "Russian settings", func() bool { return findButton(s.body, "Загрузить демо-данные") != nil })
	if s.prefs.Language() != "ru" {
		t.Errorf("language preference = %q", s.prefs.Language())
	}
	widgets.Do(func() { s.setLanguage("en") })
	eventually(t, "English settings", func() bool { return findButton(s.body, "Load demo data") != nil })
}

// Charts are drawn for the theme's variant: after a switch every screen,
// shown or not, must draw in the new one (the dashboard kept asking the
// theme it was built with, and drew dark charts on a light window).
func TestThemeSwitchReachesTheDashboard(t *testing.T) {
	s := newTestShell(t)
	for _, choice := range []string{"dark", "light", "dark"} {
		widgets.Do(func() { s.setTheme(choice) })
		var dark bool
		widgets.Do(func() { dark = s.dash.Dark() })
		if dark != (choice == "dark") {
			t.Errorf("after choosing %s the dashboard draws dark = %v", choice, dark)
		}
	}
	if s.prefs.Theme() != "dark" {
		t.Errorf("theme preference = %q", s.prefs.Theme())
	}
}

func TestOpenFailureIsShownNotFatal(t *testing.T) {
	a := test.NewTempApp(t)
	t.Cleanup(widgets.WaitIdle)
	var s *shell
	widgets.Do(func() {
		s = newShell(a, Options{
			DBPath: filepath.Join(t.TempDir(), "x.db"),
			Open: func(context.Context, string) (data.Store, error) {
				return nil, data.ErrNewerSchema
			},
		})
		s.open()
	})
	eventually(t, "the error panel", func() bool {
		lbl, ok := s.win.Content().(*fyne.Container)
		if !ok || len(lbl.Objects) == 0 {
			return false
		}
		l, ok := lbl.Objects[0].(*widget.Label)
		return ok && len(l.Text) > 0 && s.store == nil
	})
}

// Office laptops often have 1366×768 screens: no area may ask for more,
// in either language (Russian strings are longer).
func TestEveryAreaFitsALaptopScreen(t *testing.T) {
	s := newTestShell(t)
	t.Cleanup(func() { widgets.Do(func() { LoadTranslations("en") }) })
	eventually(t, "the welcome panel", func() bool { return findButton(s.body, "Load demo data") != nil })
	widgets.Do(func() { test.Tap(findButton(s.body, "Load demo data")) })
	eventually(t, "the dashboard", func() bool { return !s.showWelc && s.dash.Series().Total.N > 0 })
	for _, code := range []string{"en", "ru"} {
		widgets.Do(func() { s.setLanguage(code) })
		for _, a := range []area{areaDashboard, areaFeedback, areaComplaints, areaStandards, areaTeam, areaTraining, areaSettings} {
			var min fyne.Size
			widgets.Do(func() {
				s.select_(a)
				min = s.win.Content().MinSize()
			})
			if min.Width > 1280 || min.Height > 700 {
				t.Errorf("%s, area %d needs %v: more than a 1366×768 screen holds", code, a, min)
			}
		}
	}
}

// Closing the window (the app) over a form with unsaved edits asks first,
// as the form's own Cancel does; with nothing unsaved it closes at once.
func TestClosingTheWindowAsksOverUnsavedEdits(t *testing.T) {
	s := newTestShell(t)
	windows := func() (n int) {
		widgets.Do(func() { n = len(fyne.CurrentApp().Driver().AllWindows()) })
		return n
	}
	overlays := func() (n int) {
		widgets.Do(func() { n = len(s.win.Canvas().Overlays().List()) })
		return n
	}
	tapOnTop := func(text string) {
		t.Helper()
		var b *widget.Button
		widgets.Do(func() { b = findButton(s.win.Canvas().Overlays().Top(), text) })
		if b == nil {
			t.Fatalf("no %q button on top", text)
		}
		widgets.Do(func() { test.Tap(b) })
	}
	open := windows()
	widgets.Do(func() {
		s.feed.NewResponse()
		test.Type(s.win.Canvas().Focused(), "Courier was late")
	})
	var unsaved bool
	widgets.Do(func() { unsaved = s.unsaved() }) // screens may be applying a refresh meanwhile
	if !unsaved {
		t.Fatal("a response form with a comment typed reads as saved")
	}
	widgets.Do(s.quit)
	if windows() != open || overlays() != 2 {
		t.Fatalf("closing over unsaved edits: %d windows (of %d), %d overlays; want the question over the form", windows(), open, overlays())
	}
	tapOnTop("Keep editing")
	if windows() != open || overlays() != 1 {
		t.Fatal("keep editing closed the window or the form")
	}
	widgets.Do(s.quit)
	tapOnTop("Discard")
	if windows() != open-1 {
		t.Fatalf("discard left %d windows, want %d", windows(), open-1)
	}
}

// With nothing unsaved the window closes at once.
func TestClosingTheWindowWithNothingUnsaved(t *testing.T) {
	s := newTestShell(t)
	var before, after int
	widgets.Do(func() {
		before = len(fyne.CurrentApp().Driver().AllWindows())
		s.quit()
		after = len(fyne.CurrentApp().Driver().AllWindows())
	})
	if after != before-1 {
		t.Errorf("%d windows after closing, want %d", after, before-1)
	}
}

// A language switch builds the screens again: a standard being edited
// is asked about first, and keeping it leaves the language as it was.
func TestLanguageSwitchAsksOverUnsavedEdits(t *testing.T) {
	s := newTestShell(t)
	t.Cleanup(func() { widgets.Do(func() { LoadTranslations("en") }) })
	widgets.Do(func() {
		s.select_(areaStandards)
		s.stds.NewStandard()
		test.Type(s.win.Canvas().Focused(), "RES-1")
	})
	widgets.Do(func() { s.setLanguage("ru") })
	var keep, discard *widget.Button
	widgets.Do(func() {
		top := s.win.Canvas().Overlays().Top()
		if top != nil {
			keep, discard = findButton(top, "Keep editing"), findButton(top, "Discard")
		}
	})
	if keep == nil || discard == nil {
		t.Fatal("switching the language over an edited standard did not ask")
	}
	var lang string
	var unsaved bool
	widgets.Do(func() {
		test.Tap(keep)
		// Read under Do: the standards screen may be applying a refresh.
		lang, unsaved = s.prefs.Language(), s.unsaved()
	})
	if lang == "ru" || !unsaved {
		t.Fatalf("keep editing: language %q, standard still unsaved %v", lang, unsaved)
	}
	widgets.Do(func() { s.setLanguage("ru") })
	widgets.Do(func() { test.Tap(findButton(s.win.Canvas().Overlays().Top(), "Discard")) })
	eventually(t, "Russian settings", func() bool { return findButton(s.body, "Загрузить демо-данные") != nil })
	widgets.Do(func() { s.setLanguage("en") })
	eventually(t, "English settings", func() bool { return findButton(s.body, "Load demo data") != nil })
}
