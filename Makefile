# Gap Bot. `make run` serves the bot; `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test model evaluate bench package clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime  ## serve on http://127.0.0.1:3978/api/messages (SQLite at data/gapbot.db)
	$(BIN)/python app.py

test: $(VENV)/.dev  ## the whole suite, on SQLite and on the PostgreSQL at 127.0.0.1:5432
	$(BIN)/python -m pytest

model: $(VENV)/.dev  ## retrain nlp/model from nlp/corpus
	$(BIN)/python -m nlp.train

evaluate: $(VENV)/.dev  ## held-out figures for the NLP and the TF-IDF baseline
	$(BIN)/python -m nlp.evaluate

bench: $(VENV)/.dev  ## turn and NLP benchmarks
	$(BIN)/python bench/turns.py
	$(BIN)/python bench/nlp_speed.py

package:  ## zip the Teams app package (appPackage/build/gapbot.zip)
	mkdir -p appPackage/build
	cd appPackage && zip -q -j build/gapbot.zip manifest.json color.png outline.png
	@echo "wrote appPackage/build/gapbot.zip"

clean:
	rm -rf $(VENV) appPackage/build
