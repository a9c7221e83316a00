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
exec node "$@"
