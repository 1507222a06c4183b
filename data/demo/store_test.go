package demo_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Moscow on machines without a zone database
	"unicode"

	"caredesk/data"
	"caredesk/data/demo"
	"caredesk/data/kpi"
	"caredesk/data/sqlite"
)

func openStore(t testing.TB) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "caredesk.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	loc, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatalf("load zone: %v", err)
	}
	if err := st.SetLocation(ctx, loc); err != nil {
		t.Fatalf("set location: %v", err)
	}
	return st
}

func fixedOptions(responses int) demo.Options {
	o := demo.DefaultOptions()
	o.Responses = responses
	o.End = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	return o
}

func allFeedback(t *testing.T, st data.Store) []data.Feedback {
	t.Helper()
	rows, err := st.ListFeedback(context.Background(), data.FeedbackFilter{}, data.Page{Limit: 1_000_000})
	if err != nil {
		t.Fatalf("list feedback: %v", err)
	}
	return rows
}

func hasCyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

func hasLatinWord(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' })
}

func TestGenerateDefaultDataSet(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	o := fixedOptions(demo.DefaultOptions().Responses)

	lastDone, calls := -1, 0
	total := o.Responses + o.Complaints
	res, err := demo.Fill(ctx, st, o, func(done, total int) {
		if total != o.Responses+o.Complaints || done < lastDone || done > total {
			t.Errorf("progress(%d, %d) after %d", done, total, lastDone)
		}
		lastDone = done
		calls++
	})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	batch := res.Feedback
	if batch.Imported != o.Responses || batch.Duplicates != 0 || batch.Source != demo.Source {
		t.Fatalf("batch = %+v, want %d imported from %q", batch, o.Responses, demo.Source)
	}
	if c := res.Complaints; c.Imported != o.Complaints || c.Duplicates != 0 || c.Source != demo.Source {
		t.Fatalf("complaint batch = %+v, want %d imported from %q", c, o.Complaints, demo.Source)
	}
	if lastDone != total || calls < 10 {
		t.Errorf("progress ended at %d after %d calls, want %d", lastDone, calls, total)
	}
	n, err := st.CountFeedback(ctx, data.FeedbackFilter{})
	if err != nil || n != o.Responses {
		t.Fatalf("count = %d, %v; want %d", n, err, o.Responses)
	}

	first, last, ok, err := st.FeedbackRange(ctx)
	if err != nil || !ok || first != data.DateDay(2023, 7, 1) || last != data.DateDay(2025, 6, 30) {
		t.Errorf("range = %s..%s (%v, %v), want 2023-07-01..2025-06-30", first, last, ok, err)
	}

	// The story: NPS climbs by a clear margin over the two years.
	days, err := st.FeedbackDaily(ctx, data.DailyQuery{})
	if err != nil {
		t.Fatalf("daily: %v", err)
	}
	months := kpi.Overall(kpi.Trend(days, kpi.Month, 0, 0), kpi.Month).Periods
	if len(months) != 24 {
		t.Fatalf("%d months of data, want 24", len(months))
	}
	early, late := kpi.NPS(sum(months[:3])), kpi.NPS(sum(months[21:]))
	if late.NPS-early.NPS < 25 {
		t.Errorf("NPS went from %.1f (first 3 months) to %.1f (last 3), want a rise of 25+ points", early.NPS, late.NPS)
	}
	t.Logf("NPS first 3 months %.1f, last 3 months %.1f", early.NPS, late.NPS)

	byChannel, err := st.FeedbackDaily(ctx, data.DailyQuery{By: data.SegmentChannel})
	if err != nil {
		t.Fatalf("daily by channel: %v", err)
	}
	seen := map[string]int64{}
	for _, d := range byChannel {
		seen[d.Segment] += d.N() + d.Unscored
	}
	for _, c := range data.Channels {
		if seen[string(c)] == 0 {
			t.Errorf("no responses through %s", c)
		}
	}

	touchpoints, err := st.Touchpoints(ctx)
	if err != nil || len(touchpoints) != 6 || !contains(touchpoints, "Доставка") {
		t.Errorf("touchpoints = %q, %v; want the six Russian ones", touchpoints, err)
	}
	tags, err := st.Tags(ctx)
	if err != nil || !contains(tags, "delivery-delay") || !contains(tags, "app-bug") {
		t.Errorf("tags = %q, %v", tags, err)
	}
	clients, err := st.Clients(ctx)
	if err != nil || len(clients) < 250 || len(clients) > 300 {
		t.Fatalf("%d clients (%v), want close to 300", len(clients), err)
	}
	segments := map[string]int{}
	for _, c := range clients {
		segments[c.Segment]++
	}
	if segments[demo.SegmentEnterprise] == 0 || segments[demo.SegmentSMB] == 0 || segments[demo.SegmentRetail] == 0 || len(segments) != 3 {
		t.Errorf("client segments = %v", segments)
	}

	var cyrillic, latin, linked, withComment int
	for _, f := range allFeedback(t, st) {
		if f.ClientID != 0 {
			linked++
		}
		if f.Comment == "" {
			continue
		}
		withComment++
		if hasCyrillic(f.Comment) {
			cyrillic++
		} else if hasLatinWord(f.Comment) {
			latin++
		}
	}
	if cyrillic == 0 || latin == 0 || cyrillic < latin*3 {
		t.Errorf("comments: %d Cyrillic, %d Latin; want both, mostly Russian", cyrillic, latin)
	}
	if share := float64(linked) / float64(o.Responses); share < 0.55 || share > 0.65 {
		t.Errorf("%.2f of responses linked to a client, want about 0.60", share)
	}
	if share := float64(withComment) / float64(o.Responses); share < 0.55 || share > 0.65 {
		t.Errorf("%.2f of responses have a comment, want about 0.60", share)
	}

	checkComplaintData(t, st, o, res)

	// Same seed again: every row is a duplicate and nothing is added.
	again, err := demo.Fill(ctx, st, o, nil)
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	if again.Feedback.Imported != 0 || again.Feedback.Duplicates != o.Responses {
		t.Errorf("second run imported %d, duplicates %d; want 0 and %d", again.Feedback.Imported, again.Feedback.Duplicates, o.Responses)
	}
	if again.Complaints.Imported != 0 || again.Complaints.Duplicates != o.Complaints {
		t.Errorf("second run imported %d complaints, duplicates %d; want 0 and %d", again.Complaints.Imported, again.Complaints.Duplicates, o.Complaints)
	}
	if again.Employees+again.Categories+again.Clients+again.Standards+again.Denominators != 0 {
		t.Errorf("second run added reference data: %+v", again)
	}
	if n, _ := st.CountFeedback(ctx, data.FeedbackFilter{}); n != o.Responses {
		t.Errorf("count after second run = %d, want %d", n, o.Responses)
	}
	if n, _ := st.CountComplaints(ctx, data.ComplaintFilter{}); n != o.Complaints {
		t.Errorf("complaints after second run = %d, want %d", n, o.Complaints)
	}
	if cats, _ := st.Categories(ctx); len(cats) != res.Categories {
		t.Errorf("%d categories after second run, want %d", len(cats), res.Categories)
	}
}

// checkComplaintData reads back what the first run stored: the team,
// categories, tiers, standards, denominators and complaints, and that the
// store's rollups tell the story.
func checkComplaintData(t *testing.T, st data.Store, o demo.Options, res demo.Result) {
	t.Helper()
	ctx := context.Background()
	emps, err := st.Employees(ctx)
	if err != nil || len(emps) < 12 || len(emps) > 15 || len(emps) != res.Employees {
		t.Fatalf("%d employees (%v), want 12-15 (added %d)", len(emps), err, res.Employees)
	}
	for _, e := range emps {
		if !hasCyrillic(e.Name) || e.Position == "" {
			t.Errorf("employee %+v: want a Russian name and a position", e)
		}
	}
	cats, err := st.Categories(ctx)
	if err != nil || len(cats) != res.Categories {
		t.Fatalf("%d categories (%v), added %d", len(cats), err, res.Categories)
	}
	var parents, subs int
	deliveryID := int64(0)
	for _, c := range cats {
		if c.NameEN == "" || !hasCyrillic(c.NameRU) {
			t.Errorf("category %+v: want both names", c)
		}
		if c.ParentID == 0 {
			parents++
			if c.NameEN == "Delivery" {
				deliveryID = c.ID
			}
		} else {
			subs++
		}
	}
	if parents < 5 || subs < 2*parents || deliveryID == 0 {
		t.Errorf("%d categories with %d subcategories (Delivery id %d)", parents, subs, deliveryID)
	}
	clients, err := st.Clients(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tiers := map[string]int{}
	for _, c := range clients {
		tiers[c.Tier]++
	}
	if tiers[data.KeyTier] < 5 || tiers[data.KeyTier] > 10 || tiers[demo.TierBusiness] == 0 || tiers[demo.TierStandard] == 0 {
		t.Errorf("client tiers %v", tiers)
	}
	standards, err := st.Standards(ctx)
	if err != nil || len(standards) != res.Standards || len(standards) < 4 {
		t.Fatalf("%d standards (%v), added %d", len(standards), err, res.Standards)
	}
	versioned := 0
	for _, s := range standards {
		if len(s.Versions) > 1 {
			versioned++
		}
	}
	if versioned == 0 {
		t.Error("no standard changed during the period")
	}
	cal, err := st.WorkCalendar(ctx)
	if err != nil || cal.AllDay || len(cal.Holidays) < 10 || !slices.Contains(cal.Holidays, data.DateDay(2024, 1, 2)) {
		t.Errorf("department calendar %+v (%v), want Mon-Fri with the Russian holidays", cal, err)
	}
	dens, err := st.Denominators(ctx)
	if err != nil || len(dens) != o.Months || res.Denominators != o.Months {
		t.Errorf("%d denominators (%v, added %d), want %d", len(dens), err, res.Denominators, o.Months)
	}

	n, err := st.CountComplaints(ctx, data.ComplaintFilter{})
	if err != nil || n != o.Complaints {
		t.Fatalf("%d complaints (%v), want %d", n, err, o.Complaints)
	}
	if n, err := st.CountComplaints(ctx, data.ComplaintFilter{View: data.ViewKeyClients}); err != nil || n < 100 {
		t.Errorf("%d key-client complaints (%v)", n, err)
	}
	list, err := st.ListComplaints(ctx, data.ComplaintFilter{View: data.ViewEscalated}, data.Page{Limit: 1})
	if err != nil || len(list) != 1 {
		t.Fatalf("escalated complaints: %d (%v)", len(list), err)
	}
	c, err := st.Complaint(ctx, list[0].ID)
	if err != nil || len(c.Events) < 4 || !c.Facts.Escalated() || c.AssigneeID == 0 {
		t.Errorf("escalated complaint read back: %+v (%v)", c, err)
	}

	// The store's rollups: delivery complaints peak in December/January.
	days, err := st.ComplaintDaily(ctx, data.ComplaintQuery{By: data.ComplaintsByCategory})
	if err != nil {
		t.Fatalf("complaint daily: %v", err)
	}
	var peak, peakDelivery, rest, restDelivery int64
	for _, d := range days {
		_, m, dd := d.Day.Date()
		delivery := d.Segment == strconv.FormatInt(deliveryID, 10)
		if m == time.December || m == time.January && dd <= 20 {
			peak += d.Negative
			if delivery {
				peakDelivery += d.Negative
			}
		} else {
			rest += d.Negative
			if delivery {
				restDelivery += d.Negative
			}
		}
	}
	if peak == 0 || rest == 0 || float64(peakDelivery)/float64(peak) < 1.3*float64(restDelivery)/float64(rest) {
		t.Errorf("delivery complaints %d of %d in Dec/Jan, %d of %d otherwise: want a clear peak", peakDelivery, peak, restDelivery, rest)
	}
}

func TestSameSeedGivesIdenticalDatabases(t *testing.T) {
	ctx := context.Background()
	o := fixedOptions(4000)
	o.Complaints = 1500
	o.Lang = "en"
	var dumps [2][]data.Feedback
	var complaints [2][]data.Complaint
	for i := range dumps {
		st := openStore(t)
		if _, err := demo.Fill(ctx, st, o, nil); err != nil {
			t.Fatalf("generate %d: %v", i, err)
		}
		dumps[i] = allFeedback(t, st)
		for j := range dumps[i] {
			dumps[i][j].BatchID = 0 // the only thing allowed to differ is bookkeeping
		}
		var err error
		complaints[i], err = st.ListComplaints(ctx, data.ComplaintFilter{}, data.Page{Limit: 1_000_000})
		if err != nil || len(complaints[i]) != o.Complaints {
			t.Fatalf("list complaints: %d (%v)", len(complaints[i]), err)
		}
		for j := range complaints[i] {
			complaints[i][j].BatchID = 0
		}
	}
	if !reflect.DeepEqual(complaints[0], complaints[1]) {
		t.Error("the same seed gives different complaints")
	}
	if len(dumps[0]) != o.Responses {
		t.Fatalf("%d rows, want %d", len(dumps[0]), o.Responses)
	}
	for j := range dumps[0] {
		if !reflect.DeepEqual(dumps[0][j], dumps[1][j]) {
			t.Fatalf("row %d differs:\n%+v\n%+v", j, dumps[0][j], dumps[1][j])
		}
	}

	other := openStore(t)
	o.Seed = 7
	if _, err := demo.Generate(ctx, other, o, nil); err != nil {
		t.Fatalf("generate seed 7: %v", err)
	}
	if reflect.DeepEqual(allFeedback(t, other)[:50], dumps[0][:50]) {
		t.Error("seed 7 gives the same rows as seed 1")
	}
}

func TestCancelLeavesStoreEmpty(t *testing.T) {
	st := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := fixedOptions(20000)
	o.Complaints = 5000
	_, err := demo.Fill(ctx, st, o, func(done, _ int) {
		if done >= 8000 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	bg := context.Background()
	if n, err := st.CountFeedback(bg, data.FeedbackFilter{}); err != nil || n != 0 {
		t.Errorf("count after cancel = %d, %v; want 0", n, err)
	}
	if n, err := st.CountComplaints(bg, data.ComplaintFilter{}); err != nil || n != 0 {
		t.Errorf("%d complaints after cancel (%v), want 0", n, err)
	}
	if batches, err := st.ImportBatches(bg); err != nil || len(batches) != 0 {
		t.Errorf("%d import batches after cancel (%v), want 0", len(batches), err)
	}
	if days, err := st.FeedbackDaily(bg, data.DailyQuery{}); err != nil || len(days) != 0 {
		t.Errorf("%d daily rows after cancel (%v), want 0", len(days), err)
	}

	// The store is still usable: the run again completes the data set,
	// finding the reference data the cancelled run had already written.
	r, err := demo.Fill(bg, st, o, nil)
	if err != nil || r.Feedback.Imported != o.Responses || r.Complaints.Imported != o.Complaints || r.Clients != 0 {
		t.Fatalf("run after cancel: %+v, %v", r, err)
	}
}

// A cancel while complaints are written keeps the committed feedback and
// stores no complaint; the next run adds only the complaints.
func TestCancelDuringComplaints(t *testing.T) {
	st := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := fixedOptions(3000)
	o.Complaints = 5000
	_, err := demo.Fill(ctx, st, o, func(done, _ int) {
		if done >= o.Responses+2000 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	bg := context.Background()
	if n, err := st.CountComplaints(bg, data.ComplaintFilter{}); err != nil || n != 0 {
		t.Errorf("%d complaints after cancel (%v), want 0", n, err)
	}
	if days, err := st.ComplaintDaily(bg, data.ComplaintQuery{}); err != nil || len(days) != 0 {
		t.Errorf("%d complaint rollup rows after cancel (%v), want 0", len(days), err)
	}
	r, err := demo.Fill(bg, st, o, nil)
	if err != nil || r.Feedback.Imported != 0 || r.Feedback.Duplicates != o.Responses || r.Complaints.Imported != o.Complaints {
		t.Fatalf("run after cancel: %+v, %v", r, err)
	}
}

func TestGenerateRejectsBadOptions(t *testing.T) {
	st := openStore(t)
	o := fixedOptions(100)
	o.Lang = "de"
	if _, err := demo.Generate(context.Background(), st, o, nil); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if n, _ := st.CountFeedback(context.Background(), data.FeedbackFilter{}); n != 0 {
		t.Errorf("%d rows written for invalid options", n)
	}
}

func sum(ps []kpi.NPSStat) data.ScoreCounts {
	var c data.ScoreCounts
	for _, p := range ps {
		c.Add(p.ScoreCounts)
	}
	return c
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func benchmarkGenerate(b *testing.B, responses int) {
	o := fixedOptions(responses)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := openStore(b)
		b.StartTimer()
		if _, err := demo.Generate(context.Background(), st, o, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*(responses+o.Complaints)), "ns/row")
}

// BenchmarkGenerate50k is the speed target: the default data set (with
// its 12,000 complaints) into a fresh SQLite file, well under 2 s.
func BenchmarkGenerate50k(b *testing.B) { benchmarkGenerate(b, 50_000) }

// BenchmarkGenerate1M builds the benchmark database size of other packages.
func BenchmarkGenerate1M(b *testing.B) { benchmarkGenerate(b, 1_000_000) }

// A second run in the other language completes the data set in the first
// run's language instead of adding the team again under its other names.
func TestSecondRunInOtherLanguageAddsNothing(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	o := fixedOptions(300)
	o.Complaints, o.Lang = 200, "en"
	if _, err := demo.Fill(ctx, st, o, nil); err != nil {
		t.Fatal(err)
	}
	count := func() (employees, skills, courses int) {
		e, err := st.Employees(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s, err := st.Skills(ctx)
		if err != nil {
			t.Fatal(err)
		}
		c, err := st.Courses(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(e), len(s), len(c)
	}
	e1, s1, c1 := count()
	o.Lang = "ru"
	r, err := demo.Fill(ctx, st, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e2, s2, c2 := count(); e2 != e1 || s2 != s1 || c2 != c1 {
		t.Errorf("second run in Russian: employees %d -> %d, skills %d -> %d, courses %d -> %d", e1, e2, s1, s2, c1, c2)
	}
	if r.Feedback.Imported != 0 || r.Complaints.Imported != 0 || r.Team.Items != 0 {
		t.Errorf("second run added %d responses, %d complaints, %d plan items", r.Feedback.Imported, r.Complaints.Imported, r.Team.Items)
	}
}
