# EquityChain — the two commands: `make dev` and `make test`.
SWIFT ?= swift

.PHONY: dev test build release bootstrap bench clean

bootstrap:
	@scripts/bootstrap --python

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release

## Builds and starts a dev node on the embedded default genesis.
dev: bootstrap
	$(SWIFT) run equity-node dev

## Builds and runs every test.
test: bootstrap
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	$(SWIFT) run -c release equity-bench primitives

clean:
	rm -rf .build
