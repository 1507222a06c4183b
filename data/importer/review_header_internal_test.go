package importer

import "testing"

// A review platform's export is told by its review fields or by the
// company's public reply to a review, however a scraper spells it; a
// survey's own moderation and a bare "Review" are not.
func TestReviewHeader(t *testing.T) {
	for _, h := range []string{"Review Text", "reviewId", "reviews.text", "Reviewer Name", "developerResponse", "replyContent",
		"Developer Reply Text", "Business Reply Date (UTC)", "business_comment", "businessComment", "owner_comment", "business_reply",
		"Ответ организации", "ответ владельца", "HelpfulnessNumerator", "helpful_votes", "thumbsUpCount", "Positive Feedback Count"} {
		if c := (column{norm: normHeader(h)}); !reviewHeader(c) {
			t.Errorf("reviewHeader(%q) = false", h)
		}
	}
	for _, h := range []string{"Review", "ReviewState", "review_status", "Reply", "Comment", "Response ID", "Ответ", "Was this helpful?"} {
		if c := (column{norm: normHeader(h)}); reviewHeader(c) {
			t.Errorf("reviewHeader(%q) = true", h)
		}
	}
}
