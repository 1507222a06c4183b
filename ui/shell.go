package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/assets"
	"caredesk/charts"
	"caredesk/charts/report"
	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/ui/screens/complaints"
	"caredesk/ui/screens/dashboard"
	"caredesk/ui/screens/feedback"
	"caredesk/ui/screens/settings"
	"caredesk/ui/screens/standards"
	"caredesk/ui/screens/team"
	"caredesk/ui/screens/training"
	"caredesk/ui/widgets"
)

// area is one entry of the navigation sidebar.
type area int

const (
	areaDashboard area = iota
	areaFeedback
	areaComplaints
	areaStandards
	areaTeam
	areaTraining
	areaSettings
)

var areaKeys = []string{"nav.dashboard", "nav.feedback", "nav.complaints", "nav.standards", "nav.team", "nav.training", "nav.settings"}

// areaIcon is looked up when drawn: theme icons need a running app.
func areaIcon(a area) fyne.Resource {
	return [...]fyne.Resource{theme.HomeIcon(), theme.MailComposeIcon(), theme.WarningIcon(), theme.DocumentIcon(),
		theme.AccountIcon(), theme.CalendarIcon(), theme.SettingsIcon()}[a]
}

// shell is the main window and the state shared by the screens.
type shell struct {
	app   fyne.App
	opts  Options
	prefs Prefs
	theme *careTheme
	win   fyne.Window
	store data.Store

	nav       *widget.List
	body      *fyne.Container
	current   area
	dash      *dashboard.Screen
	feed      *feedback.Screen
	comps     *complaints.Screen
	stds      *standards.Screen
	team      *team.Screen
	train     *training.Screen
	sets      *settings.Screen
	welcome   fyne.CanvasObject
	showWelc  bool
	navLocked bool
	// paneSaves: Ctrl+S reaches the screens' own forms (see
	// paneSaveButton); set once, for the window lives as long as the
	// shell.
	paneSaves bool
}

func newShell(a fyne.App, o Options) *shell {
	s := &shell{app: a, opts: o, prefs: Prefs{a.Preferences()}}
	LoadTranslations(s.prefs.Language())
	s.theme = newTheme(s.prefs.Theme())
	a.Settings().SetTheme(s.theme)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	s.win = a.NewWindow(lang.L("app.name"))
	s.win.Resize(fyne.NewSize(1280, 720)) // fits a 1366×768 laptop screen
	s.win.SetMaster()
	s.win.SetCloseIntercept(s.quit)
	s.body = container.NewStack()
	s.win.SetContent(s.loading(lang.L("shell.opening")))
	return s
}

func (s *shell) loading(text string) fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{}), bar))
}

// quit closes the window, and so the app, asking first when a form holds
// edits not saved: closing the window used to drop them without a word.
func (s *shell) quit() { widgets.Leave(s.win, s.unsaved, s.win.Close, nil) }

// unsaved reports whether any screen holds edits not saved.
func (s *shell) unsaved() bool {
	if s.dash == nil {
		return false // the store is not open yet: no screens
	}
	for _, sc := range []interface{ Unsaved() bool }{s.feed, s.comps, s.stds, s.team, s.train, s.sets} {
		if sc.Unsaved() {
			return true
		}
	}
	return false
}

// dbPath is --db, else the path chosen in Settings, else the default.
func (s *shell) dbPath() (string, error) {
	if s.opts.DBPath != "" {
		return s.opts.DBPath, nil
	}
	if p := s.prefs.DBPath(); p != "" {
		return p, nil
	}
	return s.opts.DefaultPath()
}

// open opens the store off the UI goroutine, then builds the screens.
func (s *shell) open() {
	widgets.Go(func() {
		path, err := s.dbPath()
		var st data.Store
		if err == nil {
			st, err = s.opts.Open(context.Background(), path)
		}
		widgets.Do(func() {
			if err != nil {
				msg := widget.NewLabel(lang.L("shell.open_failed", map[string]any{"Path": path}) + "\n\n" + ErrorMessage(err))
				msg.Wrapping = fyne.TextWrapWord
				s.win.SetContent(container.NewPadded(msg))
				return
			}
			s.store = st
			s.buildScreens()
		})
	})
}

func (s *shell) close() {
	if s.store != nil {
		_ = s.store.Close()
	}
}

func (s *shell) showError(err error) { ShowError(s.win, err) }

// dark reports the variant the theme draws now. Screens get this method,
// not s.theme.IsDark: that method value would keep the theme of the day
// the screen was built, and setTheme replaces it.
func (s *shell) dark() bool { return s.theme.IsDark() }

// buildScreens (re)creates every screen, e.g. after a language switch.
func (s *shell) buildScreens() {
	s.dash = dashboard.New(dashboard.Deps{
		Store: s.store, Window: s.win, ShowError: s.showError, Dark: s.dark, SaveChart: saveChart,
		OpenComplaints: func() { s.select_(areaComplaints) },
		OpenTraining: func(recommendations bool) {
			s.select_(areaTraining)
			if recommendations {
				s.train.ShowRecommendations()
			}
		},
	})
	s.feed = feedback.New(feedback.Deps{Store: s.store, Window: s.win, ShowError: s.showError, Changed: func() { s.changed(areaFeedback) }})
	s.comps = complaints.New(complaints.Deps{Store: s.store, Window: s.win, ShowError: s.showError,
		Changed: func() { s.changed(areaComplaints) }, Me: s.prefs.Me, SetMe: s.prefs.SetMe})
	s.stds = standards.New(standards.Deps{Store: s.store, Window: s.win, ShowError: s.showError, Changed: func() { s.changed(areaStandards) }})
	s.team = team.New(team.Deps{Store: s.store, Window: s.win, ShowError: s.showError, Changed: func() { s.changed(areaTeam) },
		SaveChart: saveChart})
	s.train = training.New(training.Deps{Store: s.store, Window: s.win, ShowError: s.showError,
		Changed: func() { s.changed(areaTraining) }, Dark: s.dark, SaveChart: saveChart})
	s.sets = settings.New(settings.Deps{
		Store: s.store, Window: s.win, ShowError: s.showError, Changed: func() { s.changed(areaSettings) },
		Language: s.prefs.Language(), OnLanguage: s.setLanguage,
		Theme: s.prefs.Theme(), OnTheme: s.setTheme,
		OnDBPath: s.prefs.SetDBPath,
		Demo: func(ctx context.Context, progress func(done, total int)) (data.ImportBatch, error) {
			return s.opts.Demo(ctx, s.store, progress)
		},
	})
	s.welcome = s.buildWelcome()
	s.nav = widget.NewList(
		func() int { return len(areaKeys) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Dashboard area"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(areaIcon(area(id)))
			row.Objects[1].(*widget.Label).SetText(lang.L(areaKeys[id]))
		},
	)
	s.nav.OnSelected = func(id widget.ListItemID) {
		if !s.navLocked {
			s.show(area(id))
		}
	}
	brand := widget.NewLabelWithStyle(lang.L("app.name"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	side := container.NewBorder(container.NewHBox(widget.NewIcon(fyne.NewStaticResource("icon.png", assets.Icon)), brand), nil, nil, nil, s.nav)
	split := container.NewHSplit(side, s.body)
	split.Offset = 0.16
	s.win.SetContent(split)
	s.addShortcuts()
	s.select_(s.current)
	s.changed(areaFeedback) // the feedback screen loads itself when built
}

// paneSaveButton is the save button of the form the current screen shows
// in the window, if any: Ctrl+S taps it.
func (s *shell) paneSaveButton() *widget.Button {
	switch s.current {
	case areaStandards:
		return s.stds.SaveButton()
	case areaTeam:
		return s.team.SaveButton()
	}
	return nil
}

// select_ shows an area and highlights it in the sidebar.
func (s *shell) select_(a area) {
	s.navLocked = true
	s.nav.Select(widget.ListItemID(a))
	s.navLocked = false
	s.show(a)
}

func (s *shell) show(a area) {
	s.current = a
	var content fyne.CanvasObject
	switch a {
	case areaFeedback:
		content = s.feed.Content()
	case areaComplaints:
		content = s.comps.Content()
	case areaStandards:
		content = s.stds.Content()
	case areaTeam:
		content = s.team.Content()
	case areaTraining:
		content = s.train.Content()
	case areaSettings:
		content = s.sets.Content()
	default:
		content = s.dash.Content()
		if s.showWelc {
			content = s.welcome
		}
	}
	s.body.Objects = []fyne.CanvasObject{container.NewPadded(content)}
	s.body.Refresh()
}

// changed reloads the screens other than origin (which refreshes itself)
// after data changed, and decides whether the first-run welcome panel
// replaces the dashboard.
func (s *shell) changed(origin area) {
	st := s.store
	widgets.Go(func() {
		// The welcome panel is for an empty file: a manager who began
		// with complaints has data to see.
		_, _, answers, err := st.FeedbackRange(context.Background())
		complaints := false
		if err == nil && !answers {
			_, _, complaints, err = st.ComplaintRange(context.Background())
		}
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			if s.store != st {
				return // the store was replaced meanwhile
			}
			s.showWelc = !answers && !complaints
			if origin != areaDashboard {
				s.dash.Refresh()
			}
			if origin != areaFeedback {
				s.feed.Refresh()
			}
			if origin != areaComplaints {
				s.comps.Refresh()
			}
			if origin != areaStandards {
				s.stds.Refresh()
			}
			if origin != areaTeam {
				s.team.Refresh()
			}
			if origin != areaTraining {
				s.train.Refresh()
			}
			if s.current == areaDashboard {
				s.show(areaDashboard)
			}
		})
	})
}

func (s *shell) buildWelcome() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("welcome.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabelWithStyle(lang.L("welcome.text"), fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	demo := widget.NewButtonWithIcon(lang.L("welcome.demo"), theme.MediaPlayIcon(), s.sets.LoadDemo)
	demo.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(lang.L("welcome.import"), theme.FolderOpenIcon(), s.importFile)
	add := widget.NewButtonWithIcon(lang.L("welcome.add"), theme.ContentAddIcon(), s.newResponse)
	icon := widget.NewIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	iconBox := container.NewCenter(container.NewGridWrap(fyne.NewSize(96, 96), icon))
	box := container.NewVBox(iconBox, title, text, widget.NewSeparator(), demo, imp, add)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(460, 420), box))
}

// newResponse adds to the area in view: a complaint on the Complaints
// screen, an employee on Team, a plan item on Training, a feedback
// response elsewhere.
func (s *shell) newResponse() {
	switch s.current {
	case areaComplaints:
		s.comps.NewComplaint()
		return
	case areaTeam:
		s.team.NewEmployee()
		return
	case areaTraining:
		s.train.NewItem()
		return
	}
	s.select_(areaFeedback)
	s.feed.NewResponse()
}

func (s *shell) importFile() {
	switch s.current {
	case areaComplaints:
		s.comps.Import()
		return
	case areaTeam:
		s.team.Import()
		return
	case areaTraining:
		s.train.Import()
		return
	case areaFeedback:
		s.feed.Import()
		return
	}
	widgets.PickImportFile(s.win, s.showError, s.importPath)
}

// importPath opens the wizard for a file picked outside the areas that
// import one kind: the file says what it holds, a ticket export goes to
// the complaints wizard, anything else to the feedback one.
func (s *shell) importPath(path string) {
	st := s.store
	widgets.Go(func() {
		kind := importer.Kind(path, importer.Options{})
		widgets.Do(func() {
			if s.store != st {
				return // the store was replaced meanwhile
			}
			if kind == importer.KindComplaints {
				s.select_(areaComplaints)
				s.comps.ImportFile(path)
				return
			}
			s.select_(areaFeedback)
			s.feed.ImportFile(path)
		})
	})
}

func (s *shell) addShortcuts() {
	c := s.win.Canvas()
	if !s.paneSaves { // once: it asks the screens of the moment
		widgets.PaneSaves(s.win, s.paneSaveButton)
		s.paneSaves = true
	}
	add := func(key fyne.KeyName, fn func()) {
		sc := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
		c.RemoveShortcut(sc)
		c.AddShortcut(sc, func(fyne.Shortcut) {
			if c.Overlays().Top() != nil {
				return // a dialog is open: a second one over it would hide what it asks
			}
			fn()
		})
	}
	add(fyne.KeyN, s.newResponse)
	add(fyne.KeyI, s.importFile)
	add(fyne.KeyF, func() {
		switch s.current {
		case areaComplaints:
			s.comps.FocusSearch()
			return
		case areaTeam:
			s.team.FocusSearch()
			return
		}
		s.select_(areaFeedback)
		s.feed.FocusSearch()
	})
	for a, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7} {
		add(key, func() { s.select_(area(a)) })
	}
}

// setLanguage switches the language; the screens are built again in it,
// so a form's unsaved edits on any screen are asked about first.
func (s *shell) setLanguage(code string) {
	widgets.Leave(s.win, s.unsaved, func() { s.applyLanguage(code) }, func() { s.sets.ShowLanguage(s.prefs.Language()) })
}

func (s *shell) applyLanguage(code string) {
	s.prefs.SetLanguage(code)
	LoadTranslations(code)
	s.win.SetTitle(lang.L("app.name"))
	s.buildScreens()
	s.select_(areaSettings)
}

func (s *shell) setTheme(choice string) {
	s.prefs.SetTheme(choice)
	s.theme = newTheme(choice)
	s.app.Settings().SetTheme(s.theme)
	// A theme switch refreshes only what the window shows: the screens
	// with charts, not on show, load again to draw them in the new
	// variant. (Not built again, as for a language switch: that would
	// drop a form's unsaved edits on another screen.)
	for _, sc := range []interface{ Refresh() }{s.dash, s.team, s.train} {
		sc.Refresh()
	}
}

// saveChart writes a chart as PNG, SVG or a one-page PDF by extension.
func saveChart(path string, ch *charts.Chart) error {
	if ch == nil {
		return errors.New("no chart")
	}
	return report.SaveChart(path, ch, ChartPage(ch, time.Now()))
}

// ChartPage is the PDF page of a chart, with the translated footer.
func ChartPage(ch *charts.Chart, now time.Time) report.Page {
	l := ch.Options().Labels
	return report.Page{Title: l.Title, Subtitle: l.Subtitle, Chart: ch, Table: ch.Table(), Footer: widgets.ReportFooter(now)}
}
