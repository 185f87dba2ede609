"""Helpers of benchmarks/bench_real_exports.py: finding real exports, reading them, and adapting twoway's JSON.

Nothing here holds data from a real export: the exports themselves live outside the repository.
"""
