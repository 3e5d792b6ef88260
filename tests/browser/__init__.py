"""Helpers for tests that load generated HTML in a real headless Chromium."""
