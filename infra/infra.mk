# Packaging and deployment targets, included from the root Makefile, which defines
#   MVNW     := ./mvnw -B -ntp
#   JAVA_ENV := JAVA_HOME=$$(scripts/find-jdk.sh)
# Run from the repository root. See docs/deploy.md.
#
# Variables an operator may set (make deploy JWT_ISSUER=... JWT_AUDIENCE=...):
#   RUNTIME       native (default) or jvm: must match how the function zips were built
#   ARCH          arm64 (default) or x86_64: a native zip runs only on the architecture it was built on
#   JWT_ISSUER    an external token issuer URL; unset, the API accepts the stack's staff user pool's tokens
#   JWT_AUDIENCE  accepted audiences with an external issuer, comma-separated
#   ALARM_EMAIL   address subscribed to the alarm topic
#   STAFF_MFA     true (default) or false: staff sign in with an authenticator app, and the api requires it in amr
#   AWS_PROFILE   the operator's AWS CLI profile for deploy
#   CDK_ARGS      anything else for the cdk command line

RUNTIME ?= native
ARCH ?= arm64

# every function module that exists now (api first; sweep and notifier when they land)
INFRA_FUNCTION_MODULES := $(patsubst %/pom.xml,%,$(wildcard functions/*/pom.xml))
INFRA_NPM_STAMP := infra/node_modules/.package-lock.json
INFRA_COMMA := ,
INFRA_EMPTY :=
INFRA_SPACE := $(INFRA_EMPTY) $(INFRA_EMPTY)

# jsii runs the CDK in Node: silence its Node end-of-life banner for the installed major and CDK's internal
# deprecation notes; no CLI telemetry and no notices fetched from the network (synth stays offline)
INFRA_CDK_ENV = JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=$$(node -p 'process.versions.node.split(".")[0]') \
	JSII_DEPRECATED=quiet CDK_DISABLE_CLI_TELEMETRY=true
INFRA_CONTEXT = -c runtime=$(RUNTIME) -c architecture=$(ARCH) $(if $(ALARM_EMAIL),-c alarmEmail=$(ALARM_EMAIL)) \
	$(if $(STAFF_MFA),-c staffMfa=$(STAFF_MFA))
INFRA_PARAMETERS = $(if $(JWT_ISSUER),--parameters JwtIssuer=$(JWT_ISSUER)) \
	$(if $(JWT_AUDIENCE),--parameters JwtAudience=$(JWT_AUDIENCE))

.PHONY: package package-native synth deploy localstack-deploy cdk-bootstrap infra-app

# JVM builds of every function module: functions/<name>/target/function.zip
package:
	$(JAVA_ENV) $(MVNW) -DskipTests -pl $(subst $(INFRA_SPACE),$(INFRA_COMMA),$(INFRA_FUNCTION_MODULES)) -am package

# native builds: with GraalVM's native-image if present, else inside a container
package-native:
	@if command -v native-image >/dev/null 2>&1; then \
		set -x; $(JAVA_ENV) $(MVNW) -DskipTests -Dnative \
			-pl $(subst $(INFRA_SPACE),$(INFRA_COMMA),$(INFRA_FUNCTION_MODULES)) -am package; \
	elif { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; } \
		|| { command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1; }; then \
		set -x; $(JAVA_ENV) $(MVNW) -DskipTests -Dnative -Dquarkus.native.container-build=true \
			-pl $(subst $(INFRA_SPACE),$(INFRA_COMMA),$(INFRA_FUNCTION_MODULES)) -am package; \
	else \
		echo "make package-native needs GraalVM (native-image on the PATH) or a running container runtime (docker or podman), and this machine has neither; use make package for JVM zips and RUNTIME=jvm."; \
		exit 1; \
	fi
	@echo "Native executables are built for this machine's architecture ($$(uname -m)): deploy with ARCH=$$(uname -m | sed 's/aarch64/arm64/')."

$(INFRA_NPM_STAMP): infra/package.json infra/package-lock.json
	npm ci --prefix infra --no-audit --no-fund

# the CDK app: compiled classes and target/classpath.txt, which cdk.json's app command runs
infra-app:
	$(JAVA_ENV) $(MVNW) -q -DskipTests -pl infra -am package

# synth and deploy publish the console's files, vendor/ included (make console)
synth: console infra-app $(INFRA_NPM_STAMP)
	cd infra && $(INFRA_CDK_ENV) node_modules/.bin/cdk synth --quiet --no-notices $(INFRA_CONTEXT) $(CDK_ARGS)
	@echo "Template: infra/cdk.out/GovFeedback.template.json"

# once per account and region: the S3 bucket and roles CDK deploys assets through
cdk-bootstrap: infra-app $(INFRA_NPM_STAMP)
	cd infra && $(INFRA_CDK_ENV) node_modules/.bin/cdk bootstrap --no-notices $(if $(AWS_PROFILE),--profile $(AWS_PROFILE)) \
		$(INFRA_CONTEXT) $(CDK_ARGS)

deploy: console infra-app $(INFRA_NPM_STAMP)
	cd infra && $(INFRA_CDK_ENV) node_modules/.bin/cdk deploy --no-notices --require-approval broadening \
		$(if $(AWS_PROFILE),--profile $(AWS_PROFILE)) $(INFRA_CONTEXT) $(INFRA_PARAMETERS) $(CDK_ARGS)

# LocalStack (needs Docker and a running LocalStack on localhost:4566). The free edition has no HTTP API (v2),
# so the stack leaves it out and the api function is invoked directly; see docs/deploy.md.
localstack-deploy: console infra-app $(INFRA_NPM_STAMP)
	cd infra && $(INFRA_CDK_ENV) node_modules/.bin/cdklocal bootstrap --no-notices $(INFRA_CONTEXT) -c httpApi=false
	cd infra && $(INFRA_CDK_ENV) node_modules/.bin/cdklocal deploy --no-notices --require-approval never \
		$(INFRA_CONTEXT) -c httpApi=false -c reserveConcurrency=false \
		--parameters JwtIssuer=$(or $(JWT_ISSUER),https://issuer.localhost) \
		--parameters JwtAudience=$(or $(JWT_AUDIENCE),local) $(CDK_ARGS)
