# Everything a developer or operator runs. Needs JDK 21+, Node 20+ and make; the Maven wrapper and
# `npm ci` install the rest.
SHELL := /bin/bash
MVNW := ./mvnw -B -ntp
JAVA_ENV := JAVA_HOME=$$(scripts/find-jdk.sh)
KEYS := .local/keys
TOOLS_CLASSES := tools/target/classes
TOOLS_CP = $$(cat tools/target/classpath.txt):$(TOOLS_CLASSES)
CONSOLE_VENDOR := functions/api/src/main/resources/META-INF/resources/console/vendor

.PHONY: help run test token bench node-tools console local-api keys train evaluate evaluate-masking classify insights-rebuild audit-verify contact-key-rotate

# package, package-native, synth, deploy, localstack-deploy (docs/deploy.md)
include infra/infra.mk
# sweep: the sweep once against the local store (SLA, improvement notices, satisfaction change)
include scripts/sweep.mk

help:
	@echo "make run      start the store and the API on http://localhost:8080 (Ctrl-C stops)"
	@echo "make test     run every test"
	@echo "make token ROLE=citizen|staff|supervisor|admin|optimisation-office SUB=<subject> [DEPT=<department code>]"
	@echo "make bench    measure submissions per second against the local API and the store, triage speed, the sweep, improvements, the 贡献榜, the console, the dashboard over HTTP and its store reads with 100,000 feedback"
	@echo "make sweep [AT=<ISO-8601>] [DRY_RUN=1]   run the sweep once against the local store (SLA, improvement notices, satisfaction change)"
	@echo "make insights-rebuild   rebuild the dashboard's aggregates from the feedback in the local store"
	@echo "make audit-verify       check every audit chain in the local store against itself and the daily anchors"
	@echo "make contact-key-rotate add a new version of the local key-encryption key of callback phones"
	@echo "make train    retrain the triage model from data/triage/corpus-*.jsonl"
	@echo "make evaluate IN=labelled.jsonl    accuracy and macro-F1 of type, colour and domain"
	@echo "make evaluate-masking   recall on personal data and look-alikes masked, by category, on a generated adversarial set; masking speed"
	@echo "make classify IN=a.jsonl OUT=b.jsonl"
	@echo "make package | package-native | synth | deploy | localstack-deploy   (docs/deploy.md)"

## Node tools (dynalite) from package-lock.json, reinstalled when the lock file changes
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@
node-tools: node_modules/.installed

## The console's front-end packages, copied from node_modules into the folder the API serves at /console/
$(CONSOLE_VENDOR)/.copied: node_modules/.installed scripts/console-vendor.mjs
	node scripts/console-vendor.mjs
console: $(CONSOLE_VENDOR)/.copied

## The API as a plain HTTP server (the Lambda artifact is built separately by `make package`)
local-api: console
	$(JAVA_ENV) $(MVNW) -q -Dlocal -DskipTests package -pl functions/api -am

## The tools module's class path: the development token issuer lives there, never in a Lambda artifact
tools/target/classpath.txt: pom.xml src/pom.xml tools/pom.xml $(shell find src/main/java/com/govfeedback/auth tools/main -name '*.java')
	$(JAVA_ENV) $(MVNW) -q -DskipTests install -pl src -am
	$(JAVA_ENV) $(MVNW) -q compile dependency:build-classpath -Dmdep.outputFile=$(CURDIR)/$@ -pl tools

## The development signing key pair, made on first use, never committed (.local/ is git-ignored)
keys: tools/target/classpath.txt
	@test -f $(KEYS)/public.pem || $$(scripts/find-jdk.sh)/bin/java -cp "$(TOOLS_CP)" com.govfeedback.devtoken.DevTokenIssuer $(KEYS) citizen bootstrap >/dev/null

run: node-tools local-api keys
	scripts/start-local.sh

token: keys
	@$$(scripts/find-jdk.sh)/bin/java -cp "$(TOOLS_CP)" com.govfeedback.devtoken.DevTokenIssuer $(KEYS) "$(ROLE)" "$(SUB)" $(DEPT)

test: node-tools
	$(JAVA_ENV) $(MVNW) test
	$(MAKE) local-api
	npm run test:browser

bench: node-tools local-api keys
	scripts/bench.sh
	node scripts/console-bench.mjs
	$(JAVA_ENV) $(MVNW) -q -pl src test-compile exec:exec -Dexec.executable=$$(scripts/find-jdk.sh)/bin/java -Dexec.classpathScope=test \
	  -Dexec.args="-cp %classpath com.govfeedback.triage.bench.TriageBench"
	$(JAVA_ENV) $(MVNW) -q -pl src exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.govfeedback.bench.SweepLoad
	$(JAVA_ENV) $(MVNW) -q -pl src exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.govfeedback.improvement.ImprovementBench
	$(JAVA_ENV) $(MVNW) -q -pl src exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.govfeedback.bench.LeaderboardLoad
	$(JAVA_ENV) $(MVNW) -q -pl src exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.govfeedback.insights.InsightsBench
	$(JAVA_ENV) $(MVNW) -q -pl src exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.govfeedback.bench.AuditLoad

## The dashboard's aggregates rebuilt from the feedback items (docs/insights.md); run while nothing writes feedback
insights-rebuild:
	DYNAMODB_ENDPOINT='$(or $(DYNAMODB_ENDPOINT),http://localhost:8000)' $(JAVA_ENV) $(MVNW) -q -pl src compile exec:java \
	  -Dslf4j.internal.verbosity=ERROR -Dexec.mainClass=com.govfeedback.insights.InsightRebuild

## The audit chains checked against themselves and the anchors in .local/audit/anchors (docs/security.md); exits 1 on any problem
audit-verify:
	DYNAMODB_ENDPOINT='$(or $(DYNAMODB_ENDPOINT),http://localhost:8000)' $(JAVA_ENV) $(MVNW) -q -pl src compile exec:java \
	  -Dslf4j.internal.verbosity=ERROR -Dexec.mainClass=com.govfeedback.audit.AuditVerify

## The next version of the local key-encryption key of callback phones; older values re-sealed when next revealed
contact-key-rotate:
	$(JAVA_ENV) $(MVNW) -q -pl src compile exec:java -Dexec.mainClass=com.govfeedback.crypto.LocalKeyFiles \
	  -Dexec.args="$(or $(CONTACT_KEY_DIR),.local/keys/contact)"

## Triage model: reproducible training, evaluation on any labelled file, batch classification
train:
	$(JAVA_ENV) $(MVNW) -q -pl tools -am install -DskipTests && $(JAVA_ENV) $(MVNW) -q -pl tools exec:java -Dexec.mainClass=com.govfeedback.training.Train

evaluate:
	@test -n "$(IN)" || { echo "usage: make evaluate IN=labelled.jsonl"; exit 2; }
	$(JAVA_ENV) $(MVNW) -q -pl tools -am install -DskipTests && $(JAVA_ENV) $(MVNW) -q -pl tools exec:java -Dexec.mainClass=com.govfeedback.training.Evaluate -Dexec.args="in=$(abspath $(IN))"

## Personal-data masking measured on a generated, labelled adversarial set (written to src/target/masking/)
evaluate-masking:
	$(JAVA_ENV) $(MVNW) -q -pl tools -am install -DskipTests && $(JAVA_ENV) $(MVNW) -q -pl tools exec:java -Dexec.mainClass=com.govfeedback.training.EvaluateMasking

classify:
	@test -n "$(IN)" -a -n "$(OUT)" || { echo "usage: make classify IN=a.jsonl OUT=b.jsonl"; exit 2; }
	$(JAVA_ENV) $(MVNW) -q -pl tools -am install -DskipTests && $(JAVA_ENV) $(MVNW) -q -pl tools exec:java -Dexec.mainClass=com.govfeedback.training.Classify -Dexec.args="in=$(abspath $(IN)) out=$(abspath $(OUT))"
