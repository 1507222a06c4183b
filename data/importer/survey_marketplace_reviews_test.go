package importer_test

import (
	"context"
	"testing"
	"time"

	"caredesk/data/importer"
)

// Marketplace sellers download their product reviews through the
// marketplaces' seller APIs and keep them as workbooks, one column per
// field of a review. Ozon's review list (its seller API's
// ReviewListResponseReview, as public API references list it): "id",
// "sku", "text", "published_at", "rating" 1-5, "status", "comments_amount",
// "photos_amount", "videos_amount", "order_status", "is_rating_participant".
// A handful of reviews are too few to call their ratings stars by the
// values alone, so Ozon's were imported as NPS scores, every buyer a
// detractor. Wildberries' feedbacks (its seller API's fields, as public
// clients read them): "id", "text", "pros", "cons", "productValuation"
// 1-5, "createdDate", "photoLinks", "userName" and the product's details
// flattened: refused only as "no score column", not saying why. The
// review's photos and videos mark a review platform, and a valuation is a
// rating: both are refused as star ratings. Reviews made up.
func TestMarketplaceReviewWorkbooksAreRefused(t *testing.T) {
	for _, tc := range []struct {
		name, column string
		rows         [][]any
	}{
		{"Ozon", "rating", [][]any{
			{"id", "sku", "text", "published_at", "rating", "status", "comments_amount", "photos_amount", "videos_amount", "order_status", "is_rating_participant"},
			{"0198a1b2-0001", 1234567, "Отличный чайник", "2026-11-05T14:03:22.123Z", 5, "PROCESSED", 0, 1, 0, "DELIVERED", true},
			{"0198a1b2-0002", 1234567, "Течёт крышка", "2026-11-06T09:15:00.000Z", 2, "UNPROCESSED", 1, 0, 0, "DELIVERED", true},
			{"0198a1b2-0003", 7654321, "Нормально", "2026-11-07T18:00:41.000Z", 4, "PROCESSED", 0, 0, 0, "DELIVERED", true},
			{"0198a1b2-0004", 7654321, nil, "2026-11-08T10:00:00.000Z", 5, "PROCESSED", 0, 0, 0, "CANCELLED", false},
			{"0198a1b2-0005", 7654321, "Брак", "2026-11-09T11:00:00.000Z", 1, "UNPROCESSED", 0, 2, 0, "DELIVERED", true},
		}},
		{"Wildberries", "productValuation", [][]any{
			{"id", "text", "pros", "cons", "productValuation", "createdDate", "answer.text", "answer.state", "photoLinks",
				"productDetails.nmId", "productDetails.productName", "productDetails.supplierArticle", "userName", "wasViewed"},
			{"aBcD1", "Хорошая кружка", "Цена", nil, 5, "2026-11-05T14:03:22Z", "Спасибо!", "published", nil, 123456, "Кружка", "KR-1", "Анна", true},
			{"aBcD2", "Треснула", nil, "Хрупкая", 1, "2026-11-06T09:15:00Z", nil, "none", "https://example.com/p/1.jpg", 123456, "Кружка", "KR-1", "Иван", true},
			{"aBcD3", "Норм", nil, nil, 4, "2026-11-07T18:00:41Z", nil, "none", nil, 654321, "Тарелка", "TR-2", "Олег", false},
			{"aBcD4", "Супер", "Всё", nil, 5, "2026-11-08T18:00:41Z", nil, "none", nil, 654321, "Тарелка", "TR-2", "Мария", false},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeWorkbook(t, "reviews.xlsx", []string{"Sheet1"}, map[string][][]any{"Sheet1": tc.rows}, nil)
			db := openStore(t)
			_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
			if !starsRefusal(err, tc.column) {
				t.Fatalf("import: %v, want the star_ratings refusal naming %q", err, tc.column)
			}
			assertEmpty(t, db)
		})
	}
}

// Excel keeps a TRUE/FALSE cell as 1 or 0: read raw, a column of flags
// (Wildberries' "wasViewed", a "Finished" pandas wrote as booleans) held
// numbers 0 to 10 as a score does, and beside the 0-10 question made two
// columns fit, so neither was guessed for the score (or, alone, the flags
// were). Such cells read as Excel shows them, TRUE and FALSE.
func TestWorkbookBooleanCellsAreNoNumbers(t *testing.T) {
	path := writeWorkbook(t, "answers.xlsx", []string{"Sheet1"}, map[string][][]any{"Sheet1": {
		{"Submitted", "Finished", "Q1", "Q2"},
		{"2026-11-05 14:03:22", true, 9, "Fast and friendly"},
		{"2026-11-06 09:15:00", true, 3, "Too slow"},
		{"2026-11-07 18:00:41", false, 7, "Fine"},
		{"2026-11-08 10:00:00", false, 10, "Great"},
	}}, nil)
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := pv.Mapping[importer.FieldScore]; got != "Q1" {
		t.Errorf("score read from %q, want Q1 (mapping %v)", got, pv.Mapping)
	}
	if got := pv.Sample[2][1]; got != "FALSE" {
		t.Errorf("a FALSE cell reads %q, want FALSE", got)
	}
}

// Yandex Maps reviews as a public scraper exports them (review-parser:
// its Review model's fields, written to CSV in sorted order: "author",
// "date", "dislikes", "likes", "org_id", "org_url", "raw", "rating" 1-5,
// "source", "text"). The readers' likes and dislikes of a review mark a
// review platform as Amazon's helpfulness votes do; without them a few
// reviews' stars were imported as NPS scores. Refused as star ratings.
// Reviews and names made up.
func TestYandexMapsReviewsAreRefused(t *testing.T) {
	org := "1754533743,https://yandex.ru/maps/org/example/1754533743/,"
	path := writeFile(t, "reviews.csv", []byte(lines(
		"author,date,dislikes,likes,org_id,org_url,raw,rating,source,text",
		"Анна К.,2026-10-05T00:00:00,0,3,"+org+",5,yandex_maps,\"Отличное место, вежливый персонал\"",
		"Иван,2026-10-12T00:00:00,1,0,"+org+",2,yandex_maps,Долго ждали",
		"Олег П.,2026-10-20T00:00:00,0,1,"+org+",4,yandex_maps,Нормально",
		"Мария,2026-11-02T00:00:00,0,0,"+org+",5,yandex_maps,Всё понравилось")))
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if !starsRefusal(err, "rating") {
		t.Fatalf("import: %v, want the star_ratings refusal naming %q", err, "rating")
	}
	assertEmpty(t, db)
}

// 2GIS reviews as a public scraper writes them ("rating", "author",
// "date_iso", "text", "platform", "organization"; "platform" is "2GIS" on
// every row): no header marks a review, but a column naming a review
// platform on every row does. Without it the stars of a few reviews were
// imported as NPS scores. Refused as star ratings. Reviews made up.
func TestTwoGISReviewsAreRefused(t *testing.T) {
	path := writeFile(t, "2gis_reviews.csv", []byte(lines(
		`"rating","author","date_iso","text","platform","organization"`,
		`"5","Анна К.","2026-10-05","Отличный сервис, быстро и вежливо","2GIS","Автоцентр"`,
		`"2","Иван","2026-10-12","Долго ждал мастера, никто не перезвонил","2GIS","Автоцентр"`,
		`"4","Олег П.","2026-10-20","В целом нормально, но дороговато","2GIS","Автоцентр"`,
		`"5","Мария","2026-11-02","Всё сделали в срок, спасибо большое","2GIS","Автоцентр"`)))
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if !starsRefusal(err, "rating") {
		t.Fatalf("import: %v, want the star_ratings refusal naming %q", err, "rating")
	}
	assertEmpty(t, db)
}

// A product review is written in a marketplace's form as its pros and
// cons: Wildberries' feedbacks carry "pros" and "cons", Yandex Market's
// "description.advantages" and "description.disadvantages" (their seller
// APIs), and the review forms label them «Достоинства» and «Недостатки»
// beside «Комментарий». A sheet of a few such reviews with a 1-5
// «Оценка» was imported as NPS answers; with pros and cons it is refused
// as star ratings. Reviews made up.
func TestProsAndConsMarkReviews(t *testing.T) {
	for _, tc := range []struct{ name, header, column string }{
		{"Russian", "Дата;Оценка;Достоинства;Недостатки;Комментарий", "Оценка"},
		{"Wildberries", "createdDate;productValuation;pros;cons;text", "productValuation"},
		{"Yandex Market", "createdAt;statistics.rating;description.advantages;description.disadvantages;description.comment", "statistics.rating"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, "reviews.csv", []byte(lines(tc.header,
				"2026-11-05T14:03:22+03:00;5;Цена;;Хорошая кружка",
				"2026-11-06T14:03:22+03:00;1;;Хрупкая;Треснула через день",
				"2026-11-07T14:03:22+03:00;4;Удобная;Маленькая;Нормально",
				"2026-11-08T14:03:22+03:00;5;Всё;;Супер")))
			db := openStore(t)
			_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
			if !starsRefusal(err, tc.column) {
				t.Fatalf("import: %v, want the star_ratings refusal naming %q", err, tc.column)
			}
			assertEmpty(t, db)
		})
	}
}
