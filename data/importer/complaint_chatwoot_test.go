package importer

import "testing"

// Chatwoot's conversation report (conversation_reports.erb) names the
// agent and the status so; the English labels are assumed from their
// translation keys (agent_name, conversation_status).
func TestChatwootReportHeaders(t *testing.T) {
	csv := "Conversation ID,Inbox name,Customer name,Agent name,Conversation status,Labels\n" +
		"41,Website,Maria Lopez,Anna Petrova,resolved,billing\n42,Website,Li Wei,,open,\n"
	pv, err := InspectComplaints(tempFile(t, "chatwoot.csv", csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[FieldAssignee] != "Agent name" || pv.Mapping[FieldStatus] != "Conversation status" || pv.Mapping[FieldClient] != "Customer name" {
		t.Errorf("mapping %v", pv.Mapping)
	}
}
