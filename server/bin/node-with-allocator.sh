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
# Tried and left out (issue 14): 32 MB semi-spaces for the api role (`--max-semi-space-size=32`) cut its CPU per
# lookup ~5 % and raised S1 req/s ~5 %, but the audit export's peak memory then grew with the export's length
# (1M rows 86 MB over idle against 66 MB, 1.39x the 100k export's against the goal's 1.1x). Tried again once the
# export no longer promoted its batches (2026-12-01, V8_MAX_SEMI_SPACE_MB=32 on the api): the API's CPU per lookup
# went 1.33 -> 1.11 ms (one S1 run each), but it idled 32 MB higher (170 -> 202 MB) and one 1M export of five
# peaked 52 MB over idle (the others 2-7 MB, as without). Left out again.
#
# The worker role gets small young-generation semi-spaces: V8_MAX_SEMI_SPACE_MB, 2 by default for the worker; V8's
# own choice (up to 16 MB each) for the other roles, or for any role when it is set empty. A worker's own
# JavaScript allocates little (its documents are Buffers, outside the heap), but V8 grows the semi-spaces to their
# maximum after the scavenges that meet the documents in flight and keeps them: measured (issue 14, S4,
# 2026-12-01), the worker's new space held 1-2 MB of objects in 31 MB of resident pages. With 2 MB: new space
# 3-4 MB resident, worker idle 164 -> 136-140 MB, peak over the ~10 MB uploads 289-298 -> 258-270 MB (three runs
# each; then 265 and 290 MB in two full bench runs: the peak also depends on which jobs overlap). Its scavenges
# went 86 -> 199 and its collections' time 0.55 -> 0.72 s over a run of 44 s of CPU (0.4 %). The api and all roles
# keep V8's choice (their JSON and rows are on the heap; see the trial of 32 MB above). The role is read as main.ts
# reads it: the argument after the script, else ROLE (a benchmark's stand-in for the worker sets ROLE=worker to
# run with the same settings).
case "${2:-}" in
  api | worker | all) role="$2" ;;
  *) role="${ROLE:-}" ;;
esac
if [ "$role" = worker ]; then semi="${V8_MAX_SEMI_SPACE_MB-2}"; else semi="${V8_MAX_SEMI_SPACE_MB:-}"; fi
exec node --heap-growing-percent="${V8_HEAP_GROWING_PERCENT:-100}" ${semi:+--max-semi-space-size="$semi"} "$@"
