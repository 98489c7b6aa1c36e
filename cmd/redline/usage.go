package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// printFlags lists the flags as the README writes them — double-dashed,
// a placeholder for the value, the default only where there is a real
// one — instead of the flag package's "-from int ... (default -1)".
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		head := "  --" + f.Name
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool && name != "" {
			if !strings.Contains(name, "|") { // a list of choices stays as it is
				name = strings.ToUpper(name)
			}
			head += " " + name
		}
		if def := realDefault(f); def != "" {
			usage += " (default " + def + ")"
		}
		fmt.Fprintf(w, "%s\n      %s\n", head, usage)
	})
}

// realDefault is a flag's default worth saying: not the zero value nor
// the -1 that stands for "not given", and not one the usage already
// names.
func realDefault(f *flag.Flag) string {
	switch f.DefValue {
	case "", "0", "-1", "false", "[]":
		return ""
	}
	if strings.Contains(f.Usage, "default") {
		return ""
	}
	return f.DefValue
}
