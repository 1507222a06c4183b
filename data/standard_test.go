package data

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// firstResponseStandard allowed 4 working hours for a normal complaint
// until 14 March 2025 and 2 hours from Saturday 15 March: a standard that
// changed mid-month.
func firstResponseStandard() Standard {
	return Standard{
		ID: 1, Code: "FRT-1", Title: "First response", Measure: MeasureFirstResponse,
		Versions: []StandardVersion{
			{ID: 10, EffectiveFrom: DateDay(2025, time.January, 1), Calendar: DefaultCalendar(),
				Targets: map[Priority]time.Duration{PriorityNormal: 4 * time.Hour, PriorityCritical: time.Hour}},
			{ID: 11, EffectiveFrom: DateDay(2025, time.March, 15), Calendar: DefaultCalendar(),
				Targets: map[Priority]time.Duration{PriorityNormal: 2 * time.Hour, PriorityCritical: time.Hour}},
		},
	}
}

// resolutionStandard gives a normal complaint 8 working hours to resolve.
func resolutionStandard() Standard {
	return Standard{
		ID: 2, Code: "RES-1", Title: "Resolution", Measure: MeasureResolution,
		Versions: []StandardVersion{{ID: 20, EffectiveFrom: DateDay(2025, time.January, 1), Calendar: DefaultCalendar(),
			Targets: map[Priority]time.Duration{PriorityNormal: 8 * time.Hour}}},
	}
}

func statusAt(t time.Time, s Status) ComplaintEvent {
	return ComplaintEvent{At: t, Kind: EventStatus, Status: s}
}

func judge(t *testing.T, c *Complaint, events []ComplaintEvent, s Standard, loc *time.Location, now time.Time) SLAResult {
	t.Helper()
	res := EvaluateSLA(c, DeriveFacts(events), []Standard{s}, loc, now)
	if len(res) != 1 {
		t.Fatalf("%s: %d results, want 1", s.Code, len(res))
	}
	return res[0]
}

func TestVersionAt(t *testing.T) {
	s := firstResponseStandard()
	if _, ok := s.VersionAt(DateDay(2024, time.December, 31)); ok {
		t.Error("a day before the first version has a version")
	}
	for day, want := range map[int]int64{1: 10, 14: 10, 15: 11, 31: 11} {
		if v, ok := s.VersionAt(DateDay(2025, time.March, day)); !ok || v.ID != want {
			t.Errorf("VersionAt(March %d) = %d, %v; want %d", day, v.ID, ok, want)
		}
	}
	// SortVersions puts versions typed out of order right.
	s.Versions[0], s.Versions[1] = s.Versions[1], s.Versions[0]
	s.SortVersions()
	if v, _ := s.VersionAt(DateDay(2025, time.March, 1)); v.ID != 10 {
		t.Errorf("after sorting, VersionAt(March 1) = %d, want 10", v.ID)
	}
}

func TestApplies(t *testing.T) {
	v := StandardVersion{
		Targets:     map[Priority]time.Duration{PriorityHigh: time.Hour},
		Channels:    []Channel{ChannelEmail, ChannelChat},
		CategoryIDs: []int64{7},
		Tiers:       []string{"Key"},
	}
	base := Complaint{Priority: PriorityHigh, Channel: ChannelChat, CategoryID: 7, ClientTier: "key"}
	if !v.Applies(&base) {
		t.Fatal("a matching complaint is not covered (tier must match case-insensitively)")
	}
	sub := base
	sub.CategoryID, sub.SubcategoryID = 3, 7
	if !v.Applies(&sub) {
		t.Error("a complaint whose subcategory is listed is not covered")
	}
	for name, change := range map[string]func(*Complaint){
		"priority without target": func(c *Complaint) { c.Priority = PriorityLow },
		"other channel":           func(c *Complaint) { c.Channel = ChannelPhone },
		"other category":          func(c *Complaint) { c.CategoryID = 8 },
		"other tier":              func(c *Complaint) { c.ClientTier = "regular" },
		"no tier":                 func(c *Complaint) { c.ClientTier = "" },
	} {
		c := base
		change(&c)
		if v.Applies(&c) {
			t.Errorf("%s: covered", name)
		}
	}
	open := StandardVersion{Targets: map[Priority]time.Duration{PriorityLow: time.Hour}}
	if !open.Applies(&Complaint{Priority: PriorityLow}) {
		t.Error("empty filters must cover every complaint with a target")
	}
}

func TestEvaluateSLAUsesVersionInForceAtOpening(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	s := firstResponseStandard()
	// Opened Friday 14 March 16:00 under the 4-hour version, answered Monday
	// 11:00: Fri 16-18 plus Mon 9-11 = 4h, exactly on target.
	before := Complaint{OpenedAt: at(msk, 3, 14, 16, 0), Priority: PriorityNormal}
	r := judge(t, &before, []ComplaintEvent{{At: at(msk, 3, 17, 11, 0), Kind: EventReply}}, s, msk, at(msk, 3, 20, 0, 0))
	if r.VersionID != 10 || r.Target != 4*time.Hour || r.Elapsed != 4*time.Hour || r.Outcome != SLAAchieved {
		t.Errorf("opened before the change: version %d target %v elapsed %v %s; want 10, 4h, 4h, achieved", r.VersionID, r.Target, r.Elapsed, r.Outcome)
	}
	if !r.Finished.Equal(at(msk, 3, 17, 11, 0)) || !r.Due.IsZero() {
		t.Errorf("finished item: Finished %v Due %v", r.Finished, r.Due)
	}
	// The same answer time for a complaint opened Monday 17 March 9:30 under
	// the 2-hour version is 1.5h: achieved; answered at 12:00 it is 3h: breached.
	after := Complaint{OpenedAt: at(msk, 3, 17, 9, 30), Priority: PriorityNormal}
	if r := judge(t, &after, []ComplaintEvent{{At: at(msk, 3, 17, 11, 0), Kind: EventReply}}, s, msk, at(msk, 3, 20, 0, 0)); r.VersionID != 11 || r.Elapsed != 90*time.Minute || r.Outcome != SLAAchieved {
		t.Errorf("opened after the change, answered in 1.5h: version %d elapsed %v %s", r.VersionID, r.Elapsed, r.Outcome)
	}
	late := Complaint{OpenedAt: at(msk, 3, 17, 9, 0), Priority: PriorityNormal}
	if r := judge(t, &late, []ComplaintEvent{statusAt(at(msk, 3, 17, 12, 0), StatusInProgress)}, s, msk, at(msk, 3, 20, 0, 0)); r.Elapsed != 3*time.Hour || r.Outcome != SLABreached {
		t.Errorf("answered in 3h against 2h: elapsed %v %s, want breached", r.Elapsed, r.Outcome)
	}
	// Not covered: no version yet, or no target for the priority.
	early := Complaint{OpenedAt: time.Date(2024, 12, 31, 10, 0, 0, 0, msk), Priority: PriorityNormal}
	low := Complaint{OpenedAt: at(msk, 3, 17, 9, 0), Priority: PriorityLow}
	for _, c := range []*Complaint{&early, &low} {
		if res := EvaluateSLA(c, DeriveFacts(nil), []Standard{s}, msk, at(msk, 3, 20, 0, 0)); len(res) != 0 {
			t.Errorf("%v %s: judged %+v, want not covered", c.OpenedAt, c.Priority, res)
		}
	}
}

func TestEvaluateSLARunningAtRiskOverdue(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	s := firstResponseStandard()
	c := Complaint{OpenedAt: at(msk, 3, 17, 10, 0), Priority: PriorityNormal}
	// 2h target: due at 12:00, at risk from 75% = 1.5h, at 11:30.
	r := judge(t, &c, nil, s, msk, at(msk, 3, 17, 11, 0))
	if r.Outcome != SLARunning || r.Elapsed != time.Hour || !r.Due.Equal(at(msk, 3, 17, 12, 0)) || !r.RiskAt.Equal(at(msk, 3, 17, 11, 30)) {
		t.Fatalf("running: %s elapsed %v due %v risk %v", r.Outcome, r.Elapsed, r.Due, r.RiskAt)
	}
	for _, c := range []struct {
		now           time.Time
		risk, overdue bool
	}{
		{at(msk, 3, 17, 11, 0), false, false},
		{at(msk, 3, 17, 11, 30), true, false},
		{at(msk, 3, 17, 11, 59), true, false},
		{at(msk, 3, 17, 12, 0), false, true},
		{at(msk, 3, 18, 9, 0), false, true},
	} {
		if r.AtRisk(c.now) != c.risk || r.Overdue(c.now) != c.overdue {
			t.Errorf("at %s: at risk %v overdue %v, want %v %v", c.now.Format("Jan 2 15:04"), r.AtRisk(c.now), r.Overdue(c.now), c.risk, c.overdue)
		}
	}
	// Opened at 17:00: the due time moves past the night to 10:00 next day.
	evening := Complaint{OpenedAt: at(msk, 3, 17, 17, 0), Priority: PriorityNormal}
	if r := judge(t, &evening, nil, s, msk, at(msk, 3, 17, 20, 0)); !r.Due.Equal(at(msk, 3, 18, 10, 0)) || r.Elapsed != time.Hour {
		t.Errorf("evening complaint: due %v elapsed %v, want Mar 18 10:00 and 1h", r.Due, r.Elapsed)
	}
}

func TestEvaluateSLAPausedWhileWaiting(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	s := resolutionStandard()
	c := Complaint{OpenedAt: at(msk, 3, 17, 10, 0), Priority: PriorityNormal}
	events := []ComplaintEvent{statusAt(at(msk, 3, 17, 10, 30), StatusInProgress), statusAt(at(msk, 3, 17, 12, 0), StatusWaiting)}
	r := judge(t, &c, events, s, msk, at(msk, 3, 18, 15, 0))
	if r.Outcome != SLAPaused || r.Elapsed != 2*time.Hour || !r.Due.IsZero() || r.Overdue(at(msk, 3, 25, 0, 0)) {
		t.Errorf("waiting: %s elapsed %v due %v, want paused at 2h with no due time", r.Outcome, r.Elapsed, r.Due)
	}
	// Back in progress Wednesday 9:00: 6h left, due 15:00.
	events = append(events, statusAt(at(msk, 3, 19, 9, 0), StatusInProgress))
	r = judge(t, &c, events, s, msk, at(msk, 3, 19, 10, 0))
	if r.Outcome != SLARunning || r.Elapsed != 3*time.Hour || !r.Due.Equal(at(msk, 3, 19, 15, 0)) {
		t.Errorf("resumed: %s elapsed %v due %v, want running at 3h, due Mar 19 15:00", r.Outcome, r.Elapsed, r.Due)
	}
	// Waiting again after the target ran out: the item is breached already,
	// whatever the client answers.
	events = append(events, statusAt(at(msk, 3, 19, 16, 0), StatusWaiting))
	r = judge(t, &c, events, s, msk, at(msk, 3, 20, 10, 0))
	if r.Outcome != SLAPaused || r.Elapsed != 9*time.Hour || !r.Overdue(at(msk, 3, 20, 10, 0)) || r.AtRisk(at(msk, 3, 20, 10, 0)) {
		t.Errorf("waiting past the target: %s elapsed %v overdue %v, want paused, 9h, overdue", r.Outcome, r.Elapsed, r.Overdue(at(msk, 3, 20, 10, 0)))
	}
}

// The resolution clock stops while the complaint waits for the client and
// between a resolution and its reopen.
func TestEvaluateSLAResolutionPausedBetweenResolveAndReopen(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	s := resolutionStandard()
	c := Complaint{OpenedAt: at(msk, 3, 17, 10, 0), Priority: PriorityNormal}
	events := []ComplaintEvent{
		statusAt(at(msk, 3, 17, 10, 30), StatusInProgress),
		statusAt(at(msk, 3, 17, 11, 0), StatusWaiting),
		statusAt(at(msk, 3, 17, 13, 0), StatusInProgress),
		statusAt(at(msk, 3, 17, 14, 0), StatusResolved),
		statusAt(at(msk, 3, 18, 10, 0), StatusClosed),
		statusAt(at(msk, 3, 19, 10, 0), StatusInProgress), // reopened Wednesday
		statusAt(at(msk, 3, 19, 12, 0), StatusResolved),
	}
	// 10-11 (1h) + 13-14 (1h) + Wed 10-12 (2h) = 4h; counting the resolved
	// days would give 4h + Mon 14-18 + Tue 9h + Wed 9-10 = 18h.
	r := judge(t, &c, events, s, msk, at(msk, 3, 25, 0, 0))
	if r.Outcome != SLAAchieved || r.Elapsed != 4*time.Hour || !r.Finished.Equal(at(msk, 3, 19, 12, 0)) {
		t.Errorf("reopened complaint: %s elapsed %v finished %v, want achieved, 4h, Mar 19 12:00", r.Outcome, r.Elapsed, r.Finished)
	}
	// While reopened and running, the resolved span still does not count.
	r = judge(t, &c, events[:6], s, msk, at(msk, 3, 19, 11, 0))
	// 2h were used on Monday, 6h remain from the reopen at 10:00.
	if r.Outcome != SLARunning || r.Elapsed != 3*time.Hour || !r.Due.Equal(at(msk, 3, 19, 16, 0)) {
		t.Errorf("reopened, running: %s elapsed %v due %v, want running, 3h, due Mar 19 16:00", r.Outcome, r.Elapsed, r.Due)
	}
	// The first-response clock is unaffected: answered at 10:30.
	fr := judge(t, &c, events, firstResponseStandard(), msk, at(msk, 3, 25, 0, 0))
	if fr.Elapsed != 30*time.Minute || fr.Outcome != SLAAchieved {
		t.Errorf("first response: elapsed %v %s", fr.Elapsed, fr.Outcome)
	}
}

func TestEvaluateSLAEveryCoveringStandard(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	critical := Standard{ID: 3, Code: "CRIT", Title: "Critical 24/7", Measure: MeasureResolution,
		Versions: []StandardVersion{{ID: 30, EffectiveFrom: DateDay(2025, 1, 1), Calendar: AllDayCalendar(),
			Targets: map[Priority]time.Duration{PriorityCritical: 24 * time.Hour}}}}
	c := Complaint{OpenedAt: at(msk, 3, 14, 17, 0), Priority: PriorityCritical}
	events := []ComplaintEvent{{At: at(msk, 3, 14, 17, 30), Kind: EventReply}, statusAt(at(msk, 3, 15, 18, 0), StatusResolved)}
	res := EvaluateSLA(&c, DeriveFacts(events), []Standard{firstResponseStandard(), resolutionStandard(), critical}, msk, at(msk, 3, 20, 0, 0))
	if len(res) != 2 || res[0].Code != "FRT-1" || res[1].Code != "CRIT" {
		t.Fatalf("results %+v, want FRT-1 and CRIT (RES-1 has no critical target)", res)
	}
	// Saturday counts on the 24/7 calendar: 25h against 24h.
	if res[1].Elapsed != 25*time.Hour || res[1].Outcome != SLABreached {
		t.Errorf("24/7 resolution: %v %s, want 25h breached", res[1].Elapsed, res[1].Outcome)
	}
	if res[0].Elapsed != 30*time.Minute || res[0].Outcome != SLAAchieved {
		t.Errorf("first response: %v %s, want 30m achieved", res[0].Elapsed, res[0].Outcome)
	}
}

func TestStandardValidate(t *testing.T) {
	good := firstResponseStandard()
	if err := good.Validate(); err != nil {
		t.Fatalf("valid standard: %v", err)
	}
	for field, change := range map[string]func(*Standard){
		"code":           func(s *Standard) { s.Code = " " },
		"title":          func(s *Standard) { s.Title = "" },
		"measure":        func(s *Standard) { s.Measure = "speed" },
		"versions":       func(s *Standard) { s.Versions = nil },
		"effective_from": func(s *Standard) { s.Versions[1].EffectiveFrom = s.Versions[0].EffectiveFrom },
		"targets":        func(s *Standard) { s.Versions[0].Targets = map[Priority]time.Duration{PriorityNormal: -time.Hour} },
		"hours":          func(s *Standard) { s.Versions[0].Calendar.End = 0 },
	} {
		s := firstResponseStandard()
		change(&s)
		err := s.Validate()
		ve, _ := err.(ValidationErrors)
		if !errors.Is(err, ErrInvalid) || ve.For(field) == nil {
			t.Errorf("%s: Validate = %v, want an error on it", field, err)
		}
	}
	empty := firstResponseStandard()
	empty.Versions[0].Targets = nil
	if ve, _ := empty.Validate().(ValidationErrors); ve.For("targets") == nil {
		t.Error("a version without targets passes")
	}
}

func TestWorstSLA(t *testing.T) {
	now := time.Date(2025, 3, 17, 12, 0, 0, 0, time.UTC)
	met := SLAResult{Code: "MET", Outcome: SLAAchieved, Target: time.Hour, Elapsed: 10 * time.Minute}
	paused := SLAResult{Code: "PAUSED", Outcome: SLAPaused, Target: time.Hour, Elapsed: 10 * time.Minute}
	soon := SLAResult{Code: "SOON", Outcome: SLARunning, Target: 4 * time.Hour, Elapsed: time.Hour, Due: now.Add(3 * time.Hour), RiskAt: now.Add(2 * time.Hour)}
	sooner := SLAResult{Code: "SOONER", Outcome: SLARunning, Target: 2 * time.Hour, Elapsed: time.Hour, Due: now.Add(time.Hour), RiskAt: now.Add(30 * time.Minute)}
	atRisk := SLAResult{Code: "RISK", Outcome: SLARunning, Target: 4 * time.Hour, Elapsed: 3 * time.Hour, Due: now.Add(time.Hour), RiskAt: now.Add(-time.Minute)}
	breached := SLAResult{Code: "BREACHED", Outcome: SLABreached, Target: time.Hour, Elapsed: 2 * time.Hour}
	late := SLAResult{Code: "LATE", Outcome: SLARunning, Target: time.Hour, Elapsed: 2 * time.Hour, Due: now.Add(-time.Hour), RiskAt: now.Add(-2 * time.Hour)}
	for _, c := range []struct {
		in   []SLAResult
		want string
	}{
		{[]SLAResult{met, paused}, "PAUSED"},
		{[]SLAResult{soon, paused, sooner}, "SOONER"},
		{[]SLAResult{sooner, atRisk}, "RISK"},
		{[]SLAResult{atRisk, breached, met}, "BREACHED"},
		{[]SLAResult{breached, late, met}, "LATE"},
		{[]SLAResult{met}, "MET"},
	} {
		if got, ok := WorstSLA(c.in, now); !ok || got.Code != c.want {
			t.Errorf("WorstSLA(%v) = %s, want %s", c.in, got.Code, c.want)
		}
	}
	if _, ok := WorstSLA(nil, now); ok {
		t.Error("no results, yet a worst one")
	}
}

// One judge remembers working windows across complaints; its verdicts must
// be those of a fresh evaluation whatever order the complaints come in:
// days before the first remembered one, days beyond what it keeps, a
// holiday and a weekend.
func TestSLAJudgeRemembersWindowsWithoutChangingVerdicts(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	res := resolutionStandard()
	res.Versions[0].EffectiveFrom = DateDay(2000, time.January, 1)
	res.Versions[0].Calendar.Holidays = []Day{DateDay(2025, time.March, 10), DateDay(2012, time.May, 2)}
	standards := []Standard{firstResponseStandard(), res}
	now := time.Date(2025, time.March, 20, 12, 0, 0, 0, msk)
	opened := []time.Time{
		time.Date(2025, time.March, 7, 16, 0, 0, 0, msk),   // resolved across a weekend and a holiday
		time.Date(2025, time.January, 3, 9, 30, 0, 0, msk), // before the first remembered day
		time.Date(2012, time.April, 30, 17, 0, 0, 0, msk),  // long before: looked up, not kept
		time.Date(2025, time.March, 18, 10, 0, 0, 0, msk),  // still open: due and risk times
		time.Date(2044, time.June, 1, 10, 0, 0, 0, msk),    // long after
	}
	judge := NewSLAJudge(standards, msk, now)
	for _, at := range opened {
		c := &Complaint{ID: 1, OpenedAt: at, Priority: PriorityNormal}
		events := []ComplaintEvent{statusAt(at, StatusNew), statusAt(at.Add(50*time.Hour), StatusInProgress)}
		if at.Before(now.Add(-72 * time.Hour)) {
			events = append(events, statusAt(at.Add(75*time.Hour), StatusResolved))
		}
		f := DeriveFacts(events)
		got, want := judge.Evaluate(c, f), EvaluateSLA(c, f, standards, msk, now)
		if len(want) == 0 || !slices.EqualFunc(got, want, func(a, b SLAResult) bool {
			return a.Elapsed == b.Elapsed && a.Outcome == b.Outcome && a.Due.Equal(b.Due) && a.RiskAt.Equal(b.RiskAt) && a.VersionID == b.VersionID
		}) {
			t.Errorf("opened %s: judge %+v, fresh evaluation %+v", at, got, want)
		}
	}
}
