// `object.entries` for node-polyglot: every browser the console supports has Object.entries, and the npm shim
// brings ~5 kB gzipped of ES5 intrinsics helpers (get-intrinsic, call-bind, object-keys…) to both pages.
module.exports = Object.entries;
