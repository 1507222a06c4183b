package sqlite

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"caredesk/data"
)

func TestFeedbackCRUD(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)

	bad := data.Feedback{RespondedAt: at(2024, 5, 1, 9, 0), Score: 11, Channel: "fax"}
	err := db.CreateFeedback(ctx, &bad)
	var verrs data.ValidationErrors
	if !errors.Is(err, data.ErrInvalid) || !errors.As(err, &verrs) || verrs.For("score") == nil || verrs.For("channel") == nil {
		t.Fatalf("invalid feedback: err = %v, want validation errors on score and channel", err)
	}
	if n := countRows(t, db, "feedback"); n != 0 {
		t.Fatalf("invalid feedback was stored (%d rows)", n)
	}

	f := data.Feedback{
		RespondedAt: at(2024, 5, 1, 9, 30), Score: 9, Comment: "Быстро помогли", Channel: data.ChannelPhone,
		Touchpoint: "Доставка", ClientName: "ООО Ромашка", Segment: "B2B", Tags: []string{"скорость", " ", "скорость", "вежливость"},
	}
	if err := db.CreateFeedback(ctx, &f); err != nil {
		t.Fatal(err)
	}
	if f.ID == 0 || f.Source != SourceManual || f.ExternalID == "" || f.ClientID == 0 {
		t.Fatalf("create did not fill ids: %+v", f)
	}
	got, err := db.Feedback(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := f
	want.Tags = []string{"вежливость", "скорость"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back:\n got %+v\nwant %+v", got, want)
	}

	second := data.Feedback{RespondedAt: at(2024, 5, 2, 9, 0), Score: data.NoScore}
	if err := db.CreateFeedback(ctx, &second); err != nil {
		t.Fatal(err)
	}
	if second.ExternalID == f.ExternalID {
		t.Fatal("two manual entries got the same external id")
	}
	dup := data.Feedback{RespondedAt: at(2024, 5, 2, 9, 0), Score: 5, Source: SourceManual, ExternalID: f.ExternalID}
	if err := db.CreateFeedback(ctx, &dup); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("same source and external id: err = %v, want ErrConflict", err)
	}
	orphan := data.Feedback{RespondedAt: at(2024, 5, 2, 9, 0), Score: 5, ClientID: 12345}
	if err := db.CreateFeedback(ctx, &orphan); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown client id: err = %v, want ErrInvalid", err)
	}
	checkRollup(t, db)

	got.RespondedAt = at(2024, 6, 10, 18, 0)
	got.Score = 2
	got.Channel = data.ChannelChat
	got.Touchpoint = "Возврат"
	got.Tags = []string{"возврат"}
	got.ClientID = 0
	got.ClientName = ""
	if err := db.UpdateFeedback(ctx, &got); err != nil {
		t.Fatal(err)
	}
	again, _ := db.Feedback(ctx, f.ID)
	if again.Score != 2 || again.Channel != data.ChannelChat || !again.RespondedAt.Equal(got.RespondedAt) ||
		!slices.Equal(again.Tags, []string{"возврат"}) || again.ClientID != 0 || again.Source != SourceManual {
		t.Fatalf("after update: %+v", again)
	}
	checkRollup(t, db)
	if tps, _ := db.Touchpoints(ctx); !slices.Equal(tps, []string{"Возврат"}) {
		t.Errorf("Touchpoints after moving the only Доставка row = %v", tps)
	}

	got.Score = -5
	if err := db.UpdateFeedback(ctx, &got); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("update with bad score: %v", err)
	}
	missing := data.Feedback{ID: 9999, RespondedAt: at(2024, 1, 1, 0, 0), Score: 1}
	if err := db.UpdateFeedback(ctx, &missing); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("update of a missing row: %v", err)
	}

	if err := db.DeleteFeedback(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Feedback(ctx, f.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("read after delete: %v", err)
	}
	if err := db.DeleteFeedback(ctx, f.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	if n := countRows(t, db, "feedback_tag"); n != 0 {
		t.Errorf("tags of the deleted row remain: %d", n)
	}
	checkRollup(t, db)
	first, last, ok, err := db.FeedbackRange(ctx)
	if err != nil || !ok || first != data.DateDay(2024, 5, 2) || last != first {
		t.Errorf("FeedbackRange = %v %v %v %v", first, last, ok, err)
	}
}

func TestClients(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	if err := db.CreateClient(ctx, &data.Client{Name: "  "}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("empty name: %v", err)
	}
	b := data.Client{Name: " Beta LLC ", Segment: "SMB"}
	if err := db.CreateClient(ctx, &b); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateClient(ctx, &data.Client{Name: "beta llc"}); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("same name in other case: err = %v, want ErrConflict", err)
	}
	if err := db.CreateClient(ctx, &data.Client{Name: "Acme"}); err != nil {
		t.Fatal(err)
	}
	list, err := db.Clients(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "Acme" || list[1] != (data.Client{ID: b.ID, Name: "Beta LLC", Segment: "SMB"}) {
		t.Fatalf("Clients = %+v", list)
	}

	// Feedback linked by name finds the existing client whatever the case.
	f := data.Feedback{RespondedAt: at(2024, 1, 5, 12, 0), Score: 8, ClientName: "BETA llc"}
	if err := db.CreateFeedback(ctx, &f); err != nil {
		t.Fatal(err)
	}
	if f.ClientID != b.ID {
		t.Fatalf("feedback linked to client %d, want %d", f.ClientID, b.ID)
	}
	// Deleting a client keeps its feedback (client_id set to NULL).
	if _, err := db.write.Exec(`DELETE FROM client WHERE id = ?`, b.ID); err != nil {
		t.Fatal(err)
	}
	got, err := db.Feedback(ctx, f.ID)
	if err != nil || got.ClientID != 0 {
		t.Fatalf("feedback after its client was deleted: %+v, %v", got, err)
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	if v, err := db.Setting(ctx, data.SettingNPSTarget); err != nil || v != "" {
		t.Fatalf("unset setting = %q, %v", v, err)
	}
	if err := db.SetSetting(ctx, data.SettingNPSTarget, "45"); err != nil {
		t.Fatal(err)
	}
	if v, _ := db.Setting(ctx, data.SettingNPSTarget); v != "45" {
		t.Fatalf("setting = %q", v)
	}
	if err := db.SetSetting(ctx, data.SettingNPSTarget, ""); err != nil {
		t.Fatal(err)
	}
	if v, _ := db.Setting(ctx, data.SettingNPSTarget); v != "" {
		t.Fatalf("cleared setting = %q", v)
	}
	if err := db.SetSetting(ctx, data.SettingTimeZone, "Mars/Olympus"); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown zone: %v", err)
	}
	if err := db.SetSetting(ctx, data.SettingTimeZone, "Asia/Tokyo"); err != nil {
		t.Fatal(err)
	}
	if db.Location().String() != "Asia/Tokyo" {
		t.Fatalf("SetSetting of the zone did not change Location: %v", db.Location())
	}
}

func TestTimeZoneChangeMovesDays(t *testing.T) {
	ctx := context.Background()
	db := openTest(t) // UTC
	late := data.Feedback{RespondedAt: at(2024, 3, 31, 22, 30), Score: 10, Channel: data.ChannelWeb}
	early := data.Feedback{RespondedAt: at(2024, 4, 1, 5, 0), Score: 0, Channel: data.ChannelWeb}
	for _, f := range []*data.Feedback{&late, &early} {
		if err := db.CreateFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	march31, april1 := data.DateDay(2024, 3, 31), data.DateDay(2024, 4, 1)
	daily, _ := db.FeedbackDaily(ctx, data.DailyQuery{})
	if len(daily) != 2 || daily[0].Day != march31 || daily[1].Day != april1 {
		t.Fatalf("UTC days: %+v", daily)
	}

	// 22:30 UTC is already 01:30 the next day in Moscow (UTC+3).
	moscow, _ := time.LoadLocation("Europe/Moscow")
	if err := db.SetLocation(ctx, moscow); err != nil {
		t.Fatal(err)
	}
	daily, _ = db.FeedbackDaily(ctx, data.DailyQuery{})
	if len(daily) != 1 || daily[0].Day != april1 || daily[0].N() != 2 {
		t.Fatalf("Moscow days: %+v", daily)
	}
	checkRollup(t, db)

	// Across a DST change: New York is UTC-4 on 1 April, UTC-5 in January.
	ny, _ := time.LoadLocation("America/New_York")
	winter := data.Feedback{RespondedAt: at(2024, 1, 15, 4, 30), Score: 7} // 23:30 on 14 Jan in New York
	if err := db.CreateFeedback(ctx, &winter); err != nil {
		t.Fatal(err)
	}
	if err := db.SetLocation(ctx, ny); err != nil {
		t.Fatal(err)
	}
	daily, _ = db.FeedbackDaily(ctx, data.DailyQuery{})
	wantDays := []data.Day{data.DateDay(2024, 1, 14), march31, april1}
	var gotDays []data.Day
	for _, d := range daily {
		gotDays = append(gotDays, d.Day)
	}
	if !slices.Equal(gotDays, wantDays) {
		t.Fatalf("New York days = %v, want %v", gotDays, wantDays)
	}
	checkRollup(t, db)
	// A new row after the change gets its day in the new zone.
	evening := data.Feedback{RespondedAt: at(2024, 4, 2, 2, 0), Score: 9} // 22:00 on 1 April in New York
	if err := db.CreateFeedback(ctx, &evening); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.CountFeedback(ctx, data.FeedbackFilter{From: april1, To: april1}); n != 2 {
		t.Fatalf("rows on 1 April in New York = %d, want 2", n)
	}
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	mustImport(t, db, "crm", makeRows(300, 1))
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(ctx, dst); err != nil {
		t.Fatal(err)
	}
	copyDB, err := Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	if got, want := dumpAll(t, copyDB), dumpAll(t, db); got != want {
		t.Fatal("backup differs from the database")
	}
	if err := db.Backup(ctx, dst); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("backup over an existing file: err = %v, want fs.ErrExist", err)
	}
}
