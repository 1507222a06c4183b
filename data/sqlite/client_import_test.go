package sqlite

import (
	"context"
	"hash/maphash"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"caredesk/data"
)

// A large import links every row to its client before and after it turns
// bulk (when the stored clients are read whole and new ones are numbered
// and stored in groups): names match whatever their ASCII case, a stored
// client without a tier takes the file's, one with a tier keeps it, and
// nothing is created twice. Delta and Omega are named only once the
// import is bulk.
func TestComplaintImportLinksClientsAcrossBulk(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	acme := data.Client{Name: "Acme"}
	beta := data.Client{Name: "Beta", Tier: data.KeyTier}
	delta := data.Client{Name: "Delta"}
	omega := data.Client{Name: "Omega", Tier: data.KeyTier}
	for _, c := range []*data.Client{&acme, &beta, &delta, &omega} {
		if err := db.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "desk"})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	ci := imp.(*complaintImport)
	r := rand.New(rand.NewPCG(3, 4))
	const n = 6_000
	wantName := make([]string, n) // the client each complaint must be linked to
	bulkFrom := -1
	for i := range n {
		c := genComplaint(r, i, n, complaintBenchStart)
		c.ClientTier = ""
		switch {
		case i%5 == 0: // one of 300 names met again and again, in changing case
			c.ClientName = "Client " + strconv.Itoa(i/5%300)
			if i%2 == 0 {
				c.ClientName = strings.ToUpper(c.ClientName)
			}
			wantName[i] = "client " + strconv.Itoa(i/5%300)
		case i%5 == 1:
			c.ClientName, c.ClientTier = "  ACME ", "standard"
			wantName[i] = "acme"
		case i%5 == 2 && i >= n*3/4:
			c.ClientName, c.ClientTier = []string{"DELTA", "omega"}[i%2], "standard"
			wantName[i] = strings.ToLower(c.ClientName)
		case i%5 == 2:
			c.ClientName, c.ClientTier = "beta", "standard"
			wantName[i] = "beta"
		default: // a requester of its own
			c.ClientName = "Requester " + strconv.Itoa(i)
			wantName[i] = "requester " + strconv.Itoa(i)
		}
		if _, err := imp.Add(&c); err != nil {
			t.Fatalf("complaint %d: %v", i, err)
		}
		if bulkFrom < 0 && ci.names.clients.stored != nil {
			bulkFrom = i
		}
	}
	if bulkFrom < 0 || bulkFrom >= n*3/4 {
		t.Fatalf("the import turned bulk at complaint %d of %d: the bulk path is not tested", bulkFrom, n)
	}
	if _, err := imp.Commit(); err != nil {
		t.Fatal(err)
	}

	clients, err := db.Clients(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]data.Client{}
	for _, c := range clients {
		byID[c.ID] = c
	}
	if want := 4 + 300 + n*2/5; len(clients) != want {
		t.Errorf("%d clients stored, want %d", len(clients), want)
	}
	for _, c := range []struct {
		id   int64
		tier string
	}{{acme.ID, "standard"}, {delta.ID, "standard"}, {beta.ID, data.KeyTier}, {omega.ID, data.KeyTier}} {
		if got := byID[c.id]; got.Tier != c.tier {
			t.Errorf("client %q: tier %q, want %q (one without takes the file's, one with keeps its own)", got.Name, got.Tier, c.tier)
		}
	}
	rows, err := db.read.QueryContext(ctx, `SELECT external_id, client_id, tier FROM complaint`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	seen := 0
	for rows.Next() {
		var ext, tier string
		var client int64
		if err := rows.Scan(&ext, &client, &tier); err != nil {
			t.Fatal(err)
		}
		i, _ := strconv.Atoi(strings.TrimPrefix(ext, "Z"))
		got := byID[client]
		if strings.ToLower(got.Name) != wantName[i] || tier != got.Tier {
			t.Errorf("complaint %d: client %d %q tier %q, want %q with its tier %q", i, client, got.Name, tier, wantName[i], got.Tier)
		}
		seen++
	}
	if err := rows.Err(); err != nil || seen != n {
		t.Fatalf("%d complaints read: %v", seen, err)
	}
}

// A rolled-back import leaves no client behind, those numbered for the
// writer included; the next import numbers its own from the same start.
func TestImportRollbackLeavesNoClients(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	for _, kind := range []string{"feedback", "complaints"} {
		imp, add := beginAdding(t, db, kind)
		for i := range 5_000 {
			if err := add(i, "Someone "+strconv.Itoa(i)); err != nil {
				t.Fatalf("%s %d: %v", kind, i, err)
			}
		}
		imp.Rollback()
		if n := countRows(t, db, "client"); n != 0 {
			t.Fatalf("%s: %d clients left by a rollback", kind, n)
		}
	}
	imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "survey"})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	rows := makeRows(5_000, 5)
	for i := range rows {
		rows[i].ClientName, rows[i].Segment = "Someone "+strconv.Itoa(i%2_500), "SMB"
		if _, err := imp.Add(&rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if imp.(*feedbackImport).clients.stored == nil {
		t.Fatal("the feedback import did not turn bulk")
	}
	if _, err := imp.Commit(); err != nil {
		t.Fatal(err)
	}
	clients, err := db.Clients(ctx)
	if err != nil || len(clients) != 2_500 || clients[0].Segment != "SMB" {
		t.Fatalf("%d clients after the import (%v), first %+v", len(clients), err, clients[0])
	}
	var unlinked int
	if err := db.read.QueryRow(`SELECT count(*) FROM feedback f LEFT JOIN client c ON c.id = f.client_id
		WHERE c.name IS NULL OR c.name <> 'Someone ' || ((f.id - 1) % 2500)`).Scan(&unlinked); err != nil || unlinked != 0 {
		t.Fatalf("%d responses not linked to their client (%v)", unlinked, err)
	}
}

// beginAdding starts an import of kind into db and returns it with a
// function adding row i, named for client name.
func beginAdding(t *testing.T, db *DB, kind string) (interface{ Rollback() error }, func(i int, name string) error) {
	t.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	if kind == "feedback" {
		imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: kind})
		if err != nil {
			t.Fatal(err)
		}
		return imp, func(i int, name string) error {
			f := genRow(r, i, 5_000, complaintBenchStart, 0)
			f.ClientName = name
			_, err := imp.Add(&f)
			return err
		}
	}
	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: kind})
	if err != nil {
		t.Fatal(err)
	}
	return imp, func(i int, name string) error {
		c := genComplaint(r, i, 5_000, complaintBenchStart)
		c.ClientName = name
		_, err := imp.Add(&c)
		return err
	}
}

// A name whose hash is a stored client's but whose text is not (a
// collision of the 64-bit hashes, forced here) is a client of its own.
func TestImportClientsHashCollision(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	acme := data.Client{Name: "Acme", Tier: data.KeyTier}
	if err := db.CreateClient(ctx, &acme); err != nil {
		t.Fatal(err)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	c := newImportClients("tier")
	if err := c.loadAll(ctx, tx, db.read); err != nil {
		t.Fatal(err)
	}
	c.stored[maphash.String(c.seed, "zed")] = acme.ID
	zed, tier, err := c.find(ctx, tx, "Zed", "")
	if err != nil || zed == acme.ID || tier != "" {
		t.Fatalf("Zed: client %d tier %q (%v), want a new one, not Acme's %d", zed, tier, err, acme.ID)
	}
	if id, tier, err := c.find(ctx, tx, "ACME", "standard"); err != nil || id != acme.ID || tier != data.KeyTier {
		t.Fatalf("ACME: client %d tier %q (%v), want Acme %d with its tier", id, tier, err, acme.ID)
	}
}
