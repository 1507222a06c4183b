package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"caredesk/data"
)

// saveReference stores the reference data the complaints point at, each
// item only when the store does not have it yet (matched by name, code or
// month), and hands the store's ids to the generator.
func saveReference(ctx context.Context, st data.Store, g *complaintGen, r *Result) error {
	ids := refIDs{}
	var err error
	if ids.categories, ids.subcategories, err = saveCategories(ctx, st, &r.Categories); err != nil {
		return err
	}
	if ids.employees, err = saveEmployees(ctx, st, g.employees(), &r.Employees); err != nil {
		return err
	}
	if ids.clients, err = saveClients(ctx, st, g.demoClients(), &r.Clients); err != nil {
		return err
	}
	g.setIDs(ids)
	if err := saveCalendar(ctx, st, g.cal); err != nil {
		return err
	}
	if err := saveStandards(ctx, st, g.standards(), &r.Standards); err != nil {
		return err
	}
	return saveDenominators(ctx, st, g.denominators(), &r.Denominators)
}

// saveCalendar gives a department without a working calendar the demo's
// (Monday to Friday with public holidays), so working-hour KPIs count the
// same days off as the standards; a calendar already set stays.
func saveCalendar(ctx context.Context, st data.Store, cal data.Calendar) error {
	set, err := st.Setting(ctx, data.SettingWorkCalendar)
	if err != nil {
		return fmt.Errorf("demo: working calendar: %w", err)
	}
	if set != "" {
		return nil
	}
	if err := st.SetWorkCalendar(ctx, cal); err != nil {
		return fmt.Errorf("demo: working calendar: %w", err)
	}
	return nil
}

func saveCategories(ctx context.Context, st data.Store, added *int) (parents []int64, subs [][]int64, err error) {
	existing, err := st.Categories(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("demo: categories: %w", err)
	}
	find := func(parent int64, name phrase) (int64, error) {
		for _, c := range existing {
			if c.ParentID == parent && (strings.EqualFold(c.NameEN, name[langEN]) || strings.EqualFold(c.NameRU, name[langRU])) {
				return c.ID, nil
			}
		}
		c := data.Category{ParentID: parent, NameEN: name[langEN], NameRU: name[langRU]}
		if err := st.SaveCategory(ctx, &c); err != nil {
			return 0, fmt.Errorf("demo: category %q: %w", c.NameEN, err)
		}
		*added++
		existing = append(existing, c)
		return c.ID, nil
	}
	for _, def := range categories {
		id, err := find(0, def.name)
		if err != nil {
			return nil, nil, err
		}
		parents = append(parents, id)
		children := make([]int64, len(def.subs))
		for i, sub := range def.subs {
			if children[i], err = find(id, sub.name); err != nil {
				return nil, nil, err
			}
		}
		subs = append(subs, children)
	}
	return parents, subs, nil
}

func saveEmployees(ctx context.Context, st data.Store, team []data.Employee, added *int) ([]int64, error) {
	existing, err := st.Employees(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo: employees: %w", err)
	}
	byName := make(map[string]int64, len(existing))
	for _, e := range existing {
		byName[strings.ToLower(e.Name)] = e.ID
	}
	ids := make([]int64, len(team))
	for i := range team {
		e := &team[i]
		if id, ok := byName[strings.ToLower(e.Name)]; ok {
			ids[i] = id
			continue
		}
		if err := st.SaveEmployee(ctx, e); err != nil {
			return nil, fmt.Errorf("demo: employee %q: %w", e.Name, err)
		}
		*added++
		ids[i] = e.ID
	}
	return ids, nil
}

func saveClients(ctx context.Context, st data.Store, clients []data.Client, added *int) ([]int64, error) {
	existing, err := st.Clients(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo: clients: %w", err)
	}
	byName := make(map[string]int64, len(existing))
	for _, c := range existing {
		byName[strings.ToLower(c.Name)] = c.ID
	}
	ids := make([]int64, len(clients))
	for i := range clients {
		c := &clients[i]
		if id, ok := byName[strings.ToLower(c.Name)]; ok {
			ids[i] = id
			continue
		}
		if err := st.CreateClient(ctx, c); err != nil {
			return nil, fmt.Errorf("demo: client %q: %w", c.Name, err)
		}
		*added++
		ids[i] = c.ID
	}
	return ids, nil
}

func saveStandards(ctx context.Context, st data.Store, standards []data.Standard, added *int) error {
	existing, err := st.Standards(ctx)
	if err != nil {
		return fmt.Errorf("demo: standards: %w", err)
	}
	for i := range standards {
		s := &standards[i]
		if slices.ContainsFunc(existing, func(e data.Standard) bool { return strings.EqualFold(e.Code, s.Code) }) {
			continue
		}
		if err := st.SaveStandard(ctx, s); err != nil {
			return fmt.Errorf("demo: standard %s: %w", s.Code, err)
		}
		*added++
	}
	return nil
}

// saveDenominators fills the months that have no denominator; figures the
// manager entered stay.
func saveDenominators(ctx context.Context, st data.Store, ds []data.Denominator, added *int) error {
	existing, err := st.Denominators(ctx)
	if err != nil {
		return fmt.Errorf("demo: denominators: %w", err)
	}
	for _, d := range ds {
		if slices.ContainsFunc(existing, func(e data.Denominator) bool { return e.Month == d.Month }) {
			continue
		}
		if err := st.SetDenominator(ctx, d); err != nil {
			return fmt.Errorf("demo: denominator %s: %w", d.Month, err)
		}
		*added++
	}
	return nil
}
