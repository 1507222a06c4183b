package importer_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
	"unicode/utf16"

	"caredesk/data"
	"caredesk/data/importer"
)

// utf16LE encodes s as Google Play Console writes its reports: UTF-16LE
// with a byte order mark.
func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// Review platforms export 1-5 stars, not 0-10 recommendation scores: taken
// for the score, a 5-star review would count as a detractor. Such a file
// is refused, naming the column, whatever the column's header.
//
// Documented (the exports' column names, as their parsers in public code
// read them): Google Play Console's reviews report (UTF-16, "Star
// Rating", "Review Submit Date and Time" in UTC), Medallia Agent
// Connect's feedback export ("star_rating" 1-5, "response_received_at"
// UTC), Okendo's review template ("rating" 1-5, "dateCreated"), Yotpo's
// export ("Review Score"), Judge.me's ("rating", "review_date"). The rows
// are made up.
func TestStarRatingExportsAreRefused(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	gplayHead := "Package Name,App Version Code,App Version Name,Reviewer Language,Device,Review Submit Date and Time,Review Submit Millis Since Epoch," +
		"Review Last Update Date and Time,Review Last Update Millis Since Epoch,Star Rating,Review Title,Review Text," +
		"Developer Reply Date and Time,Developer Reply Millis Since Epoch,Developer Reply Text,Review Link"
	for _, tc := range []struct {
		name, file string
		content    []byte
		column     string
	}{
		{"Google Play", "reviews_reviews_com.acme.app_202611.csv", utf16LE(lines(gplayHead,
			`com.acme.app,210,2.1.0,en,a52q,2026-11-05T14:03:22Z,1793973802000,2026-11-05T14:03:22Z,1793973802000,5,,Works great,,,,`,
			`com.acme.app,210,2.1.0,ru,a52q,2026-11-06T09:15:00Z,1794042900000,2026-11-06T09:15:00Z,1794042900000,1,,"Вылетает при запуске, каждый раз",,,,`,
		)), "Star Rating"},
		{"Medallia Agent Connect", "feedback_export.csv", []byte(lines(
			"request_id,request_sent_at,request_delivery_status,response_received_at,star_rating,comments,channel,customer_name,request_sent_to",
			"r-1,2026-11-05 14:00:00,Sent,2026-11-05 14:03:22,5,Yes,phone,Anna Smith,anna@example.com",
			"r-2,2026-11-06 09:00:00,Sent,2026-11-06 09:15:00,2,No,chat,Bob Roy,bob@example.com",
		)), "star_rating"},
		{"Okendo", "okendo_reviews.csv", []byte(lines(
			"reviewId,productId,rating,title,body,name,email,dateCreated",
			`r1,123,5,Great,"Soaks in fast, no stickiness",Sarah Kim,sarah@example.com,2026-11-05T14:03:22Z`,
			`r2,123,3,Okay,Smells odd,Tom Lee,tom@example.com,2026-11-06T09:15:00Z`,
		)), "rating"},
		{"Yotpo", "yotpo_reviews.csv", []byte(lines(
			"Review Title,Review Content,Review Score,Date,Product ID,Product Name,Display Name,Email",
			`Great,"Soaks in fast, no stickiness",5,2026-11-05,123,Glow,Sarah Kim,sarah@example.com`,
			`Okay,Smells odd,3,2026-11-06,123,Glow,Tom Lee,tom@example.com`,
		)), "Review Score"},
		{"Judge.me", "judgeme_reviews.csv", []byte(lines(
			"title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply",
			`Great,"Soaks in fast, no stickiness",5,2026-11-05,web,ok,Sarah Kim,sarah@example.com,123,glow,`,
			`Meh,Too greasy,2,2026-11-06,web,ok,Tom Lee,tom@example.com,123,glow,Sorry to hear that`,
		)), "rating"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, tc.file, tc.content)
			db := openStore(t)
			_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
			if !starsRefusal(err, tc.column) {
				t.Fatalf("import: %v, want the star_ratings refusal naming %q", err, tc.column)
			}
			assertEmpty(t, db)
			pv, err := importer.Inspect(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if s, ok := pv.Mapping[importer.FieldScore]; ok {
				t.Errorf("preview maps the score to %q", s)
			}
			findWarning(t, pv.Warnings, "import.error.star_ratings")
		})
	}
}

// A generic "Rating" column whose many answers are all 1 to 5 is a rating
// scale (CSAT, stars), not 0-10 answers: refused even without a review
// platform's headers. A few such answers prove nothing, and a header that
// asks the recommendation question is a score whatever its answers.
func TestRatingScaleWithoutReviewHeaders(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	rows := func(n int, head string) []byte {
		ls := []string{"Date," + head + ",Comment"}
		for i := range n {
			ls = append(ls, fmt.Sprintf("2026-11-%02d 10:00,%d,c%d", 1+i%28, 1+i%5, i))
		}
		return []byte(lines(ls...))
	}
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, writeFile(t, "csat.csv", rows(40, "Rating")), importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	var refused *importer.MessageError
	if !errors.As(err, &refused) || refused.Code != "import.error.star_ratings" {
		t.Fatalf("40 answers 1-5: %v, want the star_ratings refusal", err)
	}
	if res := importFile(t, db, writeFile(t, "few.csv", rows(4, "Rating")), importer.Options{RejectsPath: "-"}); res.Imported != 4 {
		t.Errorf("4 answers 1-5: imported %d, want 4", res.Imported)
	}
	nps := writeFile(t, "nps.csv", rows(40, "How likely are you to recommend us?"))
	if res := importFile(t, openStore(t), nps, importer.Options{RejectsPath: "-"}); res.Imported != 40 {
		t.Errorf("recommendation question: imported %d, want 40", res.Imported)
	}
}

// Thanx calls the comment of its 0-10 answer "review": that alone does not
// make a file a review platform's, and its low scores stay scores. Its
// documented columns (docs.thanx.com, nps_feedback): "rating" 0-10,
// "review", "created_at" when the guest was asked, "rated_at" when they
// answered, both UTC; the timestamps' spelling is assumed.
func TestReviewCommentIsNoReviewExport(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := writeFile(t, "nps_feedback.csv", []byte(lines(
		"nps_feedback_uid,merchant_id,state,rating,review,created_at,rated_at",
		"f1,m1,reviewed,3,Cold food,2026-11-05 13:00:00,2026-11-05 14:03:22",
		"f2,m1,reviewed,5,Slow,2026-11-06 09:00:00,2026-11-06 09:15:00",
	)))
	db := openStore(t)
	if res := importFile(t, db, path, importer.Options{RejectsPath: "-"}); res.Imported != 2 {
		t.Fatalf("imported %d, want 2", res.Imported)
	}
	if f := byComment(t, db)["Cold food"]; f.Score != 3 || !f.RespondedAt.Equal(utc(2026, 11, 5, 14, 3, 22)) {
		t.Errorf("score %v at %v, want 3 at 14:03:22 UTC (rated_at)", f.Score, f.RespondedAt)
	}
}

// A review platform's export that also asked the 0-10 question: the stars
// are left out and the recommendation answers are the score.
func TestStarsBesideRecommendationScore(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := writeFile(t, "reviews_nps.csv", []byte(lines(
		"Review ID,Review Date,Rating,Review Text,How likely are you to recommend us to a friend?",
		"r1,2026-11-05 14:03,5,Lovely staff,10",
		"r2,2026-11-06 09:15,2,Waited an hour,4",
	)))
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := pv.Mapping[importer.FieldScore]; got != "How likely are you to recommend us to a friend?" {
		t.Fatalf("score read from %q, want the recommendation question", got)
	}
	db := openStore(t)
	importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if f := byComment(t, db)["Lovely staff"]; f.Score != 10 {
		t.Errorf("score %v, want 10", f.Score)
	}
}

// A user who maps a star column as the score anyway gets it, with a
// warning that says what the scores will mean.
func TestStarColumnMappedByHand(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := writeFile(t, "judgeme.csv", []byte(lines(
		"title,body,rating,review_date,reviewer_name",
		"Great,Soaks in fast,5,2026-11-05,Sarah Kim",
	)))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldScore: "rating"}})
	if w := findWarning(t, res.Warnings, "import.warning.star_ratings"); res.Imported != 1 || w.Args["Column"] != "rating" {
		t.Errorf("imported %d, warning %+v; want 1 and the rating column named", res.Imported, w)
	}
	if f := stored(t, db); len(f) != 1 || f[0].Score != data.Score(5) {
		t.Errorf("stored %+v", f)
	}
}
