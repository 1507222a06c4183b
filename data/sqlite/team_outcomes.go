package sqlite

import (
	"context"
	"errors"

	"caredesk/data"
)

// AgentOutcomes reads what the scorecards need for complaints finally
// resolved from..to.
func (db *DB) AgentOutcomes(ctx context.Context, from, to data.Day) (data.AgentOutcomes, error) {
	return data.AgentOutcomes{}, errors.New("agent outcomes: not implemented yet")
}
