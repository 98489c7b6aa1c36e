package main

import (
	"strings"
	"testing"
)

// TestPrintOnlySubstantive checks --only substantive: the seed's step
// without the paragraph of a lone full stop, and a bad value refused
// with exit status 2.
func TestPrintOnlySubstantive(t *testing.T) {
	all, _, code := redline(t, "", "--print", "--no-color", "--width", "100")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	only, stderr, code := redline(t, "", "--print", "--no-color", "--width", "100", "--only", "substantive")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(all, "{+.+}") || strings.Contains(only, "{+.+}") {
		t.Errorf("the lone full stop: in all %v, in only %v", strings.Contains(all, "{+.+}"), strings.Contains(only, "{+.+}"))
	}
	if !strings.Contains(only, "[-Saturday night-]{+this weekend+}") || !strings.Contains(only, "# 5 numbers") {
		t.Errorf("--only substantive lost a substantive edit:\n%s", only)
	}
	_, stderr, code = redline(t, "", "--print", "--only", "numbers")
	if code != 2 || !strings.Contains(stderr, "--only") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("--only numbers: exit %d, stderr %q", code, stderr)
	}
	// The other outputs carry every paragraph: refused, not ignored.
	for _, other := range [][]string{{"--format", "markdown"}, {"--format", "json"}, {"--format", "html"}, {"--format", "svg"}, {"--json"}} {
		args := append([]string{"--print", "--only", "substantive"}, other...)
		_, stderr, code = redline(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "--only substantive prints text") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
