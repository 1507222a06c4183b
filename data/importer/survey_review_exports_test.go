package importer_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"caredesk/data/importer"
)

// Datafiniti's review datasets (its Amazon product reviews and hotel
// reviews, kept in many public repositories) flatten each review's fields
// from JSON: "reviews.rating" 1-5 stars, "reviews.text",
// "reviews.doRecommend" (TRUE/FALSE, empty in the hotel set) and, before
// them, the product's or the hotel's own "id", "name". Such an export is
// no NPS survey: it is refused saying the ratings are stars, not imported
// with the stars as scores (Amazon), nor with the empty doRecommend as the
// score and no scores at all (hotels).
func TestDatafinitiReviewExportsAreRefused(t *testing.T) {
	for _, file := range []string{"datafiniti_amazon_reviews.csv", "datafiniti_hotel_reviews.csv"} {
		t.Run(file, func(t *testing.T) {
			db := openStore(t)
			_, err := importer.ImportFeedback(context.Background(), db, filepath.Join("testdata", file), importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
			if !starsRefusal(err, "reviews.rating") {
				t.Fatalf("import: %v, want the star_ratings refusal naming %q", err, "reviews.rating")
			}
			assertEmpty(t, db)
		})
	}
}

// Mapped by hand, the stars are imported with the warning, and every
// review is one answer: the product's "id", the same on every row, is no
// response id, and taking it for one had kept the first review only.
func TestDatafinitiProductIDIsNoResponseID(t *testing.T) {
	path := filepath.Join("testdata", "datafiniti_amazon_reviews.csv")
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldScore: "reviews.rating"}})
	if res.Imported != 8 || res.Duplicates != 0 || res.Rejected != 0 {
		t.Fatalf("imported %d, duplicates %d, rejected %d; want 8, 0, 0", res.Imported, res.Duplicates, res.Rejected)
	}
	if w := findWarning(t, res.Warnings, "import.warning.shared_ids"); w.Args["Column"] != "id" {
		t.Errorf("shared ids warning names %v, want id", w.Args["Column"])
	}
	findWarning(t, res.Warnings, "import.warning.star_ratings")
	f := byComment(t, db)["I bought my Kindle about 2 months ago and the battery is already dead and will not charge"]
	if f.Score != 4 || !f.RespondedAt.Equal(time.Date(2017, 7, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("stored %+v, want 4 stars on 2017-07-14 (reviews.date)", f)
	}
	// Imported again: nothing new, the rows are told apart by content.
	checkReimport(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldScore: "reviews.rating"}}, 8)
}

// A response id repeated by a response exported twice, or by a few
// answers, stays the id: only a column most rows share a value of is
// dropped.
func TestResponseIDRepeatedByFewStaysID(t *testing.T) {
	path := writeFile(t, "nps.csv", []byte(lines(
		"Response ID,Submitted at,How likely are you to recommend us?,Comment",
		"r1,2026-11-05 14:03:22,9,good",
		"r1,2026-11-05 14:03:22,9,good",
		"r2,2026-11-06 09:15:00,3,bad",
		"r3,2026-11-07 10:00:00,8,fine",
		"r3,2026-11-07 10:05:00,7,fine, updated",
	)))
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[importer.FieldExternalID] != "Response ID" {
		t.Fatalf("mapping %v, want Response ID as the id", pv.Mapping)
	}
	for _, w := range pv.Warnings {
		if w.Code == "import.warning.shared_ids" {
			t.Errorf("warning %+v", w)
		}
	}
}

// Skytrax's British Airways reviews as a public scrape keeps them
// (BritishAirlines.csv: "header", "author", "date" dd-mm-yyyy, "content",
// "recommended" yes/no, "rating" 1-10, the sub-ratings with -1 for none;
// reviewers' names shortened to initials): "rating" is an exact name of
// the score and its answers reach past 5, so nothing stopped it becoming
// the NPS score. Beside a yes/no answer to the recommendation it is a
// review's rating: refused saying so, and warned about when mapped by hand.
func TestSkytraxReviewRatingIsNoScore(t *testing.T) {
	path := filepath.Join("testdata", "skytrax_british_airways.csv")
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	var refused *importer.MessageError
	if !errors.Is(err, importer.ErrNoScoreColumn) || !errors.As(err, &refused) || refused.Code != "import.error.review_ratings" ||
		refused.Args["Column"] != "rating" || refused.Args["Recommend"] != "recommended" {
		t.Fatalf("import: %v (%+v), want the review_ratings refusal naming rating and recommended", err, refused)
	}
	assertEmpty(t, db)

	res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldScore: "rating"}})
	if w := findWarning(t, res.Warnings, "import.warning.review_rating"); res.Imported != 7 || w.Args["Recommend"] != "recommended" {
		t.Errorf("imported %d, warning %+v", res.Imported, w)
	}

	// The recommendation answered 1 or 0 tells a review's rating too.
	indicator := writeFile(t, "reviews.csv", []byte(lines(
		"date,rating,recommended,content",
		"2023-10-03,2,0,Mediocre at best", "2023-10-02,9,1,Impeccable service", "2023-09-28,6,1,Fine")))
	_, err = importer.ImportFeedback(context.Background(), openStore(t), indicator, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if !errors.As(err, &refused) || refused.Code != "import.error.review_ratings" {
		t.Errorf("rating beside a 1/0 recommendation: %v, want the review_ratings refusal", err)
	}

	// A yes/no question beside a score named by the recommendation
	// itself changes nothing: that score is the NPS answer.
	ok := writeFile(t, "nps.csv", []byte(lines(
		"Date,How likely are you to recommend us?,Would you recommend us to a colleague?,Comment",
		"2024-03-05 10:00,9,yes,good", "2024-03-06 10:00,3,no,bad", "2024-03-07 10:00,7,yes,fine")))
	if res := importFile(t, openStore(t), ok, importer.Options{Location: time.UTC, RejectsPath: "-"}); res.Imported != 3 {
		t.Errorf("NPS beside a yes/no question: imported %d, want 3", res.Imported)
	}
}

// App Store reviews as app-store-scraper gives them and pandas writes
// them (a public repository's Slack-app-reviews.csv; reviewers' names
// replaced): an unnamed index column, "date", "developerResponse",
// "review", "rating" 1-5, "isEdited", "userName", "title". Six reviews
// are too few to call their ratings stars by the values alone, and
// "review" alone is a 0-10 answer's comment at Thanx, so the stars were
// imported as NPS scores. The developer's public reply marks a review
// platform: refused as star ratings, and the index column, left as the
// only one holding whole numbers 0 to 10, is not guessed for the score.
func TestAppStoreReviewsAreRefused(t *testing.T) {
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, filepath.Join("testdata", "app_store_scraper_reviews.csv"), importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if !starsRefusal(err, "rating") {
		t.Fatalf("import: %v, want the star_ratings refusal naming %q", err, "rating")
	}
	assertEmpty(t, db)
}

// pandas writes a table's index as a first column without a header. It
// rises down the rows, whatever rows an excerpt kept, and is no 0-10
// answer: a survey's untitled question is still guessed for the score.
func TestIndexColumnIsNoScore(t *testing.T) {
	path := writeFile(t, "answers.csv", []byte(lines(
		",Submitted,Q1,Q2",
		"0,2024-03-05 10:00:00,9,Fast and friendly",
		"3,2024-03-06 11:00:00,3,Too slow",
		"4,2024-03-07 12:00:00,7,Fine",
		"8,2024-03-08 13:00:00,10,Great")))
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := pv.Mapping[importer.FieldScore]; got != "Q1" {
		t.Errorf("score read from %q, want Q1 (mapping %v)", got, pv.Mapping)
	}
}

// The Women's Clothing E-Commerce Reviews (a public data set kept in many
// repositories): "Review Text", "Rating" 1-5 and "Recommended IND", 1 or
// 0. With the stars left out, the indicator, named by "recommend" and
// holding numbers 0 to 10, was imported as the NPS score: every
// reviewer a detractor. A 0/1 indicator is no 0-10 answer; the file is
// refused as star ratings.
func TestRecommendedIndicatorIsNoScore(t *testing.T) {
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, filepath.Join("testdata", "womens_clothing_reviews.csv"),
		importer.Options{Location: time.UTC, RejectsPath: "-", FileDate: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}, nil)
	if !starsRefusal(err, "Rating") {
		t.Fatalf("import: %v, want the star_ratings refusal naming %q", err, "Rating")
	}
	assertEmpty(t, db)
}

// Amazon's Fine Food Reviews (a public data set; the first rows, as many
// repositories quote them, reviewers' names replaced): "Score" 1-5, "Time"
// unix seconds, "Summary", "Text", and the readers' votes
// "HelpfulnessNumerator"/"HelpfulnessDenominator". Those votes mark a
// review platform: refused as star ratings, not imported as NPS scores.
func TestAmazonFineFoodReviewsAreRefused(t *testing.T) {
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, filepath.Join("testdata", "amazon_fine_food_reviews.csv"), importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if !starsRefusal(err, "Score") {
		t.Fatalf("import: %v, want the star_ratings refusal naming %q", err, "Score")
	}
	assertEmpty(t, db)
}
