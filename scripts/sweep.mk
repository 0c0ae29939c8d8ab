# The sweep on this machine (docs/sla.md, "Sweep"; the improvement loop's step: docs/improvements.md). Included from the root Makefile, which defines MVNW and JAVA_ENV.
#   make sweep                                  one sweep now against make run's store (localhost:8000, table feedback)
#   make sweep AT=2026-03-02T16:00+08:00        act as if it were that time (rehearse a warning or an escalation)
#   make sweep DRY_RUN=1                        report what it would do, change nothing
# make run sweeps every minute by itself (scripts/start-local.sh).
.PHONY: sweep

sweep:
	AT='$(AT)' DRY_RUN='$(DRY_RUN)' DYNAMODB_ENDPOINT='$(or $(DYNAMODB_ENDPOINT),http://localhost:8000)' \
	  $(JAVA_ENV) $(MVNW) -q -pl src compile exec:java -Dslf4j.internal.verbosity=ERROR \
	  -Dexec.mainClass=com.govfeedback.local.SweepOnce
