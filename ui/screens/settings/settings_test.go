package settings

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/assets"
	"caredesk/data"
	"caredesk/data/sqlite"
	"caredesk/ui/widgets"
)

type recorder struct {
	errs     []error
	changed  int
	language string
	theme    string
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ok := false
		widgets.Do(func() { ok = cond() })
		if ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func newScreen(t *testing.T, demo func(context.Context, func(int, int)) (data.ImportBatch, error)) (*Screen, data.Store, *recorder) {
	t.Helper()
	test.NewTempApp(t)
	t.Cleanup(widgets.WaitIdle)
	var err error
	widgets.Do(func() { err = lang.AddTranslationsFS(assets.Translations, "translations") })
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "caredesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SetSetting(context.Background(), data.SettingNPSTarget, "25"); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	var s *Screen
	widgets.Do(func() {
		s = New(Deps{
			Store: st, Window: test.NewWindow(nil),
			ShowError:  func(err error) { rec.errs = append(rec.errs, err) },
			Changed:    func() { rec.changed++ },
			Language:   "system",
			OnLanguage: func(code string) { rec.language = code },
			Theme:      "system",
			OnTheme:    func(choice string) { rec.theme = choice },
			OnDBPath:   func(string) {},
			Demo:       demo,
		})
		test.NewWindow(s.Content()).Resize(fyne.NewSize(900, 700))
	})
	return s, st, rec
}

func TestTargetIsValidatedAndStored(t *testing.T) {
	s, st, rec := newScreen(t, nil)
	eventually(t, "the stored target", func() bool { return s.target.Text == "25" })

	widgets.Do(func() {
		s.target.SetText("")
		test.Type(s.target, "abc")
		s.saveTarget()
	})
	var ferr *data.FieldError
	if len(rec.errs) != 1 || !errors.As(rec.errs[0], &ferr) || ferr.Key != "settings.target.invalid" {
		t.Fatalf("errors after a bad target: %v", rec.errs)
	}

	widgets.Do(func() {
		s.target.SetText("")
		test.Type(s.target, "+35,5")
		s.saveTarget()
	})
	eventually(t, "the target saved", func() bool { return rec.changed == 1 })
	if v, _ := st.Setting(context.Background(), data.SettingNPSTarget); v != "35.5" {
		t.Errorf("stored target %q, want 35.5", v)
	}
	widgets.Do(func() { s.target.SetText(""); s.saveTarget() })
	eventually(t, "the target cleared", func() bool { return rec.changed == 2 })
	if v, _ := st.Setting(context.Background(), data.SettingNPSTarget); v != "" {
		t.Errorf("an empty target must clear the setting, got %q", v)
	}
}

func TestTimeZoneChangesTheStore(t *testing.T) {
	s, st, rec := newScreen(t, nil)
	widgets.Do(func() { s.zone.SetText("Mars/Olympus"); s.applyZone() })
	if len(rec.errs) != 1 || rec.changed != 0 {
		t.Fatalf("an unknown zone must be refused: errs=%v changed=%d", rec.errs, rec.changed)
	}
	widgets.Do(func() { s.zone.SetText("Asia/Vladivostok"); s.applyZone() })
	eventually(t, "the zone applied", func() bool { return rec.changed == 1 })
	if got := st.Location().String(); got != "Asia/Vladivostok" {
		t.Errorf("store zone = %s", got)
	}
}

func TestLanguageAndThemeChoices(t *testing.T) {
	s, _, rec := newScreen(t, nil)
	widgets.Do(func() {
		s.lang.SetSelectedIndex(1)
		s.theme.SetSelectedIndex(2)
	})
	if rec.language != "ru" || rec.theme != "dark" {
		t.Errorf("language %q theme %q, want ru and dark", rec.language, rec.theme)
	}
}

func TestDemoRunsWithProgress(t *testing.T) {
	release := make(chan struct{})
	demo := func(ctx context.Context, progress func(int, int)) (data.ImportBatch, error) {
		progress(1, 2)
		select {
		case <-release:
			return data.ImportBatch{Imported: 1234}, nil
		case <-ctx.Done():
			return data.ImportBatch{}, ctx.Err()
		}
	}
	s, _, rec := newScreen(t, demo)
	widgets.Do(s.LoadDemo)
	close(release)
	eventually(t, "the demo finished", func() bool { return rec.changed == 1 })
	if len(rec.errs) != 0 {
		t.Errorf("errors: %v", rec.errs)
	}
	eventually(t, "the status", func() bool { return s.status.Text == "Demo data loaded: 1,234 responses added." })
}

func TestDemoCancelReportsNothingChanged(t *testing.T) {
	demo := func(ctx context.Context, progress func(int, int)) (data.ImportBatch, error) {
		<-ctx.Done() // a long generation, interrupted
		return data.ImportBatch{}, ctx.Err()
	}
	s, _, rec := newScreen(t, demo)
	widgets.Do(s.LoadDemo)
	var cancel *widget.Button
	eventually(t, "the progress dialog", func() bool {
		top := s.d.Window.Canvas().Overlays().Top()
		if top == nil {
			return false
		}
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Cancel" {
				cancel = b
			}
		}
		return cancel != nil
	})
	widgets.Do(func() { test.Tap(cancel) })
	eventually(t, "the cancel reported", func() bool { return len(rec.errs) == 1 })
	if !errors.Is(rec.errs[0], context.Canceled) || rec.changed != 0 {
		t.Errorf("after cancel: errs=%v changed=%d", rec.errs, rec.changed)
	}
}

func TestZoneNameNamesTheMachineZone(t *testing.T) {
	moscow, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	if got := zoneName(moscow); got != "Europe/Moscow" {
		t.Errorf("zoneName(Moscow) = %q", got)
	}
	t.Setenv("TZ", "Asia/Almaty")
	if got := zoneName(time.Local); got != "Asia/Almaty" {
		t.Errorf("zoneName(Local) with TZ set = %q", got)
	}
}
