package sqlite

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"caredesk/data"
)

// plainIDs is the reference answer: the filter written out by hand with a
// plain ORDER BY ... LIMIT ... OFFSET over the rows.
func plainIDs(t *testing.T, db *DB, conds []string, args []any, order string, p data.Page) []int64 {
	t.Helper()
	q := `SELECT f.id FROM feedback f`
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	q += ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	rows, err := db.read.Query(q, append(args, p.Limit, p.Offset)...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

func TestPagingMatchesPlainOffset(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	rows := makeRows(4000, 20)
	// Several rows in the same second: the id must break the tie.
	for i := 100; i < 110; i++ {
		rows[i].RespondedAt = rows[100].RespondedAt
	}
	mustImport(t, db, "survey", rows)
	total := 4000

	feb1, feb20 := data.DateDay(2024, 2, 1), data.DateDay(2024, 2, 20)
	cases := []struct {
		name  string
		f     data.FeedbackFilter
		conds []string
		args  []any
		order string
	}{
		{"all", data.FeedbackFilter{}, nil, nil, "f.responded_at, f.id"},
		{"all desc", data.FeedbackFilter{Desc: true}, nil, nil, "f.responded_at DESC, f.id DESC"},
		{"range", data.FeedbackFilter{From: feb1, To: feb20}, []string{"f.day BETWEEN ? AND ?"}, []any{feb1, feb20}, "f.responded_at, f.id"},
		{"channels", data.FeedbackFilter{Channels: []data.Channel{data.ChannelChat, data.ChannelPhone}},
			[]string{"f.channel IN ('chat', 'phone')"}, nil, "f.responded_at, f.id"},
		{"touchpoint desc", data.FeedbackFilter{Touchpoint: "Доставка", Desc: true},
			[]string{"f.touchpoint = 'Доставка'"}, nil, "f.responded_at DESC, f.id DESC"},
		{"detractors in range", data.FeedbackFilter{Group: data.GroupDetractors, From: feb1},
			[]string{"f.score <= 6", "f.day >= ?"}, []any{feb1}, "f.responded_at, f.id"},
		{"promoters", data.FeedbackFilter{Group: data.GroupPromoters}, []string{"f.score >= 9"}, nil, "f.responded_at, f.id"},
		{"passives", data.FeedbackFilter{Group: data.GroupPassives}, []string{"f.score IN (7, 8)"}, nil, "f.responded_at, f.id"},
		{"unscored desc", data.FeedbackFilter{Group: data.GroupUnscored, Desc: true}, []string{"f.score IS NULL"}, nil, "f.responded_at DESC, f.id DESC"},
		{"tag", data.FeedbackFilter{Tag: "цена"},
			[]string{"f.id IN (SELECT feedback_id FROM feedback_tag WHERE tag = 'цена')"}, nil, "f.responded_at, f.id"},
		{"score sort", data.FeedbackFilter{Sort: data.SortByScore}, nil, nil, "f.score, f.responded_at, f.id"},
		{"score sort desc, channel", data.FeedbackFilter{Sort: data.SortByScore, Desc: true, Channels: []data.Channel{data.ChannelWeb}},
			[]string{"f.channel = 'web'"}, nil, "f.score DESC, f.responded_at DESC, f.id DESC"},
		{"channel sort", data.FeedbackFilter{Sort: data.SortByChannel}, nil, nil, "f.channel, f.responded_at, f.id"},
		{"touchpoint sort desc", data.FeedbackFilter{Sort: data.SortByTouchpoint, Desc: true}, nil, nil, "f.touchpoint DESC, f.responded_at DESC, f.id DESC"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, err := db.CountFeedback(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			want := len(plainIDs(t, db, c.conds, c.args, c.order, data.Page{Limit: total + 1}))
			if n != want || n == 0 {
				t.Fatalf("CountFeedback = %d, plain count %d", n, want)
			}
			offsets := []int{0, 1, 7, 99, 100, 101, n / 3, n / 2, n - 100, n - 37, n - 1, n, n + 50}
			for _, limit := range []int{100, 13} {
				for _, off := range offsets {
					if off < 0 {
						continue
					}
					p := data.Page{Offset: off, Limit: limit}
					got, err := db.ListFeedback(ctx, c.f, p)
					if err != nil {
						t.Fatal(err)
					}
					want := plainIDs(t, db, c.conds, c.args, c.order, p)
					if !slices.Equal(ids(got), want) {
						t.Fatalf("page %+v: got %d ids %v…, want %d ids %v…", p, len(got), head(ids(got)), len(want), head(want))
					}
				}
			}
		})
	}
	// Limit 0 means every row from the offset.
	all, err := db.ListFeedback(ctx, data.FeedbackFilter{}, data.Page{Offset: 3990})
	if err != nil || len(all) != 10 {
		t.Fatalf("unlimited page: %d rows, %v", len(all), err)
	}
	if _, err := db.ListFeedback(ctx, data.FeedbackFilter{Sort: "colour"}, data.Page{}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown sort: %v", err)
	}
	if _, err := db.CountFeedback(ctx, data.FeedbackFilter{Group: "fans"}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown group: %v", err)
	}
}

func head(v []int64) []int64 { return v[:min(len(v), 5)] }

func TestListFillsClientAndTags(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	mustImport(t, db, "s", makeRows(300, 21))
	rows, err := db.ListFeedback(ctx, data.FeedbackFilter{}, data.Page{Limit: 300})
	if err != nil {
		t.Fatal(err)
	}
	var tagged, withClient int
	for _, r := range rows {
		one, err := db.Feedback(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(one.Tags, r.Tags) || one.ClientName != r.ClientName || one.Segment != r.Segment {
			t.Fatalf("list row %+v differs from Feedback %+v", r, one)
		}
		if len(r.Tags) > 0 {
			tagged++
		}
		if r.ClientName != "" && r.Segment != "" {
			withClient++
		}
	}
	if tagged == 0 || withClient == 0 {
		t.Fatalf("fixture has %d tagged rows and %d with clients", tagged, withClient)
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	acme := data.Client{Name: "ACME Corp", Segment: "B2B"}
	if err := db.CreateClient(ctx, &acme); err != nil {
		t.Fatal(err)
	}
	comments := []string{
		"100% satisfied",   // 0
		"100 percent",      // 1
		"a_b code",         // 2
		"axb code",         // 3
		`back\slash`,       // 4
		"Очень ПЛОХО",      // 5
		"плохо, но быстро", // 6
		"nothing special",  // 7
	}
	byComment := map[string]int64{}
	for i, c := range comments {
		f := data.Feedback{RespondedAt: at(2024, 1, 1+i, 10, 0), Score: data.Score(i), Comment: c}
		if i == 7 {
			f.ClientID = acme.ID
			f.Tags = []string{"Доставка-ОПОЗДАНИЕ"}
			f.Touchpoint = "Checkout"
		}
		if err := db.CreateFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
		byComment[c] = f.ID
	}
	for _, c := range []struct {
		search string
		want   []string
	}{
		{"100%", []string{"100% satisfied"}},
		{"a_b", []string{"a_b code"}},
		{`\`, []string{`back\slash`}},
		{"%", []string{"100% satisfied"}},
		{"_", []string{"a_b code"}},
		{"плохо", []string{"Очень ПЛОХО", "плохо, но быстро"}},
		{"ПлОхО", []string{"Очень ПЛОХО", "плохо, но быстро"}},
		{"CODE", []string{"a_b code", "axb code"}},
		{"acme", []string{"nothing special"}},      // client name
		{"опоздание", []string{"nothing special"}}, // tag, Cyrillic case folded
		{"checkout", []string{"nothing special"}},  // touchpoint
		{"  percent ", []string{"100 percent"}},
		{"zzz", nil},
	} {
		f := data.FeedbackFilter{Search: c.search}
		got, err := db.ListFeedback(ctx, f, data.Page{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		for _, w := range c.want {
			want = append(want, byComment[w])
		}
		if !slices.Equal(ids(got), want) {
			t.Errorf("search %q: got %v, want %v", c.search, ids(got), want)
		}
		if n, err := db.CountFeedback(ctx, f); err != nil || n != len(want) {
			t.Errorf("count of search %q = %d, %v; want %d", c.search, n, err, len(want))
		}
	}
	// Search combines with the client filter.
	if n, _ := db.CountFeedback(ctx, data.FeedbackFilter{Search: "special", ClientID: acme.ID}); n != 1 {
		t.Errorf("search and client: %d", n)
	}
	if n, _ := db.CountFeedback(ctx, data.FeedbackFilter{ClientID: acme.ID + 1}); n != 0 {
		t.Errorf("other client: %d", n)
	}
}

func TestFeedbackDailySegments(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	rows := makeRows(2000, 22)
	mustImport(t, db, "s", rows)
	from, to := data.DateDay(2024, 1, 10), data.DateDay(2024, 2, 10)
	phoneAndChat := []data.Channel{data.ChannelPhone, data.ChannelChat}

	// Reference: count the generated rows in Go.
	want := map[data.Segmentation]map[string]data.ScoreCounts{}
	add := func(by data.Segmentation, day data.Day, seg string, s data.Score) {
		key := fmt.Sprint(day, "|", seg)
		if want[by] == nil {
			want[by] = map[string]data.ScoreCounts{}
		}
		c := want[by][key]
		c.AddScore(s)
		want[by][key] = c
	}
	for _, f := range rows {
		d := data.DayOf(f.RespondedAt, db.Location())
		if d < from || d > to || !slices.Contains(phoneAndChat, f.Channel) {
			continue
		}
		add(data.SegmentNone, d, "", f.Score)
		add(data.SegmentChannel, d, string(f.Channel), f.Score)
		add(data.SegmentTouchpoint, d, f.Touchpoint, f.Score)
		add(data.SegmentClientSegment, d, f.Segment, f.Score)
		for _, tag := range normalizeTags(f.Tags) {
			add(data.SegmentTag, d, tag, f.Score)
		}
	}
	for _, by := range []data.Segmentation{data.SegmentNone, data.SegmentChannel, data.SegmentTouchpoint, data.SegmentTag, data.SegmentClientSegment} {
		got, err := db.FeedbackDaily(ctx, data.DailyQuery{From: from, To: to, By: by, Channels: phoneAndChat})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want[by]) || len(got) == 0 {
			t.Fatalf("by %q: %d day-segments, want %d", by, len(got), len(want[by]))
		}
		for i, d := range got {
			if i > 0 && (d.Day < got[i-1].Day || d.Day == got[i-1].Day && d.Segment <= got[i-1].Segment) {
				t.Fatalf("by %q: not sorted by day, segment at %d", by, i)
			}
			if w := want[by][fmt.Sprint(d.Day, "|", d.Segment)]; w != d.ScoreCounts {
				t.Fatalf("by %q, %s %q: got %+v, want %+v", by, d.Day, d.Segment, d.ScoreCounts, w)
			}
		}
	}
	// The touchpoint filter applies to the slow path too.
	got, err := db.FeedbackDaily(ctx, data.DailyQuery{By: data.SegmentTag, Touchpoint: "Оплата"})
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for _, d := range got {
		n += d.N() + d.Unscored
	}
	var wantN int64
	db.read.QueryRow(`SELECT count(*) FROM feedback f JOIN feedback_tag t ON t.feedback_id = f.id WHERE f.touchpoint = 'Оплата'`).Scan(&wantN)
	if n != wantN || n == 0 {
		t.Fatalf("tag counts with touchpoint filter: %d, want %d", n, wantN)
	}
	if _, err := db.FeedbackDaily(ctx, data.DailyQuery{By: "weather"}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown segmentation: %v", err)
	}
	tps, _ := db.Touchpoints(ctx)
	tags, _ := db.Tags(ctx)
	if len(tps) != len(genTouchpoints) || !slices.IsSorted(tps) || len(tags) != len(genTags) || !slices.IsSorted(tags) {
		t.Fatalf("Touchpoints %v, Tags %v", tps, tags)
	}
}

// TestSeekUsesDayIndex guards the paging plan: the page query must walk
// the day index, whatever other filters say, or pages get slow at 1M rows.
func TestSeekUsesDayIndex(t *testing.T) {
	db := openTest(t)
	w, err := feedbackWhere(data.FeedbackFilter{Channels: []data.Channel{data.ChannelChat}, Touchpoint: "x", Group: data.GroupPromoters}, true)
	if err != nil {
		t.Fatal(err)
	}
	w.add("f.day >= ?", 1)
	order, _ := orderBy(data.SortByDate, false)
	plan := dumpQuery(t, db, `EXPLAIN QUERY PLAN SELECT `+feedbackColumns+feedbackFrom+w.String()+` ORDER BY `+order+` LIMIT 100 OFFSET 5`, w.args...)
	if !strings.Contains(plan, "feedback_day") || strings.Contains(plan, "TEMP B-TREE") {
		t.Fatalf("page query plan does not walk the day index:\n%s", plan)
	}
}
