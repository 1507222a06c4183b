package importer_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// A log of tweets shaped like the "Customer Support on Twitter" corpus:
// each conversation's first client tweet is an appeal, answered first by
// the company's earliest reply, which the file lists before the tweet
// (8) or after it (9). Replies within a conversation are not appeals; a
// reply dated before its tweet dates nothing (13). Before, all twelve
// tweets became new complaints under generated ids, without clients.
func TestImportTweetLog(t *testing.T) {
	at := func(day, h, m, s int) time.Time { return time.Date(2017, 10, day, h, m, s, 0, time.UTC) }
	got, res := importFixture(t, "twitter_support_threads.csv", importer.Options{}, 4)
	for id, want := range map[string]struct {
		status   data.Status
		client   string
		response time.Time
	}{
		"8":  {data.StatusInProgress, "115712", at(31, 21, 54, 49)},
		"9":  {data.StatusInProgress, "220044", at(32, 10, 2, 30)},
		"12": {data.StatusNew, "330077", time.Time{}},
		"13": {data.StatusNew, "440088", time.Time{}},
	} {
		c, ok := got[id]
		if !ok {
			t.Errorf("tweet %s was not imported", id)
			continue
		}
		if c.Status != want.status || c.ClientName != want.client || !c.Facts.FirstResponseAt.Equal(want.response) ||
			c.Channel != data.ChannelOther || !c.Facts.ResolvedAt.IsZero() {
			t.Errorf("tweet %s: status %q client %q first response %v channel %q resolved %v, want %+v", id, c.Status, c.ClientName,
				c.Facts.FirstResponseAt, c.Channel, c.Facts.ResolvedAt, want)
		}
	}
	if c := got["8"]; !strings.Contains(c.Description, "two weeks late") {
		t.Errorf("tweet 8's text: %q", c.Description)
	}
	passed := warningArgs(res, "import.warning.tweets_passed")
	if passed == nil || passed["FollowUps"] != 3 || passed["Company"] != 5 || passed["Answered"] != 2 {
		t.Errorf("what was passed over: %v (warnings %+v)", passed, res.Warnings)
	}
	if warningArgs(res, "import.warning.no_status") != nil || !containsWarning(res, "log of tweets") {
		t.Errorf("a tweet log is explained, not warned of a missing status: %+v", res.Warnings)
	}
}

// Ids that are no numbers are matched by their text; an answer to a
// tweet that is not in the file dates nothing.
func TestImportTweetLogNamedIDs(t *testing.T) {
	path := writeFile(t, "tweets.csv", []byte(`tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
r-2,brand,false,2024-03-01 10:30:00,@anna on it,,q-1
q-1,anna,true,2024-03-01 10:00:00,@brand where is my refund,r-2,
r-9,brand,false,2024-03-01 11:00:00,@olga thanks,,q-8
`))
	db := openStore(t)
	res := importTickets(t, db, path, importer.Options{})
	got := storedTickets(t, db)
	if res.Imported != 1 || len(got) != 1 || !got["q-1"].Facts.FirstResponseAt.Equal(time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC)) {
		t.Fatalf("imported %d: %+v", res.Imported, got)
	}
}

// Cancelling the pass that collects the answers stores nothing.
func TestImportTweetLogCancelled(t *testing.T) {
	db := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := importer.ImportComplaints(ctx, db, copyFixture(t, "twitter_support_threads.csv"), importer.Options{Location: time.UTC}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: %v", err)
	}
	if n, err := db.CountComplaints(context.Background(), data.ComplaintFilter{}); err != nil || n != 0 {
		t.Fatalf("%d complaints stored (%v)", n, err)
	}
}

// warningArgs returns the arguments of res's warning with code, nil when
// there is none.
func warningArgs(res importer.Result, code string) map[string]any {
	for _, w := range res.Warnings {
		if w.Code == code {
			return w.Args
		}
	}
	return nil
}
