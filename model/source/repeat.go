package source

import "os"

// dropRepeats keeps the first of inputs that are the same file (by
// identity, so a link or another spelling of the path counts too) or
// standard input named twice. The same input twice is one input, not two
// versions: a version cannot follow itself, and a shell glob with a name
// typed beside it (dir/*.txt dir/v3.txt) names one file twice by accident.
func dropRepeats(inputs []Input) []Input {
	out := inputs[:0:0]
	var seen []os.FileInfo
	stdin := false
next:
	for _, in := range inputs {
		if in.Path == "" {
			if in.Name == "-" {
				if stdin {
					continue
				}
				stdin = true
			}
			out = append(out, in)
			continue
		}
		fi, err := os.Stat(in.Path)
		if err != nil {
			out = append(out, in) // its reading will say what is wrong
			continue
		}
		for _, s := range seen {
			if os.SameFile(s, fi) {
				if in.file != nil {
					in.file.Close() // opened by Open, never to be read
				}
				continue next
			}
		}
		seen = append(seen, fi)
		out = append(out, in)
	}
	return out
}
