package diff

import (
	"encoding/json"
	"os"
	"testing"

	"redline/model"
	"redline/model/internal/modeltest"
)

// sampleLabels are the kinds of every change of the 4-version sample,
// labelled by hand, step by step in reading order (a deletion and the
// insertion replacing it are one change; a paragraph added or removed
// whole is one). Step 1→2 is also the seed's v1→v2. The label is what a
// careful reader says by the definitions of issue 20, not what the rules
// say; where they disagree the row says how (wrong), and the test holds
// the rules to exactly those disagreements.
var sampleLabels = [][]struct {
	what  string
	want  EditKinds
	wrong string // how the rules disagree, "" when they agree
}{
	{ // 1→2 (the seed's two versions)
		{"+have", kW, ""},
		{"-in a joint statement on Wednesday (the date moves later in the paragraph)", kW, ""},
		{"Saturday night → this weekend", kN, ""},
		{"to provide the military muscle → on Wednesday", kW, ""},
		{"added: Analysts say … United Nations Security Council", kM, ""},
		{"-statement was delivered by the", kW, ""},
		{"+issued a joint statement … on Wednesday (a date new to the paragraph)", kN, ""},
		{"a ceremony to inaugurate → the inauguration of", kW, ""},
		{"removed: “Today our President Erdogan …” Cavusoglu announced", kN | kQ | kM, ""},
		{"removed: Sergei Lavrov confirmed those details", kM, ""},
		{"added: .", kP, ""},
		{"-also", kW, ""},
		{"-policy", kW, ""},
		{"-to prevent further conflict in the Eastern Mediterranean region", kM, ""},
		{"-Libyan (an adjective of nationality)", kW, ""},
		{"attempting → trying", kW, ""},
		{"seize → take", kW, ""},
		{"+. General Hifter’s forces seized … Surt on Monday", kN | kM, ""},
		{"and → . Turkey (the subject said again)", kW, "name+attribution"},
		{"-after its Parliament passed a resolution …", kM, ""},
		{"media → news", kW, ""},
		{"appeared → appear", kS, ""},
		{"-Libyan", kW, ""},
		{"“We have decided to take → The Russian-Turkish statement said", kQ | kA, ""},
		{"initiative … all parties in Libya … as of → cease-fire would begin at “", kQ | kM, ""},
		{", declare a sustainable cease-fire, → ” and would be “", kQ, "attribution (declare)"},
		{"+” (closing a new quotation)", kQ, ""},
		{"be taken for stabilizing the situation → stabilize conditions", kQ, ""},
		{"+. The cease-fire", kW, ""},
		{"” → it said, is aimed at … United Nations-backed negotiations between", kQ | kM | kA, ""},
		{"joint statement said → warring parties", kW, ""},
		{"removed: … assist further talks in Berlin, the statement said", kM, ""},
		{"removed: Their statement stressed …", kW, ""},
		{"removed: “Seeking a military solution …”", kQ, ""},
		{"added: … Conte of Italy … Brussels … Josep Borrell", kM, ""},
		{"-only", kW, ""},
		{"+only", kW, ""},
		{"with → , in", kW, ""},
		{", and → . It", kW, ""},
		{"added: The cease-fire announced by the Russia and Turkish leaders …", kW, ""},
		{"added: “What we’re seeing …” said Wolfram Lacher", kQ | kM, ""},
		{"added: … Government of National Accord … France …", kM, ""},
		{"added: And although ministers …", kW, ""},
		{"added: “The Europeans and Americans … from April …” Mr. Lacher said", kN | kQ | kM, ""},
	},
	{ // 2→3
		{"this weekend → on Sunday", kN, ""},
		{"added: Libya’s internationally recognized government said …", kW, ""},
		{"Russia → Russian", kS, ""},
		{"removed: .", kP, ""},
		{"-clear (inside Mr. Lacher’s quotation)", kQ, ""},
		{"+clear", kQ, ""},
	},
	{ // 3→4, the headline first
		{"headline: -Make Joint", kW, ""},
		{"headline: +Libya (moved inside the headline)", kW, ""},
		{"headline: in Libya → as Fighting Rages", kW, ""},
		{"-have", kW, ""},
		{"+on Wednesday (moved inside the paragraph)", kW, ""},
		{"-on Wednesday", kW, ""},
		{"Analysts → Diplomats and analysts (say)", kA, ""},
		{"removed: And although ministers …", kW, ""},
		{"added: General Hifter’s spokesman, Ahmed al-Mismari, said …", kM, ""},
	},
}

// changeKinds lists the kinds of every change of c in reading order,
// the headline's first.
func changeKinds(c *Comparison) []EditKinds {
	var out []EditKinds
	group := func(edits []Edit) {
		for k := 0; k < len(edits); k++ {
			if edits[k].Op == OpEqual {
				continue
			}
			out = append(out, edits[k].Kinds)
			for k+1 < len(edits) && edits[k+1].Op != OpEqual {
				k++
			}
		}
	}
	if c.HeadlineChanged {
		group(c.Headline)
	}
	for _, ch := range c.Changes {
		if ch.Kind != Same && ch.Kind != MovedAway {
			group(ch.Edits)
		}
	}
	return out
}

func loadSample(tb testing.TB) *model.Article {
	tb.Helper()
	data, err := os.ReadFile(modeltest.Testdata("libya-4-versions.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var a model.Article
	if err := json.Unmarshal(data, &a); err != nil {
		tb.Fatal(err)
	}
	return &a
}

// TestKindsOnSample checks the rules against the hand labels of the
// sample's three steps and reports precision and recall per kind.
func TestKindsOnSample(t *testing.T) {
	a := loadSample(t)
	var got, want []EditKinds
	for s := 1; s < len(a.Versions); s++ {
		kinds := changeKinds(Compare(a.Versions[s-1], a.Versions[s]))
		labels := sampleLabels[s-1]
		if len(kinds) != len(labels) {
			t.Fatalf("step %d→%d: %d changes, %d labels", s, s+1, len(kinds), len(labels))
		}
		for i, l := range labels {
			got, want = append(got, kinds[i]), append(want, l.want)
			switch {
			case l.wrong == "" && kinds[i] != l.want:
				t.Errorf("step %d→%d, %s: got %v, want %v", s, s+1, l.what, kinds[i], l.want)
			case l.wrong != "" && kinds[i] == l.want:
				t.Errorf("step %d→%d, %s: now right (%v): take off the note %q", s, s+1, l.what, kinds[i], l.wrong)
			}
		}
	}
	t.Logf("on the sample's %d changes, against hand labels:\n%s", len(got), precisionRecall(got, want))
}
