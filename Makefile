# Small Moments: every target sets itself up from nothing but python3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site bundle test check clean tools bench screenshots

# Recreate the environment when it is missing or pyproject.toml changed.
$(STAMP): pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# --dirty: a save rebuilds only the pages it changes (the plugin marks them; README).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --dirty

# `make site ENGINE=zensical` builds the same site with Zensical, Material's successor (README).
ENGINE ?= mkdocs
site: $(STAMP)
ifeq ($(ENGINE),zensical)
	$(BIN)/python -m generator zensical --site site --zensical $(BIN)/zensical
else
	$(BIN)/mkdocs build --strict
endif

# The whole site as dist/small-moments-<version>.zip, to share where it is not hosted.
DIST ?= dist
bundle: site
	$(BIN)/python -m generator bundle --site site --dist $(DIST)

check: $(STAMP)
	$(BIN)/python -m generator check

# Debian packages the tests need: chromium, Java for the Nu HTML checker, npm to fetch it and
# puppeteer-core; for tests/engines also firefox-esr, WebKitGTK's WebKitWebDriver and Xvfb.
APT_NEEDS := $(strip \
  $(if $(shell command -v chromium),,chromium) \
  $(if $(shell command -v java),,default-jre-headless) \
  $(if $(shell command -v npm),,nodejs npm) \
  $(if $(shell command -v firefox-esr),,firefox-esr) \
  $(if $(shell command -v WebKitWebDriver),,webkit2gtk-driver) \
  $(if $(shell command -v Xvfb),,xvfb))

tools:
	@if [ -n "$(APT_NEEDS)" ]; then \
	  echo "Installing from Debian for the tests: $(APT_NEEDS)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_NEEDS); fi

# puppeteer-core drives Debian's firefox-esr; no browser of its own is downloaded.
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(STAMP) tools node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadgroup --reruns 1 --durations=25

# Build time, scale, page weight and browser timings (issue 8); writes BENCHMARKS.md. Takes about
# ten minutes on 2 cores; mkdocs-quiz and Lighthouse are installed under bench/.work/.
bench: $(STAMP) tools
	$(BIN)/python -m bench

# PNGs of the home page, a chapter, each question kind before and after Check, My progress, the
# tracker and the catalog, at 390x844 and 1280x800, light and dark, in screenshots/out/ (not
# part of `make test`; `SHOTS_ARGS=--axe` also prints axe-core's findings).
screenshots: $(STAMP) tools
	$(BIN)/python -m screenshots $(SHOTS_ARGS)

clean:
	rm -rf site dist .pytest_cache
