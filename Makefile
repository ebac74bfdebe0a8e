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

package:  ## appPackage/build/gapbot.zip for Teams, with MicrosoftAppId (from the environment) as the app and bot id
	@test -n "$(MicrosoftAppId)" || (echo "set MicrosoftAppId to the Azure Bot's app id" && exit 1)
	mkdir -p appPackage/build
	sed 's/{{APP_ID}}/$(MicrosoftAppId)/g' appPackage/manifest.json > appPackage/build/manifest.json
	cp appPackage/color.png appPackage/outline.png appPackage/build/
	cd appPackage/build && rm -f gapbot.zip && zip -q gapbot.zip manifest.json color.png outline.png
	@echo "wrote appPackage/build/gapbot.zip"

clean:
	rm -rf $(VENV) appPackage/build
