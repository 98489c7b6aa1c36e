// Package testdata holds redline's sample inputs. The Go side of it only
// embeds the seed, so that redline opens it when given no file.
package testdata

import _ "embed"

// SeedName is the file name of the seed: a NewsSniffer comparison page of
// a New York Times article, flattened to text.
const SeedName = "000_2309137f7230653b.txt"

// Seed is the seed's content.
//
//go:embed 000_2309137f7230653b.txt
var Seed []byte
