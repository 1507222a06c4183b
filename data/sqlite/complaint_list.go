package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"caredesk/data"
)

// complaintWhere builds the conditions of f on complaint c (joined to
// client cl when searching).
func complaintWhere(f data.ComplaintFilter) (*where, error) {
	w := &where{}
	w.addDays("c.opened_day", f.From, f.To)
	now := f.Now
	if now.IsZero() {
		now = time.Now()
	}
	switch f.View {
	case data.ViewAll:
	case data.ViewOverdue:
		w.add("c.resolved_day IS NULL AND c.due_at <= ?", now.Unix())
	case data.ViewBreached:
		w.add("(c.id IN (SELECT complaint_id FROM complaint_breached) OR c.due_at <= ?)", now.Unix())
	case data.ViewEscalated:
		w.add("c.escalations > 0")
	case data.ViewKeyClients:
		w.add("c.tier = ?", data.KeyTier)
	case data.ViewMine:
		w.add("c.assignee_id = ?", f.Me)
	default:
		return nil, fmt.Errorf("unknown view %q: %w", f.View, data.ErrInvalid)
	}
	if len(f.Statuses) > 0 {
		args := make([]any, len(f.Statuses))
		for i, s := range f.Statuses {
			args[i] = string(s)
		}
		w.add("c.status IN ("+placeholders(len(args))+")", args...)
	}
	if f.OpenOnly {
		w.add("c.resolved_day IS NULL")
	}
	if len(f.Types) > 0 {
		args := make([]any, len(f.Types))
		for i, t := range f.Types {
			args[i] = string(t)
		}
		w.add("c.type IN ("+placeholders(len(args))+")", args...)
	}
	if f.CategoryID != 0 {
		w.add("(c.category_id = ? OR c.subcategory_id = ?)", f.CategoryID, f.CategoryID)
	}
	if f.Channel != "" {
		w.add("c.channel = ?", string(f.Channel))
	}
	if f.Priority != "" {
		w.add("c.priority = ?", string(f.Priority))
	}
	switch {
	case f.AssigneeID < 0:
		w.add("c.assignee_id IS NULL")
	case f.AssigneeID > 0:
		w.add("c.assignee_id = ?", f.AssigneeID)
	}
	if f.ClientID != 0 {
		w.add("c.client_id = ?", f.ClientID)
	}
	if f.Tier != "" {
		w.add("c.tier = ?", f.Tier)
	}
	if like, pattern := searchLike(f.Search); like != nil {
		w.add("("+like("c.subject")+" OR "+like("c.description")+" OR "+like("cl.name")+" OR "+like("c.external_id")+")",
			pattern, pattern, pattern, pattern)
	}
	return w, nil
}

// complaintOrder is the ORDER BY of a register sort: the sort column, then
// the opening time, then id, matching the sort's index.
func complaintOrder(s data.ComplaintSort, desc bool) (string, error) {
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	byOpened := "c.opened_day" + dir + ", c.opened_at" + dir + ", c.id" + dir
	switch s {
	case "", data.SortComplaintOpened:
		return byOpened, nil
	case data.SortComplaintPriority:
		return "c.priority_rank" + dir + ", " + byOpened, nil
	case data.SortComplaintStatus:
		return "c.status_rank" + dir + ", " + byOpened, nil
	case data.SortComplaintDue:
		return "c.due_at" + dir + ", " + byOpened, nil
	}
	return "", fmt.Errorf("unknown sort %q: %w", s, data.ErrInvalid)
}

// ListComplaints returns one page of the complaints matching f, sorted as
// f asks, with names and stored facts (no events). The page's ids come
// from a walk of the sort's index, which skips rows without reading
// them; the rows are then read by id.
func (db *DB) ListComplaints(ctx context.Context, f data.ComplaintFilter, p data.Page) ([]data.Complaint, error) {
	if p.Offset < 0 {
		return nil, fmt.Errorf("list complaints: negative offset: %w", data.ErrInvalid)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("list complaints: %w", err)
	}
	defer tx.Rollback()
	rows, err := listComplaints(ctx, tx, f, p)
	if err != nil {
		return nil, fmt.Errorf("list complaints: %w", err)
	}
	return rows, tx.Commit()
}

func listComplaints(ctx context.Context, tx *sql.Tx, f data.ComplaintFilter, p data.Page) ([]data.Complaint, error) {
	w, err := complaintWhere(f)
	if err != nil {
		return nil, err
	}
	order, err := complaintOrder(f.Sort, f.Desc)
	if err != nil {
		return nil, err
	}
	from := ` FROM complaint c`
	if strings.TrimSpace(f.Search) != "" {
		from += ` LEFT JOIN client cl ON cl.id = c.client_id`
	}
	rows, err := tx.QueryContext(ctx, `SELECT c.id`+from+w.String()+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(w.args, limitArg(p), int64(p.Offset))...)
	if err != nil {
		return nil, err
	}
	var ids []any
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	out := make([]data.Complaint, 0, len(ids))
	const chunk = 500
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		got, err := queryComplaints(ctx, tx, `SELECT `+complaintColumns+complaintFrom+
			` WHERE c.id IN (`+placeholders(len(part))+`) ORDER BY `+order, part...)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// CountComplaints counts the complaints matching f. Unfiltered counts and
// counts by opening day come from the daily rollup.
func (db *DB) CountComplaints(ctx context.Context, f data.ComplaintFilter) (int, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return 0, fmt.Errorf("count complaints: %w", err)
	}
	defer tx.Rollback()
	n, err := countComplaints(ctx, tx, f)
	if err != nil {
		return 0, fmt.Errorf("count complaints: %w", err)
	}
	return n, tx.Commit()
}

func countComplaints(ctx context.Context, tx *sql.Tx, f data.ComplaintFilter) (int, error) {
	var n int64
	if isPlain(f) {
		w := &where{}
		w.addDays("day", f.From, f.To)
		err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(opened), 0) FROM complaint_daily`+w.String(), w.args...).Scan(&n)
		return int(n), err
	}
	w, err := complaintWhere(f)
	if err != nil {
		return 0, err
	}
	from := ` FROM complaint c`
	if strings.TrimSpace(f.Search) != "" {
		from += ` LEFT JOIN client cl ON cl.id = c.client_id`
	}
	err = tx.QueryRowContext(ctx, `SELECT count(*)`+from+w.String(), w.args...).Scan(&n)
	return int(n), err
}

// isPlain reports whether f filters on the opening day only.
func isPlain(f data.ComplaintFilter) bool {
	return f.View == data.ViewAll && len(f.Statuses) == 0 && !f.OpenOnly && len(f.Types) == 0 && f.CategoryID == 0 &&
		f.Channel == "" && f.Priority == "" && f.AssigneeID == 0 && f.ClientID == 0 && f.Tier == "" &&
		strings.TrimSpace(f.Search) == ""
}
