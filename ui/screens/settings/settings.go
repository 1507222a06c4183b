// Package settings is where the manager sets the language, theme,
// department time zone and data file, loads demo data, and sets what the
// complaint figures are counted by: the working calendar, the FCR
// definition and the monthly base of complaint rates.
package settings

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// Deps is what the settings screen needs from the shell; the On* callbacks
// apply a choice (the shell owns preferences and the app-wide state).
type Deps struct {
	Store      data.Store
	Window     fyne.Window
	ShowError  func(error)
	Changed    func() // data changed (demo data, time zone)
	Language   string // "system", "ru", "en"
	OnLanguage func(code string)
	Theme      string // "system", "light", "dark"
	OnTheme    func(choice string)
	OnDBPath   func(path string) // used from the next start
	// Demo fills the store with demo data.
	Demo func(ctx context.Context, progress func(done, total int)) (data.ImportBatch, error)
}

var (
	languages = []string{"system", "ru", "en"}
	themes    = []string{"system", "light", "dark"}
	// zones offered first; any IANA name can be typed.
	zones = []string{"Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
		"Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan",
		"Asia/Kamchatka", "Europe/Minsk", "Europe/Kyiv", "Asia/Almaty", "Asia/Tashkent", "Asia/Tbilisi", "Asia/Yerevan",
		"Asia/Baku", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago",
		"America/Los_Angeles", "UTC"}
)

// Screen is the settings form.
type Screen struct {
	d       Deps
	lang    *widget.Select
	theme   *widget.Select
	zone    *widgets.SelectEntry
	dbPath  *widgets.Entry
	target  *widgets.Entry
	status  *widget.Label
	tabs    *container.AppTabs
	content fyne.CanvasObject

	calendar    *widgets.CalendarEditor
	calendarMsg *widget.Label
	rates       rates
}

// New builds the settings screen.
func New(d Deps) *Screen {
	s := &Screen{d: d}
	s.build()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// ShowLanguage selects code in the language list without applying it: a
// switch the user took back.
func (s *Screen) ShowLanguage(code string) {
	apply := s.lang.OnChanged
	s.lang.OnChanged = nil
	s.lang.SetSelectedIndex(max(0, slices.Index(languages, code)))
	s.lang.OnChanged = apply
}

// Unsaved reports whether a month's client and order counts are typed and
// not saved.
func (s *Screen) Unsaved() bool { return s.rates.state != nil && s.rates.state.Changed() }

func (s *Screen) build() {
	s.lang = widget.NewSelect(nil, nil)
	for _, l := range languages {
		s.lang.Options = append(s.lang.Options, lang.L("settings.language."+l))
	}
	s.lang.SetSelectedIndex(max(0, slices.Index(languages, s.d.Language)))
	s.lang.OnChanged = func(string) { s.d.OnLanguage(languages[s.lang.SelectedIndex()]) }

	s.theme = widget.NewSelect(nil, nil)
	for _, t := range themes {
		s.theme.Options = append(s.theme.Options, lang.L("settings.theme."+t))
	}
	s.theme.SetSelectedIndex(max(0, slices.Index(themes, s.d.Theme)))
	s.theme.OnChanged = func(string) { s.d.OnTheme(themes[s.theme.SelectedIndex()]) }

	s.zone = widgets.NewSelectEntry(slices.Sorted(slices.Values(zones)))
	s.zone.SetText(zoneName(s.d.Store.Location()))
	applyZone := widget.NewButton(lang.L("settings.apply"), s.applyZone)

	s.target = widgets.NewEntry()
	s.target.SetPlaceHolder("40")
	s.target.OnSubmitted = func(string) { s.saveTarget() }
	saveTarget := widget.NewButton(lang.L("settings.apply"), s.saveTarget)

	s.dbPath = widgets.NewEntry()
	s.dbPath.SetText(s.d.Store.Path())
	useDB := widget.NewButton(lang.L("settings.db.use"), s.useDBPath)
	backup := widget.NewButton(lang.L("settings.backup"), s.backup)
	demo := widget.NewButton(lang.L("settings.demo"), s.LoadDemo)
	demo.Importance = widget.HighImportance

	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(lang.L("settings.language"), s.lang),
		widget.NewFormItem(lang.L("settings.theme"), s.theme),
		widget.NewFormItem(lang.L("settings.timezone"), container.NewBorder(nil, nil, nil, applyZone, s.zone)),
		widget.NewFormItem("", hint("settings.timezone.hint")),
		widget.NewFormItem(lang.L("settings.target"), container.NewBorder(nil, nil, nil, saveTarget, s.target)),
		widget.NewFormItem("", hint("settings.target.hint")),
		widget.NewFormItem(lang.L("settings.db"), container.NewBorder(nil, nil, nil, useDB, s.dbPath)),
		widget.NewFormItem("", hint("settings.db.hint")),
		widget.NewFormItem(lang.L("settings.data"), container.NewHBox(backup, demo)),
	)
	page := func(o fyne.CanvasObject) fyne.CanvasObject { return container.NewVScroll(container.NewPadded(o)) }
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("settings.tab.general"), page(form)),
		container.NewTabItem(lang.L("settings.tab.calendar"), page(s.buildCalendar())),
		container.NewTabItem(lang.L("settings.tab.complaints"), page(s.buildRates())),
	)
	title := widget.NewLabelWithStyle(lang.L("nav.settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.content = container.NewBorder(title, container.NewPadded(s.status), nil, nil, s.tabs)
	s.load()
}

func hint(key string) *widget.Label {
	l := widget.NewLabel(lang.L(key))
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// stored is what the screen shows from the store, read off the UI
// goroutine in one go.
type stored struct {
	target       string
	calendar     data.Calendar
	fcr, base    string
	denominators []data.Denominator
}

// load reads the stored settings and shows them.
func (s *Screen) load() {
	widgets.Go(func() {
		ctx := context.Background()
		var v stored
		var err error
		v.target, err = s.d.Store.Setting(ctx, data.SettingNPSTarget)
		if err == nil {
			v.calendar, err = s.d.Store.WorkCalendar(ctx)
		}
		if err == nil {
			v.fcr, err = s.d.Store.Setting(ctx, data.SettingFCRDefinition)
		}
		if err == nil {
			v.base, err = s.d.Store.Setting(ctx, data.SettingComplaintBase)
		}
		if err == nil {
			v.denominators, err = s.d.Store.Denominators(ctx)
		}
		widgets.Do(func() {
			if err != nil {
				s.d.ShowError(err)
				return
			}
			s.target.SetText(v.target)
			s.calendar.Set(v.calendar)
			s.applyRates(v)
		})
	})
}

// applyZone changes the department time zone; the store moves every row
// to its new day in one transaction, off the UI goroutine.
func (s *Screen) applyZone() {
	loc, err := time.LoadLocation(s.zone.Text)
	if err != nil || s.zone.Text == "" {
		s.d.ShowError(errors.New(lang.L("settings.timezone.invalid", map[string]any{"Zone": s.zone.Text})))
		return
	}
	s.status.SetText(lang.L("settings.working"))
	widgets.Go(func() {
		err := s.d.Store.SetLocation(context.Background(), loc)
		widgets.Do(func() {
			if err != nil {
				s.status.SetText("")
				s.d.ShowError(err)
				return
			}
			s.status.SetText(lang.L("settings.timezone.done", map[string]any{"Zone": loc.String()}))
			s.d.Changed()
		})
	})
}

// saveTarget validates and stores the NPS target; the dashboard draws it.
func (s *Screen) saveTarget() {
	t, err := data.ParseNPSTarget(s.target.Text)
	if err != nil {
		s.d.ShowError(err)
		return
	}
	value := ""
	if t != nil {
		value = strconv.FormatFloat(*t, 'f', -1, 64)
	}
	widgets.Go(func() {
		err := s.d.Store.SetSetting(context.Background(), data.SettingNPSTarget, value)
		widgets.Do(func() {
			if err != nil {
				s.d.ShowError(err)
				return
			}
			s.status.SetText(lang.L("settings.target.done"))
			s.d.Changed()
		})
	})
}

func (s *Screen) useDBPath() {
	s.d.OnDBPath(s.dbPath.Text)
	s.status.SetText(lang.L("settings.db.restart"))
}

func (s *Screen) backup() {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				s.d.ShowError(err)
			}
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		// The dialog created an empty file; the backup must write a new one.
		if err := removeEmpty(path); err != nil {
			s.d.ShowError(err)
			return
		}
		widgets.Go(func() {
			err := s.d.Store.Backup(context.Background(), path)
			widgets.Do(func() {
				if err != nil {
					s.d.ShowError(err)
					return
				}
				s.status.SetText(lang.L("settings.backup.done", map[string]any{"Path": path}))
			})
		})
	}, s.d.Window)
	save.SetFileName("caredesk-backup-" + time.Now().Format("2006-01-02") + ".db")
	widgets.ShowFileDialog(s.d.Window, save)
}

// LoadDemo fills the database with demo data behind a progress dialog.
func (s *Screen) LoadDemo() {
	widgets.RunWithProgress(s.d.Window, lang.L("settings.demo.progress"), func(ctx context.Context, progress func(float64)) error {
		b, err := s.d.Demo(ctx, func(done, total int) { progress(float64(done) / float64(max(total, 1))) })
		if err == nil {
			widgets.Do(func() {
				s.status.SetText(lang.L("settings.demo.done", map[string]any{"Imported": widgets.Int(int64(b.Imported))}))
			})
		}
		return err
	}, func(err error) {
		if err != nil {
			s.d.ShowError(err)
			return
		}
		s.d.Changed()
	})
}
