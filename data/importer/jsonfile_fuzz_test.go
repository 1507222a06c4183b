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

// The rows' pass (flattenValue, on decoded values) gives every field the
// value the columns' pass (flattenJSON, on the text) gives it.
func TestFlattenValueMatchesFlattenJSON(t *testing.T) {
	rec := json.RawMessage(`{"id":35,"n":1.50,"big":12345678901234567890,"ok":true,"no":false,"none":null,"s":"Где <мой> заказ?",
		"via":{"channel":"email","source":{"rel":null}},"tags":["a",2,true,null],"empty":[],"nested":{"deep":{"deeper":"x"}}}`)
	byText, byValue := map[string]string{}, map[string]string{}
	flattenJSON(rec, "", func(k, v string) { byText[k] = v })
	dec := json.NewDecoder(bytes.NewReader(rec))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	flattenValue(v, "", func(k, v string) { byValue[k] = v })
	if len(byText) != len(byValue) {
		t.Errorf("fields: %v against %v", byText, byValue)
	}
	for k, want := range byText {
		if byValue[k] != want {
			t.Errorf("%s: %q from the values, %q from the text", k, byValue[k], want)
		}
	}
}
