package demo

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"caredesk/data"
)

func generateComplaints(t testing.TB, o Options) (*complaintGen, []data.Complaint) {
	t.Helper()
	g := newComplaintGen(o, moscow)
	return g, drain(g.next, o.Complaints)
}

func TestComplaintsAreDeterministic(t *testing.T) {
	o := testOptions()
	o.Complaints = 3000
	_, a := generateComplaints(t, o)
	_, b := generateComplaints(t, o)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same options differ")
	}
	o.Seed = 2
	_, c := generateComplaints(t, o)
	same := 0
	for i := range a {
		if a[i].OpenedAt.Equal(c[i].OpenedAt) && a[i].Description == c[i].Description {
			same++
		}
	}
	if same > len(a)/20 {
		t.Errorf("seed 2 repeats %d of %d complaints of seed 1", same, len(a))
	}

	// Complaints draw from a stream of their own: the feedback rows stay
	// exactly what they were before complaints existed.
	o = testOptions()
	o.Responses = 2000
	withComplaints := generateAll(t, o, moscow)
	o.Complaints = 0
	if !reflect.DeepEqual(withComplaints, generateAll(t, o, moscow)) {
		t.Error("the number of complaints changes the feedback rows")
	}
}

// TestComplaintHistoriesFollowTheWorkflow replays every history: events in
// time order from the opening, every status move allowed by the workflow,
// nothing after the end of the period, and the complaint's fields agree
// with what its events say.
func TestComplaintHistoriesFollowTheWorkflow(t *testing.T) {
	o := testOptions()
	g, rows := generateComplaints(t, o)
	if len(rows) != o.Complaints {
		t.Fatalf("%d complaints, want %d", len(rows), o.Complaints)
	}
	end := time.Date(2025, 7, 1, 0, 0, 0, 0, moscow)
	first := data.DateDay(2023, 7, 1)
	ids := map[string]bool{}
	var open, reopened, waited, withdrawn, reassigned, escalated, compensated, satisfied, notSatisfied int
	for i := range rows {
		c := &rows[i]
		if err := c.Validate(); err != nil {
			t.Fatalf("complaint %s invalid: %v", c.ExternalID, err)
		}
		if ids[c.ExternalID] || c.Source != Source {
			t.Fatalf("complaint %d: source %q, external id %q repeated=%v", i, c.Source, c.ExternalID, ids[c.ExternalID])
		}
		ids[c.ExternalID] = true
		if d := data.DayOf(c.OpenedAt, moscow); d < first || !c.OpenedAt.Before(end) {
			t.Fatalf("complaint %s opened %v, outside the period", c.ExternalID, c.OpenedAt)
		}
		ev := c.Events
		if len(ev) < 2 || ev[0].Kind != data.EventStatus || ev[0].Status != data.StatusNew || !ev[0].At.Equal(c.OpenedAt) {
			t.Fatalf("complaint %s: history must start with new at the opening, got %+v", c.ExternalID, ev)
		}
		status := data.StatusNew
		agents := map[int64]bool{}
		for j, e := range ev {
			if j > 0 && e.At.Before(ev[j-1].At) {
				t.Fatalf("complaint %s: event %d at %v before the previous one", c.ExternalID, j, e.At)
			}
			if !e.At.Before(end) {
				t.Fatalf("complaint %s: event %d at %v is in the future", c.ExternalID, j, e.At)
			}
			switch e.Kind {
			case data.EventStatus:
				if j == 0 {
					continue
				}
				if !status.Allows(e) {
					t.Fatalf("complaint %s: %s -> %s is not in the workflow", c.ExternalID, status, e.Status)
				}
				if !status.Open() && e.Status.Open() {
					reopened++
				}
				if e.Status == data.StatusWaiting {
					waited++
				}
				if e.Cancelled {
					withdrawn++
					if c.Type == data.TypeComplaint || c.Resolution != "" || c.Verdict != data.VerdictUnknown {
						t.Fatalf("complaint %s: withdrawn %s with resolution %q and verdict %q", c.ExternalID, c.Type, c.Resolution, c.Verdict)
					}
				}
				status = e.Status
			case data.EventAssign:
				if !slices.Contains(g.ids.employees, e.AssigneeID) {
					t.Fatalf("complaint %s: assigned to unknown employee %d", c.ExternalID, e.AssigneeID)
				}
				if agents[e.AssigneeID] {
					t.Fatalf("complaint %s: assigned twice to %d", c.ExternalID, e.AssigneeID)
				}
				agents[e.AssigneeID] = true
			case data.EventEscalation:
				escalated++
			}
		}
		if len(agents) > 1 {
			reassigned++
		}
		f := data.DeriveFacts(c.Events)
		if c.Status != status || c.Status != f.Status || c.AssigneeID != f.AssigneeID {
			t.Fatalf("complaint %s: fields say %s/%d, events %s/%d", c.ExternalID, c.Status, c.AssigneeID, f.Status, f.AssigneeID)
		}
		if c.Status.Open() {
			open++
			if c.Resolution != "" || c.Verdict != data.VerdictUnknown || c.Compensation != 0 {
				t.Fatalf("open complaint %s already has an outcome: %+v", c.ExternalID, c)
			}
		} else if c.Resolution == "" && !f.ResolvedAt.IsZero() {
			t.Fatalf("resolved complaint %s has no resolution summary", c.ExternalID)
		}
		if c.Compensation > 0 {
			compensated++
			if c.Type != data.TypeComplaint {
				t.Fatalf("%s %s carries compensation", c.Type, c.ExternalID)
			}
		}
		switch c.Verdict {
		case data.VerdictSatisfied:
			satisfied++
		case data.VerdictNotSatisfied:
			notSatisfied++
		}
		if c.Type == data.TypeComplaint && (c.SubcategoryID == 0 || !slices.Contains(g.ids.subcategories[slices.Index(g.ids.categories, c.CategoryID)], c.SubcategoryID)) {
			t.Fatalf("complaint %s: subcategory %d not under category %d", c.ExternalID, c.SubcategoryID, c.CategoryID)
		}
	}
	t.Logf("%d complaints: %d open at the end, %d reopens, %d waits, %d withdrawn, %d reassigned, %d escalations, %d compensated, verdicts %d/%d",
		len(rows), open, reopened, waited, withdrawn, reassigned, escalated, compensated, satisfied, notSatisfied)
	n := len(rows)
	// The backlog at the end is a few days' work.
	if open < 10 || open > n/50 {
		t.Errorf("%d of %d complaints open at the end, want a few days' worth", open, n)
	}
	for name, got := range map[string]int{"reopens": reopened, "waits": waited, "withdrawn": withdrawn, "reassigned": reassigned, "escalations": escalated, "compensated": compensated, "not satisfied": notSatisfied} {
		if got < n/200 || got > n/2 {
			t.Errorf("%s: %d of %d complaints, want a visible minority", name, got, n)
		}
	}
	if satisfied < notSatisfied {
		t.Errorf("satisfied %d < not satisfied %d", satisfied, notSatisfied)
	}
}

// The leaver takes nothing after leaving and the newcomers nothing before
// joining.
func TestAssignmentsFollowTheTeam(t *testing.T) {
	o := testOptions()
	g, rows := generateComplaints(t, o)
	lastDay := len(g.days) - 1
	first := g.dayOf(0)
	for i := range rows {
		c := &rows[i]
		pr := float64(data.DayOf(c.OpenedAt, moscow)-first) / float64(lastDay)
		for _, e := range c.Events {
			if e.Kind != data.EventAssign {
				continue
			}
			m := team[slices.Index(g.ids.employees, e.AssigneeID)]
			if pr < m.from-1e-9 || pr > m.to+1e-9 {
				t.Fatalf("complaint %s opened at %.2f of the period went to %s (works %.2f..%.2f)", c.ExternalID, pr, m.name[langEN], m.from, m.to)
			}
			if m.role == roleQuality {
				t.Fatalf("complaint %s went to the quality specialist", c.ExternalID)
			}
		}
	}
}

func cyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

func isPeak(t time.Time) bool {
	_, m, d := t.In(moscow).Date()
	return m == time.December || m == time.January && d <= 20
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// TestComplaintStory checks that complaints tell the feedback's story.
func TestComplaintStory(t *testing.T) {
	o := testOptions()
	g, rows := generateComplaints(t, o)
	delivery := g.ids.categories[categoryDelivery]
	var peakDelivery, peakAll, restDelivery, restAll int
	var early, late []float64 // working hours to the final resolution
	var keyEsc, keyN, otherEsc, otherN int
	var earlyReopen, earlyN, lateReopen, lateN int
	var earlySat, earlyVerdict, lateSat, lateVerdict int
	startLate := time.Date(2025, 1, 1, 0, 0, 0, 0, moscow)
	endEarly := time.Date(2024, 1, 1, 0, 0, 0, 0, moscow)
	perMonth := map[string]int{}
	for i := range rows {
		c := &rows[i]
		perMonth[c.OpenedAt.In(moscow).Format("2006-01")]++
		if c.Type != data.TypeComplaint {
			continue
		}
		if isPeak(c.OpenedAt) {
			peakAll++
			if c.CategoryID == delivery {
				peakDelivery++
			}
		} else {
			restAll++
			if c.CategoryID == delivery {
				restDelivery++
			}
		}
		f := data.DeriveFacts(c.Events)
		if c.ClientTier == data.KeyTier {
			keyN++
			if f.Escalated() {
				keyEsc++
			}
		} else {
			otherN++
			if f.Escalated() {
				otherEsc++
			}
		}
		if f.ResolvedAt.IsZero() || isPeak(c.OpenedAt) {
			continue
		}
		hours := g.cal.Working(c.OpenedAt, f.ResolvedAt, moscow, f.Waiting).Hours()
		switch {
		case c.OpenedAt.Before(endEarly):
			early = append(early, hours)
			earlyN++
			if f.Reopened() {
				earlyReopen++
			}
			if c.Verdict != data.VerdictUnknown {
				earlyVerdict++
				if c.Verdict == data.VerdictSatisfied {
					earlySat++
				}
			}
		case !c.OpenedAt.Before(startLate):
			late = append(late, hours)
			lateN++
			if f.Reopened() {
				lateReopen++
			}
			if c.Verdict != data.VerdictUnknown {
				lateVerdict++
				if c.Verdict == data.VerdictSatisfied {
					lateSat++
				}
			}
		}
	}
	if len(perMonth) != 24 {
		t.Errorf("complaints in %d months, want 24", len(perMonth))
	}
	peakShare, restShare := float64(peakDelivery)/float64(peakAll), float64(restDelivery)/float64(restAll)
	t.Logf("delivery share of complaints: %.2f in Dec/Jan, %.2f otherwise", peakShare, restShare)
	if peakShare < restShare*1.4 {
		t.Errorf("delivery share %.2f in Dec/Jan is no peak against %.2f", peakShare, restShare)
	}
	me, ml := median(early), median(late)
	t.Logf("median resolution: %.1f working hours in the first year (off peak), %.1f in the last half-year", me, ml)
	if ml > me*0.7 {
		t.Errorf("median resolution went from %.1f to %.1f working hours, want a clear improvement", me, ml)
	}
	keyRate, otherRate := float64(keyEsc)/float64(keyN), float64(otherEsc)/float64(otherN)
	t.Logf("escalation rate: key clients %.3f (n=%d), others %.3f", keyRate, keyN, otherRate)
	if keyN < 100 || keyRate < 2*otherRate {
		t.Errorf("key clients escalate %.3f of %d complaints, others %.3f; want at least twice", keyRate, keyN, otherRate)
	}
	er, lr := float64(earlyReopen)/float64(earlyN), float64(lateReopen)/float64(lateN)
	es, ls := float64(earlySat)/float64(earlyVerdict), float64(lateSat)/float64(lateVerdict)
	t.Logf("reopen rate %.3f -> %.3f, satisfied share %.2f -> %.2f", er, lr, es, ls)
	if lr >= er || ls <= es+0.1 {
		t.Errorf("reopen rate %.3f -> %.3f, satisfied %.2f -> %.2f: want fewer reopens and more satisfied clients", er, lr, es, ls)
	}
}

// TestSLACompliance judges every complaint by the demo standards: the
// general resolution standard is kept better at the end than at the
// start, and the December rush breaks it more often.
func TestSLACompliance(t *testing.T) {
	o := testOptions()
	g, rows := generateComplaints(t, o)
	standards := g.standards()
	for i := range standards {
		standards[i].ID = int64(i + 1)
		if err := standards[i].Validate(); err != nil {
			t.Fatalf("standard %s: %v", standards[i].Code, err)
		}
	}
	now := time.Date(2025, 7, 1, 0, 0, 0, 0, moscow)
	type tally struct{ ok, breached int }
	byHalf := map[string]*tally{}
	seen := map[string]int{}
	for i := range rows {
		c := &rows[i]
		f := data.DeriveFacts(c.Events)
		for _, r := range data.EvaluateSLA(c, f, standards, moscow, now) {
			seen[r.Code]++
			if r.Code != "RES-1" || (r.Outcome != data.SLAAchieved && r.Outcome != data.SLABreached) {
				continue
			}
			key := "mid"
			switch {
			case isPeak(c.OpenedAt):
				key = "peak"
			case c.OpenedAt.Before(time.Date(2024, 1, 1, 0, 0, 0, 0, moscow)):
				key = "first year"
			case !c.OpenedAt.Before(time.Date(2025, 1, 1, 0, 0, 0, 0, moscow)):
				key = "last half"
			}
			if byHalf[key] == nil {
				byHalf[key] = &tally{}
			}
			if r.Outcome == data.SLAAchieved {
				byHalf[key].ok++
			} else {
				byHalf[key].breached++
			}
		}
	}
	for _, s := range standards {
		if seen[s.Code] == 0 {
			t.Errorf("no complaint falls under %s", s.Code)
		}
	}
	rate := func(k string) float64 { return float64(byHalf[k].ok) / float64(byHalf[k].ok+byHalf[k].breached) }
	t.Logf("RES-1 compliance: first year %.2f, last half-year %.2f, Dec/Jan %.2f; items per standard %v", rate("first year"), rate("last half"), rate("peak"), seen)
	if rate("last half") < rate("first year")+0.15 {
		t.Errorf("RES-1 compliance %.2f -> %.2f, want a clear improvement", rate("first year"), rate("last half"))
	}
	if rate("peak") > rate("first year") {
		t.Errorf("RES-1 compliance in Dec/Jan %.2f is better than the first year's %.2f", rate("peak"), rate("first year"))
	}
	if rate("last half") < 0.75 {
		t.Errorf("RES-1 compliance at the end %.2f, want most complaints within the standard", rate("last half"))
	}
}

func TestReferenceData(t *testing.T) {
	for _, lang := range []string{"ru", "en"} {
		o := testOptions()
		o.Lang = lang
		g := newComplaintGen(o, moscow)
		emps := g.employees()
		if len(emps) < 12 || len(emps) > 15 {
			t.Errorf("%s: %d employees, want 12-15", lang, len(emps))
		}
		names, inactive := map[string]bool{}, 0
		for _, e := range emps {
			if err := e.Validate(); err != nil || e.Position == "" || names[e.Name] {
				t.Errorf("%s: employee %+v (%v)", lang, e, err)
			}
			names[e.Name] = true
			if cyrillic(e.Name) != (lang == "ru") || cyrillic(e.Position) != (lang == "ru") {
				t.Errorf("%s: employee %q, %q in the wrong language", lang, e.Name, e.Position)
			}
			if !e.Active {
				inactive++
			}
		}
		if inactive != 1 {
			t.Errorf("%s: %d inactive employees, want the one who left", lang, inactive)
		}

		tiers := map[string]int{}
		for _, c := range g.demoClients() {
			tiers[c.Tier]++
		}
		if tiers[data.KeyTier] != keyClients || tiers[TierBusiness] == 0 || tiers[TierStandard] == 0 {
			t.Errorf("%s: client tiers %v", lang, tiers)
		}

		ds := g.denominators()
		if len(ds) != 24 || ds[0].Month != data.DateDay(2023, 7, 1) || ds[23].Month != data.DateDay(2025, 6, 1) {
			t.Fatalf("%s: %d denominators from %s", lang, len(ds), ds[0].Month)
		}
		for _, d := range ds {
			if d.Orders < 10000 || d.Clients < 5000 || d.Clients >= d.Orders {
				t.Errorf("%s: denominator %+v", lang, d)
			}
		}
		if ds[23].Orders <= ds[0].Orders {
			t.Errorf("%s: orders %d -> %d, want growth", lang, ds[0].Orders, ds[23].Orders)
		}

		standards := g.standards()
		var versioned, allDay, byTier, byChannel, byCategory bool
		for _, s := range standards {
			if err := s.Validate(); err != nil {
				t.Errorf("%s: standard %s: %v", lang, s.Code, err)
			}
			if cyrillic(s.Title) != (lang == "ru") {
				t.Errorf("%s: standard title %q in the wrong language", lang, s.Title)
			}
			versioned = versioned || len(s.Versions) > 1 && s.Versions[1].EffectiveFrom == data.DateDay(2024, 7, 1)
			for _, v := range s.Versions {
				if v.Calendar.AllDay {
					_, critical := v.Targets[data.PriorityCritical]
					allDay = allDay || critical && len(v.Targets) == 1
				} else if len(v.Calendar.Holidays) < 10 || !v.Calendar.Weekdays[time.Monday] || v.Calendar.Weekdays[time.Sunday] {
					t.Errorf("%s: %s calendar %+v, want Mon-Fri with public holidays", lang, s.Code, v.Calendar)
				}
				byTier = byTier || slices.Contains(v.Tiers, data.KeyTier)
				byChannel = byChannel || len(v.Channels) > 0
				byCategory = byCategory || len(v.CategoryIDs) > 0
			}
		}
		if !versioned || !allDay || !byTier || !byChannel || !byCategory {
			t.Errorf("%s: standards versioned=%v 24/7-critical=%v tier=%v channel=%v category=%v", lang, versioned, allDay, byTier, byChannel, byCategory)
		}
	}
	for _, c := range categories {
		if c.name[langRU] == "" || c.name[langEN] == "" || len(c.subs) < 2 || len(c.requests) == 0 || len(c.questions) == 0 || len(c.praise) == 0 || len(c.resolutions) == 0 {
			t.Errorf("category %q is incomplete", c.name[langEN])
		}
		for _, s := range c.subs {
			if !cyrillic(s.name[langRU]) || cyrillic(s.name[langEN]) || len(s.texts) == 0 {
				t.Errorf("subcategory %q", s.name[langEN])
			}
		}
	}
}

func TestPublicHolidays(t *testing.T) {
	ru := publicHolidays(langRU, data.DateDay(2024, 1, 1), data.DateDay(2024, 12, 31))
	for _, d := range []data.Day{data.DateDay(2024, 1, 1), data.DateDay(2024, 1, 8), data.DateDay(2024, 3, 8), data.DateDay(2024, 11, 4)} {
		if !slices.Contains(ru, d) {
			t.Errorf("Russian holidays miss %s", d)
		}
	}
	en := publicHolidays(langEN, data.DateDay(2022, 1, 1), data.DateDay(2024, 12, 31))
	want := []data.Day{
		data.DateDay(2024, 3, 29), data.DateDay(2024, 4, 1), // Good Friday, Easter Monday
		data.DateDay(2022, 12, 26), data.DateDay(2022, 12, 27), // Christmas on a Sunday moves to Monday, Boxing Day to Tuesday
		data.DateDay(2022, 1, 3), // New Year on a Saturday
		data.DateDay(2024, 5, 6), data.DateDay(2024, 5, 27), data.DateDay(2024, 8, 26),
	}
	for _, d := range want {
		if !slices.Contains(en, d) {
			t.Errorf("UK holidays miss %s", d)
		}
	}
	if len(en) != 3*8 {
		t.Errorf("%d UK holidays in three years, want 24: %v", len(en), en)
	}
}

func TestComplaintTextsAreInTheLanguage(t *testing.T) {
	o := testOptions()
	o.Complaints = 2000
	for _, lang := range []string{"ru", "en"} {
		o.Lang = lang
		_, rows := generateComplaints(t, o)
		main := 0
		for _, c := range rows {
			if c.Subject == "" || c.Description == "" {
				t.Fatalf("%s: complaint %s without text", lang, c.ExternalID)
			}
			if cyrillic(c.Description) == (lang == "ru") {
				main++
			}
			if cyrillic(c.Category) != (lang == "ru") {
				t.Fatalf("%s: category name %q", lang, c.Category)
			}
		}
		if share := float64(main) / float64(len(rows)); share < 0.85 || share > 0.95 {
			t.Errorf("%s: %.2f of descriptions in the main language, want about 0.9", lang, share)
		}
	}
}

func TestLastDayComplaintsStopAtEnd(t *testing.T) {
	o := testOptions()
	o.Complaints = 3000
	o.End = time.Date(2025, 6, 30, 13, 30, 0, 0, moscow)
	_, rows := generateComplaints(t, o)
	for _, c := range rows {
		for _, e := range c.Events {
			if !e.At.Before(o.End) {
				t.Fatalf("complaint %s has an event at %v, after the end %v", c.ExternalID, e.At, o.End)
			}
		}
	}
	if !strings.HasSuffix(rows[len(rows)-1].ExternalID, "-c3000") {
		t.Errorf("last id %s", rows[len(rows)-1].ExternalID)
	}
}

func BenchmarkComplaintGenerator(b *testing.B) {
	o := testOptions()
	for i := 0; i < b.N; i++ {
		g := newComplaintGen(o, moscow)
		var c data.Complaint
		for g.next(&c) {
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*o.Complaints), "ns/complaint")
}
