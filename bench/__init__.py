"""Benchmarks for Small Moments: build time, scale, page weight and browser timings."""
