package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"redline/model"
)

// TestJSONRoundTrips decodes the output into the documented types,
// refusing any field they do not declare, and encodes it back to the same
// bytes: the README's schema is the whole schema.
func TestJSONRoundTrips(t *testing.T) {
	for name, c := range map[string]struct {
		art   *model.Article
		steps []Step
	}{
		"seed":      {seed(t), newest(seed(t))},
		"libya-all": {libya(t), all(t, libya(t))},
		"first":     {libya(t), []Step{{-1, 0}}},
	} {
		var out bytes.Buffer
		if err := JSON(&out, c.art, c.steps); err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(out.Bytes()))
		dec.DisallowUnknownFields()
		var doc Document
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("%s: decoding into Document: %v", name, err)
		}
		var again bytes.Buffer
		enc := json.NewEncoder(&again)
		enc.SetIndent("", " ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(&doc); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), again.Bytes()) {
			t.Errorf("%s: the document does not survive a round trip", name)
		}
		if doc.SchemaVersion != SchemaVersion || len(doc.Steps) != len(c.steps) {
			t.Errorf("%s: schema_version %d, %d steps", name, doc.SchemaVersion, len(doc.Steps))
		}
		checkEditsSpellBothVersions(t, name, c.art, doc)
	}
}

// checkEditsSpellBothVersions is the schema's promise: the edits of every
// paragraph spell its old and its new text.
func checkEditsSpellBothVersions(t *testing.T, name string, art *model.Article, doc Document) {
	t.Helper()
	ops := map[string]bool{"same": true, "edited": true, "added": true, "removed": true,
		"moved": true, "moved-away": true, "split": true, "merged": true}
	for _, s := range doc.Steps {
		shown := art.Versions[s.To.Index]
		for _, p := range s.Paragraphs {
			if !ops[p.Op] {
				t.Errorf("%s: op %q is not documented", name, p.Op)
			}
			if p.Op == "moved-away" || p.Op == "split" || p.Op == "merged" {
				continue // their edits span several paragraphs on one side
			}
			var oldText, newText strings.Builder
			for _, e := range p.Edits {
				switch e.Op {
				case "equal":
					newText.WriteString(e.Text)
					if e.Old != "" {
						oldText.WriteString(e.Old)
					} else {
						oldText.WriteString(e.Text)
					}
				case "delete":
					oldText.WriteString(e.Text)
				case "insert":
					newText.WriteString(e.Text)
				default:
					t.Errorf("%s: edit op %q is not documented", name, e.Op)
				}
			}
			if p.New != nil && newText.String() != shown.Paragraphs[*p.New] {
				t.Errorf("%s: %s paragraph %d: edits spell %q", name, p.Op, *p.New, newText.String())
			}
			if p.Old != nil && s.From != nil && oldText.String() != art.Versions[s.From.Index].Paragraphs[*p.Old] {
				t.Errorf("%s: %s paragraph %d (old): edits spell %q", name, p.Op, *p.Old, oldText.String())
			}
		}
	}
}
