# Shortcuts for the scripts in scripts/.
.PHONY: bench test example

bench:
	scripts/bench

test:
	scripts/test

example:
	scripts/build-example
