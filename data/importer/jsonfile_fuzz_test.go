package importer

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Any bytes read as JSON records are read without a panic, every record
// flattened to fields.
func FuzzJSONRecords(f *testing.F) {
	f.Add([]byte(`{"tickets":[{"id":1,"via":{"channel":"email"},"tags":["a","b"],"custom":[{"id":1}]}],"next_page":null}`))
	f.Add([]byte("{\"id\":1}\n{\"id\":2,\"x\":{\"y\":[1,[2]]}}\n"))
	f.Add([]byte(`[{"a":null},{"b":true}]`))
	f.Fuzz(func(t *testing.T, in []byte) {
		jsonRecords(bytes.NewReader(in), func(rec json.RawMessage) error {
			flattenJSON(rec, "", func(string, string) {})
			return nil
		})
	})
}
