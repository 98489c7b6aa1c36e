package tui

import (
	"fmt"
	"time"

	"redline/model"
)

// When a version was seen, as a reader says it: local, human dates
// ("Wed 6 Mar 2024 08:10"), the relative form beside them ("3 hours
// ago"), for the shown version and its base. Now comes from the model's
// clock, so that tests fix it.

// dateLayout is a version's time on screen.
const dateLayout = "Mon 2 Jan 2006 15:04"

// versionTime is version v's time, if its source recorded one that reads.
func versionTime(v *model.Version) (time.Time, bool) {
	if v.Time == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, v.Time)
	return t, err == nil
}

// VersionDate is when version v was seen, as the reader shows it: its
// time in zone loc (nil for the local zone), "Wed 8 Jan 2020 13:25";
// what its source wrote when that does not read as a time; else its
// elapsed time ("about 2 hours later"); "" when nothing was recorded.
func VersionDate(v *model.Version, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	if t, ok := versionTime(v); ok {
		return t.In(loc).Format(dateLayout)
	}
	if v.Time != "" {
		return model.Visible(v.Time)
	}
	return model.Visible(v.Elapsed)
}

// whenText says when the shown version and its base were seen: each
// one's date and how long ago, or what the source wrote instead.
func (m *Model) whenText() string {
	v := &m.art.Versions[m.shown]
	now := m.clock()
	t, ok := versionTime(v)
	var out string
	switch {
	case ok && m.printing:
		// What is printed never depends on the clock.
		out = t.In(m.loc).Format(dateLayout)
	case ok:
		out = fmt.Sprintf("%s, %s", t.In(m.loc).Format(dateLayout), ago(now, t))
	case v.Time != "":
		out = model.Visible(v.Time)
	case v.Elapsed != "" && m.base() == m.shown-1 && m.base() >= 0:
		return fmt.Sprintf("%s than Version %d", model.Visible(v.Elapsed), m.art.Versions[m.base()].Number)
	default:
		out = "time not recorded"
	}
	b := m.base()
	if b < 0 {
		return out + " · the first version"
	}
	bv := &m.art.Versions[b]
	bt, bok := versionTime(bv)
	switch {
	case bok && ok:
		date := bt.In(m.loc).Format(dateLayout)
		if bt.In(m.loc).Format("2006-01-02") == t.In(m.loc).Format("2006-01-02") {
			date = bt.In(m.loc).Format("15:04") + " the same day"
		}
		return fmt.Sprintf("%s · vs %s, %s", out, date, apart(t, bt))
	case bok && m.printing:
		return fmt.Sprintf("%s · vs %s", out, bt.In(m.loc).Format(dateLayout))
	case bok:
		return fmt.Sprintf("%s · vs %s, %s", out, bt.In(m.loc).Format(dateLayout), ago(now, bt))
	case bv.Time != "":
		return out + " · vs " + model.Visible(bv.Time)
	}
	return out
}

// ago is how long before now t was.
func ago(now, t time.Time) string {
	switch {
	case t.After(now):
		return "in the future"
	case now.Sub(t) < time.Minute:
		return "just now"
	}
	return howLong(t, now) + " ago"
}

// apart is how much earlier base was than t, the version shown.
func apart(t, base time.Time) string {
	switch {
	case t.Before(base):
		return howLong(t, base) + " later"
	case t.Sub(base) < time.Minute:
		return "the same minute"
	}
	return howLong(base, t) + " earlier"
}

// howLong is the time from a to b (a not after b) in the largest whole
// unit a reader would use. Years are counted on the calendar: a
// time.Duration holds no more than 292 of them (b.Sub(a) stops there),
// so that a version dated 9999 does not read as "292 years".
func howLong(a, b time.Time) string {
	const day = 24 * time.Hour
	switch d := b.Sub(a); {
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute", "minutes")
	case d < day:
		return plural(int(d/time.Hour), "hour", "hours")
	case d < 30*day:
		return plural(int(d/day), "day", "days")
	case d < 365*day:
		return plural(int(d/(30*day)), "month", "months")
	}
	years := b.Year() - a.Year()
	if b.AddDate(-years, 0, 0).Before(a) {
		years-- // not a whole year more yet
	}
	return plural(max(years, 1), "year", "years")
}
