package importer

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"caredesk/data"
)

// A tweet log (the "Customer Support on Twitter" corpus, twcs, and
// exports of its shape) has a row per tweet, the clients' (inbound) and
// the company's alike, each naming the tweet it answers. A client's
// tweet that answers none opens a conversation: that is the appeal. The
// company's earliest answer to it dates the first response. The clients'
// later tweets in a conversation and the company's answers are no
// appeals: they are counted, not imported. Read row by row, every tweet
// became a complaint, the company's own answers included, and none had a
// first response.
//
// The answers may come before or after the tweet they answer (twcs lists
// a conversation newest first), so a pass over the file collects them
// before the import's own pass.
type tweetThreads struct {
	inbound, parent int // the columns: whether the client wrote it, the tweet it answers
	// answers hold the time (Unix seconds) of the company's earliest
	// answer to each tweet answered, by the tweet's number; named by its
	// text the rare ids that are no numbers.
	answers map[int64]int64
	named   map[string]int64
	// What the import passed over, and the appeals answered.
	followUps, companyTweets, answered int
}

// tweetLog returns the threads of p when it is a tweet log (its layout
// names who wrote each tweet and the tweet it answers), else nil.
func tweetLog(p *plan) *tweetThreads {
	if p.format != FormatTwitter {
		return nil
	}
	t := &tweetThreads{inbound: -1, parent: -1, answers: map[int64]int64{}, named: map[string]int64{}}
	for i, c := range p.cols {
		switch c.norm {
		case "inbound":
			t.inbound = i
		case "in_response_to_tweet_id":
			t.parent = i
		}
	}
	if t.inbound < 0 || t.parent < 0 {
		return nil
	}
	return t
}

// tweetKey reads a tweet's number; pandas writes the answered tweet's
// as a float ("8.0") where a conversation's first tweet leaves it empty.
func tweetKey(s string) (int64, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".0")
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// fromClient reports whether an inbound cell says the client wrote the
// tweet.
func fromClient(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "t":
		return true
	}
	return false
}

// collect reads the company's answers from the file, before the import:
// the earliest answer to each tweet. Rows and dates that do not read are
// left to the import's own pass, which reports them.
func (t *tweetThreads) collect(ctx context.Context, p *plan, b *rowBase) error {
	opened, ok := b.col[FieldOpened]
	if !ok {
		return nil
	}
	src, err := p.openRows()
	if err != nil {
		return err
	}
	defer src.close()
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		rec, err := nextGoodRecord(src)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if max(t.inbound, t.parent, opened) >= len(rec) || fromClient(rec[t.inbound]) {
			continue
		}
		parent := strings.TrimSpace(rec[t.parent])
		if isMissing(parent) {
			continue
		}
		at, why := b.dates.parse(strings.TrimSpace(rec[opened]))
		if why != "" {
			continue
		}
		t.keep(parent, at.Unix())
	}
}

// keep records an answer at to tweet parent, the earliest of its answers.
func (t *tweetThreads) keep(parent string, at int64) {
	if k, ok := tweetKey(parent); ok {
		if was, seen := t.answers[k]; !seen || at < was {
			t.answers[k] = at
		}
		return
	}
	if was, seen := t.named[parent]; !seen || at < was {
		t.named[parent] = at
	}
}

// passOver reports whether rec is no appeal (the company's tweet, or the
// client's answer within a conversation) and counts it.
func (t *tweetThreads) passOver(rec []string) bool {
	if max(t.inbound, t.parent) >= len(rec) {
		return false // short: the import's pass rejects it
	}
	switch {
	case !fromClient(rec[t.inbound]):
		t.companyTweets++
	case !isMissing(strings.TrimSpace(rec[t.parent])):
		t.followUps++
	default:
		return false
	}
	return true
}

// answer dates the first response of the appeal r from the company's
// earliest answer to it. An answer dated before the tweet (clocks apart)
// dates nothing.
func (t *tweetThreads) answer(r *ticketRow) {
	if r.channel == "" {
		r.channel = data.ChannelOther // Twitter is none of the channels CareDesk counts apart
	}
	var at int64
	var ok bool
	if k, numbered := tweetKey(r.id); numbered {
		at, ok = t.answers[k]
	} else {
		at, ok = t.named[r.id]
	}
	if when := time.Unix(at, 0).In(r.opened.Location()); ok && !when.Before(r.opened) {
		r.respondedAt = when
		t.answered++
	}
}

// summary says what the import passed over and why.
func (t *tweetThreads) summary() Message {
	return warning(warnTweetsPassed, map[string]any{"FollowUps": t.followUps, "Company": t.companyTweets, "Answered": t.answered},
		"tweets that were no appeal and were not imported: %d later tweets of clients within a conversation, %d tweets of the company; "+
			"its answers dated the first response of %d appeals", t.followUps, t.companyTweets, t.answered)
}

// tweetLogWarning says how a tweet log is read, in place of the warnings
// about its missing status: it records no resolution.
func tweetLogWarning() Message {
	return warning(warnTweetLog, nil, "the file is a log of tweets: a client's tweet that answers none opens an appeal, "+
		"and the company's earliest answer to it is its first response; a tweet log records no resolution, so the appeals "+
		"stay open (new, or in progress once answered) until they are resolved in CareDesk")
}
