package dumpgen

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// person is one member of an article's cast. An article keeps its cast
// for all its versions, so names recur the way they do in real coverage.
type person struct {
	name  string // as first printed: "Vladimir V. Putin"
	last  string // "Putin"
	title string // before the first reference: "President", "Gen.", ""
	honor string // before later references: "Mr.", "Ms.", "Mrs.", "Dr.", "General"
	desc  string // appositive: "the Russian foreign minister"
	he    string // "he" or "she", for templates that go on about them
}

func (p *person) his() string {
	if p.he == "she" {
		return "her"
	}
	return "his"
}

func (p *person) titled() string {
	if p.title == "" {
		return p.name
	}
	return p.title + " " + p.name
}

func (p *person) ref() string { return p.honor + " " + p.last }

// cast is who and where one article is about.
type cast struct {
	topic     *topic
	c, c2, c3 country
	// issues and efforts are the two names each this article uses for its
	// subject, so that one article does not drift between subjects.
	issues, efforts []string
	people          map[string]*person
	inst            string
	rep1, rep2      string
}

func newCast(rng *rand.Rand, t *topic) *cast {
	idx := rng.Perm(len(countries))
	c := &cast{topic: t, c: countries[idx[0]], c2: countries[idx[1]], c3: countries[idx[2]], people: map[string]*person{}}
	c.inst = pick(rng, institutes)
	c.issues = pickN(rng, t.issue, 2)
	c.efforts = pickN(rng, t.effort, 2)
	usedLast := map[string]bool{}
	mk := func(cult string) *person {
		cu := cultures[cult]
		for try := 0; ; try++ {
			female := rng.IntN(3) == 0
			first := pick(rng, cu.male)
			if female {
				first = pick(rng, cu.female)
			}
			last := pick(rng, cu.last)
			if usedLast[last] && try < 20 {
				continue
			}
			usedLast[last] = true
			if female && cu.femaleLast != nil {
				last = cu.femaleLast(last)
			}
			name := first + " " + last
			if cu.familyFirst {
				name = last + " " + first
			} else if rng.Float64() < cu.initials {
				name = first + " " + string(rune('A'+rng.IntN(26))) + ". " + last
			}
			honor := "Mr."
			if female {
				honor = "Ms."
				if rng.IntN(3) == 0 {
					honor = "Mrs."
				}
			}
			he := "he"
			if female {
				he = "she"
			}
			return &person{name: name, last: last, honor: honor, he: he}
		}
	}
	headTitle := pick(rng, []string{"President", "Prime Minister"})
	lead := mk(c.c.culture)
	lead.title, lead.desc = headTitle, "the "+c.c.adj+" "+strings.ToLower(headTitle)
	c.people["lead"] = lead

	rival := mk(c.c2.culture)
	if t.name == "politics" || t.name == "court" {
		rival = mk(c.c.culture)
		rival.desc = "the leader of the main opposition party"
	} else {
		rt := pick(rng, []string{"President", "Prime Minister"})
		rival.title, rival.desc = rt, "the "+c.c2.adj+" "+strings.ToLower(rt)
	}
	c.people["rival"] = rival

	min := mk(c.c.culture)
	min.title = pick(rng, t.minister)
	min.desc = "the " + c.c.adj + " " + strings.ToLower(min.title)
	c.people["min"] = min

	off := mk(c.c.culture)
	spokes := "spokesman"
	if off.honor != "Mr." {
		spokes = "spokeswoman"
	}
	off.desc = "a " + spokes + " for the " + pick(rng, []string{"foreign ministry", "government", "presidency", "interior ministry"})
	c.people["off"] = off

	exp := mk(pick(rng, []string{"english", "english", "german", "french", c.c.culture}))
	if rng.IntN(5) < 2 {
		exp.honor = "Dr."
	}
	exp.desc = pick(rng, expertJobs) + " at " + c.inst
	c.people["exp"] = exp

	gen := mk(c.c.culture)
	gen.title = pick(rng, t.officer)
	switch gen.title {
	case "Dr.":
		gen.honor = "Dr."
		gen.desc = "the head of the national " + pick(rng, []string{"disease control agency", "public health institute", "medical association"})
	case "Col.":
		gen.honor = "Colonel"
		gen.desc = "the commander of the " + pick(rng, []string{"presidential guard", "national police", "army’s special forces"})
	default:
		gen.honor = "General"
		gen.desc = "the commander of the " + pick(rng, []string{"eastern forces", "army", "national guard"})
	}
	c.people["gen"] = gen

	gen2 := mk(c.c.culture)
	gen2.title, gen2.honor = "Col.", "Colonel"
	c.people["gen2"] = gen2

	sen := mk("english")
	sen.title = "Sen."
	sen.desc = pick(rng, []string{"Democrat", "Republican"}) + " of " + pick(rng, usStates)
	c.people["sen"] = sen

	res := mk(c.c.culture)
	res.desc = "a " + strconv.Itoa(19+rng.IntN(60)) + "-year-old " + pick(rng, jobs) + " in " + pick(rng, c.c.cities)
	c.people["res"] = res

	chief := mk(c.c.culture)
	chief.desc = "the chief executive of " + pick(rng, []string{"the national airline", "the country’s largest bank", "a major textile exporter", "the state oil company"})
	c.people["chief"] = chief

	c.rep1 = mk(pick(rng, []string{"english", c.c.culture})).name
	c.rep2 = mk("english").name
	return c
}
