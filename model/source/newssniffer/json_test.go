package newssniffer_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"redline/model"
	"redline/model/internal/dumpgen"
	"redline/model/source"
)

// TestJSONRoundTrip writes articles as --json does and reads them back
// into the identical article.
func TestJSONRoundTrip(t *testing.T) {
	_, inputs := renderChain(3, 5, dumpgen.PairOptions{})
	chain, err := source.Read([]source.Input{inputs[0], inputs[1], inputs[3]}) // with a gap
	if err != nil {
		t.Fatal(err)
	}
	git := &model.Article{Title: "story.txt", Source: "git", Versions: []model.Version{
		{Number: 1, Label: "First draft", Author: "Alice Adams", Commit: "0123456789abcdef0123456789abcdef01234567", Paragraphs: []string{"One."}},
		{Number: 2, Label: "Second", Author: "Zoë O'Brien", Commit: "89abcdef0123456789abcdef0123456789abcdef", Paragraphs: []string{"Two."}},
	}}
	for name, art := range map[string]*model.Article{"sample": readSample(t), "chain": chain, "git": git} {
		var b bytes.Buffer
		if err := model.WriteJSON(&b, art); err != nil {
			t.Fatal(err)
		}
		back, err := source.Read([]source.Input{{Name: name + ".json", Data: b.Bytes()}})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(back, art) {
			t.Errorf("%s: the article read back differs", name)
		}
		if name == "git" && !bytes.Contains(b.Bytes(), []byte(`"commit": "0123456789abcdef0123456789abcdef01234567"`)) {
			t.Errorf("git: no commit in the JSON:\n%s", b.String())
		}
	}
}

// TestWriteJSONIsMarshalIndent holds the streamed JSON to what the
// standard encoder would write.
func TestWriteJSONIsMarshalIndent(t *testing.T) {
	_, inputs := renderChain(3, 5, dumpgen.PairOptions{})
	chain, err := source.Read([]source.Input{inputs[0], inputs[1], inputs[3]})
	if err != nil {
		t.Fatal(err)
	}
	chain.Versions[0].Paragraphs[0] = "a <b> & c \\u0026"
	for name, art := range map[string]*model.Article{"sample": readSample(t), "chain": chain, "empty": {Versions: []model.Version{}}} {
		var got bytes.Buffer
		if err := model.WriteJSON(&got, art); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(art); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: streamed JSON differs from the encoder's", name)
		}
	}
}
