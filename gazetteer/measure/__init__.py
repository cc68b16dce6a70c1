"""Measurement: gold sets, evaluation, benchmarks and gazetteer statistics."""
