package sqlite

import (
	"context"
	"errors"

	"caredesk/data"
)

// ImportTeam stores a team import file in one transaction.
func (db *DB) ImportTeam(ctx context.Context, in data.TeamImport) (data.TeamImportResult, error) {
	return data.TeamImportResult{}, errors.New("import team: not implemented yet")
}
