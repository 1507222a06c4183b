// Package team is the Team screen: the roster of the department's
// employees with each one's card (details, onboarding, skills, goals,
// scorecard, training history, kudos), and the skills matrix.
package team

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// Deps is what the screen needs from the shell.
type Deps struct {
	Store     data.Store
	Window    fyne.Window
	ShowError func(error)
	Changed   func() // team data changed: the dashboard and training screens are stale
}

// Screen is the Team screen.
type Screen struct {
	deps Deps

	tabs    *container.AppTabs
	body    *fyne.Container // the tabs, or an open employee card
	content fyne.CanvasObject

	busy sync.WaitGroup
}

// New builds the screen and starts loading the team.
func New(d Deps) *Screen {
	s := &Screen{deps: d}
	s.build()
	s.Refresh()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Refresh reloads the roster and the skills matrix.
func (s *Screen) Refresh() {
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		_, err := s.deps.Store.Employees(context.Background())
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
			}
		})
	})
}

func (s *Screen) build() {
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("team.tab.roster"), theme.AccountIcon(), container.NewStack()),
		container.NewTabItemWithIcon(lang.L("team.tab.matrix"), theme.GridIcon(), container.NewStack()),
	)
	s.body = container.NewStack(s.tabs)
	s.content = s.body
}

func (s *Screen) showError(err error) {
	if s.deps.ShowError != nil {
		s.deps.ShowError(err)
	}
}

