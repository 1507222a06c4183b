package importer

import (
	"strconv"
	"strings"
	"time"
)

// Trello's CSV export of a board has no creation date: its dates are the
// last activity, a due date and a start. A card's id is a MongoDB
// ObjectId, whose first four bytes are the second the card was created
// (Trello documents it): that is the ticket's opening, read, not
// guessed. The last activity, which the dates' values would otherwise
// choose, is no opening at all.

// idDated reports whether the tickets' opening is in their ids: the id
// column is Trello's "Card ID" and each sampled id is an ObjectId.
func (p *plan) idDated() bool {
	i, ok := p.mapping[FieldExternalID]
	if !ok || spaced(p.cols[i].norm) != "card id" {
		return false
	}
	values := sampleValues(p, FieldExternalID)
	for _, v := range values {
		if _, ok := objectIDTime(v, time.Now()); !ok {
			return false
		}
	}
	return len(values) > 0
}

// objectIDTime is the creation time an ObjectId holds: 24 hex digits,
// the first eight the unix second. ok=false for anything else, or for a
// time before 2009 (the ids' first year) or after now.
func objectIDTime(id string, now time.Time) (time.Time, bool) {
	id = strings.TrimSpace(id)
	if len(id) != 24 {
		return time.Time{}, false
	}
	if _, err := strconv.ParseUint(id[8:], 16, 64); err != nil {
		return time.Time{}, false
	}
	secs, err := strconv.ParseUint(id[:8], 16, 32)
	if err != nil {
		return time.Time{}, false
	}
	t := time.Unix(int64(secs), 0)
	if t.Year() < 2009 || t.After(now.Add(24*time.Hour)) {
		return time.Time{}, false
	}
	return t, true
}
