package sqlite

// Temporary stubs so the tree builds while the complaint store is written;
// each method moves to its entity file as it is implemented.

import (
	"context"
	"errors"
	"time"

	"caredesk/data"
)

var errNotYet = errors.New("not implemented yet")

func (db *DB) Complaint(ctx context.Context, id int64) (data.Complaint, error) {
	return data.Complaint{}, errNotYet
}
func (db *DB) ListComplaints(ctx context.Context, f data.ComplaintFilter, p data.Page) ([]data.Complaint, error) {
	return nil, errNotYet
}
func (db *DB) CountComplaints(ctx context.Context, f data.ComplaintFilter) (int, error) {
	return 0, errNotYet
}
func (db *DB) CreateComplaint(ctx context.Context, c *data.Complaint) error { return errNotYet }
func (db *DB) UpdateComplaint(ctx context.Context, c *data.Complaint) error { return errNotYet }
func (db *DB) DeleteComplaint(ctx context.Context, id int64) error          { return errNotYet }
func (db *DB) AddComplaintEvent(ctx context.Context, id int64, e data.ComplaintEvent) (data.Complaint, error) {
	return data.Complaint{}, errNotYet
}
func (db *DB) DeleteComplaintEvent(ctx context.Context, complaintID, eventID int64) (data.Complaint, error) {
	return data.Complaint{}, errNotYet
}
func (db *DB) AssignComplaints(ctx context.Context, ids []int64, assigneeID int64, at time.Time) error {
	return errNotYet
}
func (db *DB) SLA(ctx context.Context, id int64, now time.Time) ([]data.SLAResult, error) {
	return nil, errNotYet
}
func (db *DB) ComplaintDaily(ctx context.Context, q data.ComplaintQuery) ([]data.ComplaintDay, error) {
	return nil, errNotYet
}
func (db *DB) ComplaintDurations(ctx context.Context, q data.ComplaintQuery) ([]data.DurationCount, error) {
	return nil, errNotYet
}
func (db *DB) ComplaintBacklogBefore(ctx context.Context, d data.Day, by data.ComplaintSegmentation) (map[string]int64, error) {
	return nil, errNotYet
}
func (db *DB) ComplaintRange(ctx context.Context) (first, last data.Day, ok bool, err error) {
	return 0, 0, false, errNotYet
}
func (db *DB) SLADaily(ctx context.Context, q data.SLAQuery) ([]data.SLADay, error) {
	return nil, errNotYet
}
func (db *DB) OpenSLA(ctx context.Context, now time.Time) ([]data.SLAOpen, error) {
	return nil, errNotYet
}
func (db *DB) Denominators(ctx context.Context) ([]data.Denominator, error) { return nil, errNotYet }
func (db *DB) SetDenominator(ctx context.Context, d data.Denominator) error { return errNotYet }
func (db *DB) BeginComplaintImport(ctx context.Context, b data.ImportBatch) (data.ComplaintImport, error) {
	return nil, errNotYet
}
func (db *DB) Categories(ctx context.Context) ([]data.Category, error)  { return nil, errNotYet }
func (db *DB) SaveCategory(ctx context.Context, c *data.Category) error { return errNotYet }
func (db *DB) DeleteCategory(ctx context.Context, id int64) error       { return errNotYet }
func (db *DB) Employees(ctx context.Context) ([]data.Employee, error)   { return nil, errNotYet }
func (db *DB) SaveEmployee(ctx context.Context, e *data.Employee) error { return errNotYet }
func (db *DB) Standards(ctx context.Context) ([]data.Standard, error)   { return nil, errNotYet }
func (db *DB) SaveStandard(ctx context.Context, s *data.Standard) error { return errNotYet }
func (db *DB) DeleteStandard(ctx context.Context, id int64) error       { return errNotYet }
func (db *DB) WorkCalendar(ctx context.Context) (data.Calendar, error) {
	return data.DefaultCalendar(), nil
}
func (db *DB) SetWorkCalendar(ctx context.Context, c data.Calendar) error { return errNotYet }
