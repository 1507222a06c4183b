package sqlite

import (
	"context"
	"slices"
	"strings"
	"testing"

	"caredesk/data"
)

// seekFixture stores rows with every kind of tie the key sorts must order:
// several scores in the same second, missing scores, empty channels and
// touchpoints, imported and typed rows, edits and deletions.
func seekFixture(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db := openTest(t)
	rows := makeRows(3000, 31)
	for i := 200; i < 230; i++ {
		rows[i].RespondedAt = rows[200].RespondedAt
	}
	for i := 0; i < len(rows); i += 17 {
		rows[i].Score = data.NoScore
	}
	for i := 5; i < len(rows); i += 41 {
		rows[i].Channel, rows[i].Touchpoint = "", ""
	}
	mustImport(t, db, "survey", rows[:2600])
	for i := 2600; i < len(rows); i++ {
		f := rows[i]
		if err := db.CreateFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	for id := int64(1); id < 3000; id += 97 {
		f, err := db.Feedback(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		f.Score = data.Score(id % 11)
		f.Channel = data.ChannelStore
		f.RespondedAt = f.RespondedAt.Add(36 * 3600 * 1e9)
		if err := db.UpdateFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteFeedback(ctx, id+1); err != nil {
			t.Fatal(err)
		}
	}
	checkRollup(t, db)
	return db
}

// TestKeySortPagingMatchesPlainOffset pages every key sort, both ways,
// under every kind of filter, and compares each page with the plain
// ORDER BY ... LIMIT ... OFFSET over the rows. Offsets include the first
// and last rows of every value, where a page moves from one value to the
// next.
func TestKeySortPagingMatchesPlainOffset(t *testing.T) {
	ctx := context.Background()
	db := seekFixture(t)
	feb1, feb20 := data.DateDay(2024, 2, 1), data.DateDay(2024, 2, 20)
	chatPhone := []data.Channel{data.ChannelChat, data.ChannelPhone}
	filters := []struct {
		name  string
		f     data.FeedbackFilter
		conds []string
		args  []any
	}{
		{"all", data.FeedbackFilter{}, nil, nil},
		{"range", data.FeedbackFilter{From: feb1, To: feb20}, []string{"f.day BETWEEN ? AND ?"}, []any{feb1, feb20}},
		{"from", data.FeedbackFilter{From: feb20}, []string{"f.day >= ?"}, []any{feb20}},
		{"channels", data.FeedbackFilter{Channels: chatPhone}, []string{"f.channel IN ('chat', 'phone')"}, nil},
		{"touchpoint", data.FeedbackFilter{Touchpoint: "Доставка"}, []string{"f.touchpoint = 'Доставка'"}, nil},
		{"channel, touchpoint, range", data.FeedbackFilter{Channels: []data.Channel{data.ChannelEmail}, Touchpoint: "Оплата", To: feb20},
			[]string{"f.channel = 'email'", "f.touchpoint = 'Оплата'", "f.day <= ?"}, []any{feb20}},
		{"promoters", data.FeedbackFilter{Group: data.GroupPromoters}, []string{"f.score >= 9"}, nil},
		{"detractors, channels", data.FeedbackFilter{Group: data.GroupDetractors, Channels: chatPhone},
			[]string{"f.score <= 6", "f.channel IN ('chat', 'phone')"}, nil},
		{"passives, touchpoint", data.FeedbackFilter{Group: data.GroupPassives, Touchpoint: "Billing"},
			[]string{"f.score IN (7, 8)", "f.touchpoint = 'Billing'"}, nil},
		{"unscored", data.FeedbackFilter{Group: data.GroupUnscored}, []string{"f.score IS NULL"}, nil},
		// Filters the rollup cannot express: the OFFSET path, same order.
		{"tag", data.FeedbackFilter{Tag: "цена"},
			[]string{"f.id IN (SELECT feedback_id FROM feedback_tag WHERE tag = 'цена')"}, nil},
		{"tag, promoters", data.FeedbackFilter{Tag: "delivery", Group: data.GroupPromoters},
			[]string{"f.id IN (SELECT feedback_id FROM feedback_tag WHERE tag = 'delivery')", "f.score >= 9"}, nil},
	}
	for _, sort := range []data.FeedbackSort{data.SortByScore, data.SortByChannel, data.SortByTouchpoint} {
		col, _ := keyColumn(sort)
		for _, desc := range []bool{false, true} {
			dir := ""
			if desc {
				dir = " DESC"
			}
			order := "f." + col + dir + ", f.responded_at" + dir + ", f.id" + dir
			for _, c := range filters {
				f := c.f
				f.Sort, f.Desc = sort, desc
				name := string(sort) + strings.Repeat(" desc", btoi(desc)) + "/" + c.name
				t.Run(name, func(t *testing.T) {
					checkKeyPaging(t, ctx, db, f, c.conds, c.args, order, col)
				})
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func checkKeyPaging(t *testing.T, ctx context.Context, db *DB, f data.FeedbackFilter, conds []string, args []any, order, col string) {
	t.Helper()
	all := plainIDs(t, db, conds, args, order, data.Page{Limit: -1})
	n := len(all)
	if count, err := db.CountFeedback(ctx, f); err != nil || count != n || n == 0 {
		t.Fatalf("CountFeedback = %d, %v; plain count %d", count, err, n)
	}
	// Where each value of the sort column starts and ends.
	bounds := plainBounds(t, db, conds, args, order, col)
	offsets := []int{0, 1, 7, 99, 100, 101, n / 3, n / 2, n - 100, n - 37, n - 1, n, n + 50}
	for _, b := range bounds {
		offsets = append(offsets, b-1, b, b+1)
	}
	seek := usesRollup(f)
	for _, limit := range []int{100, 13, 0} {
		for _, off := range offsets {
			if off < 0 || (limit == 0 && off%7 != 0) {
				continue
			}
			p := data.Page{Offset: off, Limit: limit}
			// The order is total (id breaks ties), so a page of the plain
			// query is a slice of the whole list.
			want := all[min(off, n):]
			if limit > 0 {
				want = want[:min(limit, len(want))]
			}
			got, err := db.ListFeedback(ctx, f, p)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), want) {
				t.Fatalf("page %+v: got %d ids %v…, want %d ids %v…", p, len(got), head(ids(got)), len(want), head(want))
			}
			if !seek {
				continue
			}
			// The seek itself, so that this test fails if ListFeedback
			// stopped using it.
			tx, err := db.beginRead(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got, err = listByKey(ctx, tx, f, p)
			tx.Rollback()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), want) {
				t.Fatalf("listByKey page %+v: got %d ids %v…, want %d ids %v…", p, len(got), head(ids(got)), len(want), head(want))
			}
		}
	}
}

// plainBounds returns the offsets at which each value of col begins in
// the plainly ordered list.
func plainBounds(t *testing.T, db *DB, conds []string, args []any, order, col string) []int {
	t.Helper()
	q := `SELECT f.` + col + ` FROM feedback f`
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	rows, err := db.read.Query(q+` ORDER BY `+order, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int
	var prev any
	for i := 0; rows.Next(); i++ {
		var v any
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		if b, ok := v.([]byte); ok {
			v = string(b)
		}
		if i == 0 || v != prev {
			out = append(out, i)
		}
		prev = v
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestKeySortOrder pins what a reader sees: missing scores first ascending
// and last descending, date order among equal values.
func TestKeySortOrder(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	add := func(day, hour int, s data.Score) int64 {
		f := data.Feedback{RespondedAt: at(2024, 5, day, hour, 0), Score: s, Channel: data.ChannelWeb}
		if err := db.CreateFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
		return f.ID
	}
	late9 := add(3, 9, 9)
	early9 := add(1, 12, 9)
	none := add(2, 10, data.NoScore)
	mid9 := add(1, 13, 9)
	zero := add(4, 8, 0)
	for _, c := range []struct {
		desc bool
		want []int64
	}{
		{false, []int64{none, zero, early9, mid9, late9}},
		{true, []int64{late9, mid9, early9, zero, none}},
	} {
		got, err := db.ListFeedback(ctx, data.FeedbackFilter{Sort: data.SortByScore, Desc: c.desc}, data.Page{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(got), c.want) {
			t.Errorf("score sort desc=%v: got %v, want %v", c.desc, ids(got), c.want)
		}
	}
}

// TestKeySeekUsesSortIndexes guards the page plans: each page query must
// walk its (column, day, responded_at) index in list order, whatever other
// filters say, or pages get slow at 1M rows.
func TestKeySeekUsesSortIndexes(t *testing.T) {
	db := openTest(t)
	day := data.DateDay(2024, 3, 1)
	for _, sort := range []data.FeedbackSort{data.SortByScore, data.SortByChannel, data.SortByTouchpoint} {
		col, _ := keyColumn(sort)
		keys := []sortKey{{value: "chat"}}
		if col == "score" {
			keys = []sortKey{{value: int64(9)}, {value: nil}}
		}
		for _, f := range []data.FeedbackFilter{
			{},
			{From: day - 30, To: day + 30, Channels: []data.Channel{data.ChannelChat, data.ChannelWeb}, Touchpoint: "x", Group: data.GroupPromoters},
			{Channels: []data.Channel{data.ChannelChat}, Group: data.GroupUnscored},
			{Touchpoint: "x", From: day},
		} {
			for _, desc := range []bool{false, true} {
				f.Desc = desc
				w, err := feedbackWhere(f, true)
				if err != nil {
					t.Fatal(err)
				}
				for _, k := range keys {
					for _, d := range []*data.Day{&day, nil} {
						query, args := keyPageQuery(w, col, k, desc, d)
						plan := dumpQuery(t, db, `EXPLAIN QUERY PLAN `+query, append(args, 100, 5)...)
						if !strings.Contains(plan, "USING INDEX feedback_"+col+" ("+col+"=?") || strings.Contains(plan, "TEMP B-TREE") {
							t.Fatalf("%s page (filter %+v, value %v, day %v) does not walk its index:\n%s", col, f, k.value, d, plan)
						}
					}
				}
			}
		}
	}
}
