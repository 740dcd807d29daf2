"""Shared test settings."""

from hypothesis import HealthCheck, settings

# CI machines are small and noisy: no per-example deadline, a bounded number of examples.
settings.register_profile("newsprism", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("newsprism")
