module earlyterm.invalid/redline

go 1.26.0
