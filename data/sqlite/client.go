package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/maphash"
	"strings"

	"caredesk/data"
)

// Clients returns every client sorted by name.
func (db *DB) Clients(ctx context.Context) ([]data.Client, error) {
	return readList(ctx, db, "list clients", `SELECT id, name, segment, tier FROM client ORDER BY name, id`, nil,
		func(c *data.Client) []any { return []any{&c.ID, &c.Name, &c.Segment, &c.Tier} })
}

// CreateClient stores c and sets its ID. A name already taken (ignoring
// ASCII case) is data.ErrConflict.
func (db *DB) CreateClient(ctx context.Context, c *data.Client) error {
	if err := c.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create client %q: %w", c.Name, err)
	}
	defer tx.Rollback()
	if err := createClient(ctx, tx, c); err != nil {
		return fmt.Errorf("create client %q: %w", c.Name, err)
	}
	return tx.Commit()
}

func createClient(ctx context.Context, tx *sql.Tx, c *data.Client) error {
	c.Name = strings.TrimSpace(c.Name)
	c.Segment = strings.TrimSpace(c.Segment)
	c.Tier = strings.TrimSpace(c.Tier)
	res, err := tx.ExecContext(ctx, `INSERT INTO client (name, segment, tier) VALUES (?, ?, ?)`, c.Name, c.Segment, c.Tier)
	if err != nil {
		return mapErr(err)
	}
	c.ID, err = res.LastInsertId()
	return err
}

// clientTier returns the tier of client id.
func clientTier(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var tier string
	if err := tx.QueryRowContext(ctx, `SELECT tier FROM client WHERE id = ?`, id).Scan(&tier); err != nil {
		return "", fmt.Errorf("client %d: %w", id, mapErr(err))
	}
	return tier, nil
}

// importClients finds the clients that rows name, creating the missing
// ones with the attribute the rows bring (a survey's segment, a ticket's
// tier): an existing client without one takes it, a different one is
// kept. Names match as the column's NOCASE collation compares them
// (nocaseKey), and each is looked up once.
//
// Until an import turns bulk, a name not met before costs a query, and a
// new client an insert, on the import's connection, where they wait for
// the writer's current group. From then on (loadAll) the hashes of the
// stored names are in memory (8 bytes a client and its id): a name
// without a stored hash is a new client, numbered here and stored in
// groups through the writer ahead of the rows that name them, and a name
// with one is confirmed on a read connection. 200,000 tickets from as
// many requesters took 4.2–4.7 s the first way, against 2.7 s for a file
// of 100 requesters.
type importClients struct {
	attr   string // the column the rows bring: "segment" or "tier"
	known  map[string]knownClient
	keyBuf []byte
	stmts  map[string]*sql.Stmt // prepared on the transaction, by query

	// Once the import is bulk:
	stored  map[uint64]int64 // id of each client stored before, by its name's hash
	seed    maphash.Seed
	read    *sql.DB    // confirms a name found in stored: the import does not wait for its writer
	nextID  int64      // the id of the next new client
	firstID int64      // the id of the first new client
	rows    *rowGroups // new clients (id, name, attr) not queued yet
	updates [][]any    // (attr, id) of clients that took the attribute, not queued yet
}

type knownClient struct {
	id   int64
	attr string
}

func newImportClients(attr string) *importClients {
	return &importClients{attr: attr, known: map[string]knownClient{}, stmts: map[string]*sql.Stmt{},
		rows: newRowGroups(importInsert+`client (id, name, `+attr+`) VALUES `, 3, rowsPerInsert)}
}

// find returns the id of the client named name (not blank) and its
// attribute, creating the client or giving it attr as above.
func (c *importClients) find(ctx context.Context, tx *sql.Tx, name, attr string) (int64, string, error) {
	name, attr = strings.TrimSpace(name), strings.TrimSpace(attr)
	// Most rows name a client met before: its key is looked up from a
	// reused buffer, without making a string (one a row, when the name
	// has capitals).
	c.keyBuf = appendNocaseKey(c.keyBuf[:0], name)
	k, ok := c.known[string(c.keyBuf)]
	if ok && (k.attr != "" || attr == "") {
		return k.id, k.attr, nil // met before, nothing to add
	}
	key := string(c.keyBuf)
	if !ok {
		var err error
		if k, ok, err = c.lookUp(ctx, tx, name, key); err != nil {
			return 0, "", err
		}
	}
	switch {
	case !ok && c.stored != nil:
		k = knownClient{c.nextID, attr}
		c.nextID++
		c.rows.pending = append(c.rows.pending, k.id, name, attr)
	case !ok:
		k.attr = attr
		var err error
		if k.id, err = c.insert(ctx, tx, name, attr); err != nil {
			return 0, "", mapErr(err)
		}
	case k.attr == "" && attr != "":
		k.attr = attr
		if c.stored != nil {
			c.updates = append(c.updates, []any{attr, k.id})
		} else if err := c.exec(ctx, tx, c.updateSQL(), attr, k.id); err != nil {
			return 0, "", err
		}
	}
	c.known[key] = k
	return k.id, k.attr, nil
}

// lookUp finds the stored client named name (key its nocaseKey), not met
// before.
func (c *importClients) lookUp(ctx context.Context, tx *sql.Tx, name, key string) (knownClient, bool, error) {
	var k knownClient
	if c.stored != nil {
		id, ok := c.stored[maphash.String(c.seed, key)]
		if !ok {
			return k, false, nil
		}
		// Nothing this import does changes a client stored before it (its
		// attribute given here is remembered in known), so the committed
		// row is the one to compare.
		var storedName string
		err := c.read.QueryRowContext(ctx, `SELECT name, `+c.attr+` FROM client WHERE id = ?`, id).Scan(&storedName, &k.attr)
		switch {
		case err == nil && nocaseKey(storedName) == key:
			k.id = id
			return k, true, nil
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return k, false, err
		}
		// Another name with the same hash: the transaction tells.
	}
	err := c.query(ctx, tx, `SELECT id, `+c.attr+` FROM client WHERE name = ?`, name).Scan(&k.id, &k.attr)
	if errors.Is(err, sql.ErrNoRows) {
		return k, false, nil
	}
	return k, err == nil, err
}

func (c *importClients) updateSQL() string {
	return `UPDATE client SET ` + c.attr + ` = ? WHERE id = ? AND ` + c.attr + ` = ''`
}

func (c *importClients) insert(ctx context.Context, tx *sql.Tx, name, attr string) (int64, error) {
	st, err := c.stmt(ctx, tx, `INSERT INTO client (name, `+c.attr+`) VALUES (?, ?)`)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(ctx, name, attr)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (c *importClients) query(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, tx, query)
	if err != nil {
		// The Row carries the error: a prepared statement's failure shows
		// at Scan like a query's.
		return tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (c *importClients) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	st, err := c.stmt(ctx, tx, query)
	if err == nil {
		_, err = st.ExecContext(ctx, args...)
	}
	return mapErr(err)
}

// stmt prepares query on tx the first time it is needed: the transaction
// closes it.
func (c *importClients) stmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = st
	return st, nil
}

// loadAll reads the hash of every stored client's name, so that a name
// without one is a new client without a query; read confirms the others.
// No new client may be waiting for the writer: until now each was
// inserted at once.
func (c *importClients) loadAll(ctx context.Context, tx *sql.Tx, read *sql.DB) error {
	var count int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1, count(*) FROM client`).Scan(&c.nextID, &count); err != nil {
		return err
	}
	c.firstID = c.nextID
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM client`)
	if err != nil {
		return err
	}
	c.seed, c.read = maphash.MakeSeed(), read
	stored := make(map[uint64]int64, count)
	var name sql.RawBytes
	var key []byte
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return err
		}
		key = appendNocaseKey(key[:0], bytes.TrimSpace(name))
		stored[maphash.Bytes(c.seed, key)] = id
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	c.stored = stored
	return nil
}

// checkStored reports an error unless every client the import numbered
// is stored: the import's rows name them while its connection checks no
// foreign key (see importInsert). The writer must be idle.
func (c *importClients) checkStored(ctx context.Context, tx *sql.Tx) error {
	if c.stored == nil {
		return nil // each new client was inserted at once, its id SQLite's
	}
	var n int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM client WHERE id >= ? AND id < ?`, c.firstID, c.nextID).Scan(&n); err != nil {
		return err
	}
	if n != c.nextID-c.firstID {
		return fmt.Errorf("the import numbered %d new clients but %d are stored", c.nextID-c.firstID, n)
	}
	return nil
}

// queue hands w the new clients and attributes not queued yet. The rows
// that name them are queued after: they refer to the clients.
func (c *importClients) queue(w *groupWriter) error {
	if err := c.rows.queue(w, true); err != nil {
		return err
	}
	for _, args := range c.updates {
		if _, err := w.queue(c.updateSQL(), args); err != nil {
			return err
		}
	}
	c.updates = c.updates[:0]
	return nil
}

func nocaseKey(name string) string {
	name = strings.TrimSpace(name)
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' {
			return asciiLower(name)
		}
	}
	return name
}

// appendNocaseKey appends nocaseKey(name) of a trimmed name to dst.
func appendNocaseKey[T string | []byte](dst []byte, name T) []byte {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
