package data

import "strings"

// Client is a customer of the company. The table starts small (name and
// segment) and grows with later features.
type Client struct {
	ID      int64
	Name    string
	Segment string
	Tier    string // service tier ("key" = KeyTier for key clients)
}

// Validate checks the client before it is stored.
func (c *Client) Validate() error {
	var errs ValidationErrors
	if strings.TrimSpace(c.Name) == "" {
		errs = append(errs, fieldErr("name", "error.required", "name is required"))
	}
	return errs.orNil()
}
