#!/bin/sh
# Starts Node with the memory allocator settings Recovery Desk is run and measured with: `npm start`, the
# documents benchmark, and a deployment (`sh server/bin/node-with-allocator.sh dist/server/main.js worker`).
#
# glibc keeps large freed blocks (libvips' decoded images, 10 MB document buffers) inside its arenas, and after
# each one it raises the size from which it maps memory directly, so a document worker's RSS only grows:
# measured, 8 uploads of 10 MB left the worker at 550-650 MB. A fixed mmap threshold (128 KB) maps every large
# block and gives it back on free; one arena (measured: no slower here, 20-40 MB less than two). Values already in the environment win.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
#
# V8 collects the old generation when it reaches a multiple of what the last full collection kept, and picks that
# multiple itself, up to 4x: the API keeps ~57 MB live, so a long export's short-lived garbage that a scavenge
# promotes (~2 MB per scavenge) piled up to ~230 MB before the first full collection, and the API's peak RSS grew
# with the export's length (measured: CSV audit export, 100k rows +122 MB over idle, 1M rows +186 MB). A fixed 2x
# (--heap-growing-percent=100) bounds it: 100k rows +65 MB, 1M +69 MB; 1.5x left the 1M export 18 % above the 100k
# one. Under an S1-like load (account search, 10 connections) the number of full collections stayed the same (4 in a
# 35 s run, 20-35 ms each) and GC pauses differed by under 1 % of the time. Paired req/s at load 8-13 was noisy
# and leaned lower with 2x (default 219, 188; 2x 123, 210 through this launcher), so it is not settled: compare on
# a quiet machine with V8_HEAP_GROWING_PERCENT=0 (V8's own choice) against the default here.
#
# The API role's requests leave short-lived garbage only (a lookup allocates ~50 kB and keeps nothing): a larger
# young generation (32 MB semi-spaces instead of 16) halves its scavenges. Measured on the S1 lookup: +4 % req/s
# (issue 14). Not for a worker or `all`: their documents are kept across scavenges anyway, and the worker's memory
# budget (< 300 MB with 10 MB uploads) has no room for 32 MB more. V8_SEMI_SPACE_MB overrides it (0: V8's own).
young=""
case " $* " in
*" api "*) young="--max-semi-space-size=${V8_SEMI_SPACE_MB:-32}" ;;
esac
if [ "${ROLE:-}" = "api" ]; then young="--max-semi-space-size=${V8_SEMI_SPACE_MB:-32}"; fi
if [ "${V8_SEMI_SPACE_MB:-}" = "0" ]; then young=""; fi
# shellcheck disable=SC2086 # $young is one flag or nothing
exec node --heap-growing-percent="${V8_HEAP_GROWING_PERCENT:-100}" $young "$@"
